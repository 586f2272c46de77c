package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// sshNames are the programs that run a command on another host the way
// ssh does: ssh HOST CMD, autossh [-M PORT] HOST CMD, mosh HOST -- CMD.
// The remote command is judged as a command line (a shell there parses
// it), and what the line feeds the remote command's stdin reaches it.
var sshNames = table.Map[string, bool]{Words: "ssh autossh mosh"}

// sshCommandKeys are the ssh settings whose value is a command line: run
// here (ProxyCommand, LocalCommand, KnownHostsCommand) or on the host in
// place of a login shell (RemoteCommand).
var sshCommandKeys = table.Map[string, bool]{Words: "proxycommand localcommand knownhostscommand remotecommand"}

// sshCommandKey reports whether an ssh setting's value is a command line.
func sshCommandKey(key string) bool {
	return sshCommandKeys.Get(strings.ToLower(strings.TrimSpace(key)))
}

// sshConfigFiles judges the configuration files ssh, scp or sftp reads
// with -F FILE that the line wrote: the commands its settings run, and an
// unknown effect for one whose text nobody knows.
func (s *state) sshConfigFiles(words []string, f frame) {
	for i := 1; i < len(words); i++ {
		file := ""
		if words[i] == "-F" && i+1 < len(words) {
			file = words[i+1]
		} else if v, ok := strings.CutPrefix(words[i], "-F"); ok && v != "" {
			file = v
		}
		if file != "" {
			s.runFile(file, "sshconfig", s.viaFrame(f, progName(words[0])))
		}
	}
}

// sshConfigCommands gives the command lines of an ssh configuration text:
// the values of the command settings ("Key value" or "Key=value") and the
// commands of "Match exec CMD" conditions.
func sshConfigCommands(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		key, val := l, ""
		if k := strings.IndexAny(l, " \t="); k > 0 {
			key, val = l[:k], strings.TrimLeft(l[k:], " \t=")
		}
		if sshCommandKey(key) {
			b.WriteString(val + "\n")
			continue
		}
		if strings.EqualFold(key, "match") {
			// Match [canonical] exec "CMD" [host ...]: CMD runs to decide.
			fields := strings.Fields(val)
			for j, w := range fields {
				if strings.EqualFold(w, "exec") && j+1 < len(fields) {
					rest := strings.Join(fields[j+1:], " ")
					if q := quotedParts(rest); len(q) > 0 && strings.HasPrefix(rest, `"`) {
						b.WriteString(q[0] + "\n")
					} else {
						b.WriteString(fields[j+1] + "\n")
					}
				}
			}
		}
	}
	return b.String()
}

// remoteReadsStdin reports whether the remote command of an ssh-like
// program reads a script from stdin (ssh HOST bash -s, ssh HOST sudo sh):
// then what the line feeds ssh's stdin is that script.
func remoteReadsStdin(words []string) (string, bool) {
	remote := sshRemote(words)
	if remote == "" {
		// No command: the login shell there reads its commands from
		// stdin, unless ssh runs none (-N, -W, -O, -Q, -G, -V).
		if sshRunsNone(words) {
			return "", false
		}
		return "sh", true
	}
	fields := strings.Fields(remote)
	if len(fields) == 1 && strings.ContainsAny(remote, "'\"") {
		return "", false
	}
	inner, _, _ := innermost(fields, nil, nil)
	if len(inner) == 0 || sshNames.Get(progName(inner[0])) {
		return "", false
	}
	return readsStdin(inner)
}

// sshRunsNone reports whether ssh's options say it runs no command there:
// -N (forwarding only), -W (a stdio forward), -O (a control command), -Q,
// -G and -V (queries). Values of options are not options.
func sshRunsNone(words []string) bool {
	for i := 1; i < len(words); i++ {
		w := words[i]
		if len(w) < 2 || w[0] != '-' || w[1] == '-' {
			if w == "--" || len(w) == 0 || w[0] != '-' {
				return false
			}
			continue
		}
		for j := 1; j < len(w); j++ {
			c := w[j]
			if strings.IndexByte("NWOQGV", c) >= 0 {
				return true
			}
			if strings.IndexByte(sshFlags.arg, c) >= 0 {
				if j == len(w)-1 {
					i++
				}
				break
			}
		}
	}
	return false
}

// moshCommand is the index of mosh's command among words: after the host,
// and after a "--" when there is one; 0 when it runs a login shell.
func moshCommand(words []string) int {
	i := moshFlags.skip(words, 1)
	if i >= len(words) {
		return 0
	}
	i = moshFlags.skip(words, i+1)
	if i >= len(words) {
		return 0
	}
	return i
}

// moshFlags are mosh's options that take a value as the next word.
var moshFlags = flagSpec{arg: "p", long: []string{"client", "server", "ssh", "port", "predict", "family", "bind-server", "experimental-remote-ip"}}

// maxIncludes bounds the configuration files read through Include lines,
// so that a file including itself ends.
const maxIncludes = 8

// sshIncludes gives the files an ssh configuration's Include lines name.
func sshIncludes(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		fields := strings.Fields(l)
		if len(fields) > 1 && strings.EqualFold(fields[0], "include") {
			out = append(out, fields[1:]...)
		}
	}
	return out
}
