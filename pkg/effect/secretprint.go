package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A credential CLI's verbs print either the secret itself (gh auth token,
// vault kv get, op read, kubectl get secret X -o jsonpath={.data.p}) or
// only its names and state (gh auth status, vault kv list, kubectl get
// secrets). The catalogue's source marks cover both; the first, printed
// where the agent reads it, is the flow secret->agent.

// listingVerbs are the words of a verb that print names or state, not a
// value (list-secrets, kv list, auth status, describe-parameters).
var listingVerbs = map[string]bool{
	"list": true, "ls": true, "status": true, "describe": true, "history": true,
	"metadata": true, "names": true, "services": true, "whoami": true, "info": true,
}

// valueFormats are output formats that print a resource whole, data
// included (kubectl get secret X -o yaml), or the fields a template names.
var valueFormats = []string{"jsonpath", "go-template", "template", "custom-columns"}

// showsSecret reports whether a command whose output is a secret prints the
// value itself rather than names or state. byArgs is set when the secret is
// named by a word (kubectl get secret X), whose listing output (a table of
// names) holds no value unless an output format prints the data.
func showsSecret(c *shell.Command, cl *catalog.Classified, byArgs bool) bool {
	if revealsOption(c.Args) {
		return true // gh auth status --show-token, op item get --reveal
	}
	if marked(cl) {
		return true // kubectl config view --raw, op signin --raw, security … -w
	}
	for k, w := range c.Args {
		// doppler secrets --only-names, kubectl get secrets -o name
		o, v, _ := strings.Cut(strings.ToLower(w), "=")
		if !strings.HasPrefix(o, "--") && o != "-o" {
			continue
		}
		if v == "" && o == "-o" && k+1 < len(c.Args) {
			v = c.Args[k+1]
		}
		if strings.Contains(o, "names") || strings.Contains(o, "name-only") || strings.Contains(o, "keys-only") || (o == "-o" || o == "--output") && v == "name" {
			return false
		}
	}
	listing := leadingWords(cl, 4, func(w string) bool {
		found := sessionVerbs[w] // vault login, not get-login-password
		verbParts(w, func(p string, _ int) {
			found = found || listingVerbs[p]
		})
		return found
	})
	if listing {
		return false
	}
	if byArgs {
		return valueFormat(cl)
	}
	return true
}

// sessionVerbs start a session: a login prints what it stored, its token
// among it, but only as the outcome of logging in (vault login -method=oidc);
// the catalogue marks the options that make it print the token alone.
var sessionVerbs = map[string]bool{"login": true, "signin": true}

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
// whole document (".", empty), or names its data or a credential
// ({.data.password}, .users[0].user.token). One that picks other fields
// ({.metadata.creationTimestamp}, '.database.host') prints no secret.
func namesSecret(expr string) bool {
	e := strings.TrimSpace(strings.Trim(expr, "'\"{}"))
	if e == "" || e == "." || e == "@" {
		return true
	}
	found := false
	for _, p := range strings.FieldsFunc(strings.ToLower(e), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		found = found || p == "data" || p == "stringdata" || credentialNouns[p] ||
			strings.Contains(p, "password") || strings.Contains(p, "token") || strings.Contains(p, "secret")
	}
	return found
}

// valueFormat reports an output option whose value prints a resource's
// data: -o yaml, --output=json, -o jsonpath='{.data.password}'.
func valueFormat(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option != "-o" && w.Option != "--output" && w.Option != "--format" {
			continue
		}
		v := strings.ToLower(w.Text)
		if v == "yaml" || v == "json" {
			return true
		}
		for _, f := range valueFormats {
			if k, ok := strings.CutPrefix(v, f); ok {
				// -o jsonpath={.data.password}, -o go-template=…
				return namesSecret(strings.TrimLeft(k, "=:"))
			}
		}
	}
	return false
}

// passesValue are filters that print what they read, changed in form but
// still the value: a secret piped through them still lands in the context
// (kubectl get secret … | base64 -d, vault kv get -format=json … | jq).
// Counting (wc), hashing and logins that read stdin do not pass it on.
var passesValue = map[string]bool{
	"base64": true, "base32": true, "basenc": true, "jq": true, "gojq": true, "jaq": true, "yq": true,
	"cut": true, "tr": true, "head": true, "tail": true, "cat": true, "sed": true, "awk": true,
	"gawk": true, "mawk": true, "grep": true, "egrep": true, "fgrep": true, "rg": true, "sort": true,
	"uniq": true, "fold": true, "rev": true, "xxd": true, "od": true, "hexdump": true, "column": true,
	"tee": true, "less": true, "more": true, "strings": true,
}

// selectors are filters whose first operand picks what they print.
var selectors = map[string]bool{"jq": true, "gojq": true, "jaq": true, "yq": true}

// firstOperand is the first word that is not an option.
func firstOperand(args []string) string {
	for _, w := range args {
		if !strings.HasPrefix(w, "-") || w == "-" {
			return w
		}
	}
	return ""
}

// reachesAgent reports whether command i's output is printed where the
// agent reads it: at the top level, not redirected away, and not piped on
// except through filters that pass the value on (and do not write a file).
func (a *analysis) reachesAgent(cmds []shell.Command, i int) bool {
	c := &cmds[i]
	if c.Depth != 0 || stdoutRedirected(c) {
		return false
	}
	for k := range cmds {
		d := &cmds[k]
		if k == i || d.Pipeline != c.Pipeline || d.Stage <= c.Stage {
			continue
		}
		if !passesValue[d.Name] || len(a.per[k].writes) > 0 || stdoutRedirected(d) || a.per[k].sink != "" {
			return false
		}
		if selectors[d.Name] && !namesSecret(firstOperand(d.Args)) {
			return false // sops -d f | yq '.database.host'
		}
	}
	return true
}

// stdoutRedirected reports a redirection of a command's standard output to
// a file (> out.txt, &> /dev/null); 2> and >&2 leave it where it was or
// send it to stderr, which the agent reads too.
func stdoutRedirected(c *shell.Command) bool {
	for _, r := range c.Redirects {
		switch r.Op {
		case ">", ">>", ">|", "&>", "&>>":
			if r.FD == "" || r.FD == "1" {
				return true
			}
		}
	}
	return false
}
