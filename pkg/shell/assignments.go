package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// AssignedValues returns the text after each plain assignment to name in
// code (name = VALUE, const name=VALUE: from VALUE's first byte to the end
// of code), in order, and whether code also binds name in a way whose
// value it computes or does not show: a compound assignment (name += …,
// name := …, name ??= …), a loop's or a with's variable (for name in …,
// for (const name of …), with … as name), an unpacking or a destructuring
// ([name] = …, name, n = …, ({k: name} = …), name: str = …), or a
// parameter's default or a keyword argument (def f(name='…'), (name =
// '…') => …, {k: name = '…'} = …, f(name='…')), which a caller or the
// call replaces. A use, a comparison (==), an arrow (=>), an attribute of
// another object (obj.name) or a longer name is no assignment.
func AssignedValues(code, name string) (values []string, compound bool) {
	if name == "" {
		return nil, false
	}
	for k := range substrs.Occurrences(code, name) {
		at := k + len(name)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.' || code[k-1] == '$') || at < len(code) && isIdent(code[at]) {
			continue
		}
		rest := strings.TrimLeft(code[at:], " \t")
		if len(rest) >= 3 && strings.IndexByte("+-*/%.|&^?:", rest[0]) >= 0 && (rest[1] == '=' || rest[2] == '=' && rest[1] == rest[0]) {
			compound = true // base += '.evil.example', b := …, u ??= …
			continue
		}
		enclosed, start, inner := enclosingBracket(code, k)
		if loopOrAliasBinding(code[start:k], code[at:]) {
			if items, ok := loopItems(code[at:]); ok && soleLoopName(code[start:k]) {
				values = append(values, items...) // for u in ['https://a', 'https://b']
			} else {
				compound = true // for u in hooks, with open(p) as u
			}
			continue
		}
		if len(rest) < 2 || rest[0] != '=' || rest[1] == '=' || rest[1] == '>' {
			if bindsBeforeAssign(rest, enclosed) {
				compound = true // [u] = hooks, u, n = …, url: str = …
			}
			continue
		}
		if enclosed > 0 && !(code[inner] == '(' && defaultOnly(code, inner)) {
			compound = true // def f(u='…'); f(x), {k: u = '…'} = cfg, f(u='…')
			continue
		}
		values = append(values, strings.TrimLeft(rest[1:], " \t"))
	}
	return values, compound
}

// enclosingBracket returns how many brackets opened in code[k]'s statement
// are still open at k, and where that statement (or the block it sits in)
// starts. A statement ends at a newline or ';' outside brackets; a '{'
// that opens a block (after ')', '=>', or a keyword such as else) starts
// one, while a '{' after '=', '(', ',' or ':' opens an object or a
// destructuring pattern and is counted.
func enclosingBracket(code string, k int) (open, start, inner int) {
	depth, inner := 0, -1
	for j := k - 1; j >= 0 && k-j < 400; j-- {
		switch c := code[j]; c {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			if depth > 0 {
				depth--
				continue
			}
			if c == '{' && blockBrace(code[:j]) {
				return open, j + 1, inner
			}
			if open++; inner < 0 {
				inner = j
			}
		case '\n', ';':
			if depth == 0 {
				return open, j + 1, inner
			}
		}
	}
	return open, max(0, k-400), inner
}

// defaultOnly reports a parameter list opened at code[open] (def f(…),
// function f(…), f = (…) =>, const f=(…)=>) whose function the code calls
// only with no arguments: its parameters' defaults are then their values.
func defaultOnly(code string, open int) bool {
	before := strings.TrimRight(code[:open], " \t")
	e := len(before)
	for e > 0 && isIdent(before[e-1]) {
		e--
	}
	name := before[e:]
	head := strings.TrimRight(before[:e], " \t")
	switch {
	case name != "" && (wordSuffix(head, "def") || wordSuffix(head, "function")):
	case name == "" && strings.HasSuffix(head, "="):
		// f = (…) => …: the name before '='
		h := strings.TrimRight(head[:len(head)-1], " \t")
		n := len(h)
		for n > 0 && isIdent(h[n-1]) {
			n--
		}
		name = h[n:]
		if name == "" {
			return false
		}
		closeAt := strings.IndexByte(code[open:], ')')
		if closeAt < 0 || !strings.HasPrefix(strings.TrimLeft(code[open+closeAt+1:], " \t"), "=>") {
			return false
		}
	default:
		return false
	}
	for k := range substrs.Occurrences(code, name) {
		at := k + len(name)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || at < len(code) && isIdent(code[at]) || at == open {
			continue
		}
		if r := strings.TrimLeft(code[at:], " \t"); strings.HasPrefix(r, "=") && !strings.HasPrefix(r, "==") {
			continue // its binding: f = (…) =>
		}
		if !strings.HasPrefix(code[at:], "(") || !strings.HasPrefix(strings.TrimLeft(code[at+1:], " \t"), ")") {
			return false // called with an argument, or handed on (map(f, hooks))
		}
	}
	return true
}

