package effect

import "strings"

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
// value (see above).
func appendDataLiterals(spans []bodySpan, code string, from, to int) []bodySpan {
	prev := byte(':') // the value itself
	for k := from; k < to; k++ {
		c := code[k]
		switch {
		case c == '\'' || c == '"' || c == '`':
			_, after, ok := literalAt(code[k:to])
			if !ok {
				return spans
			}
			end := to - len(after)
			if strings.IndexByte(":,[({", prev) >= 0 && !strings.HasSuffix(strings.TrimRight(code[from:k], " \t\n"), "::") {
				spans = append(spans, bodySpan{k, end})
			}
			k, prev = end-1, c
		case c != ' ' && c != '\t' && c != '\n':
			prev = c
		}
	}
	return spans
}

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
