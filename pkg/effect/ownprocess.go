package effect

import (
	"path"
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A debugger or tracer attached to a process reads its memory (attach.go).
// Which process a computed id names is told by what computed it: a
// process finder (pgrep, pidof) that picks the developer's own program by
// a name or command line that no process holding others' secrets has
// (gdb -p $(pgrep -f 'target/debug/server'), perf top -p $(pidof worker)),
// the pid file a dev server wrote (gdb -p "$(cat .dev/api.pid)"), or $!,
// the job the line itself started. Such an id is the developer's own
// program, whose memory is the project's; any other computed id (a finder
// whose pattern could pick ssh-agent, a browser, a password manager, sshd
// or init, one that selects by another user or by everything, a pid file
// of the system's or one the line wrote) is judged as before: another
// process's memory. A debugger told to print the process's environment
// (call getenv, x/s *environ) reads secrets whichever process it is.

// secretHolders are the process names of programs whose memory holds the
// user's or the machine's secrets: key agents, keyrings and password
// managers, browsers and mail clients, login and session daemons, editors
// holding tokens, Rampart itself, the remote shells and clients a password
// is typed into, the coding agents; in lower case.
var secretHolders = table.Map[string, bool]{Words: `ssh-agent gpg-agent gnome-keyring-daemon
	gnome-keyring-d kwalletd kwalletd5 kwalletd6 ksecretd keepassxc keepass keepassx 1password
	op bitwarden bw vault aws-vault secret-tool seahorse pass gopass git-credential-cache--daemon
	git-credential-manager docker-credential-desktop docker-credential-secretservice sshd sudo su
	login systemd init gdm-session-worker gdm gdm3 lightdm sddm polkitd systemd-logind xorg xwayland
	chrome chromium chromium-browser google-chrome firefox brave msedge opera vivaldi thunderbird
	evolution signal-desktop slack code cursor rampart rampart-serve rampart-eval rampart-hook
	tailscaled wpa_supplicant networkmanager dbus-daemon cron crond containerd dockerd ssh scp sftp
	ssh-add gpg passwd kinit claude codex gemini aider cursor-agent pinentry gcr-prompter ssh-askpass
	goa-daemon librewolf waterfox microsoft-edge codium vscodium protonmail-bridge openvpn iwd keybase`}

// secretHolderOf returns the secret holder a process name n (in lower
// case) is: one of secretHolders, or one's name followed by a part its
// packages add (firefox-esr, brave-browser, google-chrome-stable,
// thunderbird-bin, sshd-session, pinentry-gnome3, keepassxc-proxy); ""
// for none.
func secretHolderOf(n string) string {
	if secretHolders.Get(n) {
		return n
	}
	for k := len(n) - 1; k > 0; k-- {
		if c := n[k]; (c == '-' || c == '_' || c == '.') && secretHolders.Get(n[:k]) {
			return n[:k]
		}
	}
	return ""
}

// anyRunners are interpreters and runtimes whose bare name picks every
// program they run, the developer's and the agents' and editors' alike
// (pidof node, pgrep python): no name of one program.
var anyRunners = table.Map[string, bool]{Words: `node nodejs python python3 python2 ruby java php perl
	bun deno dotnet electron mono beam.smp erl lua`}

// pidFilters are the stages that may stand between a process finder and
// the id it hands on: they pick among the ids, never make one.
var pidFilters = table.Map[string, bool]{Words: "head tail sort uniq cut grep"}

// ownProcess reports whether the process id word w of command c is
// computed to name the developer's own program (see above).
func (a *analysis) ownProcess(c *shell.Command, w string) bool {
	t := strings.Trim(w, `"' `)
	if t == "$!" || t == "${!}" {
		// the job the line started, unless the line runs a secret
		// holder before it (ssh-agent -D &, ssh-add KEY &, gpg-agent
		// --daemon &): its id may be that one's
		return !a.holderBefore(c)
	}
	if !strings.HasPrefix(t, "$") && !strings.HasPrefix(t, "`") {
		return false
	}
	cmds := a.res.Commands
	finders := 0
	for _, j := range c.Inputs {
		if j < 0 || j >= len(cmds) {
			return false
		}
		p := &cmds[j]
		switch {
		case p.Name == "pgrep" || p.Name == "pidof":
			if !a.findsOwn(p) {
				return false
			}
			finders++
		case p.Name == "cat" && len(p.Args) == 1:
			if !a.ownPidFile(p.Args[0], j) {
				return false
			}
			finders++
		case (pidFilters.Get(p.Name) || picksFields(p)) && !cutsCharacters(p):
		default:
			return false
		}
	}
	return finders > 0
}

// findsOwn reports whether a pgrep or pidof command picks only the user's
// own processes by a pattern no secret holder's name matches.
func (a *analysis) findsOwn(p *shell.Command) bool {
	if p.Dynamic || p.Name == "pgrep" && selectsAll("pgrep", p.Args) != "" {
		return false // a pattern the line cannot tell ("$APP") could be any
	}
	patterns := 0
	for k := 0; k < len(p.Args); k++ {
		w := p.Args[k]
		opt, val, eq := strings.Cut(w, "=")
		if p.Name == "pgrep" && selectArgs.Get(opt) {
			if !eq {
				if k++; k >= len(p.Args) {
					return false
				}
				val = p.Args[k]
			}
			switch {
			case selectUser.Get(opt):
				if !a.ownUser(val) {
					return false
				}
			case opt == "-F" || opt == "--pidfile":
				if !a.ownPidFile(val, -1) {
					return false
				}
				patterns++
			case opt == "-d" || opt == "--delimiter" || opt == "-s" || opt == "--signal":
			default:
				return false // a group, parent, terminal or session picks others too
			}
			continue
		}
		if strings.HasPrefix(w, "-") {
			if p.Name == "pidof" && (w == "-o" || w == "--omit-pid") {
				k++
			}
			continue
		}
		patterns++
		if anyRunners.Get(strings.ToLower(path.Base(strings.Trim(w, "^$ ")))) {
			return false
		}
		if p.Name == "pidof" {
			if secretHolderOf(strings.ToLower(path.Base(w))) != "" {
				return false
			}
			continue
		}
		if matchesSecretHolder(w) {
			return false
		}
	}
	return patterns > 0
}

// holderBefore reports whether a secret holder (secretHolders) runs on
// the line before command c.
func (a *analysis) holderBefore(c *shell.Command) bool {
	for k := range a.res.Commands {
		p := &a.res.Commands[k]
		if p == c {
			return false
		}
		if secretHolders.Get(strings.ToLower(p.Name)) {
			return true
		}
	}
	return false
}

// cutsCharacters reports a stage that keeps some characters or bytes of
// each line (cut -c2-, head -c 2, tail -c 3): of a process id it makes
// another number, any process's.
func cutsCharacters(p *shell.Command) bool {
	switch p.Name {
	case "cut", "head", "tail":
	default:
		return false
	}
	for _, w := range p.Args {
		if w == "--bytes" || w == "--characters" || strings.HasPrefix(w, "--bytes=") || strings.HasPrefix(w, "--characters=") {
			return true
		}
		if len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.ContainsAny(w[1:2], "cb") && (p.Name == "cut" || w[1] == 'c') {
			return true // -c2-, -b1-3; head -c 2, tail -c3
		}
	}
	return false
}

// matchesSecretHolder reports whether a pgrep pattern (an extended regular
// expression, matched anywhere in a process's name or, with -f, its command
// line, in any case to be safe) could pick a secret holder: it matches one's
// name or path. A pattern Go cannot read is taken to.
func matchesSecretHolder(p string) bool {
	re, err := regexp.Compile("(?i)" + p)
	if err != nil {
		return true
	}
	for name := range secretHolders.All() {
		if re.MatchString(name) || re.MatchString("/usr/bin/"+name+" --daemon") {
			return true
		}
	}
	// a pattern of a command line that names one ('chrome --type=renderer',
	// 'Google Chrome', 'keepassxc --minimized'): a word of it is the holder
	for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return r == ' ' || r == '/' || r == '=' || r == '\'' || r == '"' }) {
		if secretHolderOf(strings.Trim(w, "^$.*+?()[]|")) != "" {
			return true
		}
	}
	return false
}

