package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// An interpreter's one-liner that sends a request with a method
// (requests.put(URL, …), httpx.patch(URL), fetch(URL, {method: 'POST'}),
// axios.delete(URL), urllib.request.Request(URL, method='DELETE'),
// http.NewRequest("PATCH", URL, …), HTTP::Request->new(DELETE => URL))
// sends the request curl -X METHOD URL sends, and is judged as that curl
// line too (a POST only to a known service's host): a repository's collaborators changed, a zone's cache purged, a
// production namespace's deployment scaled are what curl's own effects say
// they are, whichever language sends them. A URL built by concatenation
// or a template ('https://api.cloudflare.com/client/v4/zones/' + zone +
// '/purge_cache') keeps its literal parts, each computed part standing as
// one path segment. A body given as a literal (data='…', body: '…',
// json.dumps({…}) is not read) goes with it.

// maxCodeRequests bounds the requests one evaluation judges this way.
const maxCodeRequests = 8

// codeMethods are the HTTP methods a request call may name, lower-cased.
var codeMethods = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "del": "DELETE"}
}}

// methodSpellings are the ways languages name a method other than a
// quoted literal: Go's and .NET's constants, Rust's Method::DELETE, Java's
// builder, Ruby's request classes, .NET's and others' *Async calls.
var methodSpellings = []struct{ spelled, method string }{
	{"MethodDelete", "DELETE"}, {"MethodPatch", "PATCH"}, {"MethodPut", "PUT"}, {"MethodPost", "POST"},
	{"Method::DELETE", "DELETE"}, {"Method::PATCH", "PATCH"}, {"Method::PUT", "PUT"}, {"Method::POST", "POST"},
	{"HttpMethod.Delete", "DELETE"}, {"HttpMethod.Patch", "PATCH"}, {"HttpMethod.Put", "PUT"}, {"HttpMethod.Post", "POST"},
	{".DELETE()", "DELETE"}, {".PUT(", "PUT"}, {".POST(", "POST"},
	{"::Delete.new", "DELETE"}, {"::Patch.new", "PATCH"}, {"::Put.new", "PUT"}, {"::Post.new", "POST"},
	{"DeleteAsync(", "DELETE"}, {"PatchAsync(", "PATCH"}, {"PutAsync(", "PUT"}, {"PostAsync(", "POST"},
	{`"DELETE"`, "DELETE"}, {`'DELETE'`, "DELETE"}, {`"PATCH"`, "PATCH"}, {`'PATCH'`, "PATCH"}, {`"PUT"`, "PUT"}, {`'PUT'`, "PUT"},
}

// nearbyMethod returns a method spelled near a request's URL (from
// methodSpellings), when the call holding the URL names none: a method set
// on the request in the next statement (r.httpMethod = "DELETE",
// .DELETE().build(), Net::HTTP::Delete.new(u), CURLOPT_CUSTOMREQUEST,
// "DELETE"), or "".
func nearbyMethod(code string, from, to int) string {
	w := code[max(0, from-200):min(len(code), to+300)]
	best, at := "", len(w)
	for _, m := range methodSpellings {
		if k := strings.Index(w, m.spelled); k >= 0 && k < at {
			best, at = m.method, k
		}
	}
	return best
}

// noteCodeRequests notes the curl lines of the requests the inline code of
// cmds sends with a method.
func (ev *evaluation) noteCodeRequests(cmds []shell.Command) {
	for i := range cmds {
		c := &cmds[i]
		if !c.Code.Network {
			continue
		}
		code, ok, _ := shell.InterpreterCode(c)
		if !ok || len(code) > 1<<16 || !strings.Contains(code, "http") {
			continue
		}
		for _, r := range codeRequests(shell.FoldLiterals(code)) { // 'DEL'+'ETE'
			if len(ev.codeReqs) >= maxCodeRequests {
				return
			}
			argv := []string{"curl", "-sS", "-X", r.method}
			if r.body != "" {
				argv = append(argv, "--data-raw", r.body)
			}
			ev.codeReqs = append(ev.codeReqs, quoteArgv(append(argv, r.url)))
		}
	}
}

// judgeCodeRequests judges the noted curl lines.
func (ev *evaluation) judgeCodeRequests() {
	for i := 0; i < len(ev.codeReqs) && !ev.denied(); i++ {
		ev.exec(ev.codeReqs[i], false, call.ToolExec)
	}
	ev.codeReqs = nil
}

