package secret

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// maxKey bounds how far back from an '=' or ':' a key is read. Real key
// names are short; the bound keeps a long run of letters from costing more
// than a few bytes per operator.
const maxKey = 64

// minValue is the shortest assigned value treated as a secret: shorter
// values are flags, numbers or placeholders far more often than credentials.
const minValue = 4

// assignments finds key=value, key: value, "key": "value", key := "value"
// and --key=value whose key names a credential, and Authorization headers.
func assignments(s string, fs []Finding) []Finding {
	for off := 0; off < len(s); {
		i := indexOp(s, off)
		if i < 0 {
			break
		}
		off = i + 1
		opEnd := i + 1
		if s[i] == ':' {
			switch {
			case opEnd < len(s) && s[opEnd] == '=':
				opEnd++ // :=
			case opEnd < len(s) && s[opEnd] == ':':
				off = opEnd + 1 // ::
				continue
			case strings.HasPrefix(s[opEnd:], "//"):
				continue // a URL
			}
		} else {
			if opEnd < len(s) && s[opEnd] == '=' {
				off = opEnd + 1 // ==
				continue
			}
			if i > 0 && strings.IndexByte("!<>=+-*/%&|^~", s[i-1]) >= 0 {
				continue // comparison or compound assignment
			}
			if opEnd < len(s) && s[opEnd] == '>' {
				opEnd++ // =>
			}
		}
		kind := keyKind(keyBefore(s, i))
		if kind == "" {
			continue
		}
		if f, ok := value(s, opEnd, kind); ok {
			fs = append(fs, f)
			off = f.End
		}
	}
	return fs
}

// indexOp returns the index of the next '=' or ':' at or after off.
func indexOp(s string, off int) int {
	t := s[off:]
	e := strings.IndexByte(t, '=')
	c := strings.IndexByte(t, ':')
	if e < 0 && c < 0 {
		return -1
	}
	if e < 0 || c >= 0 && c < e {
		e = c
	}
	return off + e
}

func isKeyChar(c byte) bool { return isWord(c) || c == '-' || c == '.' }

// keyBefore returns the key that ends just before the operator at i,
// skipping blanks and a closing quote (possibly backslash-escaped).
func keyBefore(s string, i int) string {
	k := i
	for k > 0 && isSpace(s[k-1]) {
		k--
	}
	if k > 0 && (s[k-1] == '"' || s[k-1] == '\'') {
		k--
		if k > 0 && s[k-1] == '\\' {
			k--
		}
	}
	end := k
	for k > 0 && end-k < maxKey && isKeyChar(s[k-1]) {
		k--
	}
	return s[k:end]
}

// keyKind names the credential a key holds, or "" for an ordinary key. The
// key's letters and digits are compared, lower-cased and without separators,
// by their ending: DB_PASSWORD, clientSecret, x-api-key and
// AWS_SECRET_ACCESS_KEY all qualify; tokenizer, max_tokens and token_type do
// not.
func keyKind(key string) string {
	if len(key) < 3 {
		return ""
	}
	// The last maxKey letters and digits, read from the end: every name
	// is matched by its ending, and a member name of a JSON value (a
	// tool's argument, a server's output) can be of any length.
	var buf [maxKey]byte
	n := maxKey
	for i := len(key) - 1; i >= 0 && n > 0; i-- {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if isAlnum(c) {
			n--
			buf[n] = c
		}
	}
	k := string(buf[n:]) // does not escape; the compiler keeps it on the stack
	switch {
	case strings.HasSuffix(k, "authorization"):
		return "authorization"
	case strings.HasSuffix(k, "secretaccesskey"):
		return "aws_secret_access_key"
	case strings.HasSuffix(k, "password"), strings.HasSuffix(k, "passwd"), strings.HasSuffix(k, "passphrase"):
		return "password"
	case strings.HasSuffix(k, "apikey"):
		return "api_key"
	case strings.HasSuffix(k, "secret"), strings.HasSuffix(k, "secretkey"), strings.HasSuffix(k, "accesskey"), strings.HasSuffix(k, "privatekey"):
		return "secret"
	case strings.HasSuffix(k, "token"):
		return "token"
	}
	return ""
}

