package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A public key added to an account lets whoever holds its private half in.
// When the key is the user's own (a .pub file of their ~/.ssh), adding it
// gives no one new a way in: an entry marked "own-keys" (gh ssh-key add)
// grants access only with a key from anywhere else (/tmp/k.pub, a
// download, text piped in from elsewhere).

// addsOwnKeys reports whether every key command i adds is one of the
// user's own public keys: its operands, or, for "-" or none, the files an
// earlier stage of its pipeline reads (cat ~/.ssh/id_ed25519.pub | gh
// ssh-key add -).
func (a *analysis) addsOwnKeys(i int, c *shell.Command, cl *catalog.Classified) bool {
	var keys []string
	stdin := true
	for _, w := range cl.Words {
		if w.Option != "" || w.Role != catalog.Read {
			continue
		}
		if w.Text == "-" || stdinPath(w.Text) {
			continue
		}
		stdin = false
		keys = append(keys, a.clean(w.Text, i))
	}
	if stdin {
		cmds := a.res.Commands
		fed := false
		for k := i - 1; k >= 0; k-- {
			d := &cmds[k]
			if d.Pipeline != c.Pipeline || d.Stage >= c.Stage {
				continue
			}
			fed = true
			if d.Name != "cat" {
				return false
			}
			for _, arg := range d.Args {
				if !strings.HasPrefix(arg, "-") {
					keys = append(keys, a.clean(arg, k))
				}
			}
		}
		if !fed {
			return false
		}
	}
	if len(keys) == 0 {
		return false
	}
	own := strings.TrimSuffix(a.env.Home, "/") + "/.ssh/"
	for _, k := range keys {
		var bk [4]string
		if o := match.BackupOriginals(bk[:0], k); len(o) > 0 {
			k = o[len(o)-1] // id_ed25519.pub.bak: a kept copy of the public key
		}
		if a.env.Home == "" || !strings.HasPrefix(k, own) || !strings.HasSuffix(k, ".pub") || strings.Contains(k[len(own):], "/") {
			return false
		}
	}
	return true
}
