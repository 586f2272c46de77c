package match

import (
	"slices"
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
