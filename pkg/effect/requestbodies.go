package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A URL written in a request's body is data the request carries to its
// destination (PATCH /repos/acme/web with {"homepage": "https://acme.dev"}),
// not a place the code sends a token: where each request goes is read from
// its destination (requestdests.go). So when code logs in at a service's
// home (codelogins.go), a URL literal that is a value inside the body of a
// request call (its json=, data= or content= keyword, or the body:, data:
// or json: member of its options) is not one of the URLs the code reaches.
// Only a literal that is a member's or an item's value counts as data
// ({homepage: 'https://…'}, ['https://…']): one assigned inside the body
// (u := 'https://…', {h: u = 'https://…'}) binds a name a later request
// could be sent to, so it stays a URL the code reaches, as do URLs
// anywhere else in the call (its options' url:, baseURL:, proxy).

// bodySpan is the byte range [from, to) of a string literal that is data
// in a request's body.
type bodySpan struct{ from, to int }

// BodyLiterals are the string literals that are data in the bodies of the
// requests some code sends (see above).
type BodyLiterals []bodySpan

// RequestBodyLiterals returns the string literals that are data in the
// bodies of the requests code sends.
func RequestBodyLiterals(code string) BodyLiterals { return requestBodySpans(code) }

// Holds reports whether the byte at k lies in one of the literals.
func (b BodyLiterals) Holds(k int) bool { return inRequestBody(k, b) }

// bodyKey reports a keyword or member name whose value is a request's
// body.
func bodyKey(k string) bool {
	switch k {
	case "json", "data", "content", "body":
		return true
	}
	return false
}

// requestBodySpans returns the bodies of the request calls in code (the
// calls requestDestComputed reads).
func requestBodySpans(code string) []bodySpan {
	var spans []bodySpan
	for i := 1; i < len(code); i++ {
		if code[i] != '(' {
			continue
		}
		j := i
		for j > 0 && isWordByte(code[j-1]) {
			j--
		}
		methodOnly, ok := requestCalls.Lookup(code[j:i])
		if !ok || methodOnly && !(j > 0 && code[j-1] == '.') || j > 0 && code[j-1] == '$' {
			continue
		}
		end := len(code) - len(listEnd(code[i+1:]))
		spans = appendBodies(spans, code, i+1, end, 0)
	}
	return spans
}

// appendBodies adds the body values among the arguments or members in
// code[from:to] (a call's argument list, or an options object's members
// at depth 1) to spans.
func appendBodies(spans []bodySpan, code string, from, to, depth int) []bodySpan {
	for k := from; k < to; {
		s := strings.TrimLeft(code[k:to], " \t\n")
		k = to - len(s)
		if s == "" {
			break
		}
		name, v := identAt(s), ""
		if name != "" {
			v = strings.TrimLeft(s[len(name):], " \t")
		} else if lit, after, ok := literalAt(s); ok {
			name, v = lit, strings.TrimLeft(after, " \t") // {"body": …}
		}
		if name != "" && !strings.Contains(name, ".") {
			isKey := strings.HasPrefix(v, "=") && !strings.HasPrefix(v, "==") || strings.HasPrefix(v, ":") && !strings.HasPrefix(v, "::")
			if isKey && bodyKey(name) {
				at := to - len(v) + 1
				end := to - len(SkipExpr(code[at:to]))
				spans = appendDataLiterals(spans, code, at, end)
				k = end
			}
		} else if s[0] == '{' && depth == 0 {
			// fetch(u, {method: 'PATCH', body: …}): the options' members
			end := to - len(listEnd(s[1:]))
			spans = appendBodies(spans, code, k+1, end, depth+1)
			k = min(end+1, to)
		}
		rest := SkipExpr(code[k:to])
		if rest == "" || rest[0] != ',' {
			break
		}
		k = to - len(rest) + 1
	}
	return spans
}

// appendDataLiterals adds to spans the string literals in the body value
// code[from:to] that are the value itself or a member's or an item's
// value (see above). A literal inside the arguments of a call is the
// call's (requests.get('https://…') inside json={…} is a request sent
// while the body is built), unless the call only makes data of what it is
// given (dataMakers: dict(…), JSON.stringify(…), ', '.join([…])); one in
// a list a loop walks (for u in ['https://…']) is bound to the loop's name.
func appendDataLiterals(spans []bodySpan, code string, from, to int) []bodySpan {
	prev := byte(':')  // the value itself
	var stack [16]bool // the open brackets: whether each makes its literals no data
	depth, opaque := 0, 0
	for k := from; k < to; k++ {
		c := code[k]
		switch {
		case c == '\'' || c == '"' || c == '`':
			_, after, ok := literalAt(code[k:to])
			if !ok {
				return spans
			}
			end := to - len(after)
			if opaque == 0 && strings.IndexByte(":,[({", prev) >= 0 && !strings.HasSuffix(strings.TrimRight(code[from:k], " \t\n"), "::") {
				spans = append(spans, bodySpan{k, end})
			}
			k, prev = end-1, c
		case c == '(' || c == '[' || c == '{':
			o := bracketOpaque(code[from:k], c)
			if depth < len(stack) {
				stack[depth] = o
			} else if !o {
				o = true // too deep to follow: none of it is data
			}
			if o {
				opaque++
			}
			depth++
			prev = c
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
				if depth >= len(stack) || stack[depth] {
					opaque--
				}
			}
			prev = c
		case c != ' ' && c != '\t' && c != '\n':
			prev = c
		}
	}
	return spans
}

// bracketOpaque reports whether the bracket b opened after before makes
// the literals inside it no data: the argument list of a call that is no
// data maker, or a list or tuple a loop walks (for u in […]).
func bracketOpaque(before string, b byte) bool {
	t := strings.TrimRight(before, " \t\n")
	if t == "" {
		return false
	}
	if b == '(' || b == '[' {
		if w := trailingWord(t); w == "in" || w == "of" {
			return true // for u in [...], for (const u of [...])
		}
	}
	if b != '(' {
		return false
	}
	last := t[len(t)-1]
	if last == ')' || last == ']' {
		return true // f(x)(...), fns[0](...)
	}
	w := trailingWord(t)
	if w == "" {
		return false // a group: (a, b), (lambda: …)()
	}
	switch w {
	case "lambda", "return", "await", "not", "and", "or", "if", "else", "yield":
		return false
	}
	return !dataMakers.Get(w)
}

// trailingWord returns the identifier that ends s, or "".
func trailingWord(s string) string {
	k := len(s)
	for k > 0 && isWordByte(s[k-1]) {
		k--
	}
	return s[k:]
}

// dataMakers are the calls that only make data of their arguments: a
// literal given to them inside a body stays the body's data.
var dataMakers = table.Map[string, bool]{Words: "dict list tuple set frozenset str repr bytes bytearray String Array Object Map Set stringify dumps dump join format encode to_json to_s from of URLSearchParams b64encode urlsafe_b64encode quote quote_plus urlencode dedent strip lower upper trim JSON OrderedDict"}

// inRequestBody reports whether the URL whose scheme starts at k lies in
// one of the data literals spans.
func inRequestBody(k int, spans []bodySpan) bool {
	for _, sp := range spans {
		if sp.from <= k && k < sp.to {
			return true
		}
	}
	return false
}

// listEnd returns s from the bracket that closes the list of arguments,
// items or members that starts it, or "".
func listEnd(s string) string {
	for {
		s = SkipExpr(s)
		if s == "" || s[0] != ',' {
			return s
		}
		s = s[1:]
	}
}
