//go:build linux && (amd64 || arm64)

package decide

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// haveRawLstat says lstatRaw is a raw system call here.
const haveRawLstat = true

// atFDCWD is AT_FDCWD as a variable: the constant is negative and cannot
// be converted to uintptr at compile time.
var atFDCWD = unix.AT_FDCWD

// lstatRaw is isLink made with a raw system call (newfstatat with
// AT_SYMLINK_NOFOLLOW), which does not go through the scheduler (see
// Config.RawLookups).
func lstatRaw(path string) (bool, error) {
	p, err := unix.BytePtrFromString(path)
	if err != nil {
		return false, err
	}
	var st unix.Stat_t
	for {
		_, _, e := unix.RawSyscall6(unix.SYS_NEWFSTATAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&st)), unix.AT_SYMLINK_NOFOLLOW, 0, 0)
		switch e {
		case 0:
			return st.Mode&unix.S_IFMT == unix.S_IFLNK, nil
		case unix.EINTR:
			continue
		}
		return false, e
	}
}
