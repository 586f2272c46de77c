//go:build linux

package decide

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/sys/unix"
)

// projectWalks keeps, per cwd, where findProject's walk ended, and never
// serves an outcome the file system no longer gives. Every directory the
// walk depends on is watched with inotify: each directory from the root
// down to the cwd, every .rampart directory it looked into, and the
// project file it found. Before an outcome is used, the inotify queue is
// read without blocking (one poll that finds nothing when nothing
// changed). The kernel queues an event before the call that made the
// change returns, so a call that arrives after a change always sees the
// change's event, and the outcomes the change could affect are dropped and
// walked again. The found file is still examined on every call, as the
// walk does, and its compiled layer is checked against its identity (see
// projectCache); an event on it drops that layer too.
//
// The watch is conservative: an event on a name the walk depends on
// drops every outcome that depends on it, and a lost event (the queue
// overflowed), a changed mount table (a mount hides or shows directories
// without an event), or any error drops everything. An outcome is kept
// only when the whole path is known to be reported: no symlink on it, no
// error, and every directory on a local file system (another machine's
// changes to a network file system are never reported). Otherwise, and
// beyond the bounds below, the walk is done every time.
//
// A cwd is kept from its second call on, so a process that decides once
// never sets up a watch.
type projectWalks struct {
	p       *Point
	mu      sync.Mutex
	w       *dirWatch // nil until the first outcome is kept, and after a reset
	off     bool      // inotify is not available: walk every time
	closed  bool
	seen    map[string]uint8 // cwds walked: 1 once (kept at the next call), more when refused
	entries map[string]*walk
	links   map[string]*walk // paths with no symbolic link on them (links_linux.go)
	noLinks map[string]uint8 // paths refused, asked since
	polls   atomic.Uint64    // polls of the watch begun (sync), written under mu
	scratch []*walk
	fold    []byte
}

// The bounds of one point's cache. inotify watches count against a limit
// per user that every other program shares.
const (
	maxWalks   = 256
	maxWatches = 1024
)

const (
	// dirEvents are the changes to a directory that can change where a
	// walk through it ends: an entry created, removed, renamed or given
	// other permissions (.rampart, policy.yaml, the next directory toward
	// the cwd), and the directory itself moved or removed.
	dirEvents = unix.IN_CREATE | unix.IN_DELETE | unix.IN_MOVED_FROM | unix.IN_MOVED_TO |
		unix.IN_ATTRIB | unix.IN_DELETE_SELF | unix.IN_MOVE_SELF |
		unix.IN_ONLYDIR | unix.IN_DONT_FOLLOW | unix.IN_MASK_ADD
	// fileEvents are the changes to a project file, whatever name it was
	// written through.
	fileEvents = unix.IN_MODIFY | unix.IN_CLOSE_WRITE | unix.IN_ATTRIB |
		unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_MASK_ADD
	// selfEvents concern the watched directory or file itself, whatever
	// the name.
	selfEvents = unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_IGNORED | unix.IN_UNMOUNT
)

// walk is the outcome of one cwd's walk and what it depends on.
type walk struct {
	cwd  string
	file string // the project file found, or "" for none
	deps []dep
	used bool // since the last eviction
	link bool // a path's answer that it has no link on it: cwd is the path
}

// dep is a kind of event that drops a walk: one on watch wd naming name,
// or, with name "", any event on wd.
type dep struct {
	wd   int32
	name string
}

// dirWatch is an inotify instance and the mount table's change signal.
type dirWatch struct {
	fds     [2]unix.PollFd // inotify (non-blocking), /proc/self/mountinfo
	watches map[int32]map[string]map[*walk]struct{}
	buf     []byte
	cleanup runtime.Cleanup
}

func (c *projectWalks) init(p *Point) {
	c.p = p
	c.seen = map[string]uint8{}
	c.entries = map[string]*walk{}
	c.links = map[string]*walk{}
	c.noLinks = map[string]uint8{}
}

// reset drops every outcome (the user's policy file changed, and it is no
// project layer).
func (c *projectWalks) reset() {
	c.mu.Lock()
	c.resetLocked()
	c.mu.Unlock()
}

// close stops watching; the walk is then done every time.
func (c *projectWalks) close() {
	c.mu.Lock()
	c.resetLocked()
	c.closed = true
	c.mu.Unlock()
}

