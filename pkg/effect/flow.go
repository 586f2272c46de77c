package effect

import (
	"rampart.dev/pkg/catalog"
	"strings"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// sources marks a command whose output is sensitive: a credential CLI
// (catalogue "source" properties), a dump of the environment, a read of a
// credential file or of /proc/*/environ, an archive of the home directory or
// of a credential directory.
func (a *analysis) sources(i int, c *shell.Command, f *cmdFacts, cl *catalog.Classified) {
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
		if e.Prop("var-args") != "" {
			// printenv GITHUB_TOKEN prints the secret its word names.
			for _, w := range cl.Words {
				if w.Option == "" && secretName(w.Text) {
					f.source, f.origin = "secret-variable", secretHome(w.Text)
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
	if environDump(c) {
		f.source = "environment"
	}
	if v := namedVariable(c); v != "" {
		// yq 'strenv(GITHUB_TOKEN)', envsubst <<< '$AWS_SECRET_ACCESS_KEY':
		// a program that prints the variables its text names.
		f.source, f.origin = "secret-variable", secretHome(v)
	}
	if v := secretVar(c); v != "" {
		// "$GITHUB_TOKEN" in its words: the command carries a secret.
		f.secretArg, f.secretOrigin = true, secretHome(v)
		if c.Name == "echo" || c.Name == "printf" {
			f.source, f.origin = "secret-variable", secretHome(v)
		}
	}
	recurse := cl.Mark("recursive") || cl.Mark("create") || hasProp(cl.Entry, "archives") || hasProp(cl.Entry, "tree")
	if !recurse && (c.Name == "grep" || c.Name == "egrep" || c.Name == "fgrep") {
		for _, w := range cl.Words {
			// grep -d recurse / --directories=recurse is grep -r.
			recurse = recurse || (w.Option == "-d" || w.Option == "--directories") && w.Text == "recurse"
		}
	}
	for _, p := range f.reads {
		switch {
		case strings.HasPrefix(p, "/proc/") && strings.HasSuffix(p, "/environ"):
			f.source = "environment"
		case a.sensitive(p):
			f.source = "credential"
		case recurse:
			if a.sensitiveDir(p) {
				f.source = "home-archive"
			}
		}
	}
}

// envPrints reports whether env, given only assignments and flags, prints
// the environment instead of running a command.
func envPrints(c *shell.Command) bool {
	for i := 0; i < len(c.Args); i++ {
		w := c.Args[i]
		if w == "-u" || w == "--unset" || w == "-C" || w == "--chdir" {
			i++ // the option's value
			continue
		}
		if w == "-i" || w == "--ignore-environment" || w == "-" {
			return false // an empty environment
		}
		if strings.HasPrefix(w, "-") || shellAssign(w) {
			continue
		}
		return false
	}
	return true
}

// environDump reports other ways of printing the environment: ps with the
// e option, jq's env, systemctl show-environment.
func environDump(c *shell.Command) bool {
	switch c.Name {
	case "ps":
		for _, a := range c.Args {
			if !strings.HasPrefix(a, "-") && strings.Contains(a, "e") && !strings.ContainsAny(a, "=/") && len(a) < 8 {
				return true // BSD options: ps e, ps auxe, ps eww
			}
		}
	case "jq", "gojq", "jaq":
		for _, a := range c.Args {
			if a == "env" || strings.Contains(a, "$ENV") || strings.HasPrefix(a, "env") {
				return true
			}
		}
	case "systemctl", "launchctl":
		for _, a := range c.Args {
			if a == "show-environment" || a == "getenv" {
				return true
			}
		}
	case "tmux":
		// tmux show-environment [-g] with no variable named: all of them.
		for k, a := range c.Args {
			if a == "show-environment" || a == "showenv" {
				rest := c.Args[k+1:]
				for _, r := range rest {
					if !strings.HasPrefix(r, "-") {
						return false
					}
				}
				return true
			}
		}
	}
	return false
}

// namedVariable returns a secret-looking variable that a program printing
// the variables its text names is given: yq's env(NAME) and strenv(NAME),
// envsubst's SHELL-FORMAT argument or its input ($NAME, ${NAME}).
func namedVariable(c *shell.Command) string {
	var texts []string
	switch c.Name {
	case "yq", "gojq", "jq", "jaq":
		texts = c.Args
	case "envsubst":
		texts = append(append(texts, c.Args...), c.Stdin...)
	default:
		return ""
	}
	for _, t := range texts {
		for _, open := range []string{"strenv(", "env(", "$"} {
			for at := 0; at < len(t); {
				k := strings.Index(t[at:], open)
				if k < 0 {
					break
				}
				j := at + k + len(open)
				if j < len(t) && t[j] == '{' {
					j++
				}
				e := j
				for e < len(t) && nameByte(t[e]) {
					e++
				}
				if secretName(t[j:e]) {
					return t[j:e]
				}
				at = max(e, j)
			}
		}
	}
	return ""
}

// secretNames are the parts of environment variable names that hold
// credentials.
var secretNames = []string{"TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL", "DATABASE_URL", "_PAT", "AUTH"}

// secretVar returns the first secret-looking variable a command's words
// expand ("$GITHUB_TOKEN", "${AWS_SECRET_ACCESS_KEY}").
func secretVar(c *shell.Command) string {
	for _, w := range c.Args {
		for i := 0; i < len(w); i++ {
			if w[i] != '$' {
				continue
			}
			j := i + 1
			if j < len(w) && w[j] == '{' {
				j++
			}
			k := j
			for k < len(w) && nameByte(w[k]) {
				k++
			}
			if name := w[j:k]; secretName(name) {
				return name
			}
		}
	}
	return ""
}

// secretHome is the tool whose service a secret variable is for, by its
// name's prefix.
func secretHome(v string) string {
	v = strings.ToUpper(v)
	switch {
	case strings.HasPrefix(v, "GITHUB_") || strings.HasPrefix(v, "GH_"):
		return "gh"
	case strings.HasPrefix(v, "AWS_"):
		return "aws"
	case strings.HasPrefix(v, "NPM_"):
		return "npm"
	case strings.HasPrefix(v, "GOOGLE_") || strings.HasPrefix(v, "GCP_"):
		return "gcloud"
	case strings.HasPrefix(v, "AZURE_"):
		return "az"
	case strings.HasPrefix(v, "OPENAI_"):
		return "openai"
	case strings.HasPrefix(v, "ANTHROPIC_"):
		return "anthropic"
	}
	return ""
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
	// kubectl get sa,Secret.v1. db: each comma-separated kind, any case,
	// without its group or version.
	if strings.Contains(w, ",") {
		for _, part := range strings.Split(w, ",") {
			if part != "" && matchesAny(part, list) {
				return true
			}
		}
		return false
	}
	w = strings.ToLower(w)
	if i := strings.IndexByte(w, '.'); i > 0 && !strings.ContainsAny(w, "/:") && !strings.Contains(list, ".") {
		w = w[:i] // secrets.v1. → secrets
	}
	list = strings.ToLower(list)
	for _, x := range strings.Split(list, ",") {
		if strings.HasPrefix(x, "*") && strings.HasSuffix(x, "*") && len(x) > 2 {
			if strings.Contains(w, strings.ToLower(x[1:len(x)-1])) {
				return true
			}
			continue
		}
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
	// The names credential stores give the one file that matters (gh's
	// hosts.yml, docker's config.json, rclone.conf...): a directory holding
	// one is a credential directory.
	for _, probe := range []string{"x", "credentials", "hosts.yml", "config.json", "credentials.json", "credentials.db", "rclone.conf", "auth.json", "token"} {
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
		in := "" // tainted data on its stdin
		inOrigin := ""
		args := "" // tainted data in its words
		if c.Stage > 0 {
			for j := 0; j < len(cmds); j++ {
				if j != i && cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage && taint[j] != "" {
					in, inOrigin = taint[j], origin[j]
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
			if s := taintedFile(files, p); s != "" {
				fileSrc = s
			}
		}
		if in != "" && argsUnresolved(c) {
			// env | while read l; do curl -d "$l" ...: a variable in a
			// stage that reads tainted input may hold it.
			args = first(args, in)
		}
		if in == "" && c.Stage > 0 && viaXargs(c) {
			// find ~/.ssh -type f | xargs cat: the names come from find.
			for j := range cmds {
				if cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage && cmds[j].Name == "find" {
					for _, w := range cmds[j].Args {
						if !strings.HasPrefix(w, "-") && a.sensitiveDir(a.clean(w, j)) {
							fileSrc = "credential"
						}
					}
				}
			}
		}
		for _, r := range c.Redirects {
			if r.Op == "<" {
				p := a.clean(r.Target, i)
				switch {
				case taintedFile(files, p) != "":
					in = taintedFile(files, p)
				case strings.HasPrefix(p, "/proc/") && strings.HasSuffix(p, "/environ"):
					in = "environment"
				case a.sensitive(p):
					in = "credential"
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
			if a.entryHas(c, "prefix-out") {
				// split F PREFIX: PREFIXaa, PREFIXab...
				if n := len(c.Args); n > 1 && !strings.HasPrefix(c.Args[n-1], "-") {
					files[a.clean(c.Args[n-1], i)+"*"] = t
				}
			}
			if len(f.writes) > 0 && (t == "secret" || t == "credential" || t == "home-archive") && f.sink == "" {
				a.add(Effect{Kind: Flow, Cmd: i, Detail: t + "->file", Word: c.Name + " " + strings.Join(f.writes, " ")})
			}
			if fileSrc != "" && a.entryHas(c, "stages") {
				repo = fileSrc // git add of a tainted file
			}
		}
		if repo == "" && a.entryHas(c, "stages") && a.stagesCredentialDir(i, f) {
			repo = "credential"
		}
		if repo != "" && a.entryHas(c, "push") {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: repo + "->network", Word: "git push of files holding " + repo})
			continue
		}
		if f.sink == "" && (in != "" || args != "" || fileSrc != "") {
			// A program not known to send data, given sensitive data, that
			// names another host (mail, restic, smbclient, s3cmd...).
			if hosts := remoteWords(c); len(hosts) > 0 {
				f.sink, f.hosts, f.sendsIn, f.argSend = "network", hosts, true, true
				if fileSrc != "" {
					f.sends = append(f.sends, f.reads...)
				}
			}
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
		if sent == "" && f.secretArg && (f.argSend || f.sink == "dns" || f.sink == "network") {
			// A secret variable whose service is known may only go there;
			// one of unknown purpose may authenticate (-u, a header, the
			// URL's path) but not travel as data, a query or a DNS name.
			switch {
			case f.secretOrigin != "" && !allHome(f.hosts, f.secretOrigin):
				sent = "secret-variable"
			case f.secretOrigin == "" && (f.secretAsData || f.sink == "dns"):
				sent = "secret-variable"
			}
		}
		if sent == "" || allLocal(f.hosts) {
			continue
		}
		if a.authenticates(c) && (sent == in && (inOrigin == "" || allHome(f.hosts, inOrigin)) || sent == args && (argOrigin == "" || allHome(f.hosts, argOrigin))) {
			// docker login --password-stdin with a registry token: a
			// credential presented where it is used, not sent away.
			continue
		}
		if sent == args && argOrigin != "" && !f.computedData && allHome(f.hosts, argOrigin) {
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
	"gh": {"github.com", "githubusercontent.com", "ghcr.io"}, "glab": {"gitlab.com"},
	"gcloud": {"googleapis.com", "google.com", "gcr.io", "pkg.dev"}, "aws": {"amazonaws.com"},
	"az": {"azure.com", "microsoft.com", "windows.net", "azure.net"}, "doctl": {"digitalocean.com"},
	"heroku": {"heroku.com"}, "npm": {"npmjs.org", "npmjs.com"}, "op": {"1password.com"},
	"openai": {"openai.com"}, "anthropic": {"anthropic.com"},
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

// taintedFile finds a file's taint, also by a prefix a splitter wrote.
func taintedFile(files map[string]string, p string) string {
	if s := files[p]; s != "" {
		return s
	}
	for k, s := range files {
		if strings.HasSuffix(k, "*") && strings.HasPrefix(p, strings.TrimSuffix(k, "*")) {
			return s
		}
	}
	return ""
}

// argsUnresolved reports whether a command's words expand a variable the
// walk could not resolve.
func argsUnresolved(c *shell.Command) bool {
	for _, w := range c.Args {
		if unresolved(w) {
			return true
		}
	}
	return false
}

func viaXargs(c *shell.Command) bool {
	for _, v := range c.Via {
		if v == "xargs" || v == "parallel" {
			return true
		}
	}
	return false
}

// notDomains are file extensions that a dotted word ends with more often
// than a domain does.
var notDomains = map[string]bool{"txt": true, "json": true, "yaml": true, "yml": true, "md": true, "log": true, "sh": true,
	"py": true, "js": true, "ts": true, "go": true, "c": true, "h": true, "csv": true, "xml": true, "html": true, "conf": true,
	"cfg": true, "ini": true, "env": true, "gz": true, "tgz": true, "zip": true, "tar": true, "bak": true, "out": true,
	"pem": true, "key": true, "crt": true, "sql": true, "db": true, "lock": true, "toml": true, "rs": true, "rb": true,
	"java": true, "jar": true, "pdf": true, "png": true, "jpg": true, "tmp": true, "d": true, "so": true, "whl": true}

// remoteWords finds the words of a command that name another host: URLs,
// user@host and host:path specs, and dotted names that end in a
// domain-like label.
func remoteWords(c *shell.Command) []string {
	var out []string
	for _, w := range c.Args {
		if strings.HasPrefix(w, "-") || unresolved(w) {
			if i := strings.IndexByte(w, '='); i > 0 && strings.HasPrefix(w, "-") {
				w = w[i+1:]
			} else {
				continue
			}
		}
		switch {
		case strings.Contains(w, "://") && !strings.HasPrefix(w, "file://"):
			out = append(out, w)
		case strings.HasPrefix(w, "//"):
			out = append(out, "smb:"+w)
		default:
			h := w
			if at := strings.LastIndexByte(h, '@'); at >= 0 {
				h = h[at+1:]
			}
			if k := strings.IndexAny(h, ":/"); k >= 0 {
				h = h[:k]
			}
			if dottedHost(h) {
				out = append(out, h)
			}
		}
	}
	return out
}

func dottedHost(h string) bool {
	if strings.Count(h, ".") < 1 || strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") {
		return false
	}
	last := h[strings.LastIndexByte(h, '.')+1:]
	if notDomains[strings.ToLower(last)] {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// authenticates reports whether a command logs in with what it reads
// (docker login --password-stdin, helm registry login).
func (a *analysis) authenticates(c *shell.Command) bool {
	for _, w := range c.Args {
		if w == "--password-stdin" || w == "--token-stdin" {
			return true
		}
	}
	// A login subcommand (docker login, helm registry login), not the word
	// "login" anywhere (nc host 80 login).
	e, _ := a.cat.Lookup(c.Name, c.Args)
	return e != nil && strings.HasSuffix(e.Name, " login")
}

// entryHas reports whether the catalogue entry of a command (program and
// subcommand) has a property.
func (a *analysis) entryHas(c *shell.Command, prop string) bool {
	e, _ := a.cat.Lookup(c.Name, c.Args)
	return hasProp(e, prop)
}