// value reads the value after an operator ending at v and decides whether it
// is a literal credential.
func value(s string, v int, kind string) (Finding, bool) {
	spaced := false
	for v < len(s) && isSpace(s[v]) {
		v++
		spaced = true
	}
	if v >= len(s) {
		return Finding{}, false
	}
	if kind == "authorization" {
		return credential(s, v)
	}
	vs, ve, quoted := literal(s, v)
	val := s[vs:ve]
	if len(val) < minValue || strings.HasPrefix(val, Mask) || isPlaceholder(val) || defaultPasswords.Get(strings.ToLower(val)) {
		return Finding{}, false
	}
	if !quoted && isExpression(val, spaced) {
		return Finding{}, false
	}
	if !quoted && queryCall(val, s[ve:]) {
		return Finding{}, false
	}
	return Finding{Kind: kind, Start: vs, End: ve}, true
}

// literal returns the bounds of the value at v: inside its quotes when it is
// quoted (also \"escaped\" quotes), else up to a blank or delimiter.
func literal(s string, v int) (vs, ve int, quoted bool) {
	q := ""
	switch {
	case s[v] == '"' || s[v] == '\'' || s[v] == '`':
		q = s[v : v+1]
	case strings.HasPrefix(s[v:], `\"`):
		q = `\"`
	}
	if q == "" {
		ve = v
		for ve < len(s) && !isValueStop(s[ve]) {
			ve++
		}
		return v, ve, false
	}
	vs = v + len(q)
	ve = vs
	for ve < len(s) && s[ve] != '\n' && !strings.HasPrefix(s[ve:], q) {
		if s[ve] == '\\' && len(q) == 1 && ve+1 < len(s) {
			ve++
		}
		ve++
	}
	if ve > len(s) {
		ve = len(s)
	}
	return vs, ve, true
}

func isValueStop(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '`', ',', ';', '&', ')', '}', ']', '<', '>', '\\':
		return true
	}
	return false
}

// isPlaceholder reports values that name a secret rather than hold one.
func isPlaceholder(v string) bool {
	switch v[0] {
	case '$', '%', '{', '<', '[', '(', '*':
		return true
	}
	return fuzzMarker(v)
}

