package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// hostAdmin records that a command changes the host's own configuration
// (its network, firewall, mounts, accounts, sudoers or kernel modules), by
// the catalogue's "admin" property: "admin=true" for a program that always
// does, "admin=operands" for one that does when given any operand (mount
// with none lists the mounts), "admin=verbs" for one that does when one of
// its words is among "admin-verbs" (ip route del, ufw allow, iptables -A).
// A word among "admin-not" (visudo -c, modprobe -n) makes it a check that
// changes nothing, as does a flag marked "dry" wherever it is spelled
// (visudo -cf FILE clusters -c with -f's value). A list entry ending in "*" matches by prefix
// (firewall-cmd --add-*); an option is compared without its "=VALUE".
func (a *analysis) hostAdmin(i int, c *shell.Command, e *catalog.Entry, cl *catalog.Classified) {
	if e == nil {
		return
	}
	mode := e.Prop("admin")
	if mode == "" {
		return
	}
	for _, w := range c.Args {
		if inWordList(e.Prop("admin-not"), w) {
			return
		}
	}
	if cl.Mark("dry") {
		return // a flag that only checks or rehearses, in a cluster too (visudo -cf FILE)
	}
	switch mode {
	case "operands":
		if cl.Positional == 0 {
			return
		}
	case "verbs":
		hit := false
		for _, w := range c.Args {
			if inWordList(e.Prop("admin-verbs"), w) {
				hit = true
				break
			}
		}
		if !hit {
			return
		}
	}
	a.add(Effect{Kind: Admin, Cmd: i, Word: strings.TrimSpace(c.Name + " " + strings.Join(c.Args, " "))})
}

// inWordList reports whether w is in the comma-separated list, where an
// entry ending in "*" matches by prefix and an option is compared without
// its "=VALUE".
func inWordList(list, w string) bool {
	if list == "" || w == "" {
		return false
	}
	if strings.HasPrefix(w, "-") {
		w, _, _ = strings.Cut(w, "=")
	}
	for _, x := range strings.Split(list, ",") {
		if p, ok := strings.CutSuffix(x, "*"); ok && p != "" && strings.HasPrefix(w, p) || x == w {
			return true
		}
	}
	return false
}
