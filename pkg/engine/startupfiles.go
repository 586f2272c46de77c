package engine

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A shell's start-up file (.bashrc, .zshrc, .bash_aliases, .profile) runs
// at every start of a shell, so what is added to it is persistence. But
// what a developer adds by hand is mostly declarations: a variable
// (export EDITOR=nvim, GOPATH=$HOME/go), the search path given a directory
// of home's (PATH="$HOME/go/bin:$PATH"), an alias for a program
// (alias k=kubectl, alias gs="git status"), a shell option (setopt
// autocd). Text that holds nothing else is read as settings
// (write:content-judged, which the profile lets through for these files)
// and each of its lines is also judged as the same line typed. Anything
// that runs (a command, a substitution, a pipe, a source), a variable that
// changes what loads or runs later, where traffic goes, where secrets are
// asked for or history is kept (LD_PRELOAD, PROMPT_COMMAND, HTTPS_PROXY,
// SSH_ASKPASS, HISTFILE), a search path through a shared or temporary
// directory, an alias that takes a program's name for another program
// (alias sudo=…), or a program variable naming no known program
// (EDITOR=/tmp/x) leaves the write what it was: blocked.
//
// ssh's client settings (~/.ssh/config) are read the same way: hosts,
// users, ports, identity files and options are settings; a key that runs
// a command (ProxyCommand, LocalCommand, KnownHostsCommand, Match exec),
// loads a library (PKCS11Provider, SecurityKeyProvider), includes another
// file, or hands the agent to a host (ForwardAgent) is not.
//
// A command line's write is judged by its text when the line shows it
// (echo '…' >> ~/.bashrc): judgeShownWrite.

// startupFile reports a shell's start-up file read here by its text.
func startupFile(_, base, dir string) bool {
	switch base {
	case ".bashrc", ".bash_aliases", ".zshrc", ".bash_profile", ".profile", ".zprofile", ".zshenv":
		return true
	}
	return false
}

// sshClientConfig reports ssh's per-user client settings.
func sshClientConfig(p, base, dir string) bool { return base == "config" && dir == ".ssh" }

// rcUnsafeText is text a declaration line may not hold: what runs, joins
// or redirects.
var rcUnsafeText = []string{"$(", "`", "<(", ">(", ";", "&", "|", ">", "<", "\\", "${!"}

// rcRiskyVars are variables that change, every time later, what loads or
// runs, where traffic goes, where a password or key is asked for, or what
// history keeps: prefixes end in "*".
var rcRiskyVars = table.Once[[]string]{Build: func() []string {
	return strings.Fields(`LD_* DYLD_* BASH_ENV ENV PROMPT_COMMAND PS0 PS1 PS2 PS3 PS4 PROMPT PROMPT2 RPROMPT RPS1 ZDOTDIR FPATH
		HIST* SAVEHIST *_PROXY *ASKPASS* SSH_AUTH_SOCK GIT_* *CA_BUNDLE* *CA_CERT* SSL_CERT_* NODE_EXTRA_CA_CERTS
		*_OPTIONS *OPTS *OPT NODE_OPTIONS PYTHONSTARTUP PYTHONPATH PYTHONHOME PYTHONUSERBASE PERL5LIB PERLLIB RUBYLIB NODE_PATH CLASSPATH
		LESSOPEN LESSCLOSE LESSKEY* IFS SHELL CDPATH TMOUT MAIL* *REGISTRY* *INDEX_URL* GOPROXY GOFLAGS GONOSUMDB GOSUMDB GOINSECURE
		NODE_TLS_REJECT_UNAUTHORIZED PYTHONHTTPSVERIFY VIMINIT EXINIT GVIMINIT KUBECONFIG AWS_* DOCKER_HOST DOCKER_CONFIG`)
}}

// rcProgramVars name a program run later: one the catalogue knows, named
// by its name alone, is a setting.
var rcProgramVars = table.Map[string, bool]{Words: "EDITOR VISUAL PAGER GIT_EDITOR GIT_PAGER MANPAGER BROWSER"}

// rcProgramFlag is a flag a program variable's value may give its
// program: letters only, no value (--wait, -R, -FRX).
var rcProgramFlag = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`^--?[A-Za-z][A-Za-z-]*$`) }}

// rcOptionCommands are the shell's own option commands.
var rcOptionCommands = table.Map[string, bool]{Words: "set setopt unsetopt shopt"}

