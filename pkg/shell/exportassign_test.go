package shell

import "testing"

// A plain assignment to a variable the line exported before reaches the
// programs after it, as one after set -a does: the walk reports it as a
// command with no program. One to a variable never exported, or exported
// only after it, stays the shell's own.
func TestExportedAssigns(t *testing.T) {
	reported := func(src string) bool {
		for _, c := range Parse(src).Commands {
			if c.Name == "" && len(c.Assigns) == 1 && c.Assigns[0] == "ENDPOINT=y" {
				return true
			}
		}
		return false
	}
	for src, want := range map[string]bool{
		"export ENDPOINT=x; ENDPOINT=y; run":     true,
		"export ENDPOINT; ENDPOINT=y; run":       true,
		"declare -x ENDPOINT=x; ENDPOINT=y; run": true,
		"typeset -x ENDPOINT=x; ENDPOINT=y; run": true,
		"ENDPOINT=y; run":                        false,
		"declare ENDPOINT=x; ENDPOINT=y; run":    false,
		"ENDPOINT=y; export ENDPOINT=x; run":     false,
	} {
		if got := reported(src); got != want {
			t.Errorf("%q: assignment reported = %v, want %v", src, got, want)
		}
	}
}
