package match

import (
	"math/rand"
	"testing"

	"github.com/gobwas/glob"
)

// A glob with only a star at one end or both matches as gobwas/glob's
// compile of it does, for any string (ASCII, UTF-8, invalid bytes, the
// literal itself, empty); a pattern with other syntax, or separators, is
// not taken as one.
func TestStarGlobMatchesAsCompiled(t *testing.T) {
	pats := []string{"*", "**", "***", "mkfs.*", "mongo*", "python*", "*manage.py", "*DROP*", "**x**", "*é*",
		"a.b*", "*.exe", "*-*", "* *", "*a,b*", "*!x", "é*", "x**", "**y"}
	words := []string{"", "mkfs", "mkfs.", "mkfs.ext4", "mongo", "mongosh", "python3", "manage.py", "python3 manage.py",
		"DROP", "xDROPy", "x", "é", "aé", "\xff", "a\xffb", "a,b", "a.bc", "x.exe", ".exe.", "-", " ", "!x", "xx", "yy"}
	r := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "b", "x", "y", ".", "*", "é", "\xff", " ", "-", "mkfs", "DROP", "exe", "!", ","}
	for range 3000 {
		var w string
		for range r.Intn(6) {
			w += alphabet[r.Intn(len(alphabet))]
		}
		words = append(words, w)
	}
	for _, p := range pats {
		sg, ok := starGlobFor(p, nil)
		if !ok {
			t.Fatalf("%q: not a star glob", p)
		}
		g, err := glob.Compile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words {
			if got, want := sg.Match(w), g.Match(w); got != want {
				t.Errorf("%q on %q: %v, compiled %v", p, w, got, want)
			}
		}
	}
	for _, p := range []string{"", "abc", "a*b", "*a?", "*[ab]*", "{a,b}*", "*\\*", "a\\b*", "*x\x00*", "*\xff*"} {
		if _, ok := starGlobFor(p, nil); ok {
			t.Errorf("%q taken as a star glob", p)
		}
	}
	if _, ok := starGlobFor("*.go", []rune{'/'}); ok {
		t.Error("a glob with separators taken as a star glob")
	}
}
