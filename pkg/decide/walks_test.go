package decide

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// denyMarkex is denyMarker with one letter changed: the same size, so an
// edit from one to the other keeps the file's size.
const denyMarkex = `
version: 1
default_action: allow
policies:
  - name: no-marker
    match: {tool: [exec]}
    rules:
      - action: deny
        message: markex blocked
        when: {command_matches: ["touch *markex*"]}
`

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// warm decides from cwd until its walk is kept (see projectWalks), and
// returns the decision.
func warm(t *testing.T, p *Point, cwd string) call.Decision {
	t.Helper()
	p.Decide(exec("touch marker", cwd))
	p.Decide(exec("touch marker", cwd))
	return p.Decide(exec("touch marker", cwd))
}

// TestProjectChangesSeenAtNextCall changes the project layer between two
// calls in every way a file system allows, after the walk from the cwd has
// been kept, and checks that the very next call reflects the change.
func TestProjectChangesSeenAtNextCall(t *testing.T) {
	type tree struct{ root, cwd string }
	cases := []struct {
		name   string
		setup  func(t *testing.T, tr tree) // before the walk is kept
		change func(t *testing.T, tr tree)
		want   call.Action
	}{
		{"file created in an existing .rampart", func(t *testing.T, tr tree) {
			mustDo(t, os.MkdirAll(filepath.Join(tr.cwd, ".rampart"), 0o755))
		}, func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, call.Deny},
		{".rampart and its file created", nil, func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, call.Deny},
		{".rampart renamed into place", nil, func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.root, "staged", "policy.yaml"), denyMarker)
			mustDo(t, os.Rename(filepath.Join(tr.root, "staged"), filepath.Join(tr.cwd, ".rampart")))
		}, call.Deny},
		{"file renamed into place", func(t *testing.T, tr tree) {
			mustDo(t, os.MkdirAll(filepath.Join(tr.cwd, ".rampart"), 0o755))
		}, func(t *testing.T, tr tree) {
			tmp := write(t, filepath.Join(tr.cwd, ".rampart", "policy.yaml.tmp"), denyMarker)
			mustDo(t, os.Rename(tmp, filepath.Join(tr.cwd, ProjectFile)))
		}, call.Deny},
		{"file created in a grandparent", nil, func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.root, "a", ProjectFile), denyMarker)
		}, call.Deny},
		{"file deleted", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.Remove(filepath.Join(tr.cwd, ProjectFile)))
		}, call.Allow},
		{".rampart deleted", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.RemoveAll(filepath.Join(tr.cwd, ".rampart")))
		}, call.Allow},
		{".rampart renamed away", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.Rename(filepath.Join(tr.cwd, ".rampart"), filepath.Join(tr.cwd, "rampart.old")))
		}, call.Allow},
		{"file renamed away", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.Rename(filepath.Join(tr.cwd, ProjectFile), filepath.Join(tr.cwd, ".rampart", "old.yaml")))
		}, call.Allow},
		{"project's parent moved away, an empty one in its place", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.root, "a", ProjectFile), denyMarker)
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.Rename(filepath.Join(tr.root, "a"), filepath.Join(tr.root, "gone")))
			mustDo(t, os.MkdirAll(tr.cwd, 0o755))
		}, call.Allow},
		{"a parent with a project moved into place", nil, func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.root, "new", ProjectFile), denyMarker)
			mustDo(t, os.MkdirAll(filepath.Join(tr.root, "new", "b", "c"), 0o755))
			mustDo(t, os.Rename(filepath.Join(tr.root, "a"), filepath.Join(tr.root, "old")))
			mustDo(t, os.Rename(filepath.Join(tr.root, "new"), filepath.Join(tr.root, "a")))
		}, call.Deny},
		{"cwd removed", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarker)
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.RemoveAll(filepath.Join(tr.root, "a")))
		}, call.Allow},
		{"file edited keeping its size and modification time", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.cwd, ProjectFile), denyMarkex)
		}, func(t *testing.T, tr tree) {
			f := filepath.Join(tr.cwd, ProjectFile)
			fi, err := os.Stat(f)
			mustDo(t, err)
			mustDo(t, os.WriteFile(f, []byte(denyMarker), 0o644))
			mustDo(t, os.Chtimes(f, fi.ModTime(), fi.ModTime()))
		}, call.Deny},
		{"file edited through a hard link elsewhere", func(t *testing.T, tr tree) {
			other := write(t, filepath.Join(tr.root, "elsewhere.yaml"), denyMarkex)
			mustDo(t, os.MkdirAll(filepath.Join(tr.cwd, ".rampart"), 0o755))
			mustDo(t, os.Link(other, filepath.Join(tr.cwd, ProjectFile)))
		}, func(t *testing.T, tr tree) {
			other := filepath.Join(tr.root, "elsewhere.yaml")
			fi, err := os.Stat(other)
			mustDo(t, err)
			mustDo(t, os.WriteFile(other, []byte(denyMarker), 0o644))
			mustDo(t, os.Chtimes(other, fi.ModTime(), fi.ModTime()))
		}, call.Deny},
		{"symlinked .rampart retargeted", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.root, "p1", "policy.yaml"), denyMarkex)
			write(t, filepath.Join(tr.root, "p2", "policy.yaml"), denyMarker)
			mustDo(t, os.Symlink(filepath.Join(tr.root, "p1"), filepath.Join(tr.cwd, ".rampart")))
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.Rename(filepath.Join(tr.root, "p1"), filepath.Join(tr.root, "p1.old")))
			mustDo(t, os.Rename(filepath.Join(tr.root, "p2"), filepath.Join(tr.root, "p1")))
		}, call.Deny},
		{"a cwd through a symlink retargeted", func(t *testing.T, tr tree) {
			write(t, filepath.Join(tr.root, "x", "y", "b", "c", ".keep"), "")
			write(t, filepath.Join(tr.root, "z", "y", ProjectFile), denyMarker)
			mustDo(t, os.MkdirAll(filepath.Join(tr.root, "z", "y", "b", "c"), 0o755))
			mustDo(t, os.RemoveAll(filepath.Join(tr.root, "a")))
			mustDo(t, os.Symlink(filepath.Join(tr.root, "x", "y"), filepath.Join(tr.root, "a")))
		}, func(t *testing.T, tr tree) {
			mustDo(t, os.Rename(filepath.Join(tr.root, "x"), filepath.Join(tr.root, "x.old")))
			mustDo(t, os.Rename(filepath.Join(tr.root, "z"), filepath.Join(tr.root, "x")))
		}, call.Deny},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			tr := tree{root: root, cwd: filepath.Join(root, "a", "b", "c")}
			mustDo(t, os.MkdirAll(tr.cwd, 0o755))
			if tc.setup != nil {
				tc.setup(t, tr)
			}
			p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(t.TempDir(), "user.yaml"), allowAll), NoAudit: true})
			before := warm(t, p, tr.cwd)
			if before.Decision == tc.want {
				t.Fatalf("before the change: %+v, already %v", before, tc.want)
			}
			tc.change(t, tr)
			if d := p.Decide(exec("touch marker", tr.cwd)); d.Decision != tc.want {
				t.Fatalf("the call after the change = %+v, want %v", d, tc.want)
			}
		})
	}
}

