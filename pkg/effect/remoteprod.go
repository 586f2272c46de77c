package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A remote shell's command that changes a host whose name says production
// (ssh prod-web-1 'sudo systemctl restart api', ssh deploy@api.prod.acme.io
// docker compose up -d), or a root login there, changes production. The
// same command on a host whose name says nothing is everyday work, and
// looking at production (systemctl status, tail of a log) is too.

// remoteActionWords are the words of a remote command that change what a
// host runs: a service stopped or restarted, the machine rebooted,
// processes killed, containers brought up or down, a deploy or migration.
var remoteActionWords = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"restart": true, "stop": true, "reload": true, "start": true, "reboot": true, "shutdown": true,
		"halt": true, "poweroff": true, "kill": true, "pkill": true, "killall": true, "up": true,
		"down": true, "deploy": true, "rollback": true, "migrate": true, "apply": true, "try-restart": true,
		"reload-or-restart": true, "disable": true, "mask": true, "isolate": true,
	}
}}

// remoteProduction adds destroy:production for a remote shell (an entry
// whose first positional is a remote host) to a production host that runs
// a command changing it, or logs in there as root; and for a local forward
// (-L) to a production service, which opens it on this machine.
func (a *analysis) remoteProduction(i int, c *shell.Command, cl *catalog.Classified) {
	host, user, at := "", "", -1
	for _, w := range cl.Words {
		if w.Option == "-L" && namesProduction(w.Text) {
			// ssh -L 5432:prod-db.internal:5432 bastion: production's
			// service opened on this machine
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " -L " + w.Text})
			return
		}
	}
	for k, w := range cl.Words {
		if w.Option == "" && w.Role == catalog.Remote {
			host, at = w.Text, k
			break
		}
	}
	if at < 0 {
		return
	}
	if u, h, ok := strings.Cut(host, "@"); ok {
		user, host = u, h
	}
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	if !namesProduction(host) {
		return
	}
	cmd := false
	for _, w := range cl.Words[at+1:] {
		if w.Option != "" {
			continue
		}
		cmd = true
		for f := range strings.FieldsFuncSeq(strings.ToLower(w.Text), func(r rune) bool {
			return r == ' ' || r == ';' || r == '&' || r == '|' || r == '\'' || r == '"' || r == '\n'
		}) {
			if remoteActionWords.Get(f) {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + host + ": " + w.Text})
				return
			}
		}
	}
	if !cmd && user == "root" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " root@" + host + ": a root shell on production"})
	}
}
