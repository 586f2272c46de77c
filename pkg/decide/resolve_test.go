package decide

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"rampart.dev/pkg/call"
)

// symlinks builds, in a temp dir, a home with an SSH key and a project
// with links into it. Every file holds harmless text.
func symlinks(t *testing.T) (dir, userHome, proj string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on windows")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	realHome := filepath.Join(dir, "real-home")
	proj = filepath.Join(dir, "proj")
	for _, d := range []string{filepath.Join(realHome, ".ssh"), filepath.Join(realHome, ".aws", "cli"), proj} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(realHome, ".ssh", "id_rsa"), []byte("not a key\n"), 0o600))
	must(os.WriteFile(filepath.Join(realHome, ".aws", "credentials"), []byte("not a credential\n"), 0o600))
	must(os.WriteFile(filepath.Join(proj, "README"), []byte("hello\n"), 0o644))
	// The user's home is itself reached through a link, as /home -> /data/home.
	userHome = filepath.Join(dir, "home")
	must(os.Symlink(realHome, userHome))
	must(os.Symlink(filepath.Join(userHome, ".ssh", "id_rsa"), filepath.Join(proj, "key.pub")))
	must(os.Symlink("../real-home/.ssh", filepath.Join(proj, "sshdir")))
	must(os.Symlink(filepath.Join(realHome, ".ssh", "authorized_keys"), filepath.Join(proj, "dangling")))
	must(os.Symlink(filepath.Join(realHome, ".aws", "cli"), filepath.Join(proj, "awscli")))
	must(os.Symlink("loop-b", filepath.Join(proj, "loop-a")))
	must(os.Symlink("loop-a", filepath.Join(proj, "loop-b")))
	return dir, userHome, proj
}

// Reads and writes through a symbolic link are judged at the link's
// target, as every adapter (hook, MCP proxy, eval) sees them through the
// decision point.
func TestDecideFollowsSymlinks(t *testing.T) {
	for _, raw := range []bool{false, true} {
		t.Run(fmt.Sprintf("raw=%v", raw), func(t *testing.T) { testDecideFollowsSymlinks(t, raw) })
	}
}

func testDecideFollowsSymlinks(t *testing.T, raw bool) {
	_, userHome, proj := symlinks(t)
	p := open(t, Config{UserHome: userHome, RawLookups: raw})
	rw := func(tool, path string) call.Call {
		return call.Call{Tool: tool, Cwd: proj, Params: call.Params{"path": path}}
	}
	mcp := func(tool, path string) call.Call {
		return call.Call{Tool: call.ToolMCP, Cwd: proj, Params: call.Params{"server": "fs", "tool": tool, "arguments": map[string]any{"path": path}}}
	}
	tests := []struct {
		name string
		c    call.Call
		want call.Action
	}{
		{"read through a link named like a public key", rw(call.ToolRead, "key.pub"), call.Deny},
		{"read through a linked directory", rw(call.ToolRead, filepath.Join(proj, "sshdir", "id_rsa")), call.Deny},
		{"write through a dangling link", rw(call.ToolWrite, filepath.Join(proj, "dangling")), call.Deny},
		{"write below a linked directory", rw(call.ToolWrite, "sshdir/authorized_keys"), call.Deny},
		{"a command reading through a link", exec("cat key.pub", proj), call.Deny},
		{"an MCP read through a link", mcp("read_file", filepath.Join(proj, "key.pub")), call.Deny},
		{"an MCP write through a link", mcp("write_file", "sshdir/config"), call.Deny},
		{"read through a link and then up", rw(call.ToolRead, "awscli/../credentials"), call.Deny},
		{"a plain file", rw(call.ToolRead, "README"), call.Allow},
		{"a link loop is judged as written", rw(call.ToolRead, "loop-a"), call.Allow},
	}
	for _, tt := range tests {
		if d := p.Decide(tt.c); d.Decision != tt.want {
			t.Errorf("%s: Decide = %v (%s), want %v", tt.name, d.Decision, d.Message, tt.want)
		}
	}
}

