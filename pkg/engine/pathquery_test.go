package engine

import (
	"testing"

	"rampart.dev/pkg/match"
)

// TestPathQueryKept: the query an evaluation keeps (pathQuery) is the one
// match.NewPathQuery makes for the path asked, with the engine's home
// and the call's working directory as they are at the ask, whichever path
// or directory was asked before.
func TestPathQueryKept(t *testing.T) {
	e := standard(t)
	ev := evaluation{e: e, c: mkCall("read", "x")}
	home := e.env.Home
	for _, step := range []struct{ path, cwd string }{
		{"/home/dev/project/src/a.go", "/home/dev/project"},
		{"/home/dev/project/src/a.go", "/home/dev/project"},
		{"/tmp/out.txt", "/home/dev/project"},
		{"/home/dev/project/src/a.go", "/home/dev/project"},
		{"/home/dev/project/src/a.go", "/home/dev/project/src"},
		{"/root/.ssh/id_rsa", "/home/dev/project/src"},
		{"/root/.ssh/id_rsa", "/"},
	} {
		ev.c.Cwd = step.cwd
		if got, want := *ev.pathQuery(step.path), match.NewPathQuery(step.path, home, step.cwd); got != want {
			t.Errorf("pathQuery(%q) in %q: %+v, want %+v", step.path, step.cwd, got, want)
		}
	}
}
