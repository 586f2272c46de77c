package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A secret in a request's body is used when it is the value of a field
// named for a credential (token=$SLACK_TOKEN, {"client_secret":
// "$GOOGLE_CLIENT_SECRET"}), as services take their tokens in a form;
// in any other field (a gist's content, an issue's body, a message's
// text) it is published to the service, where others read it, even when
// the service is the one the secret is for.

// publishedSecret reports whether a body word sends a secret variable as
// the value of a field that is not named for a credential.
func publishedSecret(body string) bool {
	for d := strings.IndexByte(body, '$'); d >= 0; d = nextDollar(body, d) {
		if secretVar(&shell.Command{Args: []string{body[d:]}}) == "" || !startsWithVar(body[d:]) {
			continue
		}
		if name, ok := bodyField(body, d); ok && !credentialFieldName(name) {
			return true
		}
	}
	return false
}

// nextDollar is the index of the next '$' after d, or -1.
func nextDollar(s string, d int) int {
	if j := strings.IndexByte(s[d+1:], '$'); j >= 0 {
		return d + 1 + j
	}
	return -1
}

// startsWithVar reports whether s begins with the expansion secretVar
// found first in it (so the field read is that variable's).
func startsWithVar(s string) bool {
	return len(s) > 1 && (s[1] == '{' || nameByte(s[1]))
}

// bodyField returns the name of the JSON member ("name": "… $V …") or
// form field (name=… $V …) whose value holds the text at d; ok is false
// when the value belongs to no named field (a bare body, an array's
// element).
func bodyField(body string, d int) (name string, ok bool) {
	q := d // the value's start: its opening quote, or the variable itself
	if strings.Count(body[:d], "\"")%2 == 1 {
		q = strings.LastIndexByte(body[:d], '"') // inside a JSON string
	}
	if before := strings.TrimRight(body[:q], " \\"); q < d || strings.HasSuffix(before, ":") {
		// a JSON member's value: the name before its ':'
		k := q
		for k > 0 && (body[k-1] == ' ' || body[k-1] == '\\') {
			k--
		}
		if k == 0 || body[k-1] != ':' {
			return "", false
		}
		k--
		for k > 0 && (body[k-1] == ' ' || body[k-1] == '\\') {
			k--
		}
		if k == 0 || body[k-1] != '"' {
			return "", false
		}
		end := k - 1
		start := strings.LastIndexByte(body[:end], '"')
		if start < 0 {
			return "", false
		}
		return strings.TrimRight(body[start+1:end], "\\"), start+1 < end
	}
	// a form: the field whose '=' the value follows, in its own pair
	eq := strings.LastIndexByte(body[:d], '=')
	if eq <= 0 || strings.LastIndexByte(body[:d], '&') > eq {
		return "", false
	}
	k := eq
	for k > 0 && fieldByte(body[k-1]) {
		k--
	}
	return body[k:eq], k < eq
}

// fieldByte reports a byte of a form field's or JSON member's name.
func fieldByte(b byte) bool {
	return b == '_' || b == '-' || b == '.' || b == '[' || b == ']' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// credentialFieldName reports a field whose name says its value is a
// credential the service takes (token, client_secret, api_key, password,
// auth, assertion, code).
func credentialFieldName(k string) bool {
	k = strings.ToLower(k)
	for _, w := range [...]string{"token", "secret", "password", "passwd", "key", "auth", "credential", "assertion", "code"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// uploadsStdin reports a command that sends what it reads on standard
// input as content, a file's (gh gist create -, curl -T -): a secret
// fed to it there is published, never a credential field.
func uploadsStdin(cl *catalog.Classified) bool {
	if cl.Entry != nil && cl.Entry.Prop("stdin") == "upload" {
		return true
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Upload && (w.Text == "-" || stdinPath(w.Text)) {
			return true
		}
	}
	return false
}
