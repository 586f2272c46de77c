package effect

import (
	"regexp"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A credential CLI's verbs print either the secret itself (gh auth token,
// vault kv get, op read, kubectl get secret X -o jsonpath={.data.p}) or
// only its names and state (gh auth status, vault kv list, kubectl get
// secrets). The catalogue's source marks cover both; the first, printed
// where the agent reads it, is the flow secret->agent.

// listingVerbs are the words of a verb that print names or state, not a
// value (list-secrets, kv list, auth status, describe-parameters).
var listingVerbs = table.Map[string, bool]{Words: `list ls status describe history
	metadata names services whoami info`}

// valueFormats are output formats that print a resource whole, data
// included (kubectl get secret X -o yaml), or the fields a template names.
var valueFormats = []string{"jsonpath", "go-template", "template", "custom-columns"}

// showsSecret reports whether a command whose output is a secret prints the
// value itself rather than names or state. An entry with the property
// shows-format (kubectl get secret X, whose table holds only names) prints
// the value only under an output format that prints the data; one with
// shows-list (az storage account keys list) prints values when it lists.
func showsSecret(c *shell.Command, cl *catalog.Classified) bool {
	if revealsOption(c.Args) {
		return true // gh auth status --show-token, op item get --reveal
	}
	if marked(cl) {
		return true // kubectl config view --raw, op signin --raw, security … -w
	}
	if fieldsShowNoSecret(c, cl) {
		return false // op item get --fields label=username (pickedfields.go)
	}
	if cl.Entry.Has("shows-format") {
		for _, w := range c.Args {
			if w == "--raw" || strings.HasPrefix(w, "--raw=") {
				return true // kubectl get --raw /api/v1/…/secrets/db: the API's own document, data and all
			}
		}
	}
	lastFormat := ""
	for k, w := range c.Args {
		// doppler secrets --only-names, kubectl get secrets -o name
		o, v, _ := strings.Cut(strings.ToLower(w), "=")
		if strings.HasPrefix(o, "-o") && !strings.HasPrefix(o, "--") && len(o) > 2 {
			o, v = "-o", strings.ToLower(w[2:]) // -ojson
		}
		if !strings.HasPrefix(o, "--") && o != "-o" {
			continue
		}
		if v == "" && o == "-o" && k+1 < len(c.Args) {
			v = c.Args[k+1]
		}
		if o == "-o" || o == "--output" {
			lastFormat = v // the last format given is the one printed
			continue
		}
		if strings.Contains(o, "names") || strings.Contains(o, "name-only") || strings.Contains(o, "keys-only") {
			return false
		}
	}
	if lastFormat == "name" {
		return false
	}
	listing := !cl.Entry.Has("shows-list") && leadingWords(cl, 4, func(w string) bool {
		found := sessionVerbs.Get(w) // vault login, not get-login-password
		verbParts(w, func(p string, _ int) {
			found = found || listingVerbs.Get(p)
		})
		return found
	})
	if listing {
		return false
	}
	if cl.Entry.Has("shows-format") {
		return valueFormat(cl)
	}
	return true
}

// sessionVerbs start a session: a login prints what it stored, its token
// among it, but only as the outcome of logging in (vault login -method=oidc);
// the catalogue marks the options that make it print the token alone.
var sessionVerbs = table.Map[string, bool]{Words: "login signin"}

// marked reports whether an option the catalogue marks as printing the
// value is given (the marks named by the entry's source-marks property).
func marked(cl *catalog.Classified) bool {
	if cl.Entry == nil {
		return false
	}
	m := cl.Entry.Prop("source-marks")
	return m != "" && cl.Mark(m)
}

// namesSecret reports whether a selector (a jq or yq expression, a
// kubectl jsonpath or template) picks out a secret's value: it keeps the
// whole document (".", empty), or a path in it ends at data or at a
// credential ({.data.password}, .users[0].user.token, .data). One whose
// paths end elsewhere ({.metadata.creationTimestamp}, '.database.host',
// .data.policies) prints no secret.
func namesSecret(expr string) bool {
	e := strings.TrimSpace(strings.Trim(expr, "'\"{} "))
	if e == "" || e == "." || e == "@" {
		return true
	}
	if strings.Contains(e, "last-applied-configuration") {
		// kubectl apply keeps the object it applied, its data with it,
		// in this annotation
		return true
	}
	if strings.Contains(e, "[") {
		// .data["tls.key"], .["api-key"]: a quoted key is a path's
		// segment, its dots part of its name (tls_key)
		e = bracketKey.Get().ReplaceAllStringFunc(e, func(m string) string {
			k := strings.Trim(m, "[]\"' ")
			// (kubectl's jsonpath escapes a dot in a key: ['tls\.key'])
			return "." + strings.NewReplacer(`\.`, "_", ".", "_", " ", "_").Replace(k)
		})
	}
	for _, m := range selectorPath.Get().FindAllString(e, -1) {
		segs := strings.Split(strings.ToLower(m), ".")
		leaf := strings.TrimRight(segs[len(segs)-1], "[]0-9*")
		if leaf == "" && len(segs) > 1 {
			leaf = segs[len(segs)-2]
		}
		if leaf == "data" || leaf == "stringdata" || secretValueFields.Get(leaf) || secretLeaf(leaf) {
			return true
		}
	}
	return false
}

// secretValueFields are the fields a secrets service's answer holds the
// secret in (SSM's Parameters[].Value, Secrets Manager's SecretString,
// a KMS decrypt's Plaintext).
var secretValueFields = table.Map[string, bool]{Words: "value values secretstring secretbinary plaintext secret_string secret_binary"}

// bracketKey is a quoted key in brackets: ["tls.key"], ['password'].
var bracketKey = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\[\s*(?:"[^"]*"|'[^']*')\s*\]`)
}}

