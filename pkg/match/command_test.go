package match

import (
	"slices"
	"testing"
)

// FuzzSplitWords checks that splitting a pattern without quotes by slicing
// it gives the words the quote-aware splitter gives.
func FuzzSplitWords(f *testing.F) {
	for _, s := range []string{"rm -rf /", "  git\tpush  --force ", "", " \t ", "curl 'a b' c", "x\x00y é\xff z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := splitWords(s), splitQuoted(s)
		if !slices.Equal(got, want) {
			t.Fatalf("splitWords(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzLiteralWordMatchesGlob holds a word compared as a string (a plain
// literal) to the same word matched as a glob.
func FuzzLiteralWordMatchesGlob(f *testing.F) {
	for _, s := range [][2]string{{"status", "status"}, {"push", "pushx"}, {"ü", "ü"}, {"a.b", "axb"}, {"-", "-"}, {"!x", "!x"}, {"x^y$", "x^y$"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, word, arg string) {
		if !plainLiteral(word) || word == "" {
			return
		}
		g, err := Compiler{}.glob(word)
		if err != nil {
			t.Fatalf("plain literal %q does not compile as a glob: %v", word, err)
		}
		if got, want := arg == word, g.Match(arg); got != want {
			t.Errorf("word %q, argument %q: as a string %v, as a glob %v", word, arg, got, want)
		}
	})
}

// TestLazyCommandMatchesEager checks that a pattern compiled lazily
// (literal words compared as strings, no glob for a program matched by
// name) matches what the eagerly compiled pattern matches.
func TestLazyCommandMatchesEager(t *testing.T) {
	patterns := []string{"*DROP {TABLE,DATABASE}*", "git push --force *", "rm -rf /", "{curl,wget} * | sh", "docker run --privileged *", "kubectl delete namespace *", "npm publish", "r* -rf ~"}
	argvs := [][]string{{"git", "push", "--force", "origin"}, {"git", "push", "origin"}, {"rm", "-rf", "/"}, {"curl", "x"}, {"kubectl", "delete", "namespace", "prod"}, {"npm", "publish"}, {"rmdir", "-rf", "~"}}
	for _, p := range patterns {
		eager, err := Compiler{}.Command(p)
		if err != nil {
			t.Fatal(err)
		}
		lazy, err := Compiler{Lazy: true}.Command(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{p, "DROP TABLE users", "git push --force origin main", "rm -rf /"} {
			if got, want := lazy.matchText(text), eager.matchText(text); got != want {
				t.Errorf("%q as text on %q: lazy %v, eager %v", p, text, got, want)
			}
		}
		for _, w := range argvs {
			a := NewArgv(w[0], w[0], w[1:], "/home/u/p", "/home/u")
			if got, want := lazy.Match(&a, "/home/u"), eager.Match(&a, "/home/u"); got != want {
				t.Errorf("%q on %q: lazy %v, eager %v", p, w, got, want)
			}
		}
	}
}
