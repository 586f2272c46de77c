package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// analysis is one call of Of.
type analysis struct {
	res  *shell.Result
	env  Env
	cwds []string
	cat  *catalog.Catalog
	out  []Effect

	per []cmdFacts // per command

	binCopies     map[string]string // copies and links of system programs made on the line: path → program
	links         map[string]string // links made on the line: link → what it leads to (links.go)
	lineEnv       map[string]string // assignments that hold for the rest of the line (settings.go)
	lineDestroyBy []string          // such settings written to a configuration file earlier on the line (settings.go)
	wordBuf       []catalog.Word    // scratch for the classified words of one command
	wordsUsed     int               // how much of wordBuf's array any command's classification wrote (keep clears that much)
	taint         []string          // scratch for the flow pass (taintStrings)
	assigns       int8              // whether a command of the line assigns: 0 not yet known, 1 none, 2 some (lineAssigns)
	exporters     int               // 1 + the index of the line's first command exportedBefore reads (0: not yet known; past the commands: none)
	rawNet        int8              // whether the line writes to a raw connection (rawHTTP): 0 not yet known, 1 no, 2 yes (lineRawHTTP)
	keys          []generatedKey    // files key generators write on the line (freshkeys.go)
}

// cmdFacts is what the analysis learned of one command, for the flow pass.
type cmdFacts struct {
	source          string   // the sensitive data it outputs: secret, environment, credential, home-archive, credential-mount
	origin          string   // the program the source is (gh, gcloud...), for tokens sent to their own service
	shows           bool     // its secret source prints the value itself, not names or state (secretprint.go)
	listsNames      bool     // its secret source, read from its verbs, is a listing: names, not values (cloudverbs.go)
	oneRecord       bool     // its environment source prints every variable in one record (env -0, a dict printed): a pattern picks all or nothing
	fetched         bool     // its source is what its own request fetched (a secrets API), so its being a fetch is no sink for it
	secretArg       bool     // its words expand a secret variable
	secretOrigin    string   // the service that variable is for
	secretVar       string   // that variable's name
	secretAsData    bool     // it travels as data (a body, a form, a query string), not as authentication
	secretPublished bool     // it is a body field's value not named for a credential (a gist's content)
	computedData    bool     // a body or form it sends holds an unresolved word ($(gh auth token) in -d)
	computedQuery   bool     // a URL's query holds an unresolved word (?t=$(gcloud auth print-access-token))
	sendsIn         bool     // what it reads on stdin goes out (nc, ssh, curl -d @-)
	sink            string   // network or dns, when it sends anything out
	hosts           []string // hosts it contacts
	reads           []string // files it reads (cleaned)
	sends           []string // files it sends out (cleaned)
	writes          []string // files it writes (cleaned)
	argSend         bool     // its arguments go out (URL, query, DNS name)
	probes          bool     // it only looks its hosts up or probes them (dig, ping, nc -z): no request
	tree            bool     // it reads the directories it names whole (recursive, an archive, git add)
	mounts          []string // host directories it hands a container (docker run -v SRC:DST): read whole by what runs there
	outNet          bool     // its output is redirected into a connection (> /dev/tcp/HOST/PORT)
	inNet           bool     // it reads a connection (< /dev/tcp/HOST/PORT, cat /dev/tcp/...)
	destroyBy       []string // settings in force that make it destroy (guard off, forces on): their patterns

	entry  *catalog.Entry // the catalogue entry of its own name and words, once looked up (entryHas)
	looked bool           // entry is known
	// sqlFile tells whether a word of the command's own classification
	// (command) is a file of SQL it runs: 0 not known, 1 none, 2 one is
	// (sqlFileAgainstProduction).
	sqlFile int8

	peeled bool // a wrapper the walk read itself, its command reported after it (peeled.go)
	plain  bool // a plain filter, whose readings were skipped (filters.go)

	memo lineMemo // answers about the command that depend only on the line, found once (linememo.go)
}

