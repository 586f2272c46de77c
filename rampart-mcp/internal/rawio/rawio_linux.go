package rawio

import (
	"io"
	"os"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// file is a non-blocking descriptor on the poller, read and written with
// raw system calls.
type file struct {
	f  *os.File // kept so that its finalizer does not close the descriptor
	rc syscall.RawConn
}

// wrap returns f as a raw file, or nil when f may block: not
// non-blocking, or not on the poller (a File made before its descriptor
// was made non-blocking has no deadline support).
func wrap(f *os.File) *file {
	// Not f.Fd(): it would make the descriptor blocking.
	rc, err := f.SyscallConn()
	if err != nil || f.SetDeadline(time.Time{}) != nil {
		return nil
	}
	flags := 0
	if rc.Control(func(fd uintptr) { flags, err = unix.FcntlInt(fd, unix.F_GETFL, 0) }) != nil || err != nil || flags&unix.O_NONBLOCK == 0 {
		return nil
	}
	return &file{f: f, rc: rc}
}

// Read reads once: what is there, or, when nothing is, what comes first.
func (r *file) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var n int
	var errno syscall.Errno
	err := r.rc.Read(func(fd uintptr) bool {
		for {
			m, _, e := unix.RawSyscall(unix.SYS_READ, fd, uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
			switch e {
			case unix.EINTR:
				continue
			case unix.EAGAIN:
				return false // wait on the poller, then try again
			}
			n, errno = int(m), e
			return true
		}
	})
	switch {
	case err != nil: // closed meanwhile
		return 0, &os.PathError{Op: "read", Path: r.f.Name(), Err: err}
	case errno != 0:
		return 0, &os.PathError{Op: "read", Path: r.f.Name(), Err: errno}
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

// Write writes all of p, waiting for room as often as it takes.
func (r *file) Write(p []byte) (int, error) {
	n := 0
	var errno syscall.Errno
	err := r.rc.Write(func(fd uintptr) bool {
		for n < len(p) {
			m, _, e := unix.RawSyscall(unix.SYS_WRITE, fd, uintptr(unsafe.Pointer(&p[n])), uintptr(len(p)-n))
			switch e {
			case 0:
				n += int(m)
			case unix.EINTR:
			case unix.EAGAIN:
				return false
			default:
				errno = e
				return true
			}
		}
		return true
	})
	switch {
	case err != nil:
		return n, &os.PathError{Op: "write", Path: r.f.Name(), Err: err}
	case errno != 0:
		return n, &os.PathError{Op: "write", Path: r.f.Name(), Err: errno}
	}
	return n, nil
}