// codeRequest is one request code sends: its method, URL and literal body.
type codeRequest struct{ method, url, body string }

// codeRequests returns the requests with a method other than GET that code
// sends to a URL it spells.
func codeRequests(code string) []codeRequest {
	var out []codeRequest
	var data effect.BodyLiterals // requestbodies.go: read at the first URL
	read := false
	for at := 0; ; {
		k := effect.NextURL(code, at)
		if k < 0 {
			break
		}
		at = k + 4
		if k == 0 {
			continue
		}
		q := code[k-1]
		if q != '\'' && q != '"' && q != '`' {
			continue // the URL opens a string literal
		}
		u, end := joinedURL(code, k, q)
		if !read {
			data, read = effect.RequestBodyLiterals(code), true
		}
		if data.Holds(k) {
			at = end
			continue // {homepage: 'https://…'} sent in a body: data, no request
		}
		n := effect.URLSchemeLen(u)
		u = strings.ToLower(u[:n]) + u[n:]
		at = end
		open := callOpen(code, k-1)
		if open < 0 {
			if m := nearbyMethod(code, k, end); m != "" && m != "POST" && !localURL(u) {
				// a URL named outside a call (u = URI("…"); r =
				// Net::HTTP::Delete.new(u)) with a method set beside it
				out = append(out, codeRequest{method: m, url: u})
			}
			continue
		}
		method := calleeMethod(code, open, k-1)
		closeAt := callClose(code, end)
		args := code[end:closeAt]
		if method == "" {
			method = keyedMethod(code, code[open+1:closeAt])
		}
		if method == "" {
			method = nearbyMethod(code, open, closeAt)
		}
		if method == "" || method == "GET" || method == "HEAD" || method == "POST" && !knownServiceURL(u) {
			// (a POST to a host of no known service is the app's own
			// call, an order created, as the fetch tool's POST is)
			continue
		}
		out = append(out, codeRequest{method: method, url: u, body: literalBody(code, args)})
	}
	return out
}

// localURL reports a URL of this machine (the app's own dev server).
func localURL(u string) bool {
	p, ok := match.ParseURL(u)
	return ok && (p.Host == "localhost" || strings.HasPrefix(p.Host, "127.") || p.Host == "::1" || p.Host == "[::1]" || p.Host == "0.0.0.0")
}

// knownServiceURL reports a URL whose host is a known service's
// (effect.KnownServiceHost).
func knownServiceURL(u string) bool {
	p, ok := match.ParseURL(u)
	return ok && effect.KnownServiceHost(p.Host)
}

// joinedURL reads the URL literal that starts at code[k] inside quotes q,
// with the literals joined to it by + (each computed part between them
// becomes "x"), or a template's ${…} and an f-string's {…} parts; it
// returns the URL and the index after what it read.
func joinedURL(code string, k int, q byte) (string, int) {
	var b strings.Builder
	j := k
	for {
		for j < len(code) && code[j] != q && code[j] != '\n' {
			switch {
			case q == '`' && strings.HasPrefix(code[j:], "${"), code[j] == '{' && q != '`':
				if e := strings.IndexByte(code[j:], '}'); e > 0 {
					b.WriteString("x")
					j += e + 1
					continue
				}
			}
			b.WriteByte(code[j])
			j++
		}
		if j < len(code) {
			j++ // the closing quote
		}
		// + expr + 'literal': the literal after the computed part
		r := j
		for r < len(code) && code[r] == ' ' {
			r++
		}
		if r >= len(code) || code[r] != '+' {
			return b.String(), j
		}
		n := r + 1
		for n < len(code) && code[n] != '\'' && code[n] != '"' && code[n] != '`' && code[n] != ',' && code[n] != ')' && code[n] != ';' {
			n++
		}
		if n >= len(code) || code[n] == ',' || code[n] == ')' || code[n] == ';' {
			b.WriteString("x")
			return b.String(), n
		}
		if strings.TrimSpace(code[r+1:n]) != "" {
			if e := strings.TrimRight(strings.TrimSpace(code[r+1:n]), "+ "); e != "" {
				b.WriteString("x")
			}
		}
		q = code[n]
		j = n + 1
	}
}