// rcName is a variable's or an alias's name. Both expressions are
// compiled on first use: a process that reads no start-up file needs neither.
var rcName = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`) }}

// rcDeclarationsOnly reports whether a start-up file's text is
// declarations only (see above).
func rcDeclarationsOnly(content string) bool {
	n := 0
	for l := range strings.SplitSeq(content, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !rcDeclaration(l) {
			return false
		}
		n++
	}
	return n > 0
}

// rcDeclarationLines are the lines of a start-up file's text, each judged
// as typed.
func rcDeclarationLines(content string) []string {
	var out []string
	for l := range strings.SplitSeq(content, "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
		if v, ok := aliasValue(l); ok {
			out = append(out, v) // what the alias runs, judged as typed
		}
	}
	return out
}

// aliasValue returns what an alias line makes its name run.
func aliasValue(l string) (string, bool) {
	rest, ok := strings.CutPrefix(l, "alias ")
	if !ok {
		return "", false
	}
	_, v, ok := strings.Cut(rest, "=")
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return v, ok && v != ""
}

// rcDeclaration reports whether one line declares and runs nothing.
func rcDeclaration(l string) bool {
	for _, bad := range rcUnsafeText {
		if strings.Contains(l, bad) {
			return false
		}
	}
	res := shell.Parse(l)
	defer shell.Release(&res)
	if res.Unparsed || res.Truncated {
		return false
	}
	var c *shell.Command
	for k := range res.Commands {
		o := &res.Commands[k]
		if len(o.Via) == 1 && rcProgramVars.Get(strings.ToUpper(o.Via[0])) {
			continue // EDITOR=nvim: the program it names, judged by rcVariable
		}
		if c != nil || len(o.Via) > 0 {
			return false
		}
		c = o
	}
	if c == nil {
		return false
	}
	switch {
	case c.Name == "" && len(c.Assigns) > 0:
		for _, kv := range c.Assigns {
			if !rcVariable(kv) {
				return false
			}
		}
		return true
	case c.Name == "export" && len(c.Assigns) == 0:
		for _, a := range c.Args {
			if strings.HasPrefix(a, "-") || !rcVariable(a) {
				return false
			}
		}
		return len(c.Args) > 0
	case c.Name == "alias" && len(c.Assigns) == 0:
		for _, a := range c.Args {
			if !rcAlias(a) {
				return false
			}
		}
		return len(c.Args) > 0
	case rcOptionCommands.Get(c.Name) && len(c.Assigns) == 0:
		for _, a := range c.Args {
			if !rcName.Get().MatchString(strings.TrimLeft(a, "-+")) {
				return false
			}
		}
		return len(c.Args) > 0
	}
	return false
}

// rcVariable reports whether NAME=VALUE (or a bare NAME exported) sets a
// variable that is a setting.
func rcVariable(kv string) bool {
	name, value, _ := strings.Cut(kv, "=")
	if !rcName.Get().MatchString(name) || strings.ContainsAny(name, ".-") {
		return false
	}
	up := strings.ToUpper(name)
	if rcProgramVars.Get(up) {
		// EDITOR=nvim, VISUAL='code --wait', PAGER='less -R': a known
		// program with flags, nothing it is told to run (vim -c '!sh')
		f := strings.Fields(value)
		if len(f) == 0 || strings.ContainsAny(f[0], "/$~") || !catalog.Default().Known(f[0]) {
			return false
		}
		for _, a := range f[1:] {
			if !rcProgramFlag.Get().MatchString(a) {
				return false
			}
		}
		return true
	}
	for _, pat := range rcRiskyVars.Get() {
		if ok, _ := path.Match(pat, up); ok {
			return false
		}
	}
	if up == "PATH" {
		return rcSearchPath(value)
	}
	return true
}

// rcSearchPath reports whether a PATH value adds only directories of the
// home, or absolute ones outside temporary and shared places, to the
// search path (its old value may stand anywhere in it).
func rcSearchPath(v string) bool {
	for _, d := range strings.Split(v, ":") {
		switch {
		case d == "$PATH" || d == "${PATH}":
		case strings.HasPrefix(d, "$HOME/") || strings.HasPrefix(d, "${HOME}/") || strings.HasPrefix(d, "~/"):
			if strings.Contains(d, "..") {
				return false
			}
		case strings.HasPrefix(d, "/") && !strings.Contains(d, "$") && !strings.Contains(d, ".."):
			for _, t := range []string{"/tmp", "/var/tmp", "/dev/shm", "/private/tmp", "/run/user", "/mnt", "/media", "/Volumes"} {
				if d == t || strings.HasPrefix(d, t+"/") {
					return false
				}
			}
		default:
			return false // ".", a relative directory, another variable
		}
	}
	return true
}

// rcAlias reports whether NAME=VALUE is an alias for a known program that
// does not take another program's name.
func rcAlias(kv string) bool {
	name, value, ok := strings.Cut(kv, "=")
	if !ok || !rcName.Get().MatchString(name) {
		return false
	}
	f := strings.Fields(value)
	if len(f) == 0 || strings.ContainsAny(value, "$~") || strings.ContainsAny(f[0], "/") {
		return false
	}
	cat := catalog.Default()
	if !cat.Known(f[0]) {
		return false // a program nobody here has read
	}
	if rcBuiltins.Get(name) {
		return false // alias cd=…: the shell's own words
	}
	if !cat.Known(name) || name == f[0] {
		return true // alias k9=k9s, alias ls='ls --color'
	}
	e, _ := cat.Lookup(name, nil)
	v, _ := cat.Lookup(f[0], nil)
	return e.SameProgram(v) // alias k=kubectl, one program's two names; not alias sudo=…
}

// rcBuiltins are the shell's own commands and words, which an alias may
// not take.
var rcBuiltins = table.Map[string, bool]{Words: "cd source . exec eval export alias unalias command builtin type which echo printf read test [ set unset trap exit return pushd popd kill wait jobs fg bg history umask ulimit hash if then else fi for while do done case esac function time"}

// sshRunningKeys are ssh client keys whose value runs, loads or hands
// over something.
var sshRunningKeys = table.Map[string, bool]{Words: "proxycommand localcommand permitlocalcommand knownhostscommand pkcs11provider securitykeyprovider include forwardagent forwardx11 forwardx11trusted remotecommand match controlpersist remoteforward localforward dynamicforward sendenv setenv identityagent stricthostkeychecking userknownhostsfile globalknownhostsfile"}

// sshConfigInert reports ssh client settings that run nothing.
func sshConfigInert(content string) bool {
	n := 0
	for l := range strings.SplitSeq(content, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, _, _ := strings.Cut(strings.ReplaceAll(l, "=", " "), " ")
		if sshRunningKeys.Get(strings.ToLower(key)) || strings.ContainsAny(l, "`$") {
			return false
		}
		n++
	}
	return n > 0
}