// selectorPath is a path in a selector: .a.b[0].c
var selectorPath = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?:\.[A-Za-z0-9_\-]+(?:\[[^\]]*\])*)+`)
}}

// secretLeaf reports a field name that names a credential: password,
// access_token, client-key-data, secretKey.
func secretLeaf(leaf string) bool {
	for p := range strings.FieldsFuncSeq(leaf, func(r rune) bool { return r == '_' || r == '-' }) {
		if credentialNouns.Get(p) && p != "variable" && p != "variables" && p != "values" && p != "kv" && p != "connection" {
			return true
		}
	}
	return strings.Contains(leaf, "password") || strings.Contains(leaf, "token") || strings.Contains(leaf, "secret") || strings.HasSuffix(leaf, "key")
}

// lastOperand is the last word of a command that is not an option or an
// option's value.
func lastOperand(cl *catalog.Classified) string {
	last := ""
	for _, w := range cl.Words {
		if w.Option == "" {
			last = w.Text
		}
	}
	return last
}

// keyNamesSecret reports whether a settings key names a credential by its
// last part: aws_secret_access_key, oauth_token, http.extraheader (an
// Authorization header), //registry/:_authToken, kubeconfig; not
// credential.helper or user.name.
func keyNamesSecret(k string) bool {
	l := strings.ToLower(k)
	if i := strings.LastIndexByte(l, '.'); i >= 0 && i+1 < len(l) {
		l = l[i+1:]
	}
	return secretLeaf(l) || strings.Contains(l, "header") || strings.Contains(l, "auth")
}

// valueShown reports whether echo or printf prints a secret variable's
// value: $TOKEN, ${TOKEN}, ${TOKEN:-x}, but not ${TOKEN:+set} or
// ${TOKEN+set}, which print only the word after the operator.
func valueShown(c *shell.Command) bool {
	for _, w := range c.Args {
		for i := 0; i < len(w); i++ {
			if w[i] != '$' {
				continue
			}
			j := i + 1
			braced := j < len(w) && w[j] == '{'
			if braced {
				j++
			}
			k := j
			for k < len(w) && nameByte(w[k]) {
				k++
			}
			if !secretName(w[j:k]) {
				continue
			}
			if braced && (strings.HasPrefix(w[k:], ":+") || strings.HasPrefix(w[k:], "+")) {
				continue
			}
			return true
		}
	}
	return false
}

// headOnly reports a fetch that asks only for headers (curl -I, -X HEAD,
// wget --spider; name is the program, whose short flags differ): it prints no body, so no secret the body would hold.
func headOnly(name string, args []string) bool {
	curl := name == "curl"
	for k, a := range args {
		switch {
		case curl && (a == "-I" || a == "--head") || a == "--spider":
			return true
		case curl && len(a) > 2 && a[0] == '-' && a[1] != '-' && curlBundleHead(a[1:]):
			return true // curl -sI, -fsSLI
		case (a == "-X" || a == "--request" || a == "--method") && k+1 < len(args) && strings.EqualFold(args[k+1], "HEAD"):
			return true
		case strings.EqualFold(a, "-XHEAD") || strings.EqualFold(a, "--request=HEAD") || strings.EqualFold(a, "--method=HEAD"):
			return true
		}
	}
	return false
}

// curlBundleHead reports a bundle of curl's short flags that holds -I
// before any letter that takes a value (-sI, but not -HI, whose I is a
// header).
func curlBundleHead(b string) bool {
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == 'I':
			return true
		case strings.IndexByte("AbcCdDeEFHKmoQrTuUwxXyYz", b[i]) >= 0:
			return false
		}
	}
	return false
}

// valueFormat reports an output option whose value prints a resource's
// data: -o yaml, --output=json, -o jsonpath='{.data.password}'.
func valueFormat(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option != "-o" && w.Option != "--output" && w.Option != "--format" {
			continue
		}
		v := strings.TrimPrefix(strings.ToLower(w.Text), "=")
		if v == "yaml" || v == "json" || v == "kyaml" {
			return true
		}
		if f, _, _ := strings.Cut(v, "="); strings.HasSuffix(f, "-file") {
			return true // -o go-template-file=/tmp/t: a template nobody here reads
		}
		for _, f := range valueFormats {
			if k, ok := strings.CutPrefix(v, f); ok {
				// -o jsonpath={.data.password}, -o go-template=…
				k = strings.TrimLeft(k, "=:")
				return namesSecret(k) || namesField(stripBrackets(k), fieldsOf(cl.Entry))
			}
		}
	}
	return false
}

// passesValue are filters that print what they read, changed in form but
// still the value: a secret piped through them still lands in the context
// (kubectl get secret … | base64 -d, vault kv get -format=json … | jq).
// Counting (wc), hashing and logins that read stdin do not pass it on.
var passesValue = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"base64": true, "base32": true, "basenc": true, "jq": true, "gojq": true, "jaq": true, "yq": true,
		"cut": true, "tr": true, "head": true, "tail": true, "cat": true, "sed": true, "awk": true,
		"gawk": true, "mawk": true, "grep": true, "egrep": true, "fgrep": true, "rg": true, "sort": true,
		"uniq": true, "fold": true, "rev": true, "xxd": true, "od": true, "hexdump": true, "column": true,
		"tee": true, "less": true, "more": true, "strings": true,
		// Windows' grep, from WSL or cmd.exe (netsh wlan … key=clear | findstr Key)
		"findstr": true, "findstr.exe": true,
		// formatters that print what they are given in another shape
		"gron": true, "bat": true, "batcat": true, "nl": true, "json_pp": true, "dasel": true, "yj": true, "fx": true,
		// compressors and their decoders: what they print is the value
		// packed, and unpacked by anyone who reads it (lpass export | gzip | base64)
		"gzip": true, "pigz": true, "gunzip": true, "zcat": true, "bzip2": true, "bunzip2": true, "bzcat": true,
		"xz": true, "unxz": true, "xzcat": true, "lzma": true, "zstd": true, "unzstd": true, "zstdcat": true,
		"lz4": true, "lz4cat": true, "brotli": true, "compress": true, "uncompress": true,
	}
}}

// passingModules are Python's own modules that print their input
// reformatted: python3 -m json.tool, python3 -m base64 -d.
var passingModules = table.Map[string, bool]{Words: "json.tool base64 quopri uu"}

// passesModule reports a Python interpreter running one of
// passingModules on its input.
func passesModule(d *shell.Command) bool {
	if !catalog.IsPython(d.Name) {
		return false
	}
	mod, _, ok := catalog.PythonModule(d.Args)
	return ok && passingModules.Get(mod)
}

// stringRunners are shells that run a string given to them and print
// what it prints.
var stringRunners = table.Map[string, bool]{Words: "sh bash zsh dash ksh eval"}

// runsWithSecrets reports a wrapper that runs the code it is given with
// secrets in its environment and its output on its own (sops exec-env F
// 'env', flyctl ssh console -C 'printenv'): the catalogue's secret-env.
func runsWithSecrets(name string, args []string) bool {
	e, _ := catalog.Default().Lookup(name, args)
	return e != nil && e.Prop("secret-env") != ""
}

// pickers are filters whose pattern or program picks the lines they print.
var pickers = table.Map[string, bool]{Words: `grep egrep fgrep rg ag ack
	awk gawk mawk sed`}

// picksHarmless reports a later stage of command i's pipeline that picks
// lines by a pattern naming no secret (env | grep -i proxy, printenv | awk
// '/^LANG/'): what reaches the agent is those lines, not the whole. An
// inverted match (grep -v) picks everything else.
func (a *analysis) picksHarmless(cmds []shell.Command, i int) bool {
	c := &cmds[i]
	whole := a.per[i].oneRecord // env -0 | grep LANG: one record, printed whole (envpicks.go)
	for k := i + 1; k < len(cmds); k++ {
		d := &cmds[k]
		if d.Pipeline != c.Pipeline || d.Stage <= c.Stage {
			continue
		}
		whole = whole && !splitsRecords(d)
		if consumesEnv(d) || !whole && picksHarmlessStage(d) {
			return true // envpicks.go
		}
	}
	return false
}

// picksSecrets reports a filter whose pattern names a secret variable
// (env | grep -iE 'token|secret|key', printenv | awk '/PASS/'): given the
// environment, what it prints is the secrets in it. A grep that counts,
// lists files, keeps quiet or inverts the match prints none of them.
func picksSecrets(c *shell.Command) bool {
	if !pickers.Get(c.Name) {
		return false
	}
	grepLike := !strings.Contains(c.Name, "awk") && c.Name != "sed"
	if grepLike {
		if r := readGrep(c.Name, c.Args); r.quiet || r.invert {
			return false
		}
	}
	hit := false
	for _, w := range c.Args {
		if strings.HasPrefix(w, "-") {
			continue
		}
		for piece := range strings.FieldsFuncSeq(w, func(r rune) bool { return r > 0x7f || !nameByte(byte(r)) }) {
			hit = hit || len(piece) >= 3 && secretName(piece)
		}
	}
	return hit
}

// selectors are filters whose first operand picks what they print.
var selectors = table.Map[string, bool]{Words: "jq gojq jaq yq"}

// selectorOf is a selector's expression: its first operand, after yq's
// eval subcommand (yq e '.data.password', yq eval-all).
func selectorOf(d *shell.Command) string {
	args := d.Args
	for len(args) > 0 {
		op := firstOperand(args)
		if d.Name != "yq" || op != "e" && op != "eval" && op != "ea" && op != "eval-all" {
			return op
		}
		k := slices.Index(args, op)
		args = args[k+1:]
	}
	return ""
}

// opensslPasses reports openssl's encoders, which print what they read
// in another form (openssl base64 -d, openssl enc -d -base64).
func opensslPasses(d *shell.Command) bool {
	if d.Name != "openssl" {
		return false
	}
	op := firstOperand(d.Args)
	return op == "base64" || op == "enc"
}

// firstOperand is the first word that is not an option.
func firstOperand(args []string) string {
	for _, w := range args {
		if !strings.HasPrefix(w, "-") || w == "-" {
			return w
		}
	}
	return ""
}

// runsHere reports a command that runs the code it is given on this
// machine, with the child's output its own: a function or an alias, an
// interpreter's os.system or exec, script -c, parallel, an editor's !cmd,
// make's recipe, a package manager's script. Whatever it runs prints
// where it prints; a program that sends what it runs to another host
// (ssh host env) is a sink of its own, and what runs there prints that
// host's environment.
func (a *analysis) runsHere(p int) bool {
	return a.per[p].sink == ""
}

// codeFileOp reports a command that stands for interpreter code's own
// call on a file (open(F).read() as cat F, a write as tee F): what it
// reads goes to the code, which prints it or not (codeenviron.go), not
// to the output as a program run by the code would.
func codeFileOp(c *shell.Command) bool {
	if !c.Synthetic {
		return false
	}
	switch c.Name {
	case "cat", "tee", "cp", "rm":
		return true
	}
	return false
}

// reachesAgent reports whether command i's output is printed where the
// agent reads it: at the top level, not redirected away, and not piped on
// except through filters that pass the value on (and do not write a file).
func (a *analysis) reachesAgent(cmds []shell.Command, i int) bool {
	c := &cmds[i]
	if stdoutRedirected(c) {
		return false
	}
	if c.Depth > 0 {
		// bash -c 'gh auth token': a shell given the string prints what
		// it prints; $(gh auth token) is a word of another command.
		for k := range cmds {
			if slices.Contains(cmds[k].Inputs, i) {
				// echo "$(gh auth token)" prints the word it was given;
				// another command's word is its own business.
				// base64 -d <<< "$(kubectl get secret …)": a filter given it
				// as its input prints it too
				return (cmds[k].Name == "echo" || cmds[k].Name == "printf" || passesValue.Get(cmds[k].Name) && hereString(&cmds[k])) && lastStage(cmds, i) && a.reachesAgent(cmds, k)
			}
		}
		p := -1
		for k := i - 1; k >= 0; k-- {
			if cmds[k].Depth == c.Depth-1 {
				p = k
				break
			}
		}
		if p < 0 || codeFileOp(c) || !stringRunners.Get(cmds[p].Name) && !runsWithSecrets(cmds[p].Name, cmds[p].Args) && !a.runsHere(p) || !a.reachesAgent(cmds, p) {
			return false
		}
	}
	for k := range cmds {
		d := &cmds[k]
		if k == i || d.Pipeline != c.Pipeline || d.Stage <= c.Stage {
			continue
		}
		if d.Name == "tee" && slices.ContainsFunc(d.Args, displayStream) {
			return true // tee /dev/stderr: a copy goes to the terminal, whatever comes after
		}
		if inputAsArgs(d.Name) {
			continue // xargs echo: the command it runs is judged below, as its own entry
		}
		if (d.Name == "echo" || d.Name == "printf") && len(d.Via) > 0 && inputAsArgs(d.Via[len(d.Via)-1]) {
			continue // xargs -I{} echo token={}: the input printed as its words
		}
		if !passesValue.Get(d.Name) && !passesModule(d) && !opensslPasses(d) && !codePassesValue(d) || len(a.per[k].writes) > 0 || stdoutRedirected(d) || a.per[k].sink != "" {
			return false
		}
		if d.Is(selectorKind) && !selectorPrintsSecret(d, sourceSecretFields(c)...) {
			return false // sops -d f | yq '.database.host'
		}
	}
	return true
}

// hereString reports a command given a here-string as its input.
func hereString(c *shell.Command) bool {
	for _, r := range c.Redirects {
		if r.Op == "<<<" {
			return true
		}
	}
	return false
}

// inputAsArgs reports a program that runs a command with what it reads
// as the command's words (xargs, parallel).
func inputAsArgs(name string) bool {
	return name == "xargs" || name == "parallel"
}

// stdoutRedirected reports a redirection of a command's standard output to
// a file (> out.txt, &> /dev/null); 2> and >&2 leave it where it was or
// send it to stderr, which the agent reads too.
func stdoutRedirected(c *shell.Command) bool {
	for _, r := range c.Redirects {
		switch r.Op {
		case ">", ">>", ">|", "&>", "&>>":
			if (r.FD == "" || r.FD == "1") && !displayStream(r.Target) {
				return true
			}
		}
	}
	return false
}

// displayStream reports a path that is the terminal's or the caller's own
// output, which the agent reads: /dev/stdout, /dev/stderr, /dev/tty and
// the descriptors 1 and 2 under /dev/fd or /proc/self/fd. Writing there
// changes no file.
func displayStream(t string) bool {
	switch t {
	case "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/fd/1", "/dev/fd/2", "/proc/self/fd/1", "/proc/self/fd/2":
		return true
	}
	return false
}
