package main

import (
	"bytes"
	"io"
	"net"
	"syscall"
)

// pending is what a freshly accepted connection has already sent, read
// without waiting: librampart asks one question per exec, writes it and
// shuts its side down before the server gets to the connection, so the
// whole exchange is usually in the socket by then.
type pending struct {
	data []byte // bytes read so far (a slice of the caller's buffer)
	eof  bool   // the client has finished sending: data is all there is
}

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

// oneLine reports whether data is a single line and its newline: the one
// question a client that then shut its side down can have asked.
func oneLine(data []byte) bool {
	i := bytes.IndexByte(data, '\n')
	return i >= 0 && i == len(data)-1
}

// reader returns a reader of the connection that starts with the bytes
// already read from it.
func (p pending) reader(conn net.Conn) io.Reader {
	if len(p.data) == 0 {
		return conn
	}
	return io.MultiReader(bytes.NewReader(bytes.Clone(p.data)), conn)
}