// shownWriters are the programs whose writes a line can show whole (the
// text they write is in shell.Result.Files): echo, printf, a here-document
// through cat or tee, and the copies of a file the line wrote (cp, mv,
// install, dd, sponge), whose text the parse keeps only when it knows
// the whole of it; and what writes nothing itself, a bare exec opening a
// descriptor (exec 3>> F) and : or true truncating (: > F); and the
// filters that write their output to a file they are told of (sort -o F,
// uniq IN OUT: shell's filterout.go), whose text the parse keeps when it
// knows their input.
var shownWriters = table.Map[string, bool]{Words: "echo printf cat tee cp mv install ginstall gcp dd sponge exec : true sort gsort shuf iconv uniq guniq"}

// localWrappers run the command they wrap on this machine with the same
// standard streams: what it writes is what it would write unwrapped.
var localWrappers = table.Map[string, bool]{Words: "sudo doas run0 env nice ionice nohup time timeout stdbuf command builtin exec"}

// shownWrite reports whether command c's write of p is one whose text the
// line can show whole: by a shownWriter; by no program at all (a block's
// or loop's output, { echo A; echo B; } >> F, or a bare > F) or a function
// the line defines (f >> F); or by any program's standard output sent to
// p (tr … >> F, head -1 <<< … > F), which the parse keeps only when it read
// all of it (a pipeline's stages, a here-string through a filter). A
// program wrapped by anything but a local wrapper (sudo, env, nice) or a
// function the line defines may write elsewhere.
func shownWrite(res *shell.Result, c *shell.Command, p string) bool {
	for _, v := range c.Via {
		// a function the line defines is run where it is (f() { …; } >> F; f)
		if !localWrappers.Get(v) && !slices.Contains(res.Functions, v) {
			return false
		}
	}
	if c.Name == "" || shownWriters.Get(c.Name) || slices.Contains(res.Functions, c.Name) {
		return true
	}
	for _, r := range c.Redirects {
		switch r.Op {
		case ">", ">>", ">|", "&>", "&>>":
			if (r.FD == "" || r.FD == "1") && path.Base(r.Target) == path.Base(p) {
				return true
			}
		}
	}
	return false
}

// shownText returns the text a command line writes to p when the line
// shows all of it: every write of p on the line is by a program whose text
// is known, and the parse kept that text; p is a file whose format reads
// settings (laterformats.go).
func shownText(res *shell.Result, effs []effect.Effect, p, cwd, home string) (string, bool) {
	if f := formatOf(p); f == nil || f.settings == nil || hasGlob(p) && unresolvedFileVar(p) == "" {
		return "", false
	}
	for _, e := range effs {
		if e.Path != p || e.Kind != effect.Write && e.Kind != effect.Delete && e.Kind != effect.Chmod {
			continue
		}
		if e.Kind != effect.Write || e.Cmd < 0 || e.Cmd >= len(res.Commands) || !shownWrite(res, &res.Commands[e.Cmd], p) {
			return "", false
		}
	}
	// every text the line writes to p (echo a >> ~/.vimrc.d/../.vimrc &&
	// echo b >> ~/.vimrc: both lines land in one file), in a fixed order
	var texts []string
	for name, text := range res.Files {
		if match.CleanPath(name, cwd, home) == p {
			if strings.Contains(text, "$(") || strings.Contains(text, "`") {
				return "", false // a substitution the parse kept as text: not shown
			}
			texts = append(texts, text)
		}
	}
	if len(texts) == 0 {
		return "", false
	}
	slices.Sort(texts)
	return strings.Join(texts, "\n"), true
}

// judgeShownWrite judges a command line's write of p whose text the line
// shows, as a Write of that text is.
func (ev *evaluation) judgeShownWrite(p, text string) {
	s := subject{tool: call.ToolWrite, text: p, path: p, effect: writtenFormatEffect(p, text)}
	ev.judge(&s)
	ev.judgePathAlternates(&s)
	if !ev.denied() {
		ev.judgeAutoRun(p, text) // a hook's lines (.husky/pre-commit), as a Write of them is
	}
	if !ev.denied() {
		ev.judgeLaterFormat(p, text)
	}
}
