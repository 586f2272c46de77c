package engine

import "strings"

// The shell's globs hold forms the matchers here do not read: a bracket
// expression with a character class ([[:alpha:]]redentials, [[=e=]]) and
// bash's extended globs (@(credentials|config), !(*.pub), +(x)), and a
// bracket expression negated the shell's way ([!.]). Left as
// they are, path.Match and globTokens read them as other bytes and the
// glob names no protected file. widenGlob rewrites them into forms the
// matchers read that name every file the shell's form names, and maybe
// more: a glob is judged by what it could name.

// extglobOps are the bytes that open an extended glob group before '('.
const extglobOps = "@?+*!"

// hasExtglob reports whether p holds an extended glob group: one of
// extglobOps directly before a '('.
func hasExtglob(p string) bool {
	for i := 1; i < len(p); i++ {
		if p[i] == '(' && strings.IndexByte(extglobOps, p[i-1]) >= 0 {
			return true
		}
	}
	return false
}

// widenGlob returns p with each bracket expression that holds a
// character, equivalence or collating class, or is negated ([!.], [^.]:
// path.Match reads only the second), made '?' (any byte but '/'),
// and each extended glob group made a brace group of its alternatives
// (@(a|b) and ?(a|b) as {a,b} and {,a,b}) or, when it repeats or negates
// (+(…), *(…), !(…)) or holds what a brace group cannot, a '*'.
func widenGlob(p string) string {
	if !strings.Contains(p, "[") && !hasExtglob(p) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			b.WriteString(p[i : i+2])
			i++
		case c == '[':
			end := classEnd(p, i)
			if end == 0 {
				b.WriteByte(c)
				continue
			}
			if e := bracketEnd(p, i); e > 0 && (hasClass(p[i+1:e]) || i+1 < len(p) && (p[i+1] == '!' || p[i+1] == '^')) {
				// [[:alpha:][:digit:]]: the classes' own ']' close
				// classEnd's reading early
				b.WriteByte('?')
				i = e
				continue
			}
			b.WriteString(p[i : end+1])
			i = end
		case i+1 < len(p) && p[i+1] == '(' && strings.IndexByte(extglobOps, c) >= 0:
			end := groupEnd(p, i+1)
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			body := p[i+2 : end]
			plain := !strings.ContainsAny(body, "{},()")
			switch {
			case (c == '@' || c == '?') && plain:
				b.WriteByte('{')
				if c == '?' {
					b.WriteByte(',')
				}
				b.WriteString(strings.ReplaceAll(widenGlob(body), "|", ","))
				b.WriteByte('}')
			case c == '+' && plain && !strings.Contains(body, "|"):
				b.WriteString(widenGlob(body))
				b.WriteByte('*')
			default:
				b.WriteByte('*')
			}
			i = end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hasClass reports a bracket expression's body holding a class.
func hasClass(body string) bool {
	return strings.Contains(body, "[:") || strings.Contains(body, "[=") || strings.Contains(body, "[.")
}

// bracketEnd is the index of the ']' that closes the bracket expression
// opened at i, reading its classes ([:alpha:], [=e=], [.a.]) whole, or 0.
func bracketEnd(p string, i int) int {
	j := i + 1
	if j < len(p) && (p[j] == '!' || p[j] == '^') {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++
	}
	for j < len(p) {
		switch {
		case p[j] == '/':
			return 0
		case p[j] == '[' && j+1 < len(p) && strings.IndexByte(":=.", p[j+1]) >= 0:
			closer := string([]byte{p[j+1], ']'})
			k := strings.Index(p[j+2:], closer)
			if k < 0 {
				return 0
			}
			j += 2 + k + 2
		case p[j] == ']':
			return j
		default:
			j++
		}
	}
	return 0
}

// groupEnd is the index of the ')' that closes the '(' at i, counting
// nested groups, or -1.
func groupEnd(p string, i int) int {
	depth := 0
	for j := i; j < len(p); j++ {
		switch p[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		case '/':
			return -1 // a group lies within one name
		}
	}
	return -1
}
