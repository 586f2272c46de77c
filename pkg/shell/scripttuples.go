package shell

import "strings"

// Python, Node and Ruby bind several names in one statement too: Python's
// "p, a = 'rm', '-rf'" and "(p, f, d) = ('rm', '-rf', P)", Ruby's "c, d =
// 'rm -rf', P" and "cmd, *args = 'rm', '-rf', P", Node's destructuring
// "const [c, a] = ['rm', [...]]", "let [p, ...a] = [...]", "const [, ,
// t] = [...]" and "const {cmd, dir} = {cmd: 'rm -rf', dir: P}".
// scriptTupleBindings writes each as one statement per name, as
// tupleBindings does for Go, C# and Java, so that the binders read each
// name's own value and both a harmless call and a harmful one are judged
// by what they run, not as computed code.

// scriptTupleBindings returns code with its statements that bind several
// names written one name a statement.
func scriptTupleBindings(lang, code string) string {
	if !strings.Contains(code, ",") || !strings.Contains(code, "=") {
		return code // the cheap gate
	}
	lines := strings.Split(code, "\n")
	changed := false
	for k, l := range lines {
		if !strings.Contains(l, ",") || !strings.Contains(l, "=") {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		stmts := topLevelCut(l, ';')
		done := false
		for i, st := range stmts {
			if out, ok := splitScriptTuple(lang, st); ok {
				stmts[i], done = out, true
			}
		}
		if done {
			lines[k], changed = indent+strings.Join(stmts, "; "), true
		}
	}
	if !changed {
		return code
	}
	return strings.Join(lines, "\n")
}

// splitScriptTuple writes one statement binding several names as one
// statement per name; ok is false for one that binds no more than one.
func splitScriptTuple(lang, st string) (string, bool) {
	k := bindingEq(st)
	if k < 0 {
		return "", false
	}
	left, right := strings.TrimSpace(st[:k]), strings.TrimSpace(st[k+1:])
	kw := ""
	if lang == "node" {
		for _, w := range [...]string{"var ", "const ", "let "} {
			if strings.HasPrefix(left, w) {
				kw, left = w, strings.TrimSpace(left[len(w):])
			}
		}
	}
	object := false
	if l, r, ok := bracketed(left, right, '[', ']'); ok {
		left, right = l, r // [c, a] = [...], Python's [a, b] = [...] too
	} else if l, r, ok := bracketed(left, right, '(', ')'); ok && lang != "node" {
		left, right = l, r // (p, f, d) = (...)
	} else if l, r, ok := bracketed(left, right, '{', '}'); ok && lang == "node" {
		left, right, object = l, r, true // {cmd, dir} = {cmd: …, dir: …}
	} else if strings.ContainsAny(left, "\"'`([{") || !strings.Contains(left, ",") {
		return "", false // f(a, b=1), a literal before the =, one name
	}
	names, values := topLevelSplit(left), topLevelSplit(right)
	var parts []string
	if object {
		for _, n := range names {
			key, name, aliased := strings.Cut(n, ":")
			key = strings.TrimSpace(key)
			if aliased {
				name = strings.TrimSpace(name)
			} else {
				name = key
			}
			if !identName(key) || !identName(name) {
				return "", false
			}
			for _, v := range values {
				if vk, vv, ok := strings.Cut(v, ":"); ok && strings.Trim(strings.TrimSpace(vk), `'"`) == key {
					parts = append(parts, kw+name+" = "+strings.TrimSpace(vv))
				}
			}
		}
		if len(parts) == 0 {
			return "", false
		}
		return strings.Join(parts, "; "), true
	}
	for n, name := range names {
		switch {
		case name == "" && lang == "node":
			continue // [, , t]: an element passed over
		case strings.HasPrefix(name, "...") || strings.HasPrefix(name, "*") && lang != "node":
			// [p, ...a], cmd, *args: the rest, as a list
			rest := strings.TrimLeft(name, ".*")
			if !identName(rest) || n != len(names)-1 || n > len(values) {
				return "", false
			}
			parts = append(parts, kw+rest+" = ["+strings.Join(values[n:], ", ")+"]")
			return strings.Join(parts, "; "), true
		case !identName(name) || n >= len(values):
			return "", false
		case name != "_":
			parts = append(parts, kw+name+" = "+values[n])
		}
	}
	if len(names) != len(values) || len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, "; "), true
}

// bindingEq returns the index of the = that binds in st (not ==, !=, <=,
// >=, =>, += and the like), outside strings and brackets, or -1.
func bindingEq(st string) int {
	depth := 0
	for i := 0; i < len(st); i++ {
		switch c := st[i]; c {
		case '"', '\'', '`':
			for i++; i < len(st) && st[i] != c; i++ {
				if st[i] == '\\' {
					i++
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '=':
			if depth != 0 {
				continue
			}
			if i+1 < len(st) && (st[i+1] == '=' || st[i+1] == '>') || i > 0 && strings.IndexByte("!<>+-*/%&|^:.=", st[i-1]) >= 0 || i == 0 {
				return -1
			}
			return i
		}
	}
	return -1
}

// bracketed reports a left side and a right side both wrapped in the
// brackets open and close, and gives what is inside each.
func bracketed(left, right string, open, close byte) (string, string, bool) {
	if len(left) < 2 || len(right) < 2 || left[0] != open || right[0] != open || left[len(left)-1] != close || right[len(right)-1] != close {
		return "", "", false
	}
	return left[1 : len(left)-1], right[1 : len(right)-1], true
}

// topLevelCut cuts s at each sep outside strings and brackets, each part
// trimmed.
func topLevelCut(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			for i++; i < len(s) && s[i] != c; i++ {
				if s[i] == '\\' && c != '`' {
					i++
				}
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		default:
			if c == sep && depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}
