package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A token is at its own service only when every request the code sends
// goes to a host the code spells (codelogins.go). A request's destination
// (its first argument; the second, after a method, for request) is read
// as an expression: a URL literal whose host is closed by a path may have
// anything joined on after it ('https://api.github.com/repos/' + repo);
// a base literal or a name bound to one only a path or a query; a name is
// bound when every assignment to it is such an expression; a call
// (urljoin(base, 'user'), new URL('/u', base), URI('…'),
// Net::HTTP::Get.new(u)) when each of its arguments is, and it is not
// itself a request whose response the code reads (requests.get(…)
// .json()['blog']). Anything else is computed and may go anywhere, whatever
// URLs the code also spells: requests.post(b, …) with b read out of a
// response, a literal rewritten by a method ('https://api.github.com/u'
// .replace('api.github.com', …)), a protocol-relative literal
// ('//evil.example/c') resolved against a trusted base, a host from the
// environment.

// requestCalls are the names of calls that send a request to the URL of
// their first argument: true for a name read only as a method of a client
// or module (.get, .post), false for one called bare too.
var requestCalls = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"get": true, "post": true, "put": true, "patch": true, "delete": true, "head": true, "options": true, "request": true,
		"fetch": false, "urlopen": false, "urlretrieve": false, "axios": false, "got": false, "ky": false,
	}
}}

// clientMakers are the calls that make an HTTP client whose requests go
// to a base given by keyword or in an options object (axios.create({
// baseURL}), got.extend({prefixUrl}), httpx.Client(base_url=…),
// aiohttp.ClientSession(base_url=…)): read as methods only, their
// keywords named for a URL or a host are destinations.
var clientMakers = table.Map[string, bool]{Words: `create extend Client AsyncClient ClientSession`}

// urlMakers are the calls that make a URL or a request object from
// their arguments, and nothing else: urljoin, new URL, URI, URI.join,
// urllib's Request, Net::HTTP::Get.new.
var urlMakers = table.Map[string, bool]{Words: `urljoin URL URI Uri join Request new`}

// maxDestDepth bounds how far names and calls are followed.
const maxDestDepth = 4

// requestDestComputed reports whether a request the code sends (a call of
// requestCalls) goes to a destination it computes (see above).
func requestDestComputed(code string) bool {
	if requestValueUse(code) { // requestaliases.go
		return true
	}
	aliases := RequestAliases(code)
	for i := 1; i < len(code); i++ {
		if code[i] != '(' {
			continue
		}
		j := i
		for j > 0 && isWordByte(code[j-1]) {
			j--
		}
		name := code[j:i]
		methodOnly, ok := requestCalls.Lookup(name)
		dotted := j > 0 && code[j-1] == '.'
		if own, aliased := aliases[name]; aliased && !dotted {
			name, methodOnly, ok = own, false, true // post(…) after from requests import post
		}
		if !ok && dotted && clientMakers.Get(name) {
			if _, computed := judgeArgs(code, code[i+1:], 0, 0, 0); computed {
				return true // axios.create({baseURL: cfg.api})
			}
			continue
		}
		if !ok || methodOnly && !dotted || j > 0 && code[j-1] == '$' {
			continue
		}
		if _, computed := requestArgs(code, code[i+1:], name == "request"); computed {
			return true
		}
	}
	return false
}

