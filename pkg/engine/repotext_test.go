package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestRestoresFromHistory: git checkout REV -- PATH and git restore write
// the paths they name, so Rampart's files and the agent's settings put
// back from an old commit are changed files; a workflow put back from the
// repository holds text already committed, and is not text the line hides.
func TestRestoresFromHistory(t *testing.T) {
	e := standard(t)
	for cmd, stop := range map[string]bool{
		"git checkout HEAD~5 -- .rampart/policy.yaml":        true,
		"git restore --source=HEAD~3 .rampart":               true,
		"git restore -s v0.1 -- .claude/settings.json":       true,
		"git checkout main -- .github/workflows/ci.yml":      false,
		"git restore --source=main .github/workflows/ci.yml": false,
		"git checkout HEAD~1 -- src/main.go":                 false,
		"git restore README.md":                              false,
	} {
		d := e.Evaluate(mkCall(call.ToolExec, cmd))
		if d.Blocks() != stop {
			t.Errorf("%q: %v (%s), want stopped=%v", cmd, d.Decision, d.Message, stop)
		}
	}
}
