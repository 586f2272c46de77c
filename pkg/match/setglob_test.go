package match

import (
	"strings"
	"testing"

	"github.com/gobwas/glob"
	gmatch "github.com/gobwas/glob/match"
)

// setGlobCases are patterns of the shapes policies use whose gobwas form
// allocates, with paths around them.
var setGlobCases = []struct {
	pattern string
	paths   []string
}{
	{"{**/.git/hooks,**/.git/hooks/**}", []string{"/p/.git/hooks", "/p/.git/hooks/pre-commit", "/.git/hooks", "/p/.git/hooksx", "/p/x.git/hooks", "/p/.git/hook", ""}},
	{"{/etc/ssh,/etc/ssh/**}", []string{"/etc/ssh", "/etc/ssh/sshd_config", "/etc/sshx", "/x/etc/ssh"}},
	{"/home/*/.ssh/**", []string{"/home/a/.ssh", "/home/a/.ssh/id_rsa", "/home/a/b/.ssh/id_rsa", "/home//.ssh/x", "/home/a/.sshx"}},
	{"/etc/**/*.conf", []string{"/etc/a.conf", "/etc/x/y/a.conf", "/etc/x/y/a.confx", "/etcx/a.conf"}},
	{"**/id_?sa*", []string{"/h/.ssh/id_rsa", "/h/.ssh/id_dsa.pub", "/h/.ssh/id_ecdsa", "id_rsa", "/id_/sa"}},
	{"*/**/x", []string{"/a/x", "a/b/x", "a/x", "x", "/x"}},
	{"a*b*c", []string{"abc", "a/b/c", "aXbYc", "ab", "a\xffb\xffc"}},
}

// TestSetGlobMatchesGobwas holds setGlob to gobwas's answers on the cases
// above, with and without separators, and checks it does not allocate.
func TestSetGlobMatchesGobwas(t *testing.T) {
	for _, tc := range setGlobCases {
		for _, seps := range [][]rune{{'/'}, nil} {
			g, err := glob.Compile(tc.pattern, seps...)
			if err != nil {
				t.Fatalf("gobwas %q: %v", tc.pattern, err)
			}
			sg, ok := newSetGlob(tc.pattern, seps, g)
			if !ok {
				t.Fatalf("setGlob refused %q", tc.pattern)
			}
			for _, p := range tc.paths {
				if got, want := sg.Match(p), g.Match(p); got != want {
					t.Errorf("%q (seps %q) on %q: setGlob %v, gobwas %v", tc.pattern, string(seps), p, got, want)
				}
				if n := testing.AllocsPerRun(10, func() { sg.Match(p) }); n != 0 {
					t.Errorf("%q on %q: %v allocations", tc.pattern, p, n)
				}
			}
		}
	}
}

// TestSetGlobRefuses keeps what setGlob does not take with gobwas.
func TestSetGlobRefuses(t *testing.T) {
	for _, p := range []string{"[ab]*", `a\*b`, "{a,{b,c}}", "{a,}", "a,b", "a}b", "é*", "{a", "{a,b}", "{a,a/**}x", "{**0*0,**}", "{/a/**/b*,/a/**/b*/**}", "{/home/*/.ssh,/home/*/.ssh/**}", "***", "a*{*,b}"} {
		if _, ok := newSetGlob(p, []rune{'/'}, nil); ok {
			t.Errorf("newSetGlob(%q) took it", p)
		}
	}
}

// FuzzSetGlobMatchesGobwas compares setGlob with gobwas wherever
// compileGlob would choose it: patterns setGlob takes whose gobwas form
// allocates, with and without the path separator. (Elsewhere gobwas keeps
// its own answers, quirks included: "00*0" matches "00".)
func FuzzSetGlobMatchesGobwas(f *testing.F) {
	for _, tc := range setGlobCases {
		for _, p := range tc.paths {
			f.Add(tc.pattern, p, true)
		}
	}
	f.Fuzz(func(t *testing.T, pattern, s string, path bool) {
		if len(s) > 1024 {
			return // gobwas's tree takes seconds on long input
		}
		if strings.HasSuffix(pattern, "/") {
			pattern = "{" + pattern[:len(pattern)-1] + "," + pattern + "**}" // a directory pattern
		}
		var seps []rune
		if path {
			seps = []rune{'/'}
		}
		if _, ok := newSetGlob(pattern, seps, nil); !ok {
			return
		}
		g, err := glob.Compile(pattern, seps...)
		if err != nil {
			t.Fatalf("setGlob took %q, gobwas refused it: %v", pattern, err)
		}
		sg, _ := newSetGlob(pattern, seps, g)
		if m, ok := g.(gmatch.Matcher); !ok || !allocates(m) {
			return
		}
		if got, want := sg.Match(s), g.Match(s); got != want {
			t.Fatalf("%q (path %v) on %q: setGlob %v, gobwas %v", pattern, path, s, got, want)
		}
	})
}