// sameWords reports whether a and b are the same slice of words (not
// merely equal ones).
func sameWords(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// reset empties f for the next analysis. It keeps the arrays of the path
// lists, emptied, for the same command slot to fill without allocating:
// nothing outside one analysis holds them, and no two commands share one
// (hosts may, and is let go).
func (f *cmdFacts) reset() {
	clear(f.reads)
	clear(f.sends)
	clear(f.writes)
	*f = cmdFacts{reads: f.reads[:0], sends: f.sends[:0], writes: f.writes[:0]}
}

func (a *analysis) add(e Effect) {
	if e.Kind == Read && e.Detail == "" && len(a.keys) > 0 && a.freshKey(e.Path, e.Cmd) {
		e.Detail = "generated" // a key the line made (freshkeys.go)
	}
	if e.Kind == Read && e.Detail == "" && a.localKubeconfigRead(e) {
		e.Detail = LocalKubeconfig // localkubeconfig.go: k3s kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml
	}
	if e.Kind == Read && e.Detail == "" && a.gitDirRead(e) {
		e.Detail = GitRepository // gitdirread.go: git --git-dir=$HOME/.dotfiles
	}
	a.out = append(a.out, e)
	if e.Kind == SQL && e.Cmd >= 0 && e.Cmd < len(a.res.Commands) && runsStatementText(&a.res.Commands[e.Cmd]) {
		for _, st := range embeddedStatements(e.Target) {
			a.out = append(a.out, Effect{Kind: SQL, Cmd: e.Cmd, Target: st}) // sqlstrings.go
		}
	}
}

// credentialFileVars are environment variables that name credential files,
// with the file each names by default.
var credentialFileVars = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"GOOGLE_APPLICATION_CREDENTIALS": "~/.config/gcloud/application_default_credentials.json",
		"KUBECONFIG":                     "~/.kube/config", "AWS_SHARED_CREDENTIALS_FILE": "~/.aws/credentials",
		"AWS_CONFIG_FILE": "~/.aws/config", "NETRC": "~/.netrc", "AWS_WEB_IDENTITY_TOKEN_FILE": "~/.aws/credentials",
		"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": "~/.aws/credentials", "AZURE_FEDERATED_TOKEN_FILE": "~/.azure/msal_token_cache.json",
		"VAULT_TOKEN_FILE": "~/.vault-token", "DOCKER_CONFIG": "~/.docker", "GNUPGHOME": "~/.gnupg",
		"SSH_AUTH_SOCK": "/tmp/ssh-agent/agent.sock", // where ssh-agent puts it (/tmp/ssh-XXXX/agent.PID)
		// where the tools keep their logins when these move them
		"PGPASSFILE": "~/.pgpass", "PASSWORD_STORE_DIR": "~/.password-store", "GH_CONFIG_DIR": "~/.config/gh",
		"CARGO_HOME": "~/.cargo", "TF_CLI_CONFIG_FILE": "~/.terraformrc", "RCLONE_CONFIG": "~/.config/rclone/rclone.conf",
		"CLOUDSDK_CONFIG": "~/.config/gcloud", "AZURE_CONFIG_DIR": "~/.azure", "NPM_CONFIG_USERCONFIG": "~/.npmrc",
		"DOCKER_CERT_PATH": "~/.docker", "CREDENTIALS_DIRECTORY": "/run/credentials/unit",
	}
}}

