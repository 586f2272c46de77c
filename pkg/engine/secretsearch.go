package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
)

// An agent's content search (a Grep tool's read with a "pattern") whose
// pattern names secret material and whose directory is a home, a
// directory above one, a home's top settings tree or a system directory
// is the flow secret-search->agent, as the same grep -r on the shell is
// (effect/secretsearch.go). A Glob's pattern of file names only lists
// names, and is left to the search's own judging (search.go).

// judgeSecretSearch judges a search of dir for secret material.
func (ev *evaluation) judgeSecretSearch(dir string) {
	pat := ev.c.Params.String("pattern")
	if pat == "" || strings.Contains(pat, "**/") || strings.HasPrefix(pat, "*") {
		return // a glob of file names: names, not contents
	}
	if !effect.SecretPattern(pat) || !effect.BroadSearchRoot(dir, ev.e.env.Home) {
		return
	}
	s := subject{tool: "flow", text: "a search for " + pat + " over " + dir, effect: "flow:secret-search->agent"}
	ev.judge(&s)
}
