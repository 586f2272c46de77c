package export

import (
	"context"
	"errors"
	"net"
	"time"

	"golang.org/x/sys/unix"
)

// waitAcked waits until the peer's TCP stack has acknowledged every byte
// written to c (SIOCOUTQ, the bytes not yet acknowledged, is 0) and the
// connection is still open (a peek finds neither an end of stream nor an
// error: a collector that went away resets the connection, which also
// empties the queue).
func waitAcked(ctx context.Context, c *net.TCPConn, gone chan struct{}, deadline time.Time) error {
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	pause := 100 * time.Microsecond
	for {
		var outq int
		var qerr, perr error
		var eof bool
		cerr := rc.Control(func(fd uintptr) {
			outq, qerr = unix.IoctlGetInt(int(fd), unix.SIOCOUTQ)
			var b [1]byte
			n, _, err := unix.Recvfrom(int(fd), b[:], unix.MSG_PEEK|unix.MSG_DONTWAIT)
			switch {
			case err == unix.EAGAIN || err == unix.EINTR:
			case err != nil:
				perr = err
			case n == 0:
				eof = true
			}
		})
		switch {
		case cerr != nil:
			return cerr
		case qerr != nil:
			return qerr
		case perr != nil:
			return perr
		case eof || closed(gone):
			return errors.New("the collector closed the connection")
		case outq == 0:
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("the collector did not take in the messages in time")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 10*time.Millisecond)
	}
}