// find is findProject.
func (c *projectWalks) find(p *Point, cwd string) (string, fs.FileInfo, error) {
	if !filepath.IsAbs(cwd) {
		return p.walkProject(cwd, nil)
	}
	cwd = filepath.Clean(cwd)
	c.mu.Lock()
	if c.off || c.closed {
		c.mu.Unlock()
		return p.walkProject(cwd, nil)
	}
	c.sync()
	if e := c.entries[cwd]; e != nil {
		e.used = true
		file := e.file
		c.mu.Unlock()
		if file == "" {
			return "", nil, nil
		}
		return statProject(file)
	}
	n := c.seen[cwd]
	if n != 1 {
		// Not seen yet, or recently refused (a symlink on the path, a
		// file system that does not report every change): walked, and
		// tried again after a while.
		if n == 0 && len(c.seen) >= maxWalks {
			clear(c.seen)
		}
		c.seen[cwd] = n + 1
		c.mu.Unlock()
		return p.walkProject(cwd, nil)
	}
	defer c.mu.Unlock()
	file, fi, kept, err := c.fill(p, cwd)
	if !kept {
		c.seen[cwd] = 2
	}
	return file, fi, err
}

// fill walks from cwd with every directory the walk depends on watched
// first, and keeps the outcome when the whole path is watched.
func (c *projectWalks) fill(p *Point, cwd string) (file string, fi fs.FileInfo, kept bool, err error) {
	if c.w == nil {
		w, err := openDirWatch()
		if err != nil {
			c.off = errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOENT)
			file, fi, err := p.walkProject(cwd, nil)
			return file, fi, false, err
		}
		c.setWatch(w)
	}
	var dirs []string
	for d := cwd; ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == filepath.Dir(d) {
			break
		}
	}
	for len(c.entries) >= maxWalks || len(c.w.watches)+2*len(dirs)+1 > maxWatches {
		if !c.evict() {
			file, fi, err := p.walkProject(cwd, nil)
			return file, fi, false, err
		}
	}

	e := &walk{cwd: cwd}
	ok := true
	// From the root down, before the walk reads anything: a change made
	// from then on is reported.
	for i := len(dirs) - 1; i >= 0 && ok; i-- {
		wd, err := c.watch(dirs[i], dirEvents)
		if err != nil {
			ok = false
			break
		}
		c.depend(e, wd, projectDir)
		if i > 0 {
			c.depend(e, wd, filepath.Base(dirs[i-1]))
		}
	}
	file, fi, err = p.walkProject(cwd, func(dir string, skipped bool) {
		if !ok || skipped {
			return
		}
		rd := filepath.Join(dir, projectDir)
		var st unix.Stat_t
		err := unix.Lstat(rd, &st)
		switch {
		case errors.Is(err, unix.ENOENT), errors.Is(err, unix.ENOTDIR):
		case err != nil, st.Mode&unix.S_IFMT == unix.S_IFLNK:
			ok = false
		case st.Mode&unix.S_IFMT == unix.S_IFDIR:
			wd, err := c.watch(rd, dirEvents)
			if err != nil {
				ok = false
				return
			}
			c.depend(e, wd, projectName)
		}
	})
	if err != nil {
		ok = false
	}
	if ok && file != "" {
		// The file's own watch sees writes through any of its names; the
		// identity check on every call remains the rule.
		if wd, err := c.watch(file, fileEvents); err == nil {
			c.depend(e, wd, "")
		}
	}
	if !ok {
		c.release(e)
		return file, fi, false, err
	}
	e.file = file
	c.entries[cwd] = e
	delete(c.seen, cwd)
	c.sync() // a change made during the walk drops e at once
	return file, fi, true, err
}

// setWatch makes w the watch, closed when the point is collected.
func (c *projectWalks) setWatch(w *dirWatch) {
	w.cleanup = runtime.AddCleanup(c.p, func(w *dirWatch) { w.closeFDs() }, w)
	c.w = w
}

// evict forgets a kept walk that has not been used since the last
// eviction, if there is one: with more cwds in use than the bounds allow,
// the others are walked every time rather than taking turns.
func (c *projectWalks) evict() bool {
	for _, e := range c.entries {
		if !e.used {
			c.forget(e)
			return true
		}
	}
	for _, e := range c.entries {
		e.used = false
	}
	return false
}

