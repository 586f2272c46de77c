package effect

import (
	"strings"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// sources marks a command whose output is sensitive: a credential CLI
// (catalogue "source" properties), a dump of the environment, a read of a
// credential file or of /proc/*/environ, an archive of the home directory or
// of a credential directory.
func (a *analysis) sources(i int, c *shell.Command, f *cmdFacts) {
	cl := a.cat.Classify(c.Name, c.Args)
	if e := cl.Entry; e != nil {
		if s := e.Prop("source"); s != "" {
			f.source = s
			f.origin = c.Name
		}
		if s := e.Prop("source-noargs"); s != "" && cl.Positional == 0 && !hasPrintFlag(c.Args, e.Prop("source-flags"), true) {
			f.source = s
		}
		if flags := e.Prop("source-flags"); flags != "" && hasPrintFlag(c.Args, flags, false) {
			f.source = "environment"
		}
		if m := e.Prop("source-marks"); m != "" && cl.Mark(m) {
			f.source = "secret"
		}
		if args := e.Prop("source-args"); args != "" {
			for _, w := range cl.Words {
				if w.Option == "" && matchesAny(w.Text, args) {
					f.source = "secret"
				}
			}
		}
		if cl.Mark("exportsecret") {
			f.source = "secret"
		}
	}
	if c.Name == "env" && envPrints(c) {
		f.source = "environment"
	}
	for _, p := range f.reads {
		switch {
		case strings.HasPrefix(p, "/proc/") && strings.HasSuffix(p, "/environ"):
			f.source = "environment"
		case a.sensitive(p):
			f.source = "credential"
		case cl.Mark("recursive") || cl.Mark("create") || c.Name == "zip" || c.Name == "tar" || c.Name == "rsync" || c.Name == "scp":
			if a.sensitiveDir(p) {
				f.source = "home-archive"
			}
		}
	}
}

// envPrints reports whether env, given only assignments and flags, prints
// the environment instead of running a command.
func envPrints(c *shell.Command) bool {
	for _, w := range c.Args {
		if strings.HasPrefix(w, "-") || shellAssign(w) {
			continue
		}
		return false
	}
	return true
}

func hasPrintFlag(args []string, flags string, any bool) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		if any {
			return true
		}
		for _, f := range strings.Split(flags, ",") {
			if a == f {
				return true
			}
		}
	}
	return false
}

func matchesAny(w, list string) bool {
	for _, x := range strings.Split(list, ",") {
		if x == w || strings.HasSuffix(x, "*") && strings.HasPrefix(w, strings.TrimSuffix(x, "*")) ||
			strings.HasPrefix(x, "*") && strings.HasSuffix(w, strings.TrimPrefix(x, "*")) {
			return true
		}
	}
	return false
}

func (a *analysis) sensitive(p string) bool {
	return a.env.Sensitive != nil && a.env.Sensitive(p)
}

// sensitiveDir reports whether a directory holds credentials: the home
// directory or above it, other users' homes, or a directory whose files
// the policy treats as credentials.
func (a *analysis) sensitiveDir(p string) bool {
	switch p {
	case "/", "/home", "/root", "/Users", "/etc", a.env.Home:
		return true
	}
	if a.env.Home != "" && strings.HasPrefix(a.env.Home, p+"/") {
		return true
	}
	for _, probe := range []string{"x", "credentials"} {
		if a.sensitive(p + "/" + probe) {
			return true
		}
	}
	return false
}

