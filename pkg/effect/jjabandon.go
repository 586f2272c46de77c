package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// jj abandon drops changes and rebases their descendants onto their
// parents. One named change (a change id, @-, a bookmark) is a commit
// of one's own branch dropped, which jj op restore brings back. The
// working copy's change (@, the default with no revision) holds the work
// in progress, and a revset expression (all(), mutable(), x::y, a..b,
// x ~ y, x | y) takes every change it matches: a person confirms those,
// as git reset --hard and history rewritten are (destroy:history).

// jjAbandonTakes returns what jj abandon takes that a person confirms:
// the working copy's change or a revset of many, or "".
func jjAbandonTakes(c *shell.Command) string {
	if c.Name != "jj" || len(c.Args) == 0 {
		return ""
	}
	k := 0
	for k < len(c.Args) && strings.HasPrefix(c.Args[k], "-") {
		k++ // jj's global options before the verb (-R takes a value: rare here)
	}
	if k >= len(c.Args) || c.Args[k] != "abandon" {
		return ""
	}
	revs := 0
	for _, w := range c.Args[k+1:] {
		if strings.HasPrefix(w, "-") {
			if v, ok := strings.CutPrefix(w, "--revisions="); ok {
				w = v
			} else if v, ok := strings.CutPrefix(w, "-r"); ok && v != "" {
				w = v
			} else {
				continue
			}
		}
		revs++
		if w == "@" || strings.ContainsAny(w, "():|&~") || strings.Contains(w, "..") {
			return w
		}
	}
	if revs == 0 {
		return "@" // the working copy's change
	}
	return ""
}

// jjAbandon adds destroy:history for jj abandon of the working copy's
// change or of a revset of many.
func (a *analysis) jjAbandon(i int, c *shell.Command) {
	if w := jjAbandonTakes(c); w != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "history", Word: "jj abandon " + w})
	}
}
