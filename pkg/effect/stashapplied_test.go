package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

func TestStashApplied(t *testing.T) {
	for line, want := range map[string]bool{
		"git stash apply && git stash drop":                        true,
		"git stash apply stash@{2} && git stash drop stash@{2}":    true,
		"git stash apply 1 && git stash drop stash@{1}":            true,
		"git stash apply --index && npm test && git stash drop -q": true,
		"git stash apply stash@{1} && git stash drop stash@{0}":    false,
		"git stash apply; git stash drop":                          false,
		"git stash apply || git stash drop":                        false,
		"git stash drop":                                           false,
		"git stash apply && git stash push -m x && git stash drop": false,
		"git stash show && git stash drop":                         false,
		"git stash apply && bash -c 'git stash drop'":              false,
		"git stash apply && git stash drop & git stash drop":       false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			got = got || StashApplied(&res, i, line)
		}
		if got != want {
			t.Errorf("%q: StashApplied = %v, want %v", line, got, want)
		}
	}
}