// ownUser reports whether a pgrep user selection names the user alone.
func (a *analysis) ownUser(v string) bool {
	switch strings.Trim(v, `"'`) {
	case "$USER", "${USER}", "$LOGNAME", "$(whoami)", "$(id -u)", "$(id -un)", "$UID", "`whoami`", "`id -u`":
		return true
	}
	return a.env.Home != "" && v == path.Base(a.env.Home)
}

// ownPidFile reports whether a pid file read for a process id is one a dev
// server keeps (NAME.pid, in the project or a temporary directory) rather
// than a system daemon's (/run, /var/run) or one the line itself writes,
// whose id could be any process's.
func (a *analysis) ownPidFile(f string, i int) bool {
	if !strings.HasSuffix(f, ".pid") || strings.ContainsAny(f, "$`*?[") {
		return false
	}
	if i < 0 {
		i = 0
	}
	p := a.clean(f, i)
	for _, sys := range []string{"/run/", "/var/run/", "/var/lib/", "/etc/", "/proc/", "/sys/"} {
		if strings.HasPrefix(p, sys) {
			return false
		}
	}
	if _, ok := a.res.Files[f]; ok {
		return false
	}
	for j := range a.res.Commands {
		for _, r := range a.res.Commands[j].Redirects {
			if strings.HasPrefix(r.Op, ">") || r.Op == "&>" || r.Op == "&>>" || r.Op == "<>" {
				if r.Target == f || a.clean(r.Target, j) == p {
					return false
				}
			}
		}
	}
	return true
}

// printsEnviron reports whether a debugger's own commands print the
// process's environment (call getenv("TOKEN"), x/s *environ, p environ).
func printsEnviron(cmds []string) bool {
	for _, c := range cmds {
		l := strings.ToLower(c)
		if strings.Contains(l, "getenv") || strings.Contains(l, "environ") {
			return true
		}
	}
	return false
}

// picksFields reports a stage between a process finder and its id that
// only picks fields or lines of what it reads, never writes a number of
// its own: awk '{print $1}', sed 1d, tr -d ' ' (no digit in its sets).
func picksFields(p *shell.Command) bool {
	switch p.Name {
	case "xargs":
		return false
	case "tr":
		return !strings.ContainsAny(strings.Join(p.Args, " "), "0123456789")
	case "awk", "gawk", "mawk":
		for _, w := range p.Args {
			_, prog, ok := strings.Cut(w, "print")
			if !ok {
				continue
			}
			prog = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(prog), "}"))
			for _, f := range strings.Split(prog, ",") {
				f = strings.TrimSpace(f)
				if len(f) < 2 || f[0] != '$' || strings.Trim(f[1:], "0123456789") != "" {
					return false
				}
			}
		}
	}
	return columnOnly(p)
}

// foundProcess reports whether a process finder's output (pgrep, pidof)
// is substituted into command c's words.
func (a *analysis) foundProcess(c *shell.Command) bool {
	for _, j := range c.Inputs {
		if j >= 0 && j < len(a.res.Commands) && (a.res.Commands[j].Name == "pgrep" || a.res.Commands[j].Name == "pidof") {
			return true
		}
	}
	return false
}
