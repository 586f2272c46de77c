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
