package decide

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"

	"rampart.dev/pkg/call"
)

func kept(p *Point, cwd string) bool {
	p.walks.mu.Lock()
	defer p.walks.mu.Unlock()
	return p.walks.entries[filepath.Clean(cwd)] != nil
}

func TestWalkKeptFromTheSecondCall(t *testing.T) {
	root := t.TempDir()
	cwd := filepath.Join(root, "a", "b")
	mustDo(t, os.MkdirAll(cwd, 0o755))
	mustDo(t, os.Symlink(cwd, filepath.Join(root, "link")))
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	p.Decide(exec("true", cwd))
	if kept(p, cwd) {
		t.Fatal("kept after one call: a one-shot process would set up watches it never uses")
	}
	p.Decide(exec("true", cwd))
	if !kept(p, cwd) {
		t.Fatal("not kept after the second call")
	}
	via := filepath.Join(root, "link")
	warm(t, p, via)
	if kept(p, via) {
		t.Error("a cwd through a symlink was kept; a change behind the link is not reported")
	}
	if err := p.Reload(); err != nil {
		t.Fatal(err)
	}
	if kept(p, cwd) {
		t.Error("kept across a reload, which may change which file is the user's")
	}
}

// TestWalkBounds: more cwds than the cache keeps are still judged right,
// and the cache and its watches stay within their bounds.
func TestWalkBounds(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "deny", ProjectFile), denyMarker)
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	n := maxWalks + 40
	for round := 0; round < 2; round++ {
		for i := 0; i < n; i++ {
			side := []string{"deny", "allow"}[i%2]
			cwd := filepath.Join(root, side, fmt.Sprint(i))
			mustDo(t, os.MkdirAll(cwd, 0o755))
			want := map[string]call.Action{"deny": call.Deny, "allow": call.Allow}[side]
			for j := 0; j < 2; j++ {
				if d := p.Decide(exec("touch marker", cwd)); d.Decision != want {
					t.Fatalf("%s = %+v, want %v", cwd, d, want)
				}
			}
		}
	}
	p.walks.mu.Lock()
	defer p.walks.mu.Unlock()
	if len(p.walks.entries) == 0 || len(p.walks.entries) > maxWalks {
		t.Errorf("%d walks kept, want 1..%d", len(p.walks.entries), maxWalks)
	}
	if w := p.walks.w; w == nil || len(w.watches) > maxWatches {
		t.Errorf("watches over the bound %d", maxWatches)
	}
}

// TestWalkOverflowDropsEverything: a lost event (the queue overflowed)
// drops every kept walk.
func TestWalkOverflowDropsEverything(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ProjectFile), denyMarker)
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	warm(t, p, root)
	if !kept(p, root) {
		t.Fatal("not kept")
	}
	buf := make([]byte, unix.SizeofInotifyEvent)
	(*unix.InotifyEvent)(unsafe.Pointer(&buf[0])).Wd = -1
	(*unix.InotifyEvent)(unsafe.Pointer(&buf[0])).Mask = unix.IN_Q_OVERFLOW
	p.walks.mu.Lock()
	p.walks.apply(buf)
	n := len(p.walks.entries)
	p.walks.mu.Unlock()
	if n != 0 || kept(p, root) {
		t.Fatalf("%d walks kept after an overflow", n)
	}
	if d := p.Decide(exec("touch marker", root)); d.Decision != call.Deny {
		t.Errorf("after the overflow = %+v", d)
	}
}

// TestMountSeenAtNextCall: a mount over a directory on the walk changes
// what the walk finds without any inotify event; the mount table's change
// drops the kept walks.
func TestMountSeenAtNextCall(t *testing.T) {
	root := t.TempDir()
	cwd := filepath.Join(root, "a", "b")
	mustDo(t, os.MkdirAll(cwd, 0o755))
	write(t, filepath.Join(root, "src", ProjectFile), denyMarker)
	mustDo(t, os.MkdirAll(filepath.Join(root, "src", "b"), 0o755))
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	if d := warm(t, p, cwd); d.Decision != call.Allow {
		t.Fatalf("before = %+v", d)
	}
	if err := unix.Mount(filepath.Join(root, "src"), filepath.Join(root, "a"), "", unix.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(filepath.Join(root, "a"), unix.MNT_DETACH) })
	if d := p.Decide(exec("touch marker", cwd)); d.Decision != call.Deny {
		t.Fatalf("after a mount brought a project = %+v, want deny", d)
	}
	warm(t, p, cwd)
	mustDo(t, unix.Unmount(filepath.Join(root, "a"), 0))
	if d := p.Decide(exec("touch marker", cwd)); d.Decision != call.Allow {
		t.Fatalf("after the unmount = %+v, want allow", d)
	}
}

