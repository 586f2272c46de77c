package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A git host's items changed in bulk: a forge CLI's verb that closes,
// deletes, edits, locks, transfers or merges what it names, given its
// operands by xargs (gh issue list … | xargs -n1 gh issue close, a file of
// numbers fed to glab mr merge). One by one such a change is everyday
// work; every item a listing selects changed at once is a change to what
// everyone on the project shares (destroy:shared-change), as an MCP
// tool's bulk change is.

// bulkItemVerbs are the verbs of a forge CLI that change an item others
// share.
var bulkItemVerbs = table.Map[string, bool]{Words: `close delete edit lock transfer merge
	reopen archive pin unpin comment ready
	review approve cancel rerun`}

// bulkHostChange adds destroy:shared-change for a git host's CLI (an
// entry with "host") whose changing verb takes its operands from xargs.
func (a *analysis) bulkHostChange(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || c.Synthetic || !behindXargs(c) || e.Prop("host") == "" || helpOrDryRunOf(cl, c.Args) {
		return
	}
	verb := ""
	leadingWords(cl, 3, func(w string) bool {
		if lookVerbs.Get(w) {
			return true
		}
		if bulkItemVerbs.Get(w) {
			verb = w
			return true
		}
		return false
	})
	if verb != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " " + verb + " of every item xargs reads"})
	}
}
