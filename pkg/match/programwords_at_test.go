package match

import (
	"slices"
	"testing"
)

// WordNames gives a brace list's names once each; At gives, for the
// positions of the sources whose program word stands for a name, For's
// indexed patterns of a set with no unindexed simple pattern, lazy or
// not, compiled or not, and they match alike.
func TestWordNamesAndAt(t *testing.T) {
	if got := WordNames("{curl,wget,curl}"); !slices.Equal(got, []string{"curl", "wget"}) {
		t.Errorf("WordNames: %q", got)
	}
	if got := WordNames("rm"); !slices.Equal(got, []string{"rm"}) {
		t.Errorf("WordNames: %q", got)
	}
	srcs := []string{"git push --force", "{rm,unlink} -rf /", "git reset --hard", "a | b", "rm x"}
	words := ProgramWords(srcs)
	var ps []*CommandPattern
	for _, src := range srcs {
		cp, err := Compiler{}.Command(src)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, cp)
	}
	eager := NewCommandSet(ps)
	full := LazyCommandSet(srcs)
	full.All()
	for range lazyLookups + 1 {
		full.For("x")
	}
	for _, name := range []string{"git", "rm", "unlink", "ls"} {
		var idx []int32
		for i, w := range words {
			if w != "" && slices.Contains(WordNames(w), name) {
				idx = append(idx, int32(i))
			}
		}
		for k, s := range []*CommandSet{LazyCommandSet(srcs), eager, full} {
			want, other := s.For(name)
			got := s.At(idx)
			if len(other) != 0 || len(got) != len(want) {
				t.Fatalf("set %d %q: At %d patterns, For %d and %d others", k, name, len(got), len(want), len(other))
			}
			for i := range got {
				if got[i].String() != want[i].String() {
					t.Errorf("set %d %q: At %q, For %q", k, name, got[i], want[i])
				}
			}
			for _, line := range [][]string{{"push", "--force"}, {"-rf", "/"}, {"x"}, {"reset", "--hard"}} {
				a := NewArgv(name, name, line, "/", "/h")
				if g, w := MatchArgvIn(got, nil, &a, "/h"), MatchArgvIn(want, nil, &a, "/h"); g != w {
					t.Errorf("set %d %q %q: At matches %v, For %v", k, name, line, g, w)
				}
			}
		}
	}
	if got := LazyCommandSet(srcs).At([]int32{-1, 9}); len(got) != 0 {
		t.Errorf("positions out of range: %d patterns", len(got))
	}
}
