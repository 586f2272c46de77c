//go:build linux && (amd64 || arm64)

package audit

import (
	"io"
	"os"
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// On Linux (64-bit x86 and Arm, where pread and pwrite take the offset in
// one register) the system calls of one append (the lock, the sizes, the
// head's read and write, the record's write) are raw system calls where
// they wait for nothing but the page cache. Made through the scheduler
// (syscall.Syscall), the first system call of a process that was idle
// wakes the runtime's monitor thread, which then polls beside the append
// until the process is idle again: about three context switches per
// record in rampart-eval --listen, idle between questions, where the
// record is all the system calls a question makes. The lock is tried
// without waiting first; when another process holds it, it is waited for
// through the scheduler, and so is an fsync.

// The lock operations flock takes.
const (
	lockSh = unix.LOCK_SH
	lockEx = unix.LOCK_EX
	lockUn = unix.LOCK_UN
)

// rawErr turns a raw system call's errno into an error.
func rawErr(e syscall.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// flock takes (lockSh, lockEx) or releases (lockUn) f's advisory lock with
// flock(2), waiting for it.
func flock(f *os.File, how int) error {
	fd := uintptr(f.Fd())
	for {
		_, _, e := unix.RawSyscall(unix.SYS_FLOCK, fd, uintptr(how|unix.LOCK_NB), 0)
		if e == unix.EWOULDBLOCK && how != lockUn {
			break
		}
		if e != unix.EINTR {
			return rawErr(e)
		}
	}
	for {
		err := unix.Flock(int(fd), how)
		if err != unix.EINTR {
			return err
		}
	}
}

// fileState returns f's size and whether it still has a name (a file
// removed while open has a link count of 0). It asks statx(2) for just
// those two: an fstat(2) also reads the file's change time, which on
// file systems with fine-grained timestamps (ext4, xfs, btrfs and tmpfs
// since Linux 6.13) obliges the next write to stamp the file afresh, and
// so dirty its inode, where writes within one clock tick would otherwise
// leave it alone. Where statx is missing or refused, fstat.
func fileState(f *os.File) (size int64, linked bool, err error) {
	if !noStatx.Load() {
		var sx unix.Statx_t
		_, _, e := unix.RawSyscall6(unix.SYS_STATX, f.Fd(), uintptr(unsafe.Pointer(&emptyPath[0])),
			unix.AT_EMPTY_PATH, statxWant, uintptr(unsafe.Pointer(&sx)), 0)
		switch {
		case e == 0 && sx.Mask&statxWant == statxWant:
			return int64(sx.Size), sx.Nlink > 0, nil
		case e == 0 || e == unix.ENOSYS || e == unix.EPERM || e == unix.EINVAL:
			noStatx.Store(true)
		default:
			return 0, false, e
		}
	}
	return fstatState(f)
}

// statxWant is what fileState asks statx for.
const statxWant = unix.STATX_SIZE | unix.STATX_NLINK

// emptyPath is the empty name statx is given with AT_EMPTY_PATH, to stat
// the descriptor itself.
var emptyPath = [1]byte{0}

// noStatx is set once statx has failed for want of support.
var noStatx atomic.Bool

// fstatState is fileState by fstat(2).
func fstatState(f *os.File) (size int64, linked bool, err error) {
	var st unix.Stat_t
	if _, _, e := unix.RawSyscall(unix.SYS_FSTAT, f.Fd(), uintptr(unsafe.Pointer(&st)), 0); e != 0 {
		return 0, false, e
	}
	return st.Size, st.Nlink > 0, nil
}

// openAppend opens the active file at path for reading and appending,
// creating it mode 0600.
func openAppend(path string) (*os.File, error) {
	return openFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
}

// openFile is os.OpenFile for the log's own files, without the runtime's
// network poller: os.OpenFile registers every file it opens with the
// poller, and the first registration starts it (an epoll instance, an
// eventfd and an epoll_ctl per file, which a regular file refuses), after
// which the scheduler polls it whenever the process waits. The log's files
// are regular files, read and written with blocking or raw system calls;
// os.NewFile leaves a blocking descriptor out of the poller.
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	for {
		fd, err := unix.Open(name, flag|unix.O_CLOEXEC, perm)
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if err != unix.EINTR {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
	}
}

// appendOnce appends b to f, opened by openAppend, with a single write(2).
func appendOnce(f *os.File, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	fd := f.Fd()
	for {
		n, _, e := unix.RawSyscall(unix.SYS_WRITE, fd, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			return 0, e
		}
		return int(n), nil
	}
}

// readAt reads len(b) bytes of f at off, or fewer and io.EOF at its end.
func readAt(f *os.File, b []byte, off int64) (int, error) {
	fd := f.Fd()
	n := 0
	for n < len(b) {
		m, _, e := unix.RawSyscall6(unix.SYS_PREAD64, fd, uintptr(unsafe.Pointer(&b[n])), uintptr(len(b)-n),
			uintptr(off+int64(n)), 0, 0)
		switch {
		case e == unix.EINTR:
			continue
		case e != 0:
			return n, e
		case m == 0:
			return n, io.EOF
		}
		n += int(m)
	}
	return n, nil
}

// writeAt writes b to f at off.
func writeAt(f *os.File, b []byte, off int64) (int, error) {
	fd := f.Fd()
	n := 0
	for n < len(b) {
		m, _, e := unix.RawSyscall6(unix.SYS_PWRITE64, fd, uintptr(unsafe.Pointer(&b[n])), uintptr(len(b)-n),
			uintptr(off+int64(n)), 0, 0)
		switch {
		case e == unix.EINTR:
			continue
		case e != 0:
			return n, e
		case m == 0:
			return n, io.ErrShortWrite
		}
		n += int(m)
	}
	return n, nil
}

// truncate cuts f, opened by openAppend, to size bytes.
func truncate(f *os.File, size int64) error { return unix.Ftruncate(int(f.Fd()), size) }

// reserve allocates f's blocks from offset off up to offset end without
// changing its size (fallocate(2) with FALLOC_FL_KEEP_SIZE), as a raw
// system call: it waits for nothing but the file system's metadata.
func reserve(f *os.File, off, end int64) int {
	for {
		_, _, e := unix.RawSyscall6(unix.SYS_FALLOCATE, f.Fd(), unix.FALLOC_FL_KEEP_SIZE, uintptr(off), uintptr(end-off), 0, 0)
		switch e {
		case 0:
			return reserveDone
		case unix.EINTR:
			continue
		case unix.EOPNOTSUPP, unix.ENOSYS, unix.EINVAL, unix.ENODEV, unix.EPERM:
			return reserveUnsupported
		}
		return reserveFailed
	}
}

// reservedEnd returns how many bytes of f are allocated, its blocks as
// statx(2) gives them (space reserved past the end included), or 0 when
// they cannot be read. It asks for the blocks alone, not the times (see
// fileState).
func reservedEnd(f *os.File) int64 {
	var sx unix.Statx_t
	_, _, e := unix.RawSyscall6(unix.SYS_STATX, f.Fd(), uintptr(unsafe.Pointer(&emptyPath[0])),
		unix.AT_EMPTY_PATH, unix.STATX_BLOCKS, uintptr(unsafe.Pointer(&sx)), 0)
	if e != 0 || sx.Mask&unix.STATX_BLOCKS == 0 {
		return 0
	}
	return int64(sx.Blocks) * 512
}

// OpenRead opens a file of the audit trail for reading. Readers that
// follow the trail open its files with OpenRead, so that a writer can
// still rotate the active file while they hold it (on Windows that needs
// a handle that shares delete access).
func OpenRead(name string) (*os.File, error) { return os.Open(name) }

// mapHead maps the first headSize bytes of the head file f, shared, for
// reading and writing, or returns nil when it cannot.
func mapHead(f *os.File) []byte {
	b, err := unix.Mmap(int(f.Fd()), 0, headSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil
	}
	return b
}

// unmapHead drops a mapping mapHead made (nil: none).
func unmapHead(m []byte) {
	if m != nil {
		unix.Munmap(m)
	}
}

// readMapped copies the mapped head m into b. ok is false when the read
// faulted: the file was cut to nothing under the mapping (SIGBUS, made a
// panic here and recovered).
func readMapped(m, b []byte) (n int, ok bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			n, ok = 0, false
		}
	}()
	return copy(b, m), true
}

// storeMapped writes the encoded head b (headSize bytes, starting with
// '{') into the mapped head m: a store into the page cache, which every
// process's pread(2) and mapping read, where pwrite(2) would be a system
// call. The first word is blanked first and written last, so a process
// killed in the middle of the copy leaves a head that does not parse (the
// next append rebuilds it from the log) rather than a mix of two heads
// that does. ok is false when the store faulted (the file was cut to
// nothing under the mapping); nothing is written then.
func storeMapped(m, b []byte) (ok bool) {
	if len(m) < headSize || len(b) != headSize || b[0] != '{' {
		return false
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	first := (*uint32)(unsafe.Pointer(&m[0])) // page-aligned
	atomic.StoreUint32(first, blankWord)
	copy(m[4:headSize], b[4:])
	atomic.StoreUint32(first, *(*uint32)(unsafe.Pointer(&b[0])))
	return true
}

// blankWord is four blanks, the head's first word while it is rewritten.
const blankWord = 0x20202020