// flows follows sensitive data from its sources through pipelines, files
// written on the line and command substitutions (also through variables),
// and reports a Flow for each command that sends it out to a host that is
// not this machine.
func (a *analysis) flows() {
	cmds := a.res.Commands
	taint := make([]string, len(cmds))  // the source kind a command's output carries
	origin := make([]string, len(cmds)) // the program that produced it, when one did
	files := map[string]string{}        // file written with tainted data → source
	repo := ""                          // tainted data added to the git repository
	for i := range cmds {
		f := &a.per[i]
		if f.source != "" {
			taint[i] = f.source
			origin[i] = f.origin
		}
	}
	// Commands are reported in the order the shell meets them, so one
	// forward pass sees every earlier stage, file and substitution.
	for i := range cmds {
		c, f := &cmds[i], &a.per[i]
		in := ""   // tainted data on its stdin
		args := "" // tainted data in its words
		if c.Stage > 0 {
			for j := 0; j < len(cmds); j++ {
				if j != i && cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage && taint[j] != "" {
					in = taint[j]
				}
			}
		}
		argOrigin := ""
		for _, j := range c.Inputs {
			if j < len(taint) && taint[j] != "" {
				args, argOrigin = taint[j], origin[j]
			}
		}
		for _, v := range c.Via {
			if v == "xargs" || v == "parallel" {
				// xargs makes its input the command's arguments.
				if in != "" {
					args = in
				}
			}
		}
		fileSrc := ""
		for _, p := range f.reads {
			if s := files[p]; s != "" {
				fileSrc = s
			}
		}
		for _, r := range c.Redirects {
			if r.Op == "<" {
				if s := files[a.clean(r.Target, i)]; s != "" {
					in = s
				}
			}
		}
		if taint[i] == "" {
			taint[i] = first(in, args, fileSrc)
		}
		if t := taint[i]; t != "" {
			for _, p := range f.writes {
				files[p] = t
			}
			if len(f.writes) > 0 && (t == "secret" || t == "credential" || t == "home-archive") && f.sink == "" {
				a.add(Effect{Kind: Flow, Cmd: i, Detail: t + "->file", Word: c.Name + " " + strings.Join(f.writes, " ")})
			}
			if c.Name == "git" && fileSrc != "" {
				repo = fileSrc // git add of a tainted file
			}
		}
		if c.Name == "git" && repo != "" && len(c.Args) > 0 && c.Args[0] == "push" {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: repo + "->network", Word: "git push of files holding " + repo})
			continue
		}
		if f.sink == "" {
			continue
		}
		sent := ""
		switch {
		case f.sendsIn && in != "":
			sent = in
		case args != "" && (f.argSend || f.sink == "dns" || f.sink == "network"):
			sent = args
		}
		for _, p := range f.sends {
			if s := files[p]; s != "" {
				sent = s
			} else if a.sensitive(p) {
				sent = "credential"
			} else if a.sensitiveDir(p) && (f.source == "home-archive") {
				sent = "home-archive"
			}
		}
		if sent == "" && f.source != "" && f.sink != "" && len(f.sends) > 0 {
			sent = f.source
		}
		if sent == "" || allLocal(f.hosts) {
			continue
		}
		if sent == args && argOrigin != "" && allHome(f.hosts, argOrigin) {
			// A token sent to the service it is for (gh auth token to
			// api.github.com) is the token's ordinary use.
			continue
		}
		a.add(Effect{Kind: Flow, Cmd: i, Detail: sent + "->" + f.sink, Word: c.Name + " " + strings.Join(f.hosts, " ")})
	}
}

func first(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// allLocal reports whether every host is this machine. No host at all (a
// sink whose host is unknown) is not local.
func allLocal(hosts []string) bool {
	if len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		if h == "" {
			return false
		}
		u, ok := match.ParseURL(h)
		if !ok || !loopback(u.Host) {
			return false
		}
	}
	return true
}

func loopback(h string) bool {
	return h == "localhost" || strings.HasSuffix(h, ".localhost") || strings.HasPrefix(h, "127.") || h == "::1" || h == "0:0:0:0:0:0:0:1"
}

// homeDomains are the services each credential tool's tokens are for.
var homeDomains = map[string][]string{
	"gh": {"github.com", "githubusercontent.com"}, "glab": {"gitlab.com"},
	"gcloud": {"googleapis.com", "google.com"}, "aws": {"amazonaws.com"},
	"az": {"azure.com", "microsoft.com", "windows.net", "azure.net"}, "doctl": {"digitalocean.com"},
	"heroku": {"heroku.com"}, "npm": {"npmjs.org", "npmjs.com"}, "op": {"1password.com"},
}

// allHome reports whether every host belongs to the service the tool's
// tokens are for.
func allHome(hosts []string, tool string) bool {
	doms := homeDomains[tool]
	if len(doms) == 0 || len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		u, ok := match.ParseURL(h)
		if !ok {
			return false
		}
		in := false
		for _, d := range doms {
			if u.Host == d || strings.HasSuffix(u.Host, "."+d) {
				in = true
			}
		}
		if !in {
			return false
		}
	}
	return true
}
