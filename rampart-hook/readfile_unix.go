//go:build unix

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"rampart.dev/rampart-hook/internal/agent"
)

// readFileWithin reads all of f as readPayload does, waiting for each read
// with poll(2) so that it gives up after d without a goroutine and the
// thread a blocked read would hold: a hook process then runs on one
// thread. ok is false when f cannot be polled, for the caller to read it
// another way.
func readFileWithin(f *os.File, d time.Duration) (b []byte, ok bool, err error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, false, nil
	}
	deadline := time.Now().Add(d)
	b = make([]byte, 0, 4096)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return nil, true, fmt.Errorf("%w within %v", errReadTimeout, d)
		}
		ready, perr := pollIn(rc, left)
		if perr != nil && len(b) == 0 {
			return nil, false, nil // not pollable: nothing read yet
		}
		if perr != nil {
			return nil, true, fmt.Errorf("cannot read stdin: %w", perr)
		}
		if !ready {
			continue // the deadline is checked above
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, rerr := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if len(b) > agent.MaxPayload {
			_, _ = io.CopyN(io.Discard, f, maxDrain)
			return nil, true, agent.ErrTooBig
		}
		if errors.Is(rerr, io.EOF) {
			return b, true, nil
		}
		if rerr != nil {
			return nil, true, fmt.Errorf("cannot read stdin: %w", rerr)
		}
	}
}

// pollIn waits up to d for the file under rc to be readable (or closed).
func pollIn(rc syscall.RawConn, d time.Duration) (bool, error) {
	ms := int(d / time.Millisecond)
	if ms < 1 {
		ms = 1
	}
	var n int
	var perr error
	err := rc.Control(func(fd uintptr) {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		for {
			n, perr = unix.Poll(fds, ms)
			if !errors.Is(perr, unix.EINTR) {
				return
			}
		}
	})
	if err != nil {
		return false, err
	}
	if perr != nil {
		return false, perr
	}
	return n > 0, nil
}
