package match

import "testing"

// TestLazyTexts checks that the globs LazyTexts lays out in one array are
// those Compiler{Lazy: true}.Text makes one by one: the same sources, the
// same matches, each compiled apart from the others.
func TestLazyTexts(t *testing.T) {
	srcs := []string{"exec", "mcp__*", "*", "{read,write}", "a?c", "[ab]x", "**", "x/*/y", `a\*b`}
	subjects := []string{"", "exec", "mcp__x__y", "read", "write", "abc", "ax", "bx", "x/y/y", "x/a/b/y", "a*b", "ab"}
	got := LazyTexts(srcs)
	if len(got) != len(srcs) {
		t.Fatalf("%d globs for %d sources", len(got), len(srcs))
	}
	for i, src := range srcs {
		want, err := Compiler{Lazy: true}.Text(src)
		if err != nil {
			t.Fatal(err)
		}
		if got[i].String() != src {
			t.Errorf("glob %d: source %q, want %q", i, got[i].String(), src)
		}
		for _, s := range subjects {
			if got[i].Match(s) != want.Match(s) {
				t.Errorf("%q.Match(%q) = %v, Text's %v", src, s, got[i].Match(s), want.Match(s))
			}
		}
	}
	if len(LazyTexts(nil)) != 0 {
		t.Error("globs for no sources")
	}
}
