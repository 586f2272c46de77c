package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// A login header's dictionary read back whole or by another spelling of
// its key: code builds h = {'Authorization': 'token ' + …} and then hands
// h itself on as data (json.dumps(h), str(h), JSON.stringify(h),
// Object.values(h)[0], h.pop('Authorization'), h.get('Authorization',
// '')). Only a use as the request's headers (headers=h, headers: h, an
// assignment into it, its update) keeps the login a login.

// headersReadBack reports code that binds a dictionary holding an
// Authorization entry to a name and uses that name other than as a
// request's headers.
func headersReadBack(code string) bool {
	for at := 0; at < len(code); {
		k := indexFoldASCII(code[at:], "authorization")
		if k < 0 {
			return false
		}
		k += at
		at = k + len("authorization")
		name := dictName(code, k)
		if name == "" {
			name = setInto(code, k)
		}
		if name != "" && usedAsData(code, name) {
			return true
		}
	}
	return false
}

// dictName returns the name a dictionary literal opened before offset k
// (with no other brace between) is assigned to: h in h = {'Authorization'
// …, const h={Authorization: …}; or "".
func dictName(code string, k int) string {
	o := strings.LastIndexByte(code[:k], '{')
	if o < 0 || strings.ContainsAny(code[o+1:k], "{}") {
		o = mappingCall(code, k)
		if o < 0 {
			return ""
		}
	}
	before := strings.TrimRight(code[:o], " \t")
	if strings.HasSuffix(before, "(") {
		if c := mappingCall(code, o); c >= 0 {
			before = strings.TrimRight(code[:c], " \t") // new Headers({…})
		}
	}
	before = strings.TrimSuffix(strings.TrimRight(before, " \t"), "new")
	before = strings.TrimRight(before, " \t")
	if !strings.HasSuffix(before, "=") || strings.HasSuffix(before, "==") {
		return ""
	}
	before = strings.TrimRight(before[:len(before)-1], " \t")
	e := len(before)
	for e > 0 && isIdentByte(before[e-1]) {
		e--
	}
	name := before[e:]
	if name == "" || e > 0 && before[e-1] == '.' {
		return "" // self.headers = {…}: an attribute, read elsewhere
	}
	return name
}

// setInto returns the mapping an Authorization entry at offset k is set
// into by a statement of its own, with its dotted name: h in
// h['Authorization'] = …, s.headers in s.headers['Authorization'] = … or
// s.headers.update({'Authorization': …}), h in h.set('Authorization', …),
// axios.defaults.headers.common in axios.defaults.headers.common
// .Authorization = …; or "".
func setInto(code string, k int) string {
	before := strings.TrimRight(code[:k], `'"`)
	switch {
	case strings.HasSuffix(before, "["):
		before = before[:len(before)-1]
	case strings.HasSuffix(before, ".set(") || strings.HasSuffix(before, ".append("):
		before = before[:strings.LastIndexByte(before, '.')]
	case strings.HasSuffix(strings.TrimRight(before, " \t{"), ".update("):
		before = strings.TrimRight(before, " \t{")
		before = before[:strings.LastIndexByte(before, '.')]
	case strings.HasSuffix(before, "."):
		before = before[:len(before)-1]
	default:
		return ""
	}
	e := len(before)
	for e > 0 && (isIdentByte(before[e-1]) || before[e-1] == '.' && e > 1 && isIdentByte(before[e-2])) {
		e--
	}
	if e == len(before) || e > 0 && before[e-1] == '.' {
		return ""
	}
	return before[e:]
}

// mappingCall returns the start of a call that builds a mapping opened
// before offset k with no other parenthesis between (dict(Authorization=
// …), new Headers({…}) is read by its brace), or -1.
func mappingCall(code string, k int) int {
	o := strings.LastIndexByte(code[:k], '(')
	if o < 0 || strings.ContainsAny(code[o+1:k], "()") {
		return -1
	}
	for _, f := range [...]string{"dict", "Headers", "Hash"} {
		if strings.HasSuffix(code[:o], f) && (o == len(f) || !isIdentByte(code[o-len(f)-1]) && code[o-len(f)-1] != '.') {
			return o - len(f)
		}
	}
	return -1
}

// usedAsData reports a use of the name that is neither its binding, the
// value of a headers key or argument, an assignment into it, nor its
// update.
func usedAsData(code, name string) bool {
	for k := range substrs.Occurrences(code, name) {
		at := k + len(name)
		if k > 0 && (isIdentByte(code[k-1]) || code[k-1] == '.') || at < len(code) && isIdentByte(code[at]) {
			continue // part of another name
		}
		if k > 0 && at < len(code) && (code[k-1] == '\'' || code[k-1] == '"') && code[at] == code[k-1] {
			continue // the word in a string ('headers')
		}
		after := strings.TrimLeft(code[at:], " \t")
		before := strings.TrimRight(code[:k], " \t")
		switch {
		case strings.HasPrefix(after, "=") && !strings.HasPrefix(after, "=="):
			continue // its binding
		case strings.HasPrefix(after, "[") && assignedInto(after):
			continue // h['X'] = …
		case strings.HasPrefix(after, ".update(") || strings.HasPrefix(after, ".setdefault(") || strings.HasPrefix(after, ".set(") || strings.HasPrefix(after, ".append("):
			continue
		case strings.HasPrefix(after, ".") && assignedAttr(after):
			continue // h.Authorization = …
		case strings.HasPrefix(after, ")") && (strings.HasSuffix(before, ".request(") || strings.HasSuffix(before, ".send(")):
			continue // http.request(req): the request that carries the header
		case strings.HasSuffix(strings.ToLower(before), "headers=") || strings.HasSuffix(strings.ToLower(before), "headers:"):
			continue // headers=h, headers: h
		case strings.EqualFold(name, "headers") && (strings.HasSuffix(before, "{") || strings.HasSuffix(before, ",")) &&
			(strings.HasPrefix(after, "}") || strings.HasPrefix(after, ",")):
			continue // fetch(u, {headers}): the shorthand of headers: headers
		}
		return true
	}
	return false
}

// assignedInto reports an index expression that is assigned to ([…] = …).
func assignedInto(s string) bool {
	e := strings.IndexByte(s, ']')
	if e < 0 {
		return false
	}
	rest := strings.TrimLeft(s[e+1:], " \t")
	return strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==")
}

// indexFoldASCII is strings.Index for a lower-case ASCII sep, ignoring
// the case of s.
func indexFoldASCII(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i]|0x20 == sep[0] && strings.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

func isIdentByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '$'
}

// assignedAttr reports an attribute that is assigned to (.name = …).
func assignedAttr(s string) bool {
	k := 1
	for k < len(s) && isIdentByte(s[k]) {
		k++
	}
	rest := strings.TrimLeft(s[k:], " \t")
	return k > 1 && strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==")
}
