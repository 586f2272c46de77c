package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
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
	k, aliased := 0, false
	for k < len(c.Args) && strings.HasPrefix(c.Args[k], "-") {
		// jj's global options before the verb, some with a value (-R DIR,
		// --at-op ID); a setting given on the line may define a revset
		// alias, so that a plain word names what it says
		name, _, eq := strings.Cut(c.Args[k], "=")
		aliased = aliased || strings.HasPrefix(name, "--config")
		if jjValueOptions.Get(name) && !eq {
			k++
		}
		k++
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
		if aliased || strings.HasSuffix(w, "@") || strings.ContainsAny(w, "():|&~") || strings.Contains(w, "..") {
			return w // @ or default@: a workspace's working copy
		}
	}
	if revs == 0 {
		return "@" // the working copy's change
	}
	return ""
}

// jjValueOptions are jj's global options that take the next word.
var jjValueOptions = table.Map[string, bool]{Words: "-R --repository --at-op --at-operation --config --config-toml --config-file --color --when"}

// jjAbandon adds destroy:history for jj abandon of the working copy's
// change or of a revset of many.
func (a *analysis) jjAbandon(i int, c *shell.Command) {
	if w := jjAbandonTakes(c); w != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "history", Word: "jj abandon " + w})
	}
}