// callOpen returns the index of the '(' of the call whose arguments hold
// code[k] (a quote), skipping back over earlier arguments at the same
// depth; -1 when there is none within a short reach.
func callOpen(code string, k int) int {
	depth := 0
	for j := k - 1; j >= 0 && k-j < 400; j-- {
		switch code[j] {
		case ')', ']', '}':
			depth++
		case '[', '{':
			if depth == 0 {
				// axios.request({url: '…', method: 'DELETE'}): an
				// object that is the call's first argument
				p := j
				for p > 0 && code[p-1] == ' ' {
					p--
				}
				if code[j] == '{' && p > 0 && code[p-1] == '(' {
					return p - 1
				}
				return -1
			}
			depth--
		case '(':
			if depth == 0 {
				return j
			}
			depth--
		case ';', '\n':
			if depth == 0 {
				return -1
			}
		}
	}
	return -1
}

// callClose returns the index of the ')' closing the call whose arguments
// go on at code[from], or len(code).
func callClose(code string, from int) int {
	depth := 0
	var q byte
	for j := from; j < len(code); j++ {
		c := code[j]
		switch {
		case q != 0:
			if c == q {
				q = 0
			} else if c == '\\' {
				j++
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return len(code)
}

// calleeMethod returns the method the call opened at code[open] names: its
// own name (requests.put, axios.delete, session.patch), a method literal
// before the URL (http.NewRequest("DELETE", URL), requests.request('PUT',
// URL), HTTP::Request->new(DELETE => URL)), or "".
func calleeMethod(code string, open, quote int) string {
	j := open
	for j > 0 && (isWordByte(code[j-1])) {
		j--
	}
	if j == open {
		j = open - 1 // axios['delete'](URL), getattr(requests, 'delete')(URL)
		if m := namedMethod(code, j); m != "" {
			return m
		}
		j = open
	}
	name := strings.TrimSuffix(strings.ToLower(code[j:open]), "async")
	if m, ok := codeMethods.Lookup(name); ok && j > 0 && (code[j-1] == '.' || code[j-1] == '>' || code[j-1] == ':') {
		return m // requests.delete(, $client->delete(, $ua->delete(, client.DeleteAsync(
	}
	if j == 0 || code[j-1] != '.' {
		if own, ok := effect.RequestAliases(code)[code[j:open]]; ok {
			if m, ok := codeMethods.Lookup(own); ok {
				return m // from requests import delete as rm; rm(URL)
			}
		}
	}
	before := strings.ToUpper(code[open+1 : quote])
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		for _, form := range []string{`"` + m + `"`, `'` + m + `'`, m + " =>", m + "=>"} {
			if strings.Contains(before, form) {
				return m
			}
		}
	}
	return ""
}

// namedMethod returns the method a callee that is no plain name gives by
// a literal, when code[end] closes it: a subscript (axios['delete'],
// client["patch"]) or Python's getattr(requests, 'delete'); or "".
func namedMethod(code string, end int) string {
	if end < 0 || code[end] != ']' && code[end] != ')' {
		return ""
	}
	open := byte('[')
	if code[end] == ')' {
		open = '('
	}
	d, k := 0, end
	for ; k >= 0 && end-k < 200; k-- {
		if code[k] == code[end] {
			d++
		} else if code[k] == open {
			if d--; d == 0 {
				break
			}
		}
	}
	if k < 0 || d != 0 {
		return ""
	}
	inner := code[k+1 : end]
	if open == '(' {
		if !strings.HasSuffix(code[:k], "getattr") {
			return ""
		}
		_, inner, _ = strings.Cut(inner, ",")
	}
	inner = strings.Trim(strings.TrimSpace(inner), `'"`)
	if m, ok := codeMethods.Lookup(strings.ToLower(inner)); ok {
		return m
	}
	return ""
}

// keyedMethod returns the method the arguments after a URL name with a
// key (method: 'POST', method='DELETE', "method": "PATCH"), or "".
func keyedMethod(code, args string) string {
	k := strings.Index(args, "method")
	if k < 0 {
		return ""
	}
	rest := strings.TrimLeft(args[k+len("method"):], `'" `)
	if rest == "" || rest[0] != ':' && rest[0] != '=' {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " >")
	quoted := rest != "" && strings.IndexByte(`'"`, rest[0]) >= 0
	rest = strings.TrimLeft(rest, `'"`) // method: 'X', method='X', "method"=>"X"
	e := 0
	for e < len(rest) && (rest[e] >= 'a' && rest[e] <= 'z' || rest[e] >= 'A' && rest[e] <= 'Z') {
		e++
	}
	m := strings.ToUpper(rest[:e])
	if !quoted && e < len(rest) && isWordByte(rest[e]) {
		return "" // a longer name: not read
	}
	if !quoted {
		m = strings.ToUpper(literalBinding(code, rest[:e])) // const m = 'DELETE'; {method: m}
	}
	switch m {
	case "POST", "PUT", "PATCH", "DELETE", "GET", "HEAD":
		return m
	}
	return ""
}

// literalBinding returns the string literal name is last assigned in code
// (m = 'DELETE', const v = "patch"), or "".
func literalBinding(code, name string) string {
	values, _ := shell.AssignedValues(code, name)
	if len(values) == 0 {
		return ""
	}
	v := values[len(values)-1]
	if v == "" || v[0] != '\'' && v[0] != '"' {
		return ""
	}
	if e := strings.IndexByte(v[1:], v[0]); e >= 0 {
		return v[1 : e+1]
	}
	return ""
}

// objectKey matches an object's key written bare ({private: false}).
var objectKey = table.Regexp{Expr: `([{,]\s*)([A-Za-z_$][\w$]*)\s*:`}

// objectQuotes turns a Python or JavaScript object literal's quotes and
// constants into JSON's.
var objectQuotes = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("'", `"`, "`", `"`, "True", "true", "False", "false", "None", "null")
}}

