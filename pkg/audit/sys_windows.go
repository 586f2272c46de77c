package audit

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The lock operations flock takes.
const (
	lockSh = iota
	lockEx
	lockUn
)

// flock takes (lockSh, lockEx) or releases (lockUn) f's lock with
// LockFileEx / UnlockFileEx, waiting for it. Like flock(2), the lock
// belongs to the open handle and is released when it is closed or its
// process ends.
func flock(f *os.File, how int) error {
	h := windows.Handle(f.Fd())
	// The one byte locked is at 1<<32, far past the end of the head file:
	// a LockFileEx range is mandatory, and a lock over the head's bytes
	// would refuse other processes' reads of it.
	ol := windows.Overlapped{OffsetHigh: 1}
	switch how {
	case lockUn:
		return windows.UnlockFileEx(h, 0, 1, 0, &ol)
	case lockEx:
		return windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &ol)
	default:
		return windows.LockFileEx(h, 0, 0, 1, 0, &ol)
	}
}

// fileStandardInfo is FILE_STANDARD_INFO, what GetFileInformationByHandleEx
// returns for FileStandardInfo.
type fileStandardInfo struct {
	AllocationSize int64
	EndOfFile      int64
	NumberOfLinks  uint32
	DeletePending  byte
	Directory      byte
}

// fileState returns f's size and whether it still has a name: a file
// deleted while open has no links left, or (without POSIX delete
// semantics) is pending deletion and will vanish when the last handle is
// closed.
func fileState(f *os.File) (size int64, linked bool, err error) {
	var fi fileStandardInfo
	err = windows.GetFileInformationByHandleEx(windows.Handle(f.Fd()), windows.FileStandardInfo,
		(*byte)(unsafe.Pointer(&fi)), uint32(unsafe.Sizeof(fi)))
	if err != nil {
		return 0, false, &os.PathError{Op: "GetFileInformationByHandleEx", Path: f.Name(), Err: err}
	}
	return fi.EndOfFile, fi.NumberOfLinks > 0 && fi.DeletePending == 0, nil
}

// shareAll lets other handles read, write, rename and delete the file
// while it is open, as on Unix: rotation renames the active file while
// other writers and readers hold it.
const shareAll = windows.FILE_SHARE_READ | windows.FILE_SHARE_WRITE | windows.FILE_SHARE_DELETE

func createFile(name string, access, disposition uint32) (*os.File, error) {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	h, err := windows.CreateFile(p, access, shareAll, nil, disposition, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(h), name), nil
}

// openAppend opens the active file at path for reading and writing,
// creating it, shared so that another process can rotate it. The handle
// has write access (not append-only access) so that truncate can cut it;
// appendOnce is what appends.
func openAppend(path string) (*os.File, error) {
	return createFile(path, windows.GENERIC_READ|windows.GENERIC_WRITE, windows.OPEN_ALWAYS)
}

// openFile opens one of the log's files.
func openFile(name string, flag int, perm uint32) (*os.File, error) {
	return os.OpenFile(name, flag, os.FileMode(perm))
}

// appendOnce appends b to f with a single WriteFile at the end of the
// file (offset 0xFFFFFFFF:0xFFFFFFFF, what FILE_APPEND_DATA access does
// for every write), wherever the file pointer is.
func appendOnce(f *os.File, b []byte) (int, error) {
	var n uint32
	ol := windows.Overlapped{Offset: 0xFFFFFFFF, OffsetHigh: 0xFFFFFFFF}
	err := windows.WriteFile(windows.Handle(f.Fd()), b, &n, &ol)
	return int(n), err
}

// reserve is a no-op here: space is reserved ahead of the active file on
// Linux only (see reserveFor).
func reserve(f *os.File, off, end int64) int { return reserveUnsupported }

// reservedEnd is 0 here: nothing was reserved (see reserve).
func reservedEnd(f *os.File) int64 { return 0 }

// truncate cuts f, opened by openAppend, to size bytes.
func truncate(f *os.File, size int64) error {
	info := size
	return windows.SetFileInformationByHandle(windows.Handle(f.Fd()), windows.FileEndOfFileInfo,
		(*byte)(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)))
}

// readAt reads len(b) bytes of f at off, or fewer and io.EOF at its end.
func readAt(f *os.File, b []byte, off int64) (int, error) { return f.ReadAt(b, off) }

// writeAt writes b to f at off.
func writeAt(f *os.File, b []byte, off int64) (int, error) { return f.WriteAt(b, off) }

// OpenRead opens a file of the audit trail for reading. Readers that
// follow the trail open its files with OpenRead, so that a writer can
// still rotate the active file while they hold it: Go's os.Open does not
// share delete access, and a file open without it cannot be renamed.
func OpenRead(name string) (*os.File, error) {
	return createFile(name, windows.GENERIC_READ, windows.OPEN_EXISTING)
}
