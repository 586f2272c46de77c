package decide

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"golang.org/x/sys/unix"

	"rampart.dev/pkg/call"
)

// linkKept reports whether p keeps the answer that path has no link on it.
func linkKept(p *Point, path string) bool {
	p.walks.mu.Lock()
	defer p.walks.mu.Unlock()
	return p.walks.links[path] != nil
}

// linkRig is a file three directories down a project, and calls reading
// it: allowed while no link is on the way, denied once a component leads
// into the home's .ssh.
type linkRig struct {
	t        *testing.T
	p        *Point
	dir, ssh string
	path     string // dir/proj/a/b/c.txt
	call     call.Call
}

func newLinkRig(t *testing.T, raw bool) *linkRig {
	dir, userHome, proj := symlinks(t)
	r := &linkRig{t: t, dir: dir, ssh: filepath.Join(dir, "real-home", ".ssh")}
	mustDo(t, os.MkdirAll(filepath.Join(proj, "a", "b"), 0o755))
	r.path = filepath.Join(proj, "a", "b", "c.txt")
	mustDo(t, os.WriteFile(r.path, []byte("plain\n"), 0o644))
	r.p = open(t, Config{UserHome: userHome, RawLookups: raw})
	r.call = call.Call{Tool: call.ToolMCP, Cwd: dir, Params: call.Params{"server": "fs", "tool": "read_text_file", "arguments": map[string]any{"path": r.path}}}
	return r
}

// decide makes the call once and checks its decision.
func (r *linkRig) decide(what string, want call.Action) {
	r.t.Helper()
	if d := r.p.Decide(r.call); d.Decision != want {
		r.t.Fatalf("%s: Decide = %v (%s), want %v", what, d.Decision, d.Message, want)
	}
}

// warm makes the call until its path's answer is kept (the first call is
// evaluated, the second answered from the memo keeps it).
func (r *linkRig) warm(what string) {
	r.t.Helper()
	for range 3 {
		r.decide(what, call.Allow)
	}
	if !linkKept(r.p, r.path) {
		r.t.Fatalf("%s: the path's answer is not kept", what)
	}
}

// A component of a path whose "no link" answer is kept, made a link
// between two calls in each way a link can take a name's place, is judged
// on the link at the very next call; put back, the path is allowed and its
// answer kept again.
func TestLinkMadeBetweenCalls(t *testing.T) {
	for _, raw := range []bool{false, true} {
		t.Run("raw="+strconv.FormatBool(raw), func(t *testing.T) {
			r := newLinkRig(t, raw)
			proj := filepath.Join(r.dir, "proj")
			// Each component of the path, and a target that puts the
			// path in the home's .ssh.
			comps := []struct{ name, at, target string }{
				{"the file", r.path, filepath.Join(r.ssh, "id_rsa")},
				{"its directory", filepath.Join(proj, "a", "b"), r.ssh},
				{"the directory above", filepath.Join(proj, "a"), r.ssh},
				{"the project", proj, r.ssh},
			}
			for _, comp := range comps {
				aside := comp.at + ".aside"
				ways := []struct {
					name       string
					make, undo func() error
				}{
					{"moved away, a link made in its place", func() error {
						if err := os.Rename(comp.at, aside); err != nil {
							return err
						}
						return os.Symlink(comp.target, comp.at)
					}, func() error {
						if err := os.Remove(comp.at); err != nil {
							return err
						}
						return os.Rename(aside, comp.at)
					}},
					{"exchanged with a link at once (RENAME_EXCHANGE)", func() error {
						if err := os.Symlink(comp.target, aside); err != nil {
							return err
						}
						return unix.Renameat2(unix.AT_FDCWD, aside, unix.AT_FDCWD, comp.at, unix.RENAME_EXCHANGE)
					}, func() error {
						if err := unix.Renameat2(unix.AT_FDCWD, aside, unix.AT_FDCWD, comp.at, unix.RENAME_EXCHANGE); err != nil {
							return err
						}
						return os.Remove(aside)
					}},
				}
				if comp.at == r.path {
					// A file can be replaced by a link renamed over it.
					ways = append(ways, struct {
						name       string
						make, undo func() error
					}{"a link renamed over it", func() error {
						if err := os.Link(comp.at, aside+".keep"); err != nil {
							return err
						}
						if err := os.Symlink(comp.target, aside); err != nil {
							return err
						}
						return os.Rename(aside, comp.at)
					}, func() error { return os.Rename(aside+".keep", comp.at) }})
				}
				for _, way := range ways {
					what := comp.name + " " + way.name
					r.warm(what + ", before")
					mustDo(t, way.make())
					r.decide(what, call.Deny)
					r.decide(what+", again", call.Deny)
					if linkKept(r.p, r.path) {
						t.Errorf("%s: the answer is still kept", what)
					}
					mustDo(t, way.undo())
					r.decide(what+", put back", call.Allow)
				}
			}
			r.warm("at the end")
		})
	}
}

