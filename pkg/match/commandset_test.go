package match

import (
	"slices"
	"strings"
	"testing"
)

// TestCommandSetForSkipsOnlyAbsentNames checks that For's one-bit summary
// of the indexed names never hides a pattern indexed under a name.
func TestCommandSetForSkipsOnlyAbsentNames(t *testing.T) {
	var ps []*CommandPattern
	for _, src := range []string{"rm -rf *", "{curl,wget} *", "git push --force", "x", "dd of=*", "r* -x", "/usr/bin/env"} {
		p, err := CompileCommand(src)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	s := NewCommandSet(ps)
	for _, name := range []string{"rm", "curl", "wget", "git", "x", "dd", "rmdir", "", "cat", "gi", "tig", "curlx", "env"} {
		indexed, other := s.For(name)
		if want := s.byProg[name]; !slices.Equal(indexed, want) {
			t.Errorf("For(%q) indexed %d patterns, the index holds %d", name, len(indexed), len(want))
		}
		if !slices.Equal(other, s.other) {
			t.Errorf("For(%q) left out the patterns matched by glob or path", name)
		}
	}
}

// FuzzProgNamesMatchGlob holds a program word matched by its literal names
// (matchProg) to the same word matched as a glob.
func FuzzProgNamesMatchGlob(f *testing.F) {
	for _, s := range [][2]string{
		{"rm", "rm"}, {"{curl,wget}", "wget"}, {"{curl,wget}", "curlx"}, {"{,x}", ""},
		{"{sh,.,eval}", "."}, {"r*", "rm"}, {"/usr/bin/env", "env"}, {"a", "A"}, {"ü", "ü"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, word, name string) {
		if len(word) > 64 || strings.ContainsAny(word, " \t'\"") {
			return // one program word, of a size a policy writes
		}
		cp, err := CompileCommand(word)
		if err != nil || cp.IsPipeline() || !cp.byNames {
			return // matched by its glob
		}
		a := &Argv{Name: name, Program: name}
		want := cp.prog.Match(name)
		if got := cp.matchProg(a); got != want {
			t.Errorf("program word %q, name %q: by names %v, by glob %v", word, name, got, want)
		}
	})
}

// TestLazyQuotedProgram checks that a pattern whose program word is quoted
// matches the same commands in a lazy set as in an eagerly built one: it
// is unindexed by its source but indexed by name once compiled.
func TestLazyQuotedProgram(t *testing.T) {
	for _, src := range []string{`'rm' -rf /`, `"curl" *`, `rm -rf ' | '`, `{'sh',bash} -c *`} {
		lazy := LazyCommandSet([]string{"git push", src})
		cp, err := CompileCommand(src)
		if err != nil {
			t.Fatal(err)
		}
		push, _ := CompileCommand("git push")
		eager := NewCommandSet([]*CommandPattern{push, cp})
		for _, w := range [][]string{{"rm", "-rf", "/"}, {"curl", "x"}, {"rm", "-rf", " | "}, {"bash", "-c", "x"}, {"git", "push"}} {
			a := NewArgv(w[0], w[0], w[1:], "/home/u/p", "/home/u")
			if l, e := lazy.MatchArgv(&a, "/home/u"), eager.MatchArgv(&a, "/home/u"); l != e {
				t.Errorf("%q on %q: lazy set %v, eager set %v", src, w, l, e)
			}
		}
	}
}

// TestMayMatchName holds MayMatchName to Match: a pattern it says cannot
// match a name matches no command of that name, whatever the command's
// path and words.
func TestMayMatchName(t *testing.T) {
	srcs := []string{"rm -rf *", "{curl,wget} *", "r* -x", "*sh -c *", "python* *", "/usr/bin/env *",
		"*/bin/rm *", "[a-c]at *", "git push --force", "?? *", "*"}
	argss := [][]string{nil, {"-rf", "/"}, {"-x"}, {"-c", "id"}, {"push", "--force"}, {"a.py"}}
	for _, src := range srcs {
		p, err := CompileCommand(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"rm", "rmdir", "curl", "bash", "sh", "zsh", "python3", "env", "cat", "bat", "git", "ls", "r", ""} {
			if p.MayMatchName(name) {
				continue
			}
			for _, prog := range []string{name, "/usr/bin/" + name, "/bin/" + name, "./" + name} {
				for _, args := range argss {
					a := NewArgv(name, prog, args, "/home/u/p", "/home/u")
					if p.Match(&a, "/home/u") {
						t.Errorf("%q: MayMatchName(%q) is false, yet it matches %s %q", src, name, prog, args)
					}
				}
			}
		}
	}
	p, _ := CompileCommand("*sh -c *")
	if !p.MayMatchName("bash") || p.MayMatchName("cat") {
		t.Errorf("*sh: MayMatchName(bash) %v, MayMatchName(cat) %v", p.MayMatchName("bash"), p.MayMatchName("cat"))
	}
}

// A set with no pattern indexed by name makes no map, and answers For
// with its other patterns, as one with a map does.
func TestCommandSetWithoutNames(t *testing.T) {
	glob, _ := CompileCommand("*sh -c *")
	empty := NewCommandSet(nil)
	globs := NewCommandSet([]*CommandPattern{glob})
	if empty.byProg != nil || globs.byProg != nil {
		t.Error("a set with no pattern indexed by name made a map")
	}
	if in, other := empty.For("bash"); len(in) != 0 || len(other) != 0 {
		t.Errorf("empty set: For(bash) = %v, %v", in, other)
	}
	if in, other := globs.For("bash"); len(in) != 0 || len(other) != 1 || other[0] != glob {
		t.Errorf("set of a glob: For(bash) = %v, %v", in, other)
	}
	a := NewArgv("bash", "bash", []string{"-c", "x"}, "/", "/home/u")
	if !globs.MatchArgv(&a, "/home/u") || empty.MatchArgv(&a, "/home/u") {
		t.Error("a set without names matched otherwise than its patterns")
	}
}

// TestWordsSummarySkipsOnlyMisses holds MatchArgvIn, which passes over a
// pattern not compiled yet whose required words the command's summary
// (Argv.words) shows missing, to matching each pattern in full: the same
// answer for every pattern and command, before the patterns' words are
// read and after.
func TestWordsSummarySkipsOnlyMisses(t *testing.T) {
	srcs := []string{"git push --force *", "git reset --hard", "git clean -*f*", "git push * +*", "git checkout -- .",
		"git stash drop", "git filter-repo *", "git 'push' x", "git * status", "git -c * push", "git branch -D *"}
	lines := [][]string{
		{"status"}, {"push", "--force", "origin", "main"}, {"push", "origin", "+main"}, {"reset", "--hard", "HEAD~1"},
		{"clean", "-fdx"}, {"stash", "drop"}, {"stash", "list"}, {"push"}, {"log", "--grep", "push"}, {"-C", "/tmp/x", "status"},
		{"checkout", "--", "."}, {"branch", "-D", "x"}, {"filter-repo", "--force"}, {"push", "x"}, {}, {""},
	}
	var buf ArgvBuf
	skipped := 0
	for round := range 2 { // round 1: every pattern's words read already
		set := LazyCommandSet(srcs)
		for _, args := range lines {
			a := buf.NewArgv("git", "git", args, "/p", "/h")
			indexed, other := set.For("git")
			got := MatchArgvIn(indexed, other, &a, "/h")
			plain := a
			plain.summed = false
			if want := MatchArgvIn(indexed, other, &plain, "/h"); got != want {
				t.Errorf("round %d, git %q: %v with the summary, %v without", round, args, got, want)
			}
			for _, p := range indexed {
				if !p.lacksWords(&a) {
					continue
				}
				skipped++
				if p.matchArgs(&plain, "/h") {
					t.Errorf("git %q: %q passed over, yet it matches", args, p.src)
				}
			}
		}
	}
	if skipped == 0 {
		t.Error("no pattern passed over: the summary was never asked")
	}
}
