package effect

import "strings"

// leadingVar splits a path that starts with a variable into the
// variable's name and the rest: "$VAR", "${VAR}", "$VAR/f", and the
// expansions that stand for the variable's value when it is set
// ("${VAR:-x}", "${VAR:?}", "${VAR%/*}/f"). ok is false for anything
// else (a name followed by more name-like text, "${VAR:+x}").
func leadingVar(p string) (name, rest string, ok bool) {
	v, found := strings.CutPrefix(p, "$")
	if !found || v == "" {
		return "", "", false
	}
	if v[0] == '{' {
		end := strings.IndexByte(v, '}')
		if end < 0 {
			return "", "", false
		}
		inner, rest := v[1:end], v[end+1:]
		n := 0
		for n < len(inner) && nameByte(inner[n]) {
			n++
		}
		op := inner[n:]
		if n == 0 || strings.HasPrefix(op, ":+") || strings.HasPrefix(op, "+") {
			return "", "", false
		}
		if op != "" && !strings.ContainsAny(op[:1], ":-?=%#") {
			return "", "", false
		}
		return inner[:n], rest, rest == "" || rest[0] == '/'
	}
	n := 0
	for n < len(v) && nameByte(v[n]) {
		n++
	}
	if n == 0 || n < len(v) && v[n] != '/' {
		return "", "", false
	}
	return v[:n], v[n:], true
}
