//go:build linux && (amd64 || arm64)

package decide

import (
	"strings"
	"sync/atomic"
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

// noLinksOff is set once openat2 turned out not to be available (a kernel
// before 5.6, or a filter that refuses it): noLinksRaw then answers
// unknown at once.
var noLinksOff atomic.Bool

// noLinksRaw reports whether every component of the clean absolute path
// exists and none is a symbolic link (linkFree), or whether the lookup
// met a missing component before any link (noneThere). It asks the
// kernel once, opening path for reference only (O_PATH: nothing is read,
// no device or pipe is opened) with every link refused
// (RESOLVE_NO_SYMLINKS), and closes it at once; both are raw system calls
// (see Config.RawLookups).
func noLinksRaw(path string) linkLookup {
	if noLinksOff.Load() {
		return unknown
	}
	// The path NUL-terminated, on the stack when it is short.
	var space [256]byte
	var p *byte
	if len(path) < len(space) && strings.IndexByte(path, 0) < 0 {
		copy(space[:], path)
		p = &space[0]
	} else {
		var err error
		if p, err = unix.BytePtrFromString(path); err != nil {
			return unknown
		}
	}
	how := unix.OpenHow{Flags: unix.O_PATH | unix.O_CLOEXEC, Resolve: unix.RESOLVE_NO_SYMLINKS}
	for {
		fd, _, e := unix.RawSyscall6(unix.SYS_OPENAT2, uintptr(atFDCWD), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&how)), unix.SizeofOpenHow, 0, 0)
		switch e {
		case 0:
			unix.RawSyscall(unix.SYS_CLOSE, fd, 0, 0)
			return linkFree
		case unix.EINTR:
			continue
		case unix.ENOENT:
			return noneThere
		case unix.ENOSYS, unix.EPERM:
			noLinksOff.Store(true)
		}
		return unknown
	}
}
