package shell

import (
	"strconv"
	"strings"
)

// jq's literals are not JSON's: an object's keys may be bare names
// ({run: "…"}), strings may be joined with + ("curl …" + " | sh"), and
// a value may sit in parentheses. A filter that is one literal (jq -n
// '{scripts: {…}}') writes that document whole, and setpath(PATH; V) is
// PATH = V. These read them as jq does.

// jqLiteral reads a jq literal at filter[i]: its value and the index after
// it.
func jqLiteral(filter string, i int) (any, int, bool) {
	v, i, ok := jqTerm(filter, i)
	if !ok {
		return nil, i, false
	}
	for {
		k := jqSkipSpace(filter, i)
		if k >= len(filter) || filter[k] != '+' {
			return v, i, true
		}
		w, e, ok := jqTerm(filter, jqSkipSpace(filter, k+1))
		if !ok {
			return v, i, true
		}
		a, aok := v.(string)
		b, bok := w.(string)
		if !aok || !bok {
			return v, i, true
		}
		v, i = a+b, e
	}
}

// jqTerm reads one literal without a following +: a string, a number,
// true, false or null, an array, an object, or a literal in parentheses.
func jqTerm(filter string, i int) (any, int, bool) {
	i = jqSkipSpace(filter, i)
	if i >= len(filter) {
		return nil, i, false
	}
	switch c := filter[i]; {
	case c == '"':
		s, e, ok := jqString(filter, i)
		return s, e, ok
	case c == '(':
		v, e, ok := jqLiteral(filter, i+1)
		e = jqSkipSpace(filter, e)
		if !ok || e >= len(filter) || filter[e] != ')' {
			return nil, e, false
		}
		return v, e + 1, true
	case c == '[':
		var list []any
		e := jqSkipSpace(filter, i+1)
		for e < len(filter) && filter[e] != ']' {
			v, n, ok := jqLiteral(filter, e)
			if !ok {
				return nil, n, false
			}
			list = append(list, v)
			e = jqSkipSpace(filter, n)
			if e < len(filter) && filter[e] == ',' {
				e = jqSkipSpace(filter, e+1)
			}
		}
		if e >= len(filter) {
			return nil, e, false
		}
		return list, e + 1, true
	case c == '{':
		obj := map[string]any{}
		e := jqSkipSpace(filter, i+1)
		for e < len(filter) && filter[e] != '}' {
			var key string
			if filter[e] == '"' {
				s, n, ok := jqString(filter, e)
				if !ok {
					return nil, n, false
				}
				key, e = s, n
			} else {
				n := e
				for n < len(filter) && isJQWord(filter[n]) {
					n++
				}
				if n == e {
					return nil, e, false
				}
				key, e = filter[e:n], n
			}
			e = jqSkipSpace(filter, e)
			if e >= len(filter) || filter[e] != ':' {
				return nil, e, false
			}
			v, n, ok := jqLiteral(filter, e+1)
			if !ok {
				return nil, n, false
			}
			obj[key] = v
			e = jqSkipSpace(filter, n)
			if e < len(filter) && filter[e] == ',' {
				e = jqSkipSpace(filter, e+1)
			}
		}
		if e >= len(filter) {
			return nil, e, false
		}
		return obj, e + 1, true
	}
	for _, w := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(filter[i:], w) {
			return map[string]any{"true": true, "false": false, "null": nil}[w], i + len(w), true
		}
	}
	e := i
	for e < len(filter) && strings.IndexByte("+-.0123456789eE", filter[e]) >= 0 {
		e++
	}
	if f, err := strconv.ParseFloat(filter[i:e], 64); err == nil && e > i {
		return f, e, true
	}
	return nil, i, false
}

// jqWholeLiteral returns the document a filter that is one object
// literal writes (jq -n '{name: "x", scripts: {…}}').
func jqWholeLiteral(filter string) (map[string]any, bool) {
	v, e, ok := jqLiteral(filter, 0)
	if !ok || jqSkipSpace(filter, e) != len(filter) {
		return nil, false
	}
	m, ok := v.(map[string]any)
	return m, ok
}

// jqSetpaths adds to doc each setpath(["a","b"]; LITERAL) of the filter.
func jqSetpaths(doc map[string]any, filter string) {
	for rest := filter; ; {
		k := strings.Index(rest, "setpath(")
		if k < 0 {
			return
		}
		rest = rest[k+len("setpath("):]
		p, e, ok := jqLiteral(rest, 0)
		list, isList := p.([]any)
		e = jqSkipSpace(rest, e)
		if !ok || !isList || e >= len(rest) || rest[e] != ';' {
			continue
		}
		v, _, ok := jqLiteral(rest, e+1)
		if !ok {
			continue
		}
		var path []string
		for _, x := range list {
			s, isString := x.(string)
			if !isString {
				path = nil
				break
			}
			path = append(path, s)
		}
		if len(path) > 0 {
			setPath(doc, path, v)
		}
	}
}
