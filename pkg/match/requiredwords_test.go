package match

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// requiredWordsByTests is requiredWords as it was written before it read
// the source in one pass: each test its own pass over the word. The two
// must agree on every source.
func requiredWordsByTests(src string, words []string) (_ []string, ok bool) {
	if strings.ContainsAny(src, `'"`) {
		return nil, false
	}
	blank := func(c byte) bool { return c == ' ' || c == '\t' }
	first := true
	for i := 0; i < len(src); {
		for i < len(src) && blank(src[i]) {
			i++
		}
		j := i
		for j < len(src) && !blank(src[j]) {
			j++
		}
		w := src[i:j]
		i = j
		if w == "" {
			break
		}
		if first {
			first = false
			continue
		}
		if w == "*" || len(w) > 1 && w[0] == '-' && !strings.ContainsAny(w, "*?[{") || looksLikePathPattern(w) || !plainLiteral(w) {
			continue
		}
		words = append(words, w)
	}
	return words, true
}

// TestRequiredWordsOnePass checks requiredWords against the word-by-word
// tests it replaces, on patterns made of words that each test turns on.
func TestRequiredWordsOnePass(t *testing.T) {
	parts := []string{
		"git", "push", "status", "*", "-f", "--force", "-*f*", "--prune=*", "-?", "-[ab]", "-{a,b}", "-x]", "-x}", `-x\`,
		"-", "--", "/etc", "~", "~/x", "~x", "$HOME", "$HOME/x", "$HOMEx", "{drop,clear}", "a]b", "a}b", `a\b`, "a?b",
		"a[b", "refs/heads/*", ".", "éé", "\xff", "a\xc3", "a\x00b", "'q'", `"q"`, "it's", "+*", ":*", "x",
	}
	seps := []string{" ", "  ", "\t", " \t "}
	srcs := []string{"", " ", "git", " git ", "git  push  ", "git\tpush\t-f", "\t", "git 'my remote' push"}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		if r.Intn(4) == 0 {
			b.WriteString(seps[r.Intn(len(seps))])
		}
		for k := range 1 + r.Intn(6) {
			if k > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			b.WriteString(parts[r.Intn(len(parts))])
		}
		if r.Intn(4) == 0 {
			b.WriteString(seps[r.Intn(len(seps))])
		}
		srcs = append(srcs, b.String())
	}
	for _, src := range srcs {
		for _, room := range [][]string{nil, make([]string, 0, 2)} {
			got, gotOK := requiredWords(src, slices.Clone(room))
			want, wantOK := requiredWordsByTests(src, slices.Clone(room))
			if gotOK != wantOK || !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("requiredWords(%q) = %q, %v; the tests give %q, %v", src, got, gotOK, want, wantOK)
			}
		}
	}
}
