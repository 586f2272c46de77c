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
var remoteActionWords = table.Map[string, bool]{Words: `restart stop reload start reboot shutdown
	halt poweroff kill pkill killall up
	down deploy rollback migrate apply try-restart
	reload-or-restart disable mask isolate
	force-reload try-reload-or-restart reload-or-try-restart condrestart
	graceful graceful-stop quit rm rmi delete
	prune scale drain uninstall purge`}

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
		if remoteActs(w.Text) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + host + ": " + w.Text})
			return
		}
	}
	var remote []string // the words after the host, as written
	for k, w := range c.Args {
		if w == cl.Words[at].Text {
			remote = c.Args[k+1:]
			break
		}
	}
	if remoteScript(remote) {
		// ssh prod-api-2 <<'EOF' … EOF, ssh prod-web-1 bash -s < deploy.sh:
		// the shell there runs what the line feeds ssh's stdin
		// (bash -s there: the walk hands the text to that shell, whose
		// commands follow ssh's, nested deeper)
		texts := c.Stdin
		cmds := a.res.Commands
		for k := i + 1; k < len(cmds) && cmds[k].Depth > c.Depth; k++ {
			texts = append(texts[:len(texts):len(texts)], cmds[k].Stdin...)
		}
		for _, text := range texts {
			if remoteActs(text) {
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + host + ": " + firstLine(text)})
				return
			}
		}
	}
	if !cmd && user == "root" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " root@" + host + ": a root shell on production"})
	}
}

// remoteActs reports whether a remote command's text has a word of
// remoteActionWords, as written or as the remote shell reads it: the
// text's commands' words once quotes, escapes and the text's own
// variables are resolved (re'l'oad, rest\art, a=restart; systemctl $a).
func remoteActs(text string) bool {
	for f := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return r == ' ' || r == ';' || r == '&' || r == '|' || r == '\'' || r == '"' || r == '\n' || r == '\t'
	}) {
		if remoteActionWords.Get(f) {
			return true
		}
	}
	if !strings.ContainsAny(text, "'\"\\$") {
		return false // no quote, escape or expansion: the fields were the words
	}
	res := shell.Parse(text)
	for k := range res.Commands {
		c := &res.Commands[k]
		if remoteActionWords.Get(strings.ToLower(c.Name)) {
			return true
		}
		for _, w := range c.Args {
			if remoteActionWords.Get(strings.ToLower(w)) {
				return true
			}
		}
	}
	return false
}

// stdinShells are the shells a remote command may name to read its
// script from stdin (ssh HOST bash -s, ssh HOST sudo sh).
var stdinShells = table.Map[string, bool]{Words: "sh bash zsh dash ksh ash"}

// remoteScript reports whether a remote shell's command (its words after
// the host) reads its script from stdin: none at all (the login shell
// reads it), or a shell with no -c, behind sudo or not.
func remoteScript(words []string) bool {
	var fields []string
	for _, w := range words {
		fields = append(fields, strings.Fields(w)...)
	}
	k := 0
	if k < len(fields) && fields[k] == "sudo" {
		for k++; k < len(fields) && strings.HasPrefix(fields[k], "-"); k++ {
			if fields[k] == "-u" || fields[k] == "-g" {
				k++
			}
		}
	}
	if k >= len(fields) {
		return k == 0
	}
	if !stdinShells.Get(fields[k][strings.LastIndexByte(fields[k], '/')+1:]) {
		return false
	}
	for _, f := range fields[k+1:] {
		if f == "-c" || !strings.HasPrefix(f, "-") {
			return false // sh -c '…', sh deploy.sh: not stdin's script
		}
	}
	return true
}

// firstLine is text's first non-blank line, for a reason's word.
func firstLine(text string) string {
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