func (a *analysis) clean(p string, i int) string {
	// (~user, that user's home, is resolved by match.CleanPath below.)
	if p == "~-" || strings.HasPrefix(p, "~-/") {
		// ~- is the previous directory, which the line's cd commands may
		// have set: a directory nobody here names.
		p = "$OLDPWD" + p[2:]
	}
	if v, rest, ok := leadingVar(p); ok {
		// "$VAR", "${VAR}", "${VAR:-x}" or "$VAR/f" (varpaths.go)
		if f, ok := credentialFileVars.Lookup(v); ok {
			p = f + rest
		} else if secretFileVar(v) {
			p = "/run/secrets/" + v + rest
		}
	}
	cwd := a.env.Cwd
	if i >= 0 && i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	if strings.HasPrefix(p, "${PWD") || strings.HasPrefix(p, "${HOME") {
		// ${PWD%/*}, ${HOME%/*}: a directory's value trimmed (dirops.go).
		if r, ok := trimDirParam(p, cwd, a.env.Home); ok {
			p = r
		}
	}
	if strings.HasPrefix(p, "$PWD") || strings.HasPrefix(p, "${PWD}") {
		// $PWD is the directory the command runs in (unless the line set
		// it, which the walk would have substituted).
		if rest := strings.TrimPrefix(strings.TrimPrefix(p, "${PWD}"), "$PWD"); rest == "" || rest[0] == '/' {
			p = cwd + rest
		}
	}
	if len(a.links) > 0 {
		return a.throughLinks(match.CleanPath(p, cwd, a.env.Home))
	}
	return match.CleanPath(p, cwd, a.env.Home)
}

// pwdWord gives w with a leading $PWD (${PWD}) replaced by the directory
// command i runs in when the line knows it ("$PWD/*" after cd /tmp/b is
// "/tmp/b/*", and the call's own directory before any cd); otherwise w,
// as after a cd to a directory nobody here names.
func (a *analysis) pwdWord(w string, i int) string {
	rest, ok := strings.CutPrefix(w, "${PWD}")
	if !ok {
		rest, ok = strings.CutPrefix(w, "$PWD")
	}
	if !ok || rest != "" && rest[0] != '/' {
		return w
	}
	cwd := a.env.Cwd
	if i >= 0 && i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	if cwd == "" || hasExpansion(cwd) {
		return w
	}
	return cwd + rest
}

func (a *analysis) run() {
	cmds := a.res.Commands // a.per has one zero entry for each (Of)
	for _, why := range a.res.Exhaust {
		a.add(Effect{Kind: Exhaust, Cmd: -1, Detail: "processes", Word: why})
	}
	if g := guardFunction(a.res); g != "" { // guardshadow.go
		a.add(Effect{Kind: Destroy, Cmd: -1, Detail: "guard-off", Word: g + " shadowed by a shell function the agent defined"})
	}
	a.generatedKeys()    // freshkeys.go
	a.ownKeysRewritten() // ownkeygen.go
	for i := range cmds {
		a.command(i, &cmds[i])
	}
	a.codeCaptures(cmds)
	if len(a.res.Files) > 0 {
		a.configFiles() // settings.go
	}
	a.unseenConfigWrites() // settings.go
	a.flows()
}

// unresolved reports whether a word holds an expansion the walk could not
// resolve (~- too, the previous directory). ~ and $HOME are resolved by
// path cleaning.
func unresolved(w string) bool {
	if strings.HasPrefix(w, "~-") && (len(w) == 2 || w[2] == '/') {
		return true // ~-, the previous directory ($OLDPWD)
	}
	if !hasExpansion(w) {
		return false
	}
	return strings.ContainsAny(match.WithoutHomeVars(w), "$`") // $HOME_DIR is not $HOME
}

// hasExpansion reports whether w holds a '$' or a '`', as
// strings.ContainsAny(w, "$`") does, in one pass over the bytes: it is
// asked about every command's name.
func hasExpansion(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '$' || w[i] == '`' {
			return true
		}
	}
	return false
}

// unknownDeleteTarget reports a word command i deletes or empties whose
// last element the walk could not resolve ("$DIR", "$DIR/$NAME"), with
// $PWD taken as the directory the command runs in and a name whose
// expansions only vary it ("build-$(date +%F)") counted as known
// (nametail.go).
func (a *analysis) unknownDeleteTarget(w string, i int) bool {
	t := a.pwdWord(w, i)
	return tailUnresolved(t) && unresolved(t) && !nameSafeTail(t)
}

