package match

import (
	"reflect"
	"testing"
)

// TestArgvBufMatchesNewArgv holds ArgvBuf.NewArgv to NewArgv, one buffer
// across many commands as the engine uses it, and checks the commands
// prepared first are not disturbed by those prepared after.
func TestArgvBufMatchesNewArgv(t *testing.T) {
	cmds := []struct {
		name string
		args []string
	}{
		{"rm", []string{"-rf", "~/", "$HOME/x", "${HOME}/y", "../..", "/etc/./passwd", "-", ""}},
		{"cp", []string{"--recursive", "--", "-x", "a b", "$HOME/", "${HOME}/", "~", "$HOME", "${HOME}"}},
		{"git", []string{"-C", "sub", "push", "--force", "origin", "main"}},
		{"RM", []string{"-fr", "/proc/self/cwd/../.ssh", "~root/x"}},
		{"tar", []string{"xzf", "a.tgz", "-C", "out/"}},
		{"cat", nil},
	}
	for _, env := range [][2]string{{"/home/u/p", "/home/u"}, {"", ""}, {"rel/dir", "relhome"}, {"/", "/"}} {
		cwd, home := env[0], env[1]
		var b ArgvBuf
		var got []Argv
		for _, c := range cmds {
			got = append(got, b.NewArgv(c.name, c.name, c.args, cwd, home))
		}
		// Paths are made when asked: ask for them from the last command
		// back, twice, so that each is built after the commands prepared
		// after it and is then read from where it was kept.
		for k := 0; k < 2; k++ {
			for i := len(cmds) - 1; i >= 0; i-- {
				c := cmds[i]
				want := NewArgv(c.name, c.name, c.args, cwd, home)
				if gv, wv := argvView(&got[i]), argvView(&want); !reflect.DeepEqual(gv, wv) {
					t.Errorf("cwd %q home %q %s %q:\n got %#v\nwant %#v", cwd, home, c.name, c.args, gv, wv)
				}
			}
		}
	}
}

// TestInitArgvOverwrites checks that InitArgv into an array slot that held
// another command (the engine's pooled array) leaves nothing of it: the
// slot reads as NewArgv's command.
func TestInitArgvOverwrites(t *testing.T) {
	var b ArgvBuf
	slot := []Argv{b.NewArgv("git", "git", []string{"--force", "push", "-C", "x", "a/b"}, "/w", "/h")}
	slot[0].Path(1)
	b.InitArgv(&slot[0], "cat", "cat", nil, "/w", "/h")
	want := NewArgv("cat", "cat", nil, "/w", "/h")
	if gv, wv := argvView(&slot[0]), argvView(&want); !reflect.DeepEqual(gv, wv) || slot[0].made != 0 || slot[0].paths != nil {
		t.Errorf("InitArgv over another command:\n got %#v (made %b, paths %q)\nwant %#v", gv, slot[0].made, slot[0].paths, wv)
	}
	b.InitArgv(&slot[0], "rm", "rm", []string{"-rf", "~/x"}, "/w", "/h")
	want = NewArgv("rm", "rm", []string{"-rf", "~/x"}, "/w", "/h")
	if gv, wv := argvView(&slot[0]), argvView(&want); !reflect.DeepEqual(gv, wv) {
		t.Errorf("InitArgv:\n got %#v\nwant %#v", gv, wv)
	}
}

// argvView is what an Argv tells its users: its fields, flags and each
// positional argument's path.
func argvView(a *Argv) []any {
	paths := make([]string, len(a.Positional))
	for i := range paths {
		paths[i] = a.Path(i)
	}
	return []any{a.Name, a.Program, a.Args, a.Positional, a.short, a.long, paths}
}

// TestArgvBufAllocations checks that preparing a command takes nothing
// of its own once the buffer has room: the allocations do not grow with
// the number of commands.
func TestArgvBufAllocations(t *testing.T) {
	args := []string{"-rf", "build", "~/cache", "--no-preserve-root", "out/"}
	n := testing.AllocsPerRun(100, func() {
		var b ArgvBuf
		b.Reserve(20*len(args), 20*len("build~/cache--no-preserve-rootout/"), "/home/u/p", "/home/u")
		for range 20 {
			a := b.NewArgv("rm", "rm", args, "/home/u/p", "/home/u")
			for i := range a.Positional {
				a.Path(i)
			}
		}
	})
	if n > 3 {
		t.Errorf("20 commands took %v allocations, want at most 3 (the buffer, its strings, its bytes)", n)
	}
}
