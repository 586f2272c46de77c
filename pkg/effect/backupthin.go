package effect

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A backup tool's retention that keeps one snapshot and forgets the rest
// (restic forget --keep-last 1 --prune, borg prune --keep-last 1): the
// newest copy stays, every older one (what a backup is kept for when the
// newest is already the damaged one) is gone. Less than a store destroyed
// whole (backupsgone.go: --keep-last 0 keeps nothing), more than an
// ordinary policy (--keep-daily 7 --keep-weekly 4): a person confirms it.
// Detail "history": the store's past rewritten.

// backupThinned adds destroy:history for a backup tool's forget or prune
// whose largest --keep-* count is one.
func (a *analysis) backupThinned(i int, c *shell.Command, cl *catalog.Classified) {
	if !backupTools.Get(c.Name) || cl.Mark("dry") {
		return
	}
	if kept, ok := keptCount(c.Args); ok && kept == 1 {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "history", Word: c.Name + " keeps one snapshot and forgets every older one"})
	}
}

// keptCount is the largest count a forget's or prune's --keep-* options
// keep (--keep-last 1 --keep-daily 0 keeps one); ok is false for another
// verb, for no count given, and for one the line computes or "-1", all.
func keptCount(args []string) (kept int, ok bool) {
	verb := false
	for _, w := range args {
		if w == "forget" || w == "prune" {
			verb = true
			break
		}
	}
	if !verb {
		return 0, false
	}
	kept = -1
	for k, w := range args {
		name, val, has := strings.Cut(w, "=")
		if !strings.HasPrefix(name, "--keep-") || name == "--keep-tag" || strings.HasPrefix(name, "--keep-within") {
			continue
		}
		if !has {
			if k+1 >= len(args) {
				return 0, false
			}
			val = args[k+1]
		}
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 {
			return 0, false
		}
		kept = max(kept, n)
	}
	return kept, kept >= 0
}