// tailUnresolved reports whether the last path element of w is unresolved:
// "$DIR/build" names build somewhere, "$DIR" or "$HOME/$X" could be anything.
// A last element that is only a pattern ("$DIR/*", "${T:?}/.*") names
// everything in the directory before it, which is judged instead.
func tailUnresolved(w string) bool {
	w = strings.TrimRight(w, "/")
	for {
		i := lastSlashOutside(w)
		if i < 0 || !allPattern(w[i+1:]) {
			break
		}
		w = strings.TrimRight(w[:i], "/")
	}
	if i := lastSlashOutside(w); i >= 0 {
		w = w[i+1:]
	}
	return unresolved(w) || w == ""
}

// allPattern reports whether a path element is made only of glob
// characters and dots ("*", ".*", "*.*", "?*"): it names whatever is there.
func allPattern(e string) bool {
	return e != "" && strings.Trim(e, "*?.") == "" && strings.ContainsAny(e, "*?")
}

// onlyExpansion reports whether a word is nothing but expansions the walk
// could not resolve ("$SQL", "${MIGRATION:-}", "$(cat f)"): there is no
// text of its own to judge.
func onlyExpansion(w string) bool {
	w = strings.TrimSpace(w)
	if w == "" || !unresolved(w) || w[0] != '$' && w[0] != '`' {
		return false
	}
	return !strings.ContainsAny(w, " \t\n") || strings.HasPrefix(w, "$(") && strings.HasSuffix(w, ")") || strings.HasPrefix(w, "`") && strings.HasSuffix(w, "`")
}

// lastSlashOutside is the index of the last "/" of w that is not inside a
// ${...} expansion or a $(...) or `...` substitution: the default of
// "${D:-./build}" is not a path element of the word, and the slashes of
// "x-$(date +%Y/../..)" are in what the substitution prints, unknown.
func lastSlashOutside(w string) int {
	last, depth, paren := -1, 0, 0
	tick := false
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '`':
			tick = !tick
		case w[i] == '$' && i+1 < len(w) && w[i+1] == '{':
			depth++
			i++
		case w[i] == '$' && i+1 < len(w) && w[i+1] == '(':
			paren++
			i++
		case w[i] == '(' && paren > 0:
			paren++
		case w[i] == ')' && paren > 0:
			paren--
		case w[i] == '}' && depth > 0:
			depth--
		case w[i] == '/' && depth == 0 && paren == 0 && !tick:
			last = i
		}
	}
	return last
}

func (a *analysis) command(i int, c *shell.Command) {
	f := &a.per[i]
	name, args := c.Name, c.Args
	if !a.quiet(c) { // quiet.go
		var ok bool
		if name, args, ok = a.before(i, c); !ok {
			return
		}
	}
	if cap(a.wordBuf) < 2*len(c.Args) {
		a.wordBuf = make([]catalog.Word, 2*len(c.Args), 4*len(c.Args))
	}
	if k := 2 * len(args); k > a.wordsUsed {
		a.wordsUsed = k // ClassifyInto writes at most 2*len(args) words of the array
	}
	cl := a.cat.ClassifyInto(a.wordBuf, name, args)
	f.peeled = cl.Entry == nil && a.wrapsNext(i)
	if f.peeled && name == c.Name {
		if own := peeledOwn(c, &a.res.Commands[i+1]); len(own) < len(args) {
			// its own words only, the command it runs judged after it
			// (peeled.go)
			args = own
			cl = a.cat.ClassifyInto(a.wordBuf, name, args)
		}
	}
	if name == c.Name && sameWords(args, c.Args) {
		// The entry classified is the command's own: the flow pass's
		// entryHas need not look it up again.
		f.entry, f.looked = cl.Entry, true
		f.sqlFile = 1 + int8(boolInt(hasSQLFileWord(cl)))
	}
	if cl.Mark("dry") {
		// rsync -n --delete, mkfs.ext4 -n, git reset --hard --help: it
		// prints or rehearses and changes nothing (its redirections and
		// the code it was handed are judged above); but a runner's program
		// fetched from elsewhere runs (npx x@github:u/r --dry-run)
		if len(c.Via) > 0 {
			a.remoteProgram(i, c)
		}
		return
	}
	if a.plainFilter(c, &cl, f) {
		plainFilterFacts(c, f) // filters.go
		return
	}
	a.words(i, c, f, &cl)
	a.sources(i, c, f, &cl)
	if opts := optionsFiles(a, c, &cl); len(opts) > 0 {
		// curl -K FILE: the options the file holds are the command's too.
		more := a.cat.Classify(name, opts)
		a.words(i, c, f, &more)
	}
	a.codePaths(i, c, &cl, f) // named.go
	a.noteBinCopies(f)
	a.noteLinks(i, c) // links.go
}

