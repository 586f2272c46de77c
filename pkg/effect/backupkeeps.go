package effect

import (
	"strconv"
	"strings"
)

// A backup tool's retention (restic forget, borg prune) that keeps some
// snapshots is a policy, not a store destroyed: --keep-last 1 --keep-daily
// 0 keeps the newest one, though one of its counts is 0
// (backupsgone.go reads a 0 alone as every snapshot forgotten).

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
