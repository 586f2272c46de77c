package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// xargsDeletesUnread reports a recursive delete that xargs builds from an
// input the walk could not read (cat list.txt | xargs rm -rf): what it
// deletes is unknown. When the walk read the input (find . -name
// __pycache__ | xargs rm -rf, echo / | xargs rm -rf), it reported the
// command xargs builds, with its paths, beside the bare one, and those
// paths are judged as any delete is. Input read only in part ({ echo
// build; cat list; } | xargs rm -rf) leaves the rest unknown.
func (a *analysis) xargsDeletesUnread(i int, c *shell.Command, cl *catalog.Classified, recursive bool) {
	if !recursive || c.Synthetic || !behindXargs(c) {
		return
	}
	e := cl.Entry
	if e == nil || e.Rest != catalog.Delete && e.Last != catalog.Delete && e.Nth[1] != catalog.Delete {
		return
	}
	for k := range a.res.Commands {
		o := &a.res.Commands[k]
		if k != i && o.Synthetic && o.Pipeline == c.Pipeline && o.Stage == c.Stage && behindXargs(o) && o.Name == c.Name && !c.StdinUnseen {
			return // the walk read the input whole: the built command is judged
		}
	}
	a.add(Effect{Kind: Unknown, Cmd: i, Detail: "delete-target", Word: "what xargs reads for " + c.Name})
}

// behindXargs reports whether xargs runs the command (xargs rm, xargs env
// rm); GNU parallel's arguments are read elsewhere.
func behindXargs(c *shell.Command) bool {
	for _, v := range c.Via {
		if v == "xargs" {
			return true
		}
	}
	return false
}