// httpMethod reports an HTTP method's name, in any case.
func httpMethod(s string) bool {
	switch strings.ToUpper(s) {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

// destExpr reads the destination expression that starts s: it returns
// what follows it and whether it is computed (see above).
func destExpr(code, s string, depth int) (rest string, computed bool) {
	if depth > maxDestDepth {
		return s, true
	}
	closed := false // a host closed by a path: anything may follow
	if lit, after, ok := literalAt(s); ok {
		switch {
		case strings.HasPrefix(lit, "//"):
			return after, true
		case strings.HasPrefix(lit, "{") || strings.HasPrefix(lit, "${"):
			// f'{base}/x', `${base}/x`: the hole's name must be bound
			name := identAt(strings.TrimLeft(lit, "${"))
			if name == "" || !boundDest(code, name, depth+1) {
				return after, true
			}
			closed = true
		default:
			n := URLSchemeLen(lit)
			closed = n == 0 || strings.ContainsAny(lit[n:], "/?#")
		}
		s = after
	} else if k := numberLen(s); k > 0 {
		return s[k:], false // gl.projects.get(4821): no URL
	} else {
		body := strings.TrimPrefix(s, "new ")
		name := identAt(body)
		if name == "" {
			return s, true
		}
		s = body[len(name):]
		if strings.HasPrefix(s, "(") {
			last := name[max(strings.LastIndexAny(name, ".:"), -1)+1:]
			if !urlMakers.Get(last) {
				return s, true // a response's value, a string method's (base.replace(…))
			}
			var computed bool
			if s, computed = callArgs(code, s[1:], depth+1); computed {
				return s, true
			}
			if strings.HasPrefix(s, "[") || strings.HasPrefix(s, ".") && !strings.HasPrefix(s, ".href") && !strings.HasPrefix(s, ".toString(") {
				return s, true // a part of what it returned
			}
		} else if !boundDest(code, name, depth+1) {
			return s, true
		}
	}
	t := strings.TrimLeft(s, " \t")
	switch {
	case t == "" || strings.IndexByte(",)];\n}", t[0]) >= 0:
		return t, false
	case closed && (t[0] == '+' || t[0] == '%' || strings.HasPrefix(t, ".format(")):
		return SkipExpr(t), false // the path or query filled in
	case t[0] == '+':
		lit, after, ok := literalAt(strings.TrimLeft(t[1:], " \t"))
		if ok && lit != "" && (lit[0] == '/' || lit[0] == '?') {
			return after, false
		}
	}
	return t, true // .replace(…), a name or call joined to the host
}

// callArgs reads a call's arguments from s (just after its '('): it
// returns what follows the ')' and whether an argument that can say where
// a request goes is computed. Those are the first two positional ones
// (urljoin(base, rel), new URL(rel, base)) and keyword ones named for a
// URL, a base or a host; a dict, list or object, and any other argument
// (headers=…, data=…), is passed over.
func callArgs(code, s string, depth int) (string, bool) {
	return judgeArgs(code, s, depth, 0, 2)
}

// requestArgs reads a request call's arguments from s (just after its
// '('): its destination is its first positional argument, or the second
// after a method literal (requests.request('POST', URL)), and any keyword
// argument named for a URL (url=, uri:).
func requestArgs(code, s string, methodFirst bool) (string, bool) {
	from := 0
	if lit, _, ok := literalAt(strings.TrimLeft(s, " \t\n")); methodFirst && ok && httpMethod(lit) {
		from = 1
	}
	return judgeArgs(code, s, 0, from, from+1)
}

// judgeArgs reads a call's arguments from s, judging the positional ones
// numbered from to below to and the keyword ones named for a URL (see
// callArgs).
func judgeArgs(code, s string, depth, from, to int) (string, bool) {
	for n := 0; ; n++ {
		s = strings.TrimLeft(s, " \t\n")
		if s == "" {
			return s, true
		}
		if s[0] == ')' || s[0] == '}' {
			return s[1:], false // a call's or an options object's end
		}
		judge := from <= n && n < to
		if k := identAt(s); k != "" {
			if v := strings.TrimLeft(s[len(k):], " "); strings.HasPrefix(v, "=") && !strings.HasPrefix(v, "==") || strings.HasPrefix(v, ":") && !strings.HasPrefix(v, "::") {
				s, judge = strings.TrimLeft(v[1:], " "), urlKey(k)
			}
		}
		if s != "" && s[0] == '{' && n == from {
			// https.request({hostname: h, path: '/user'}), axios.create({
			// baseURL: b}): an options object's keys named for a URL or
			// a host are destinations
			if _, computed := judgeArgs(code, s[1:], depth, -1, -1); computed {
				return s, true
			}
		}
		if s != "" && (s[0] == '{' || s[0] == '[') {
			judge = false
		}
		rest := s
		if judge {
			var computed bool
			if rest, computed = destExpr(code, s, depth); computed {
				return rest, true
			}
		}
		rest = strings.TrimLeft(SkipExpr(rest), " \t\n")
		if !strings.HasPrefix(rest, ",") {
			if strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "}") {
				return rest[1:], false
			}
			return rest, true
		}
		s = rest[1:]
	}
}

// urlKey reports a keyword argument's name that says where a request
// goes (url=, base_url=, uri:, host=, endpoint=).
func urlKey(k string) bool {
	k = strings.ToLower(k)
	return strings.Contains(k, "url") || strings.Contains(k, "uri") || strings.Contains(k, "base") || strings.Contains(k, "host") || strings.Contains(k, "endpoint")
}

// SkipExpr returns s from the end of the expression that starts it: the
// first ',', ')', ']', '}', ';' or newline outside brackets and quotes.
func SkipExpr(s string) string {
	depth := 0
	var q byte
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case q != 0:
			if c == '\\' {
				k++
			} else if c == q {
				q = 0
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case depth == 0 && strings.IndexByte(",)]};\n", c) >= 0:
			return s[k:]
		case c == ')' || c == ']' || c == '}':
			depth--
		}
	}
	return ""
}

// boundDest reports whether name is assigned in code, every time, a
// destination expression that is not computed (url = 'https://…', const
// u = `…`, r = Net::HTTP::Get.new(u)).
func boundDest(code, name string, depth int) bool {
	values, compound := shell.AssignedValues(code, name)
	if compound || len(values) == 0 {
		return false
	}
	for _, v := range values {
		if _, computed := destExpr(code, v, depth); computed {
			return false
		}
	}
	return true
}

// literalAt returns the text of the string literal that starts s (quoted
// with ', " or `, after Python's f, r, b, u prefixes) and what follows
// its closing quote.
func literalAt(s string) (lit, rest string, ok bool) {
	p := 0
	for p < len(s) && p < 2 && strings.IndexByte("fFrRbBuU", s[p]) >= 0 {
		p++
	}
	if p >= len(s) || strings.IndexByte("'\"`", s[p]) < 0 {
		return "", s, false
	}
	q := s[p]
	for k := p + 1; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case q:
			return s[p+1 : k], s[k+1:], true
		}
	}
	return "", s, false
}

// identAt returns the name that starts s, with its dotted and :: parts
// (self.url, Net::HTTP::Get.new), or "".
func identAt(s string) string {
	k := 0
	for k < len(s) {
		if isWordByte(s[k]) || k > 0 && s[k] == '.' && k+1 < len(s) && isWordByte(s[k+1]) {
			k++
		} else if k > 0 && strings.HasPrefix(s[k:], "::") && k+2 < len(s) && isWordByte(s[k+2]) {
			k += 2
		} else {
			break
		}
	}
	if k == 0 || s[0] >= '0' && s[0] <= '9' {
		return ""
	}
	return s[:k]
}

// numberLen returns the length of the number that starts s, or 0.
func numberLen(s string) int {
	k := 0
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k < len(s) && isWordByte(s[k]) {
		return 0
	}
	return k
}