// The names a walk looks for in each directory: ProjectFile's parts.
var projectDir, projectName = filepath.Split(ProjectFile)

func init() { projectDir = filepath.Clean(projectDir) }

// watch adds an inotify watch on path, refusing a file system whose
// changes are not all reported.
func (c *projectWalks) watch(path string, mask uint32) (int32, error) {
	wd, err := unix.InotifyAddWatch(int(c.w.fds[0].Fd), path, mask)
	if err != nil {
		return 0, err
	}
	if _, known := c.w.watches[int32(wd)]; known {
		return int32(wd), nil
	}
	var st unix.Statfs_t
	if err := unix.Statfs(path, &st); err != nil || !localFS(uint32(st.Type)) {
		unix.InotifyRmWatch(int(c.w.fds[0].Fd), uint32(wd))
		if err == nil {
			err = errors.New("not a local file system")
		}
		return 0, err
	}
	c.w.watches[int32(wd)] = map[string]map[*walk]struct{}{}
	return int32(wd), nil
}

// localFS reports the file systems (statfs f_type) every change to which is
// made through this kernel and so reported by inotify. A network or FUSE
// file system is not among them; an overlay's layers are not to be changed
// underneath it (the kernel's documentation), so an overlay is.
func localFS(fsType uint32) bool {
	switch fsType {
	case unix.EXT4_SUPER_MAGIC, // ext2, ext3, ext4
		unix.XFS_SUPER_MAGIC,
		unix.BTRFS_SUPER_MAGIC,
		unix.TMPFS_MAGIC,
		unix.RAMFS_MAGIC,
		unix.F2FS_SUPER_MAGIC,
		unix.OVERLAYFS_SUPER_MAGIC,
		unix.SQUASHFS_MAGIC,
		0x2fc12fc1, // zfs
		0xca451a4e: // bcachefs
		return true
	}
	return false
}

// depend records that an event naming name on wd drops e. A directory
// may fold case (ext4, f2fs and tmpfs can), so that a lookup of one name
// finds an entry spelled another way, and the event carries the entry's
// own spelling: names are kept in ASCII lower case, and a name outside
// ASCII, whose foldings are many, depends on every event on wd.
func (c *projectWalks) depend(e *walk, wd int32, name string) {
	if !isASCII(name) {
		name = ""
	}
	name = strings.ToLower(name)
	names := c.w.watches[wd]
	set := names[name]
	if set == nil {
		set = map[*walk]struct{}{}
		names[name] = set
	}
	set[e] = struct{}{}
	e.deps = append(e.deps, dep{wd, name})
}

// release removes e's dependencies, and the watches nothing depends on.
func (c *projectWalks) release(e *walk) {
	for _, d := range e.deps {
		names := c.w.watches[d.wd]
		if names == nil {
			continue
		}
		if set := names[d.name]; set != nil {
			delete(set, e)
			if len(set) == 0 {
				delete(names, d.name)
			}
		}
		if len(names) == 0 {
			delete(c.w.watches, d.wd)
			unix.InotifyRmWatch(int(c.w.fds[0].Fd), uint32(d.wd))
		}
	}
	e.deps = nil
}

// drop forgets e, which a change may have made wrong, and the compiled
// layer of the file it found; its cwd is kept again at its next call.
func (c *projectWalks) drop(e *walk) {
	if e.link {
		c.forget(e)
		return
	}
	if c.entries[e.cwd] == e {
		c.seen[e.cwd] = 1
	}
	c.forget(e)
	if e.file != "" {
		c.p.projects.drop(e.file)
	}
}

// forget removes e from the cache.
func (c *projectWalks) forget(e *walk) {
	kept := c.entries
	if e.link {
		kept = c.links
	}
	if kept[e.cwd] == e {
		delete(kept, e.cwd)
	}
	c.release(e)
}

// resetLocked drops every outcome and closes the watch.
func (c *projectWalks) resetLocked() {
	for _, e := range c.entries {
		c.seen[e.cwd] = 1
		if e.file != "" {
			c.p.projects.drop(e.file)
		}
	}
	clear(c.entries)
	clear(c.links)
	if c.w != nil {
		c.w.cleanup.Stop()
		c.w.closeFDs()
		c.w = nil
	}
}

