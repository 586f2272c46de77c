//go:build unix

package stdio

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// A socket (as MCP clients spawn servers on) is read through a
// non-blocking duplicate, and the undo makes the original blocking again.
func TestPollableSocket(t *testing.T) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fds[0])
	defer unix.Close(fds[1])
	f, undo := pollable(fds[0], "sock")
	if f == nil {
		t.Fatal("a socket was not made pollable")
	}
	defer f.Close()
	if !nonblocking(t, fds[0]) {
		t.Error("the socket is blocking: the File on its duplicate is not on the poller")
	}
	unix.Write(fds[1], []byte("hello\n"))
	buf := make([]byte, 16)
	n, err := f.Read(buf)
	if err != nil || string(buf[:n]) != "hello\n" {
		t.Errorf("Read = %q, %v", buf[:n], err)
	}
	undo()
	if nonblocking(t, fds[0]) {
		t.Error("undo left the socket non-blocking")
	}
}

// A pipe's write end is made pollable too; a regular file is left alone.
func TestPollableKinds(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	wfd, err := unix.Dup(int(w.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(wfd)
	unix.SetNonblock(wfd, false)
	f, undo := pollable(wfd, "pipe")
	if f == nil {
		t.Fatal("a pipe was not made pollable")
	}
	if _, err := f.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	f.Close()
	undo()
	b := make([]byte, 1)
	if _, err := io.ReadFull(r, b); err != nil || b[0] != 'x' {
		t.Errorf("read %q, %v", b, err)
	}

	reg, err := os.Create(filepath.Join(t.TempDir(), "file"))
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Close()
	if f, _ := pollable(int(reg.Fd()), "file"); f != nil {
		t.Error("a regular file was made pollable")
	}
}

func nonblocking(t *testing.T, fd int) bool {
	t.Helper()
	fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil {
		t.Fatal(err)
	}
	return fl&unix.O_NONBLOCK != 0
}