// before runs the readings of command i asked before its classification,
// and returns the name and words to classify it by; ok is false for a
// command with no program, which the analysis reads no further.
func (a *analysis) before(i int, c *shell.Command) (name string, args []string, ok bool) {
	a.settings(i, c) // settings.go
	if c.Name == "" && len(c.Redirects) == 0 {
		return "", nil, false
	}
	if c.Name != "" && unresolved(c.Name) && !generatedCode(c.Program) {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "program", Word: c.Program})
	}
	for _, why := range c.Unknown {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: why})
	}
	a.code(i, c)
	a.devtools(i, c) // devtools.go: a browser's session asked for by its debugging protocol
	a.redirects(i, c)
	a.selectorLoads(i, c) // yqload.go
	if c.Name == "" {
		return "", nil, false
	}
	a.physicalServices(i, c) // physical.go
	a.balancerAdmin(i, c)    // sockadmin.go
	a.devicePackages(i, c)   // devicepackages.go
	a.deviceData(i, c)       // devicedata.go
	a.syncthingCLI(i, c)     // syncthingcli.go
	name, args = a.moduleEntry(a.programName(i, c), c.Args)
	a.browserCookies(i, name, args) // browsercookies.go
	return name, args, true
}

// optionsFiles returns the options held by the files a command names
// through its entry's "options-file" options (curl -K FILE, -K - for
// standard input, -K <(…) for a substitution's output), when the line wrote them or fed them: one option a line,
// "name = value", "name value" or "--name value", as curl reads them.
func optionsFiles(a *analysis, c *shell.Command, cl *catalog.Classified) []string {
	e := cl.Entry
	if e == nil || e.Prop("options-file") == "" {
		return nil
	}
	var out []string
	for _, w := range cl.Words {
		if w.Option == "" || !hasWord(e.Prop("options-file"), w.Option) {
			continue
		}
		var texts []string
		if w.Text == "-" || w.Text == "/dev/stdin" || strings.HasPrefix(w.Text, "<(") {
			// (curl -K <(echo 'url = …'): the substitution's output is
			// among the text the walk knows reaches the command)
			texts = c.Stdin
		} else if t, ok := a.fileText(w.Text); ok {
			texts = []string{t}
		}
		for _, t := range texts {
			out = append(out, optionLines(t)...)
		}
	}
	return out
}

// optionLines reads a curl-style config text into arguments.
func optionLines(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		k := strings.IndexAny(line, " \t=:")
		name, val := line, ""
		if k > 0 {
			name, val = line[:k], strings.TrimLeft(line[k:], " \t=:")
		}
		if !strings.HasPrefix(name, "-") {
			name = "--" + name
		}
		out = append(out, name)
		if val != "" {
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			out = append(out, val)
		}
	}
	return out
}

