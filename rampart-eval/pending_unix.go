//go:build unix

package main

import (
	"net"
	"syscall"
)

// readPending reads what conn holds into buf without blocking, stopping
// at the end of the stream, when nothing more is there yet, or when buf
// is full. A connection that cannot be read that way yields nothing,
// which only means the caller serves it the ordinary way.
func readPending(conn net.Conn, buf []byte) pending {
	sc, ok := conn.(syscall.Conn)
	if !ok {
		return pending{}
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return pending{}
	}
	var p pending
	// The function returns true whatever happens: RawConn.Read must not
	// wait for readability, that is the ordinary path's job.
	rc.Read(func(fd uintptr) bool {
		for len(p.data) < len(buf) {
			n, err := syscall.Read(int(fd), buf[len(p.data):])
			if err == syscall.EINTR {
				continue
			}
			if err != nil || n < 0 {
				return true // EAGAIN (nothing yet) or a failing socket
			}
			if n == 0 {
				p.eof = true
				return true
			}
			p.data = buf[:len(p.data)+n]
		}
		return true
	})
	return p
}
