package shell

import "strings"

// Code whose only secrets are variables it reads by name
// (os.environ['GITHUB_TOKEN'], process.env.VERCEL_TOKEN, ENV["SLACK_BOT_TOKEN"])
// says which services' logins it holds: CodeFacts.SecretVars lists them, so
// that a judge can tell a token used at its own service (GitHub's API, the
// Slack SDK) from one sent somewhere else. Code that also reads a credential
// file, a keyring or a credential library has no such list.

// secretVarNames returns the names of the secret variables code reads
// (secretVarInCode), each once, in the order they first appear; nil when
// one is read where it is data rather than a login (loginAt).
func secretVarNames(code string) []string {
	var out []string
	for _, m := range secretVarInCode.Get().FindAllStringSubmatchIndex(code, -1) {
		if !loginAt(code, m[0]) {
			return nil
		}
		j := m[3] // the end of the accessor (environ[, process.env.)
		if j < len(code) && (code[j] == '\'' || code[j] == '"') {
			j++
		}
		k := j
		for k < len(code) && (code[k] >= 'A' && code[k] <= 'Z' || code[k] >= '0' && code[k] <= '9' || code[k] == '_') {
			k++
		}
		if k == j {
			continue
		}
		name, seen := code[j:k], false
		for _, o := range out {
			seen = seen || o == name
		}
		if !seen {
			out = append(out, name)
		}
	}
	return out
}

// mergeSecretVars merges two scans' secret variables: the list holds only
// when every scan that found secrets found nothing but variables.
func mergeSecretVars(c, d CodeFacts) []string {
	if c.Secrets && c.SecretVars == nil || d.Secrets && d.SecretVars == nil {
		return nil
	}
	if !c.Secrets {
		return d.SecretVars
	}
	if !d.Secrets {
		return c.SecretVars
	}
	return append(append([]string(nil), c.SecretVars...), d.SecretVars...)
}

// loginWords are what the code before a secret's read says when the read
// is a login: a keyword argument, a field or a header named for one
// (token=, private_token=, api_key =, {auth: …}, 'Authorization': 'Bearer '+).
var loginWords = []string{"token", "auth", "key", "bearer", "secret", "passw", "credential", "header", "login"}

// loginAt reports whether the secret variable read at code[at:] is a
// login: the first argument of a class (Github(os.environ['T'])) or of a
// call's result (require('stripe')(process.env.K)), or a value whose
// argument, field or assignment is named for a login. Any other argument
// (text=, body=, data=, json={'content': …}, requests.post(…)) is data
// the code sends.
func loginAt(code string, at int) bool {
	j := at
	for j > 0 && (isIdent(code[j-1]) || code[j-1] == '.') {
		j-- // os.environ[, self.env.: from the reference's start
	}
	k := j
	for k > 0 && code[k-1] == ' ' {
		k--
	}
	if k > 0 && code[k-1] == '(' {
		p := k - 1
		if p > 0 && code[p-1] == ')' {
			return true
		}
		q := p
		for q > 0 && isIdent(code[q-1]) {
			q--
		}
		return q < p && code[q] >= 'A' && code[q] <= 'Z'
	}
	seg := code[max(0, j-80):j]
	if c := strings.LastIndexAny(seg, ",(;\n"); c >= 0 {
		seg = seg[c+1:]
	}
	seg = strings.ToLower(seg)
	for _, w := range loginWords {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}
