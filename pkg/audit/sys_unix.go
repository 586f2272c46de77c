//go:build unix && !(linux && (amd64 || arm64))

package audit

import (
	"os"

	"golang.org/x/sys/unix"
)

// The lock operations flock takes.
const (
	lockSh = unix.LOCK_SH
	lockEx = unix.LOCK_EX
	lockUn = unix.LOCK_UN
)

// flock takes (lockSh, lockEx) or releases (lockUn) f's advisory lock with
// flock(2), waiting for it.
func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			return err
		}
	}
}

// fileState returns f's size and whether it still has a name (a file
// removed while open has a link count of 0).
func fileState(f *os.File) (size int64, linked bool, err error) {
	var st unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &st); err != nil {
		return 0, false, err
	}
	return st.Size, st.Nlink > 0, nil
}

// openAppend opens the active file at path for reading and appending,
// creating it mode 0600.
func openAppend(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
}

// openFile opens one of the log's files.
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	return os.OpenFile(name, flag, os.FileMode(perm))
}

// appendOnce appends b to f, opened by openAppend, with a single write(2).
func appendOnce(f *os.File, b []byte) (int, error) {
	fd := int(f.Fd())
	n, err := unix.Write(fd, b)
	for err == unix.EINTR && n <= 0 {
		n, err = unix.Write(fd, b)
	}
	return n, err
}

// readAt reads len(b) bytes of f at off, or fewer and io.EOF at its end.
func readAt(f *os.File, b []byte, off int64) (int, error) { return f.ReadAt(b, off) }

// writeAt writes b to f at off.
func writeAt(f *os.File, b []byte, off int64) (int, error) { return f.WriteAt(b, off) }

// reserve is a no-op here: space is reserved ahead of the active file on
// Linux only (see reserveFor).
func reserve(f *os.File, off, end int64) int { return reserveUnsupported }

// reservedEnd is 0 here: nothing was reserved (see reserve).
func reservedEnd(f *os.File) int64 { return 0 }

// truncate cuts f, opened by openAppend, to size bytes.
func truncate(f *os.File, size int64) error { return unix.Ftruncate(int(f.Fd()), size) }

// OpenRead opens a file of the audit trail for reading. Readers that
// follow the trail open its files with OpenRead, so that a writer can
// still rotate the active file while they hold it (on Windows that needs
// a handle that shares delete access).
func OpenRead(name string) (*os.File, error) { return os.Open(name) }