// sync applies every change reported since the last call: one poll when
// there is none.
func (c *projectWalks) sync() {
	w := c.w
	if w == nil {
		return
	}
	c.polls.Add(1)
	n, err := pollNow(w.fds[:])
	for err == unix.EINTR {
		n, err = pollNow(w.fds[:])
	}
	switch {
	case err != nil, w.fds[1].Revents != 0, w.fds[0].Revents&^unix.POLLIN != 0:
		c.resetLocked() // the mount table changed, or the watch failed
		return
	case n == 0:
		return
	}
	for c.w == w {
		n, err := readNow(int(w.fds[0].Fd), w.buf)
		switch {
		case err == unix.EAGAIN:
			return
		case err == unix.EINTR:
			continue
		case err != nil, n <= 0:
			c.resetLocked()
			return
		}
		c.apply(w.buf[:n])
	}
}

// pollNow is poll(2) with a zero timeout, which never waits, made as a
// raw system call: through the scheduler (unix.Poll), the first system
// call of a decision in an idle process wakes the runtime's monitor
// thread, which then spins beside the whole decision. This one runs at
// the start of every decision.
func pollNow(fds []unix.PollFd) (int, error) {
	var zero unix.Timespec
	n, _, e := unix.RawSyscall6(unix.SYS_PPOLL, uintptr(unsafe.Pointer(&fds[0])), uintptr(len(fds)),
		uintptr(unsafe.Pointer(&zero)), 0, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}

// readNow is read(2) on the non-blocking inotify descriptor, which never
// waits, made as a raw system call for the reason pollNow is: through the
// scheduler (unix.Read), it woke the runtime's monitor thread in the
// middle of a decision whenever a watched directory had changed.
func readNow(fd int, b []byte) (int, error) {
	n, _, e := unix.RawSyscall(unix.SYS_READ, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	if e != 0 {
		return -1, e
	}
	return int(n), nil
}

// apply drops the walks that the events in buf can have changed.
func (c *projectWalks) apply(buf []byte) {
	for off := 0; off+unix.SizeofInotifyEvent <= len(buf) && c.w != nil; {
		ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
		raw := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(ev.Len)]
		off += unix.SizeofInotifyEvent + int(ev.Len)
		for len(raw) > 0 && raw[len(raw)-1] == 0 {
			raw = raw[:len(raw)-1]
		}
		if ev.Mask&unix.IN_Q_OVERFLOW != 0 {
			c.resetLocked()
			return
		}
		names := c.w.watches[ev.Wd]
		if names == nil {
			continue
		}
		drop := c.scratch[:0]
		folded, ascii := lowerASCII(raw, c.fold[:0])
		c.fold = folded
		if len(raw) == 0 || !ascii || ev.Mask&selfEvents != 0 {
			for _, set := range names {
				for e := range set {
					drop = append(drop, e)
				}
			}
		} else {
			for e := range names[string(folded)] {
				drop = append(drop, e)
			}
			for e := range names[""] {
				drop = append(drop, e)
			}
		}
		for _, e := range drop {
			c.drop(e)
		}
		clear(drop)
		c.scratch = drop[:0]
	}
}

// lowerASCII appends name in ASCII lower case to buf, and reports
// whether name is ASCII.
func lowerASCII(name, buf []byte) ([]byte, bool) {
	for _, b := range name {
		if b >= utf8.RuneSelf {
			return buf, false
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf = append(buf, b)
	}
	return buf, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// openDirWatch opens an inotify instance and the mount table.
func openDirWatch() (*dirWatch, error) {
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		return nil, err
	}
	// The mount table polls POLLPRI once after each change to it.
	mfd, err := unix.Open("/proc/self/mountinfo", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	w := &dirWatch{watches: map[int32]map[string]map[*walk]struct{}{}, buf: make([]byte, 16<<10)}
	w.fds[0] = unix.PollFd{Fd: int32(fd), Events: unix.POLLIN}
	w.fds[1] = unix.PollFd{Fd: int32(mfd), Events: unix.POLLPRI}
	return w, nil
}

func (w *dirWatch) closeFDs() {
	unix.Close(int(w.fds[0].Fd))
	unix.Close(int(w.fds[1].Fd))
}
