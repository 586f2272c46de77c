package catalog

import "testing"

// TestRestoredPathsAreWritten: git checkout REV -- PATH and git restore
// PATH write PATH (from the repository's history); a branch name given to
// checkout, or a path before "--" that may be one, stays data.
func TestRestoredPathsAreWritten(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		args  []string
		word  string
		write bool
	}{
		{[]string{"checkout", "HEAD~5", "--", ".rampart/policy.yaml"}, ".rampart/policy.yaml", true},
		{[]string{"checkout", "--", ".claude"}, ".claude", true},
		{[]string{"checkout", "origin/old", "--", "a", "b"}, "b", true},
		{[]string{"checkout", "HEAD~5", "--", "x"}, "HEAD~5", false},
		{[]string{"checkout", "main"}, "main", false},
		{[]string{"switch", "-c", "feature", "main"}, "main", false},
		{[]string{"restore", "--source=HEAD~3", ".rampart"}, ".rampart", true},
		{[]string{"restore", "-s", "v0.1", "--", ".claude/settings.json"}, ".claude/settings.json", true},
	} {
		cl := c.Classify("git", tc.args)
		found, write := false, false
		for _, w := range cl.Words {
			if w.Text == tc.word {
				found = true
				write = write || w.Role == Write
			}
		}
		if !found || write != tc.write {
			t.Errorf("git %v: %s found=%v write=%v, want write=%v", tc.args, tc.word, found, write, tc.write)
		}
		if e, _ := c.Lookup("git", tc.args); e == nil || e.Prop("repo-text") == "" {
			t.Errorf("git %v: not marked as writing the repository's text", tc.args)
		}
	}
}