// code turns what a one-liner scan found into effects.
func (a *analysis) code(i int, c *shell.Command) {
	k := c.Code
	for _, name := range k.EnvFiles {
		// open(os.environ["DB_PASSWORD_FILE"]): the file the variable
		// names, read as cat "$DB_PASSWORD_FILE" reads it (secretnames.go)
		if _, held := credentialFileVars.Lookup(name); held && !strings.HasSuffix(name, "_SOCK") || secretFileVar(name) {
			p := a.clean("$"+name, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			a.per[i].reads = append(a.per[i].reads, p)
		}
	}
	for _, call := range k.Opaque {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " code calls " + call + " with computed arguments"})
	}
	if k.Dynamic {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " code evaluates text built at run time"})
	}
	if k.DecodedRun {
		// exec(base64.b64decode(…)): base64 -d | python3 written inside
		// the code, whatever the hidden text says
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "decoded->code", Word: c.Name + " code runs text it decodes"})
	}
	if k.Network && k.Shell || k.Listen && k.Shell {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: c.Name + " code connects a socket to a shell or process"})
	}
	if k.Network && k.Secrets && (!codeTokenAtHome(c) || a.endpointMoved(c)) { // codeownsecret.go, builturls.go
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "credential->network", Word: c.Name + " code reads credential files and opens connections"})
	}
	if k.Network && k.Dynamic {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "network->code", Word: c.Name + " code runs what it downloads"})
	}
	if k.Network && k.Capture {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "output->network", Word: c.Name + " code records the screen, microphone, camera or clipboard and opens connections"})
	}
	if k.Network && k.Environ {
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "environment->network", Word: c.Name + " code sends the environment out"})
	}
	if k.ListenAll {
		// .listen(8080, "0.0.0.0"): reachable from the network, as
		// --bind 0.0.0.0 is (exposes.go)
		a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " code listens on every address"})
	} else if k.Listen {
		a.add(Effect{Kind: Listen, Cmd: i, Word: c.Name})
	}
	if k.Fork {
		a.add(Effect{Kind: Exhaust, Cmd: i, Detail: "processes", Word: c.Name + " code forks in an endless loop"})
	}
	if k.Network {
		a.per[i].sink = "network"
		a.per[i].sendsIn = true
	}
	if k.Environ {
		a.per[i].source = "environment"
		// python3 -c 'print(dict(os.environ))': every variable's value
		// printed, as printenv NAME prints one (codeenviron.go)
		a.per[i].shows = k.EnvironShown && !k.Network
		a.per[i].oneRecord = true // print(os.environ): a dict on one line
	}
	if k.SecretShown && !k.Network && !k.EnvironShown {
		// python3 -c 'print(os.environ["GITHUB_TOKEN"])', ruby -e 'puts
		// ENV["GITHUB_TOKEN"]': the secret printed, as printenv
		// GITHUB_TOKEN prints it (flow.go), not the whole environment
		a.per[i].source, a.per[i].shows = "secret-variable", false
	}
	if k.AsksSecret {
		// osascript -e 'display dialog "…" default answer "" with hidden
		// answer': a password prompt the user takes for the system's;
		// what they type is printed where the agent reads it, and sent
		// wherever the line sends the output
		a.per[i].source, a.per[i].origin = "secret", c.Name
		a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: c.Name + " asks the user for a password"})
	}
	a.appleData(i, c) // appledata.go: Notes, Messages, a browser's page
	if k.Capture && a.per[i].source == "" {
		// what it records, printed or written, is the clipboard's kind;
		// recorded again and again in a loop (while true; do osascript -e
		// 'the clipboard' >> F; sleep 2; done), every copy as it is made,
		// as pbpaste in a loop (inputcapture.go)
		a.per[i].source = "output"
		if c.Repeats {
			a.per[i].source, a.per[i].origin = inputCapture, c.Name
		}
	}
	if k.Secrets && a.per[i].source == "" {
		// Code that reads credential files or secret variables prints
		// what it read: its output is sensitive.
		a.per[i].source = "credential"
	}
}