func TestRealPath(t *testing.T) {
	dir, userHome, proj := symlinks(t)
	realHome := filepath.Join(dir, "real-home")
	tests := []struct {
		in, want string
		ok       bool
	}{
		{filepath.Join(proj, "key.pub"), filepath.Join(realHome, ".ssh", "id_rsa"), true},
		{filepath.Join(proj, "sshdir", "new-file"), filepath.Join(realHome, ".ssh", "new-file"), true},
		{filepath.Join(proj, "sshdir", "a", "b"), filepath.Join(realHome, ".ssh", "a", "b"), true},
		{filepath.Join(proj, "dangling"), filepath.Join(realHome, ".ssh", "authorized_keys"), true},
		{filepath.Join(userHome, "missing", "x"), filepath.Join(realHome, "missing", "x"), true},
		{filepath.Join(proj, "README"), filepath.Join(proj, "README"), true},
		{filepath.Join(proj, "new.txt"), filepath.Join(proj, "new.txt"), true},
		{filepath.Join(proj, "new", "dir", "x"), filepath.Join(proj, "new", "dir", "x"), true},
		{proj + "/awscli/../credentials", filepath.Join(realHome, ".aws", "credentials"), true},
		{proj + "/awscli/../missing/x", filepath.Join(realHome, ".aws", "missing", "x"), true},
		{filepath.Join(proj, "loop-a"), "", false},
		{"relative/path", "", false},
	}
	for _, raw := range []bool{false, true} { // both ways give the same answers
		r := newResolver()
		r.raw = raw
		for _, tt := range tests {
			for range 2 { // the second answer comes from the cache
				got, ok := r.resolve(tt.in)
				if ok != tt.ok || ok && got != tt.want {
					t.Errorf("raw %v: resolve(%q) = %q, %v; want %q, %v", raw, tt.in, got, ok, tt.want, tt.ok)
				}
			}
		}
	}
}

func TestEnvFoldsCaseWhereTheFileSystemDoes(t *testing.T) {
	for goos, want := range map[string]bool{"darwin": true, "windows": true, "linux": false, "freebsd": false} {
		if got := foldsCase(goos); got != want {
			t.Errorf("foldsCase(%q) = %v, want %v", goos, got, want)
		}
	}
	if env := Env("/home/u"); env.Home != "/home/u" || env.FoldCase != foldsCase(runtime.GOOS) || (env.Resolve == nil) != (runtime.GOOS == "windows") {
		t.Errorf("Env = %+v", env)
	}
}

// noLinksRaw says linkFree only where the walk finds every component and
// no link (the path is then its own real path), and noneThere where it
// meets a missing component before any link.
func TestNoLinksRaw(t *testing.T) {
	if !haveRawLstat {
		t.Skip("no raw lookups here")
	}
	dir, userHome, proj := symlinks(t)
	if noLinksRaw(filepath.Join(proj, "README")) != linkFree {
		if noLinksOff.Load() {
			t.Skip("openat2 is not available")
		}
		t.Fatalf("noLinksRaw(%s/README) is not linkFree", proj)
	}
	for _, tt := range []struct {
		path string
		want linkLookup
	}{
		{filepath.Join(dir, "real-home", ".ssh", "id_rsa"), linkFree}, // no link on the way
		{filepath.Join(proj, "key.pub"), unknown},                     // a link at the end
		{filepath.Join(proj, "sshdir", "id_rsa"), unknown},            // a link on the way
		{filepath.Join(userHome, ".ssh", "id_rsa"), unknown},          // the home itself a link
		{filepath.Join(proj, "dangling"), unknown},                    // a dangling link
		{filepath.Join(proj, "sshdir", "missing"), unknown},           // a link before what is missing
		{filepath.Join(proj, "missing"), noneThere},                   // nothing there
		{filepath.Join(proj, "missing", "x"), noneThere},              // nor below
		{filepath.Join(proj, "README", "x"), unknown},                 // below a file
	} {
		if got := noLinksRaw(tt.path); got != tt.want {
			t.Errorf("noLinksRaw(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// isClean agrees with filepath.Clean on absolute paths.
func TestIsClean(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("slash-separated paths")
	}
	for _, p := range []string{"/", "//", "/a", "/a/", "/a//b", "/a/./b", "/a/../b", "/..", "/.", "/a/.", "/a/..", "/a/b.c", "/a/..b", "/a/b..", "/.a/b", "/a/.../b", "relative", ""} {
		want := filepath.IsAbs(p) && filepath.Clean(p) == p
		if got := isClean(p); got != want {
			t.Errorf("isClean(%q) = %v, want %v", p, got, want)
		}
	}
}