// event is one inotify event as the kernel writes it.
func event(wd int32, mask uint32, name string) []byte {
	n := (len(name) + 1 + 15) / 16 * 16
	buf := make([]byte, unix.SizeofInotifyEvent+n)
	ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[0]))
	ev.Wd, ev.Mask, ev.Len = wd, mask, uint32(n)
	copy(buf[unix.SizeofInotifyEvent:], name)
	return buf
}

// TestWalkEventNames: which names on the cwd's own watch drop its walk.
// A directory that folds case reports an entry in its own spelling, so
// names are compared without ASCII case, and a name outside ASCII (whose
// foldings are many) drops every walk through the directory.
func TestWalkEventNames(t *testing.T) {
	root := t.TempDir()
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	for _, tc := range []struct {
		name string
		drop bool
	}{
		{"unrelated.txt", false},
		{".rampart", true},
		{".RAMPART", true},
		{".Rampart", true},
		{"caf\u00e9", true},
		{"\u212a", true}, // KELVIN SIGN, which folds to k
	} {
		warm(t, p, root)
		p.walks.mu.Lock()
		e := p.walks.entries[root]
		if e == nil {
			p.walks.mu.Unlock()
			t.Fatal("not kept")
		}
		wd := e.deps[len(e.deps)-1].wd // the cwd's own watch is the last directory added
		p.walks.apply(event(wd, unix.IN_CREATE, tc.name))
		dropped := p.walks.entries[root] == nil
		p.walks.mu.Unlock()
		if dropped != tc.drop {
			t.Errorf("an entry %q created in the cwd: dropped %v, want %v", tc.name, dropped, tc.drop)
		}
	}
}

// TestWalkRefusedIsNotRetriedEveryCall: a cwd whose walk cannot be kept (a
// symlink on its path) is walked, not set up and torn down at every call.
func TestWalkRefusedIsNotRetriedEveryCall(t *testing.T) {
	root := t.TempDir()
	mustDo(t, os.MkdirAll(filepath.Join(root, "real"), 0o755))
	via := filepath.Join(root, "link")
	mustDo(t, os.Symlink(filepath.Join(root, "real"), via))
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	warm(t, p, via)
	p.walks.mu.Lock()
	// The walks' watches: the call's paths with no link on them keep
	// watches of their own (links_linux.go).
	watches := 0
	for _, names := range p.walks.w.watches {
		for _, set := range names {
			for e := range set {
				if !e.link {
					watches++
				}
			}
		}
	}
	n := p.walks.seen[via]
	p.walks.mu.Unlock()
	if watches != 0 || n < 2 {
		t.Errorf("after a refused walk: %d watches left, seen %d, want none and a count of walks", watches, n)
	}
	write(t, filepath.Join(root, "real", ProjectFile), denyMarker)
	if d := p.Decide(exec("touch marker", via)); d.Decision != call.Deny {
		t.Errorf("a project behind the link = %+v", d)
	}
}

// readNow reads the non-blocking inotify descriptor without waiting: EAGAIN
// when nothing happened, the events when something did.
func TestReadNowNeverWaits(t *testing.T) {
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		t.Skip(err)
	}
	defer unix.Close(fd)
	dir := t.TempDir()
	if _, err := unix.InotifyAddWatch(fd, dir, unix.IN_CREATE); err != nil {
		t.Skip(err)
	}
	buf := make([]byte, 4096)
	if n, err := readNow(fd, buf); err != unix.EAGAIN {
		t.Fatalf("readNow with nothing pending = %d, %v; want EAGAIN", n, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "f"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	n, err := readNow(fd, buf)
	if err != nil || n < unix.SizeofInotifyEvent {
		t.Fatalf("readNow after a create = %d, %v; want an event", n, err)
	}
	ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[0]))
	if ev.Mask&unix.IN_CREATE == 0 {
		t.Errorf("event mask %#x; want IN_CREATE", ev.Mask)
	}
}
