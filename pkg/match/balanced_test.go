package match

import "testing"

// TestUnbalancedRefused: a pattern whose braces or brackets do not close
// is refused at compile time (gobwas/glob accepts "x{" and panics when it
// matches), and escaped or closed ones are accepted.
func TestUnbalancedRefused(t *testing.T) {
	for _, p := range []string{"ls 0000{", "a}b", "{a,{b}", "x[ab", "rm {a,b}}"} {
		if _, err := CompileText(p); err == nil {
			t.Errorf("CompileText(%q) accepted an unbalanced pattern", p)
		}
		if _, err := CompileCommand(p); err == nil {
			t.Errorf("CompileCommand(%q) accepted an unbalanced pattern", p)
		}
	}
	for _, p := range []string{`x\{`, `\}y`, "{a,b}", "[{]x", "*.DELETEMANY(\\{\\})*", "a[}]b"} {
		if _, err := CompileText(p); err != nil {
			t.Errorf("CompileText(%q) = %v", p, err)
		}
	}
}

// FuzzCompiledGlobNeverPanics: whatever a policy author writes either is
// refused when it compiles or matches any text without panicking.
func FuzzCompiledGlobNeverPanics(f *testing.F) {
	for _, s := range [][2]string{{"ls 0000{", "ls 0000"}, {"{a,b}*", "ax"}, {"[a-", "a"}, {"**/x/{y,z}", "/x/y"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		if g, err := CompileText(pattern); err == nil {
			g.Match(text)
		}
		if p, err := CompilePath(pattern); err == nil {
			p.Match(text, "/h", "/w")
		}
	})
}
