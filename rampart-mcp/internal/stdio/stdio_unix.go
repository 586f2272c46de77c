//go:build unix

package stdio

import (
	"os"

	"golang.org/x/sys/unix"
)

// Open returns standard input and output, each through the poller when it
// is a pipe or a socket not shared with standard error; otherwise
// os.Stdin or os.Stdout as they are. A terminal or a file is left alone,
// and so is an output that standard error writes to as well (2>&1): the
// non-blocking mode belongs to the open file, which stderr's writers, the
// server among them, expect to block.
func Open() *Streams {
	s := &Streams{In: os.Stdin, Out: os.Stdout}
	if f, undo := pollable(0, "/dev/stdin"); f != nil {
		s.In = f
		s.restore = append(s.restore, undo)
	}
	if !sameFile(1, 2) {
		if f, undo := pollable(1, "/dev/stdout"); f != nil {
			s.Out = f
			s.restore = append(s.restore, undo)
		}
	}
	return s
}

// pollable returns a File on a duplicate of fd, made non-blocking so that
// os.NewFile puts it on the poller, and the function that makes fd blocking
// again if it was; nil when fd is not a pipe or socket or anything fails.
func pollable(fd int, name string) (*os.File, func()) {
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil {
		return nil, nil
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFIFO, unix.S_IFSOCK:
	default:
		return nil, nil
	}
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil {
		return nil, nil
	}
	dup, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 3)
	if err != nil {
		return nil, nil
	}
	undo := func() {}
	if flags&unix.O_NONBLOCK == 0 {
		if err := unix.SetNonblock(dup, true); err != nil {
			unix.Close(dup)
			return nil, nil
		}
		undo = func() { unix.SetNonblock(fd, false) }
	}
	return os.NewFile(uintptr(dup), name), undo
}

// sameFile reports whether descriptors a and b are the same file.
func sameFile(a, b int) bool {
	var sa, sb unix.Stat_t
	if unix.Fstat(a, &sa) != nil || unix.Fstat(b, &sb) != nil {
		return true // unknown: treat as shared
	}
	return sa.Dev == sb.Dev && sa.Ino == sb.Ino
}
