package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// Scans: a port or host scanner (an entry with "scans": nmap, masscan,
// rustscan) pointed at other machines probes what it does not own, a
// network range at a time; what it is pointed at may be another team's
// or a customer's, and an intrusion detector reads it as an attack. A
// Scan effect for each target that is not this machine (localhost,
// 127.0.0.0/8, ::1), which a person confirms. Scanning this machine's own
// ports (nmap -sV localhost) is everyday debugging. A target the line
// does not spell out ("$HOST") is another machine as far as anyone can
// tell.

// scans adds a Scan effect for each target of a scanner that is not this
// machine.
func (a *analysis) scans(i int, c *shell.Command, cl *catalog.Classified) {
	if helpOrDryRunOf(cl, c.Args) {
		return
	}
	for _, w := range cl.Words {
		if w.Option != "" && w.Role != catalog.URL || w.Text == "" {
			continue // a port list, an output file, a script's name; not a target's option (rustscan -a)
		}
		if ownMachine(w.Text) {
			continue
		}
		a.add(Effect{Kind: Scan, Cmd: i, Target: w.Text, Word: c.Name + " " + w.Text})
	}
}

// ownMachine reports a scan target that is this machine: localhost, a
// loopback address or range.
func ownMachine(t string) bool {
	h := strings.ToLower(strings.Trim(t, `"'`))
	if strings.Contains(h, "://") {
		// a web scanner's or load tool's URL: its host
		u, ok := match.ParseURL(h)
		if !ok {
			return false
		}
		h = u.Host
	}
	if cidr := strings.IndexByte(h, '/'); cidr >= 0 {
		h = h[:cidr]
	}
	if strings.HasPrefix(h, "[") {
		if k := strings.IndexByte(h, ']'); k > 0 {
			h = h[1:k] // [::1]:9000
		}
	} else if strings.Count(h, ":") == 1 {
		h = h[:strings.IndexByte(h, ':')] // 127.0.0.1:8080
	}
	return loopback(h) || h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "0:0:0:0:0:0:0:1"
}
