package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A stash dropped after the line applied it loses nothing: git stash
// apply REF && git stash drop REF is git stash pop written in two steps,
// the changes now in the work tree. Only when each command runs after the
// one before it succeeded (joined by && alone: after "apply; drop" or
// "apply || drop" a failed apply still drops), the same stash is named by
// both, and no other stash command between them moves the stack.

// StashApplied reports whether command i of res (the line as written) is
// a git stash drop of the stash an earlier command of the line applied.
func StashApplied(res *shell.Result, i int, line string) bool {
	// (a first test its callers inline: every command of every line asks,
	// and most are not git)
	return res.Commands[i].Name == "git" && stashApplied(res, i, line)
}

// stashApplied is StashApplied past its first test.
func stashApplied(res *shell.Result, i int, line string) bool {
	ref, ok := stashVerb(res, i, "drop")
	if !ok || strings.ContainsAny(line, ";|\n") || strings.Contains(strings.ReplaceAll(line, "&&", ""), "&") {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if r, ok := stashVerb(res, k, "apply"); ok {
			return r == ref
		}
		c := &res.Commands[k]
		if c.Name == "git" && len(c.Args) > 0 && c.Args[0] == "stash" || c.Depth != res.Commands[i].Depth {
			return false // another stash command, or one inside another's string
		}
	}
	return false
}

// stashVerb gives the stash (stash@{N}, "stash@{0}" when none is named)
// that command k, git stash VERB [-q] [--index] [REF], names, and true.
func stashVerb(res *shell.Result, k int, verb string) (string, bool) {
	c := &res.Commands[k]
	if c.Name != "git" || len(c.Via) > 0 || len(c.Args) < 2 || c.Args[0] != "stash" || c.Args[1] != verb {
		return "", false
	}
	ref := ""
	for _, w := range c.Args[2:] {
		switch {
		case w == "-q" || w == "--quiet" || w == "--index":
		case strings.HasPrefix(w, "-") || ref != "":
			return "", false
		default:
			ref = w
		}
	}
	switch {
	case ref == "":
		ref = "stash@{0}"
	case ref[0] >= '0' && ref[0] <= '9':
		ref = "stash@{" + ref + "}"
	}
	return ref, true
}