// spareFD reports whether a redirection names a descriptor other than the
// standard three, which the shell itself neither reads commands from nor
// writes to.
func spareFD(fd string) bool {
	return fd != "" && fd != "0" && fd != "1" && fd != "2"
}

func shellAssign(w string) bool {
	i := strings.IndexByte(w, '=')
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		c := w[j]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || j > 0 && c >= '0' && c <= '9' || c == '+' && j == i-1) {
			return false
		}
	}
	return true
}

// redirects reports the files a command's redirections read and write, and
// /dev/tcp sockets.
func (a *analysis) redirects(i int, c *shell.Command) {
	f := &a.per[i]
	for _, r := range c.Redirects {
		t := r.Target
		if t == "" || r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-" || strings.HasPrefix(t, "&") || t == "/dev/null" ||
			displayStream(t) || t == "/dev/stdin" || isDigits(t) {
			continue
		}
		if host, ok := devTCP(t); ok {
			f.hosts = append(f.hosts, host)
			f.sink = "network"
			a.add(Effect{Kind: Connect, Cmd: i, Target: host, Upload: r.Op != "<"})
			f.outNet = f.outNet || r.Op != "<"
			f.inNet = f.inNet || r.Op == "<" || r.Op == "<>"
			if c.ShellOrInterpreter() || c.Name == "source" || c.Name == "." || (c.Name == "exec" || c.Name == "" && c.Block) && !spareFD(r.FD) {
				// exec 3<>/dev/tcp/… only opens a descriptor: what later
				// reads it (sh <&3, cat <&3) is judged where it does;
				// source /dev/stdin < /dev/tcp/H/P: the current shell
				// runs what the socket sends, as a block or loop does
				// whose commands read it. A redirection with no command
				// (</dev/tcp/H/P, the port check) opens the connection
				// and closes it: nothing runs what it sends.
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: t})
			}
			continue
		}
		p := a.clean(t, i)
		if r.Op == "<" {
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads = append(f.reads, p)
			a.unresolvedTail(i, t, Read, f) // named.go
			continue
		}
		a.unresolvedTail(i, t, Write, f)
		a.add(Effect{Kind: Write, Cmd: i, Path: p})
		f.writes = append(f.writes, p)
	}
}

func devTCP(t string) (string, bool) {
	for _, p := range []string{"/dev/tcp/", "/dev/udp/"} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			host, _, _ := strings.Cut(rest, "/")
			return host, true
		}
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// generatedCode reports whether an unresolved program word is the output
// of a known shell-code generator: "$(ssh-agent -s)", "`pyenv init -`".
func generatedCode(w string) bool {
	inner := ""
	switch {
	case strings.HasPrefix(w, "$(") && strings.HasSuffix(w, ")"):
		inner = w[2 : len(w)-1]
	case strings.HasPrefix(w, "`") && strings.HasSuffix(w, "`") && len(w) > 1:
		inner = w[1 : len(w)-1]
	default:
		return false
	}
	return !strings.ContainsAny(inner, "|;&$`<>") && shell.GeneratesShellCode(strings.Fields(inner))
}

// codeCaptures follows what interpreter code runs as a command and
// captures (perl's `env`, subprocess.check_output(["printenv"])) to the
// connections the same code opens: a child that prints the environment,
// a credential or a secret, run by code that talks to the network, sends
// it out as code that read it itself would.
func (a *analysis) codeCaptures(cmds []shell.Command) {
	for i := range cmds {
		c := &cmds[i]
		src := a.per[i].source
		if !c.Synthetic || c.Depth == 0 || src == "" || codeFileOp(c) {
			continue
		}
		for p := i - 1; p >= 0; p-- {
			if cmds[p].Depth == c.Depth-1 {
				if cmds[p].Code.Network {
					a.add(Effect{Kind: Flow, Cmd: p, Detail: strings.TrimSuffix(src, "-variable") + "->network", Word: cmds[p].Name + " code runs " + c.Name + " and opens connections"})
				}
				break
			}
		}
	}
}
