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
		if k > 0 && (body[k-1] == '[' || body[k-1] == ',') {
			// an array's element ("labels": ["$T"]): the array's member
			if a := arrayStart(body, k-1); a > 0 {
				return bodyField(body, a)
			}
		}
		if k > 0 && (body[k-1] == '{' || body[k-1] == ',') && q < d && memberName(body, q) {
			// a member's name ({"$T": {"content": …}}, a gist's file
			// name): data the service keeps, no credential field
			return "", true
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

// publishedOption reports whether the value of a command's option sends a
// secret variable as content: an option is a field of the request its
// command makes, so a secret given to one named for what others read
// (gh issue create --body, aws sns publish --message, stripe customers
// create --description) is published, as a body's "body" field is, while
// one named for a credential (--token, --client-secret) is used. A value
// that is itself a form (--field body=…) is read by its own field; an
// option known only by a short spelling says nothing, and a request's
// body options (curl --data, --json) are read by their fields.
func publishedOption(e *catalog.Entry, opt, value string) bool {
	if strings.Contains(value, "=") && publishedSecret(value) {
		return true
	}
	name := ""
	if e != nil {
		for _, s := range e.Spellings(opt) {
			if len(s) > len(name) {
				name = s
			}
		}
	}
	if name == "" {
		name = opt
	}
	name = strings.TrimLeft(name, "-")
	if len(name) < 3 || credentialFieldName(name) || strings.Contains(value, "=") {
		return false
	}
	for _, w := range [...]string{"body", "message", "description", "desc", "notes", "title", "text", "comment", "content", "summary", "subject", "bio", "metadata", "payload"} {
		if strings.Contains(strings.ToLower(name), w) {
			return startsWithSecret(value)
		}
	}
	return false
}

// startsWithSecret reports whether value holds a secret variable's
// expansion ($T, ${T}, "token: $T").
func startsWithSecret(value string) bool {
	for d := strings.IndexByte(value, '$'); d >= 0; d = nextDollar(value, d) {
		if startsWithVar(value[d:]) && secretVar(&shell.Command{Args: []string{value[d:]}}) != "" {
			return true
		}
	}
	return false
}

// arrayStart returns the index of the '[' opening the JSON array whose
// element or separator is at i, or -1 when there is none: brackets inside
// strings are not counted.
func arrayStart(body string, i int) int {
	depth := 0
	for j := i; j >= 0; j-- {
		switch body[j] {
		case '"':
			if k := strings.LastIndexByte(body[:j], '"'); k >= 0 {
				j = k // skip a string back to its opening quote
			}
		case ']', '}':
			depth++
		case '{':
			if depth == 0 {
				return -1
			}
			depth--
		case '[':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// memberName reports whether the JSON string opening at q is followed by
// a ':', as a member's name is.
func memberName(body string, q int) bool {
	e := strings.IndexByte(body[q+1:], '"')
	if e < 0 {
		return false
	}
	rest := strings.TrimLeft(body[q+1+e+1:], " \\")
	return strings.HasPrefix(rest, ":")
}