// TestUnreadableParentSeenAtNextCall: a directory on the walk that loses
// its permissions makes the project layer unexaminable, which denies.
func TestUnreadableParentSeenAtNextCall(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	root := t.TempDir()
	cwd := filepath.Join(root, "a", "b")
	mustDo(t, os.MkdirAll(cwd, 0o755))
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	if d := warm(t, p, cwd); d.Decision != call.Allow {
		t.Fatalf("before = %+v", d)
	}
	mustDo(t, os.Chmod(filepath.Join(root, "a"), 0))
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "a"), 0o755) })
	if d := p.Decide(exec("git status", cwd)); d.Decision != call.Deny {
		t.Fatalf("after the parent became unreadable = %+v, want deny", d)
	}
}

// TestProjectChangesUnderLoad: while calls are made from several cwds at
// once, each change to a project layer is seen by the call that follows it.
func TestProjectChangesUnderLoad(t *testing.T) {
	root := t.TempDir()
	var cwds []string
	for _, d := range []string{"p/a", "p/b/c", "q", "p"} {
		cwds = append(cwds, filepath.Join(root, d))
		mustDo(t, os.MkdirAll(cwds[len(cwds)-1], 0o755))
	}
	p := open(t, Config{ManagedPath: "-", PolicyPath: write(t, filepath.Join(root, "user.yaml"), allowAll), NoAudit: true})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				p.Decide(exec("touch marker", cwds[(g+i)%len(cwds)]))
				p.HasResponseRules(cwds[i%len(cwds)])
			}
		}()
	}
	proj := filepath.Join(root, "p", ProjectFile)
	deadline := time.Now().Add(2 * time.Second)
	for i := 0; i < 300 && time.Now().Before(deadline); i++ {
		body, want := denyMarker, call.Deny
		switch i % 3 {
		case 1:
			body = denyMarkex // the marker itself is allowed
			want = call.Allow
		case 2:
			body = ""
			want = call.Allow
		}
		if body == "" {
			os.RemoveAll(filepath.Dir(proj))
		} else {
			write(t, proj, body)
		}
		for _, cwd := range cwds[:2] {
			if d := p.Decide(exec("touch marker", cwd)); d.Decision != want {
				t.Errorf("change %d from %s = %+v, want %v", i, cwd, d, want)
			}
		}
		if d := p.Decide(exec("touch marker", cwds[2])); d.Decision != call.Allow {
			t.Errorf("outside the project = %+v", d)
		}
	}
	close(stop)
	wg.Wait()
}

// BenchmarkDecideProjectWalk is Decide from a cwd five directories deep,
// with and without a project layer, with the walk kept (the default) and
// done every time.
func BenchmarkDecideProjectWalk(b *testing.B) {
	root := b.TempDir()
	cwd := filepath.Join(root, "a", "b", "c", "d", "e")
	if err := os.MkdirAll(cwd, 0o755); err != nil {
		b.Fatal(err)
	}
	user := filepath.Join(root, "user.yaml")
	if err := os.WriteFile(user, []byte(allowAll), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, project := range []bool{false, true} {
		if project {
			if err := os.MkdirAll(filepath.Join(root, "a", ".rampart"), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "a", ProjectFile), []byte(denyMarker), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for _, kept := range []bool{true, false} {
			name := map[bool]string{false: "none", true: "project"}[project] + "/" + map[bool]string{true: "kept", false: "walked"}[kept]
			b.Run(name, func(b *testing.B) {
				p, err := Open(Config{ManagedPath: "-", PolicyPath: user, NoAudit: true, Home: homeIn(b.TempDir()), Compile: compile.Parse})
				if err != nil {
					b.Fatal(err)
				}
				defer p.Close()
				if !kept {
					p.walks.close()
				}
				c := exec("git status", cwd)
				p.Decide(c)
				p.Decide(c)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					p.Decide(c)
				}
			})
		}
	}
}

func homeIn(dir string) home.Layout { return home.Layout{Dir: filepath.Join(dir, ".rampart")} }