// objectJSON returns the object literal of Python or JavaScript that
// starts s (a dict, an object) as the JSON text it stands for, closely
// enough for a body's fields to be read: its keys quoted, its strings in
// double quotes, Python's True, False and None as JSON's.
func objectJSON(s string) string {
	t := objectQuotes.Get().Replace(s[:len(s)-len(effect.SkipExpr(s))])
	return objectKey.Get().ReplaceAllString(t, `$1"$2":`)
}

// literalBody returns a body the arguments give as one string literal
// (data='…', body: '…', content="…"), as an object literal, or as a name
// bound to either (body = {'private': False}; json=body; fetch(u,
// {method, body})), or "".
func literalBody(code, args string) string {
	for _, key := range []string{"body", "data", "content", "json"} {
		k := strings.Index(args, key)
		if k < 0 {
			continue
		}
		rest := strings.TrimLeft(args[k+len(key):], `'" `)
		if rest != "" && (rest[0] == ',' || rest[0] == '}') && k > 0 && strings.IndexByte("{, ", args[k-1]) >= 0 {
			rest = ":" + key // {method, body}: the shorthand of body: body
		}
		if rest == "" || rest[0] != ':' && rest[0] != '=' {
			continue
		}
		if b := bodyValue(code, strings.TrimLeft(rest[1:], " "), 0); b != "" {
			return b
		}
	}
	return ""
}

// bodyValue reads a body's value that starts s: a string literal, an
// object literal (in JSON.stringify(…), json.dumps(…) or dict(…), or
// dict(k=v, …) itself), or a name whose last assignment is one of those.
func bodyValue(code, s string, depth int) string {
	for _, w := range [...]string{"JSON.stringify(", "json.dumps("} {
		s = strings.TrimPrefix(s, w)
	}
	if strings.HasPrefix(s, "dict(") {
		s = s[len("dict("):]
		if !strings.HasPrefix(s, "{") {
			// dict(private=False): its keywords are the object's keys
			inner := s[:callClose(s, 0)]
			return objectJSON("{" + dictKeyword.Get().ReplaceAllString(inner, `$1$2:`) + "}")
		}
	}
	if strings.HasPrefix(s, "{") {
		return objectJSON(s) // json={'private': False}, body: JSON.stringify({private: false})
	}
	if s != "" && (s[0] == '\'' || s[0] == '"' || s[0] == '`') {
		if e := strings.IndexByte(s[1:], s[0]); e >= 0 {
			return s[1 : e+1]
		}
		return ""
	}
	e := 0
	for e < len(s) && isWordByte(s[e]) {
		e++
	}
	if e == 0 || depth > 1 || e < len(s) && (s[e] == '(' || s[e] == '.' || s[e] == '[') {
		return ""
	}
	values, compound := shell.AssignedValues(code, s[:e])
	if compound || len(values) == 0 {
		return ""
	}
	return bodyValue(code, values[len(values)-1], depth+1) // body = {…}; json=body
}

// dictKeyword matches a keyword argument's name in dict(k=v, …).
var dictKeyword = table.Regexp{Expr: `(^|,\s*)([A-Za-z_]\w*)\s*=`}