// A kept answer is used only after a poll that began after the call
// arrived: asked with no poll since (a call whose cwd walk made none), it
// polls first and sees a link made just before.
func TestLinkAnswerPollsFirst(t *testing.T) {
	r := newLinkRig(t, true)
	r.warm("before")
	b := filepath.Join(r.dir, "proj", "a", "b")
	mustDo(t, os.Rename(b, b+".aside"))
	mustDo(t, os.Symlink(r.ssh, b))
	since := r.p.walks.polled()
	if real, ok := r.p.walks.keptRealPath(r.path, true, since); real == r.path || !ok {
		t.Fatalf("keptRealPath with no poll since = %q, %v: the link made before was not seen", real, ok)
	}
	if r.p.walks.polled() <= since {
		t.Error("no poll was made")
	}
}

// A mount on the way changes what the path goes through without any
// event on the watched directories: the mount table's change drops the
// kept answers.
func TestLinkMountSeenAtNextCall(t *testing.T) {
	r := newLinkRig(t, true)
	r.warm("before")
	// A directory whose b is a link into .ssh, mounted over a.
	over := filepath.Join(r.dir, "over")
	mustDo(t, os.Mkdir(over, 0o755))
	mustDo(t, os.Symlink(r.ssh, filepath.Join(over, "b")))
	a := filepath.Join(r.dir, "proj", "a")
	if err := unix.Mount(over, a, "", unix.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(a, unix.MNT_DETACH) })
	r.decide("after a mount put a link on the way", call.Deny)
	mustDo(t, unix.Unmount(a, 0))
	r.warm("after the unmount")
}

// A path with a link on it is never kept; its real path, with none, is.
// A path on a file system whose changes are not all reported is refused,
// and not watched again at every call.
func TestLinkPathNotKept(t *testing.T) {
	r := newLinkRig(t, true)
	via := filepath.Join(r.dir, "proj", "sshdir", "id_rsa")
	if got, ok := r.p.walks.keptRealPath(via, true, r.p.walks.polled()); got == via || !ok || linkKept(r.p, via) {
		t.Fatalf("keptRealPath(%s) = %q, %v; kept %v", via, got, ok, linkKept(r.p, via))
	}
	real := filepath.Join(r.ssh, "id_rsa")
	if got, ok := r.p.walks.keptRealPath(real, true, r.p.walks.polled()); got != real || !ok || !linkKept(r.p, real) {
		t.Fatalf("keptRealPath(%s) = %q, %v; kept %v", real, got, ok, linkKept(r.p, real))
	}
	// A directory on the way that does not exist yet: not kept, and
	// kept once it does.
	fresh := filepath.Join(r.dir, "proj", "new", "x.txt")
	for _, made := range []bool{false, true} {
		if made {
			mustDo(t, os.Mkdir(filepath.Dir(fresh), 0o755))
		}
		if got, ok := r.p.walks.keptRealPath(fresh, true, r.p.walks.polled()); got != fresh || !ok || linkKept(r.p, fresh) != made {
			t.Fatalf("keptRealPath(%s), directory made %v = %q, %v; kept %v", fresh, made, got, ok, linkKept(r.p, fresh))
		}
	}
	const proc = "/proc/version" // procfs: not a local file system
	if _, err := os.Stat(proc); err != nil {
		t.Skip(err)
	}
	for i := range 3 {
		if got, ok := r.p.walks.keptRealPath(proc, true, r.p.walks.polled()); got != proc || !ok || linkKept(r.p, proc) {
			t.Fatalf("keptRealPath(%s) = %q, %v; kept %v", proc, got, ok, linkKept(r.p, proc))
		}
		r.p.walks.mu.Lock()
		n := r.p.walks.noLinks[proc]
		r.p.walks.mu.Unlock()
		if n != uint8(i+1) {
			t.Fatalf("ask %d: refused %d times", i+1, n)
		}
	}
}

// Calls from several goroutines while a component turns into a link and
// back: each change is seen by the next call made after it.
func TestLinkMadeUnderLoad(t *testing.T) {
	r := newLinkRig(t, true)
	b := filepath.Join(r.dir, "proj", "a", "b")
	r.warm("before")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := r.call
			if g == 2 {
				// Another path in the same directory.
				c.Params = call.Params{"server": "fs", "tool": "read_text_file", "arguments": map[string]any{"path": filepath.Join(b, fmt.Sprint("other", g))}}
			}
			for {
				select {
				case <-stop:
					return
				default:
				}
				if d := r.p.Decide(c); d.Decision != call.Allow && d.Decision != call.Deny {
					t.Errorf("Decide = %v", d.Decision)
				}
			}
		}()
	}
	for i := range 40 {
		what := fmt.Sprint("change ", i)
		mustDo(t, unix.Renameat2(unix.AT_FDCWD, b, unix.AT_FDCWD, b+".aside", 0))
		mustDo(t, os.Symlink(r.ssh, b))
		r.decide(what+": b made a link", call.Deny)
		mustDo(t, os.Remove(b))
		mustDo(t, os.Rename(b+".aside", b))
		r.decide(what+": b put back", call.Allow)
		r.decide(what+": b put back, again", call.Allow)
	}
	close(stop)
	wg.Wait()
}
