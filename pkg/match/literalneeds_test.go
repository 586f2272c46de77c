package match

import (
	"slices"
	"testing"
)

// TestLiteralNeeds checks the literal runs read of a glob's alternatives,
// and the globs left unread.
func TestLiteralNeeds(t *testing.T) {
	for _, c := range []struct {
		src  string
		want [][]string
	}{
		{"**/.git/hooks/**", [][]string{{"/.git/hooks/"}}},
		{"{**/*.git/objects,**/*.git/objects/**}", [][]string{{"/", ".git/objects"}, {"/", ".git/objects/"}}},
		{"mongo*", [][]string{{"mongo"}}},
		{"a?b*c", [][]string{{"a", "b", "c"}}},
		{"/.ssh/known_hosts", [][]string{{"/.ssh/known_hosts"}}},
		{"*", nil},
		{"{a,*}", nil},
		{"x\\*y", nil},
		{"[ab]c", nil},
		{"a}b", nil},
		{"a{b", nil},
		{"", nil},
		{"\xff*", nil},
	} {
		if got := literalNeeds(c.src); !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("literalNeeds(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

// TestLazyGlobNotCompiledWithoutItsLiterals checks that a lazy glob asked
// about a string that lacks its literal text is not compiled, and is
// compiled when asked about one that has it.
func TestLazyGlobNotCompiledWithoutItsLiterals(t *testing.T) {
	g, _ := Compiler{Lazy: true}.glob("**/{.hg,.svn}/**", '/')
	if g.Match("/home/u/p/main.go") || g.ready.Load() || g.g != nil {
		t.Fatal("compiled for a path without /.hg/ or /.svn/")
	}
	if !g.Match("/home/u/p/.svn/entries") || !g.ready.Load() {
		t.Fatal("not compiled, or no match, for a path with /.svn/")
	}
	if g.Match("/home/u/p/main.go") {
		t.Error("a compiled glob matches a path without its literals")
	}
}

// FuzzLazyGlobLiterals holds a lazy glob, which skips strings lacking its
// literal text before compiling, to the same glob compiled at once, for
// paths and for text, asked in either order.
func FuzzLazyGlobLiterals(f *testing.F) {
	for _, s := range [][2]string{
		{"**/.git/hooks/**", "/a/.git/hooks/x"}, {"{**/*.git/objects,**/*.git/objects/**}", "/a/x.git/objects"},
		{"mongo*", "mongod"}, {"*manage.py", "manage.py"}, {"{mkfs,mke2fs,mkswap,mkfs.*}", "mkfs.ext4"},
		{"a?b*c", "axbyc"}, {"/{testdata,fixtures}/**", "/fixtures/a"}, {"x{a,b}{c,d}y", "xbcy"}, {"*é*", "café"},
		{"a,b", "a,b"}, {"{a,b,}c", "c"},
	} {
		f.Add(s[0], s[1], true)
		f.Add(s[0], s[1], false)
	}
	f.Fuzz(func(t *testing.T, src, s string, path bool) {
		if len(src) > 48 || len(s) > 96 {
			return
		}
		var seps []rune
		if path {
			seps = []rune{'/'}
		}
		eager, err := Compiler{}.glob(src, seps...)
		if err != nil {
			return
		}
		lazy, _ := Compiler{Lazy: true}.glob(src, seps...)
		want, ok := tryMatch(eager, s)
		if !ok {
			return
		}
		if got, _ := tryMatch(lazy, s); got != want {
			t.Errorf("glob %q on %q: lazy %v, eager %v (needs %q)", src, s, got, want, literalNeeds(src))
		}
		if got, _ := tryMatch(lazy, s); got != want {
			t.Errorf("glob %q on %q, asked again: lazy %v, eager %v", src, s, got, want)
		}
	})
}

// tryMatch matches s, ok false when the glob panics (gobwas does on some
// patterns the checks let through).
func tryMatch(g *lazyGlob, s string) (match, ok bool) {
	defer func() {
		if recover() != nil {
			match, ok = false, false
		}
	}()
	return g.Match(s), true
}