// blockBrace reports whether a '{' after text opens a block rather than
// an object: it follows ')', '=>', a keyword (else, try, do, finally), or
// nothing.
func blockBrace(before string) bool {
	b := strings.TrimRight(before, " \t")
	if b == "" || strings.HasSuffix(b, ")") || strings.HasSuffix(b, "=>") {
		return true
	}
	for _, w := range [...]string{"else", "try", "do", "finally"} {
		if wordSuffix(b, w) {
			return true
		}
	}
	return false
}

// loopOrAliasBinding reports a name bound by a loop's header (for u in …,
// for (const u of …), for k, u in …) or by as (with … as u, except … as
// u): before is its statement up to the name, rest what follows it.
func loopOrAliasBinding(before, rest string) bool {
	b := strings.TrimRight(before, " \t")
	if wordSuffix(b, "as") {
		return true
	}
	for n := 0; ; n++ {
		b = strings.TrimRight(b, " \t([,")
		if wordSuffix(b, "for") {
			break
		}
		e := len(b)
		for e > 0 && isIdent(b[e-1]) {
			e-- // another of the loop's names, or let, const, var
		}
		if e == len(b) || n == 6 {
			return false
		}
		b = b[:e]
	}
	stmt := rest
	if e := strings.IndexAny(stmt, "\n;{"); e >= 0 {
		stmt = stmt[:e]
	}
	return strings.Contains(stmt, " in ") || strings.Contains(stmt, " of ")
}

// wordSuffix reports whether s ends with the word w.
func wordSuffix(s, w string) bool {
	return strings.HasSuffix(s, w) && (len(s) == len(w) || !isIdent(s[len(s)-len(w)-1]))
}

// bindsBeforeAssign reports a name that sits on the left of an assignment
// without being its whole target: a part of an unpacking or a
// destructuring pattern ([u] = …, u, n = …, ({k: u} = …)) or an
// annotated name (u: str = …). rest is what follows the name; enclosed
// the brackets open before it in its statement.
func bindsBeforeAssign(rest string, enclosed int) bool {
	if rest == "" || strings.IndexByte(",)]}:", rest[0]) < 0 {
		return false
	}
	depth := 0
	for j := 0; j < len(rest); j++ {
		switch c := rest[j]; c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth--; depth < 0 && c == ')' {
				return false // a call's arguments or a parameter list ends
			}
		case '\n', ';':
			if depth <= 0 {
				return false
			}
		case '\'', '"', '`':
			return false // a value's text: no target before it
		case '=':
			next := byte(0)
			if j+1 < len(rest) {
				next = rest[j+1]
			}
			prev := byte(0)
			if j > 0 {
				prev = rest[j-1]
			}
			if next == '=' || next == '>' || strings.IndexByte("=!<>", prev) >= 0 {
				continue
			}
			return depth < 0 || depth == -enclosed
		}
	}
	return false
}

// loopItems returns the items of the literal list or tuple a loop's
// header walks (for u in ['https://a', 'https://b']:), each from its first
// byte, when the loop binds only the one name; ok is false for anything
// else.
func loopItems(rest string) (items []string, ok bool) {
	k := strings.Index(rest, " in ")
	if j := strings.Index(rest, " of "); k < 0 || j >= 0 && j < k {
		k = j
	}
	if k < 0 || strings.TrimSpace(rest[:k]) != "" {
		return nil, false
	}
	s := strings.TrimLeft(rest[k+4:], " \t")
	if s == "" || s[0] != '[' && s[0] != '(' {
		return nil, false
	}
	depth := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == '\\' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case c == '(' || c == '[' || c == '{':
			if depth++; depth == 1 {
				items = append(items, strings.TrimLeft(s[i+1:], " \t"))
			}
		case c == ')' || c == ']' || c == '}':
			if depth--; depth == 0 {
				return items, len(items) > 0 && strings.TrimSpace(s[i+1:i+1]) == ""
			}
		case c == ',' && depth == 1:
			items = append(items, strings.TrimLeft(s[i+1:], " \t"))
		}
	}
	return nil, false
}

// soleLoopName reports a loop header that binds one name, the one that
// follows before: for u, for (const u, for (u.
func soleLoopName(before string) bool {
	b := strings.TrimRight(before, " \t")
	for _, w := range [...]string{"let", "const", "var"} {
		if wordSuffix(b, w) {
			b = strings.TrimRight(b[:len(b)-len(w)], " \t")
			break
		}
	}
	return wordSuffix(strings.TrimRight(strings.TrimSuffix(b, "("), " \t"), "for")
}