// fuzzMarker reports the marker a fuzzer or brute-forcer replaces with
// each word of its list (password=FUZZ for ffuf and wfuzz, FUZ2Z for
// wfuzz's second list, ^PASS^ for hydra and medusa, §p§ for Burp
// Intruder): the field's value is the list's words, none written here.
func fuzzMarker(v string) bool {
	switch {
	case v == "FUZZ":
		return true
	case len(v) == 5 && strings.HasPrefix(v, "FUZ") && v[3] >= '2' && v[3] <= '9' && v[4] == 'Z':
		return true
	case v[0] == '^':
		// ^PASS^, also where the module's options go on after it
		// (password=^PASS^:Login failed)
		k := strings.IndexByte(v[1:], '^')
		if k <= 0 || strings.Trim(v[1:k+1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
			return false
		}
		rest := v[k+2:]
		return rest == "" || rest[0] == ':'
	case strings.HasPrefix(v, "§") && strings.HasSuffix(v, "§") && len(v) > len("§§"):
		return true
	}
	return false
}

// defaultPasswords are the passwords development services ship with or
// their documentation uses (POSTGRES_PASSWORD: postgres, root/root,
// guest/guest): anyone can guess them, so writing one down leaks nothing.
// Only the whole value counts.
var defaultPasswords = table.Map[string, bool]{Words: `postgres password root admin guest mysql
	changeme example secret test testing dev
	devpass devpassword pass passw0rd password1
	password123 123456 12345678 toor minioadmin
	letmein sa oracle redis rabbitmq admin123`}

// typeWords are values that, unquoted, are type names or literals of code.
var typeWords = table.Map[string, bool]{Words: `string str bytes bool boolean none
	null nil true false undefined any
	object number optional required text
	secret password token hidden redacted
	varchar self this function lambda`}

// isExpression reports unquoted values that are code rather than literals:
// calls, a.b.c references, type names, and, when written `key = value` with
// blanks, identifiers in snake_case or camelCase.
func isExpression(v string, spaced bool) bool {
	if strings.IndexByte(v, '(') >= 0 {
		return true
	}
	if k := len(v) - 1; k > 0 && v[k] == '[' && subscripted(v[:k]) {
		// private_token=os.environ['GITLAB_TOKEN'], token=ENV["T"]: the
		// value stops at the key's quote, a reference subscripted
		return true
	}
	var low [16]byte
	if len(v) <= len(low) {
		for i := 0; i < len(v); i++ {
			c := v[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		if typeWords.Get(string(low[:len(v)])) {
			return true
		}
	}
	ident, dotted, under, hump := true, false, false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '.':
			if i == 0 || i == len(v)-1 || v[i-1] == '.' {
				ident = false
			}
			dotted = true
		case c == '_':
			under = true
		case 'A' <= c && c <= 'Z':
			if i > 0 && 'a' <= v[i-1] && v[i-1] <= 'z' {
				hump = true
			}
		case 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9':
			if i == 0 || v[i-1] == '.' {
				ident = false
			}
		default:
			ident = false
		}
	}
	if !ident {
		return false
	}
	return dotted || spaced && (under || hump) && !generated(v)
}

// generated reports a name-like value that no one wrote as a name: long,
// and with digits scattered through its letters (a generated key, such as
// an AWS secret access key without a '/' or '+', is camelCase only by
// chance). A name's digits come in a run or two (userId2, v1Handler).
func generated(v string) bool {
	if len(v) < 20 {
		return false
	}
	runs := 0
	for i := 0; i < len(v); i++ {
		if '0' <= v[i] && v[i] <= '9' && (i == 0 || v[i-1] < '0' || v[i-1] > '9') {
			runs++
		}
	}
	return runs >= 4
}

// credential reads an Authorization value: an optional scheme word
// (Bearer, Basic, Token ...) and the credential after it.
func credential(s string, v int) (Finding, bool) {
	if v >= len(s) {
		return Finding{}, false // an empty value: nothing to read
	}
	if s[v] == '"' || s[v] == '\'' {
		v++
	} else if strings.HasPrefix(s[v:], `\"`) {
		v += 2
	}
	w := runOf(s, v, isAlnum)
	c := w
	if w > v && w < len(s) && isSpace(s[w]) {
		c = runOf(s, w, isSpace)
	} else {
		c = v // no scheme: the whole value is the credential
		if isScheme(s[v:w]) {
			return Finding{}, false // a scheme with nothing after it
		}
	}
	e := c
	for e < len(s) && !isValueStop(s[e]) {
		e++
	}
	val := s[c:e]
	if len(val) < minValue || strings.HasPrefix(val, Mask) || isPlaceholder(val) {
		return Finding{}, false
	}
	return Finding{Kind: "authorization", Start: c, End: e}, true
}

func isScheme(w string) bool {
	for _, s := range []string{"bearer", "basic", "token", "digest", "negotiate", "ntlm"} {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

// subscripted reports a reference a subscript follows in code
// (os.environ, ENV, config.secrets): a name, dotted or not, that starts
// with a letter and holds no digit run a generated key would.
func subscripted(v string) bool {
	if v == "" || !('a' <= v[0]|0x20 && v[0]|0x20 <= 'z' || v[0] == '$' || v[0] == '_') {
		return false
	}
	for i := 1; i < len(v); i++ {
		if c := v[i]; !isWord(c) && c != '.' {
			return false
		}
	}
	return !generated(v)
}

// queryCall reports an unquoted value of lower-case letters only that is
// followed on its line by a quoted argument: a query of a request file's
// language naming where the value comes from (Hurl's captures, token:
// jsonpath "$.token", csrf_token: xpath "string(//input/@value)"), not
// the value itself.
func queryCall(v, after string) bool {
	if strings.Trim(v, "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	rest := strings.TrimLeft(after, " \t")
	return len(rest) < len(after) && rest != "" && (rest[0] == '"' || rest[0] == '\'')
}
