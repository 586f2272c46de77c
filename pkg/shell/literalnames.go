package shell

import "strings"

// Code in a language nobody here reads call by call binds a string to a
// name before it uses it: def home = System.getenv('HOME') in Groovy, let
// home = Sys.getenv "HOME" in in OCaml, home <- getEnv "HOME" in Haskell,
// val cmd = "rm -rf ~" in Kotlin, h = System.user_home!() in Elixir. Once
// the home spellings are read as the literal "~" (homeExprs, opaqueHomes),
// such a binding is a name for a literal, and a command line the code
// spells with the name (["rm", "-rf", home].execute(), Sys.command ("rm
// -rf " ^ home)) is the line it would spell with the literal itself.
// bindLiteralNames puts each bound literal in place of its name before the
// literals are read (literals.go), as straight-line code would have it:
// each use takes the nearest binding before it.

// literalBinding is one name bound to a plain string literal.
type literalBinding struct {
	name string
	lit  string // the literal as written, quotes included
	at   int    // where the binding's statement ends: uses come after
	line int    // where the binding's line starts: a use before it may take the only binding
}

// bindLiteralNames returns code with each use of a name bound to a plain
// string literal (NAME = "…", NAME := "…", NAME <- "…", with any keyword
// before it: def, val, let … in, local, const, my) replaced by that
// literal, and each interpolation of the name in a double-quoted or
// backquoted literal ("${NAME}", "$NAME", "#{NAME}", "\(NAME)") by the
// literal's text. Code that binds no literal is returned as it is.
func bindLiteralNames(code string) string {
	if !strings.Contains(code, "=") && !strings.Contains(code, "<-") && !strings.Contains(code, "(def") &&
		!strings.Contains(code, "(set") && !strings.Contains(code, "(let") {
		return code
	}
	binds := literalBindings(code)
	if len(binds) == 0 {
		return code
	}
	var b strings.Builder
	done := 0
	for i := 0; i < len(code); {
		c := code[i]
		if c == '"' || c == '\'' || c == '`' {
			end, ok := literalEnd(code, i)
			if !ok {
				break
			}
			if c != '\'' {
				if text, changed := interpolateBound(code[i+1:end-1], binds, i); changed {
					b.WriteString(code[done : i+1])
					b.WriteString(text)
					done = end - 1
				}
			}
			i = end
			continue
		}
		if !sigilNameStart(c) || i > 0 && (isIdent(code[i-1]) || code[i-1] == '.') {
			i++
			continue
		}
		j := nameEnd(code, i+1)
		if lit, ok := boundAt(binds, code[i:j], i); ok && !bindsHere(code[j:]) {
			b.WriteString(code[done:i])
			b.WriteString(lit)
			done = j
		}
		i = j
	}
	if done == 0 {
		return code
	}
	b.WriteString(code[done:])
	return b.String()
}

// sigilNameStart reports whether c may start a name: a letter, '_', or the
// sigil of a language that writes one ($home).
func sigilNameStart(c byte) bool { return c == '$' || identStart(c) }

// literalEnd gives where the literal opened at code[i] ends (after its
// closing quote), reading backslash escapes.
func literalEnd(code string, i int) (int, bool) {
	q := code[i]
	for j := i + 1; j < len(code); j++ {
		switch code[j] {
		case '\\':
			j++
		case q:
			return j + 1, true
		}
	}
	return 0, false
}

// literalBindings finds each name bound to a whole plain literal: the
// literal is all the binding's right side, up to the end of the line, a
// ';' or an OCaml let's "in".
func literalBindings(code string) []literalBinding {
	var out []literalBinding
	for i := 0; i < len(code); {
		c := code[i]
		if c != '"' && c != '\'' && c != '`' {
			i++
			continue
		}
		end, ok := literalEnd(code, i)
		if !ok {
			break
		}
		text, joinedEnd := concatenatedLiterals(code, i, end)
		name := lispBoundName(code[:i])
		from, stop := valueSpan(code, i, joinedEnd) // literalvalues.go: String::from("…"), "…".to_string(), r"…"
		if name == "" && statementEnds(code[stop:]) {
			name = boundName(code[:from])
		}
		if name != "" && !strings.ContainsAny(text, "$#{\\"+string(c)) { // a plain literal: no interpolation, no escape
			out = append(out, literalBinding{name: name, lit: string(c) + text + string(c), at: stop, line: lineStart(code, from)})
			end = joinedEnd
		}
		i = end
	}
	return out
}

// concatenatedLiterals reads the literal at code[i:end] and the literals joined
// to it by a concatenation operator (h + "/.ssh", "rm -rf " ^ d, a <> b):
// their text, and where the last ends.
func concatenatedLiterals(code string, i, end int) (string, int) {
	text := code[i+1 : end-1]
	for {
		k := end
		for k < len(code) && (code[k] == ' ' || code[k] == '\t') {
			k++
		}
		op := k
		for k < len(code) && strings.IndexByte("+<>^.~&|", code[k]) >= 0 {
			k++
		}
		if k == op || !concatGap(code[op:k]) {
			return text, end
		}
		for k < len(code) && (code[k] == ' ' || code[k] == '\t') {
			k++
		}
		if k >= len(code) || code[k] != '"' && code[k] != '\'' && code[k] != '`' {
			return text, end
		}
		e, ok := literalEnd(code, k)
		if !ok {
			return text, end
		}
		text, end = text+code[k+1:e-1], e
	}
}

// boundName gives the name before = (:=, <-) at the end of s: the name a
// literal after s is bound to; "" for a comparison, an attribute of
// another object (obj.x = …), an index (a[k] = …) or no binding.
func boundName(s string) string {
	s = strings.TrimRight(s, " \t")
	switch {
	case strings.HasSuffix(s, "<-"):
		s = s[:len(s)-2]
	case strings.HasSuffix(s, ":="):
		s = s[:len(s)-2]
	case strings.HasSuffix(s, "="):
		s = s[:len(s)-1]
		if s != "" && strings.IndexByte("=!<>+-*/%&|^:?.~", s[len(s)-1]) >= 0 {
			return "" // ==, !=, <=, +=, …: no plain binding
		}
	default:
		return ""
	}
	s = strings.TrimRight(s, " \t")
	k := len(s)
	for k > 0 && isIdent(s[k-1]) {
		k--
	}
	if k > 0 && s[k-1] == '$' {
		k-- // $home = "…"
	}
	if k == len(s) || !sigilNameStart(s[k]) || k > 0 && (s[k-1] == '.' || s[k-1] == ']' || s[k-1] == ')') {
		return ""
	}
	if rest := strings.TrimRight(s[:k], " \t"); rest != "" && rest[len(rest)-1] == ',' || openParenOnLine(s[:k]) {
		return "" // a, b := "x", "y"; f(home="~"): no binding of its own
	}
	if typed := typedName(s[:k]); typed != "" {
		return typed // val h: String = …, var h string = …: the name, not its type
	}
	return s[k:]
}

// statementEnds reports whether rest, after a literal, ends the statement
// the literal is the whole right side of.
func statementEnds(rest string) bool {
	rest = strings.TrimLeft(skipBlockComment(strings.TrimLeft(rest, " \t")), " \t")
	if rest == "" || rest[0] == '\n' || rest[0] == '\r' || rest[0] == ';' || rest[0] == ',' || lineComment(rest) {
		return true // (Erlang's expressions end at ','; a comment ends the line's code)
	}
	return strings.HasPrefix(rest, "in") && (len(rest) == 2 || !isIdent(rest[2]))
}

// boundAt gives the literal name holds at offset at: that of its last
// binding whose statement ended before at.
func boundAt(binds []literalBinding, name string, at int) (string, bool) {
	lit, ok := "", false
	later, n := "", 0
	for _, x := range binds {
		if x.name != name {
			continue
		}
		if x.at <= at {
			lit, ok = x.lit, true
		} else if at < x.line {
			later = x.lit
		}
		n++
	}
	if !ok && n == 1 && later != "" {
		// a name bound once, after its use: a constant declared below
		// the function that uses it (Go's and Rust's const, Haskell's
		// where) holds its literal wherever it is used
		return later, true
	}
	return lit, ok
}

// bindsHere reports whether the text after a name binds it (= but not
// ==, :=, <-): the name is being bound there, not used.
func bindsHere(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	switch {
	case strings.HasPrefix(rest, "<-"), strings.HasPrefix(rest, ":="):
		return true
	case strings.HasPrefix(rest, "="):
		return !strings.HasPrefix(rest, "==") && !strings.HasPrefix(rest, "=>")
	}
	return false
}

// interpolateBound replaces, in the text of a literal that starts at
// offset at, each interpolation of a bound name by the literal's text;
// changed is false when there is none.
func interpolateBound(text string, binds []literalBinding, at int) (string, bool) {
	if !strings.ContainsAny(text, "$#\\{") {
		return text, false
	}
	changed := false
	for _, x := range binds {
		if x.at > at {
			break
		}
		name := strings.TrimPrefix(x.name, "$")
		if !strings.Contains(text, name) {
			continue
		}
		lit, _ := boundAt(binds, x.name, at)
		val := lit[1 : len(lit)-1]
		for _, form := range [...]string{"${" + name + "}", "#{" + name + "}", `\(` + name + ")", "{" + name + "}"} {
			if strings.Contains(text, form) {
				text, changed = strings.ReplaceAll(text, form, val), true
			}
		}
		text, changed = replaceDollarName(text, name, val, changed)
	}
	return text, changed
}

// replaceDollarName replaces each $name in text not followed by a name's
// byte (Groovy's, Kotlin's, Julia's and Perl's "rm -rf $home").
func replaceDollarName(text, name, val string, changed bool) (string, bool) {
	form := "$" + name
	var b strings.Builder
	done := 0
	for at := 0; ; {
		k := strings.Index(text[at:], form)
		if k < 0 {
			break
		}
		k += at
		at = k + len(form)
		if at < len(text) && isIdent(text[at]) {
			continue
		}
		b.WriteString(text[done:k])
		b.WriteString(val)
		done = at
	}
	if done == 0 {
		return text, changed
	}
	b.WriteString(text[done:])
	return b.String(), true
}

// nameEnd gives where the name whose second byte is code[i] ends: its
// name bytes, and a Lisp's '-' between them (home-dir).
func nameEnd(code string, i int) int {
	for i < len(code) && (isIdent(code[i]) || code[i] == '-' && i+1 < len(code) && isIdent(code[i+1])) {
		i++
	}
	return i
}

// lispBinders are the Lisp forms that bind the symbol after them to the
// value after it: (def home "~"), (setq home "~"), (let [home "~"] …),
// (let ((home "~")) …).
var lispBinders = [...]string{"(def", "(define", "(defvar", "(defparameter", "(defconst", "(defonce",
	"(setq", "(setf", "(set!", "(let [", "(let ((", "(let* ((", "(letfn ["}

// lispBoundName gives the symbol a Lisp form binds to a literal after s,
// or "".
func lispBoundName(s string) string {
	s = strings.TrimRight(s, " \t\n")
	k := len(s)
	for k > 0 && (isIdent(s[k-1]) || s[k-1] == '-' || s[k-1] == '*') {
		k--
	}
	if k == len(s) || !identStart(s[k]) {
		return ""
	}
	before := strings.TrimRight(s[:k], " \t\n")
	for _, f := range lispBinders {
		if strings.HasSuffix(before, f) {
			return s[k:]
		}
	}
	if inLetVector(before) {
		return s[k:] // (let [x 1 home "~"] …): a later pair of the vector
	}
	return ""
}

// inLetVector reports whether the end of s sits directly inside the
// binding vector of a Clojure let or loop ((let [ … ), so a symbol there
// followed by a value is a binding.
func inLetVector(s string) bool {
	depth := 0
	for i := len(s) - 1; i >= 0 && len(s)-i < 400; i-- {
		switch s[i] {
		case ')', ']', '}':
			depth++
		case '(', '{':
			if depth == 0 {
				return false
			}
			depth--
		case '[':
			if depth > 0 {
				depth--
				continue
			}
			b := strings.TrimRight(s[:i], " \t\n")
			return strings.HasSuffix(b, "(let") || strings.HasSuffix(b, "(loop") || strings.HasSuffix(b, "(binding")
		case '"':
			// a literal inside the vector: skip back over it
			if k := strings.LastIndexByte(s[:i], '"'); k >= 0 {
				i = k
			}
		}
	}
	return false
}

// openParenOnLine reports whether the line s ends in has a '(' that is
// not closed by its end: a name there is a call's keyword argument.
func openParenOnLine(s string) bool {
	if k := strings.LastIndexAny(s, "\n;"); k >= 0 {
		s = s[k+1:]
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	return depth > 0
}

// typedName gives the name a declaration binds when the word before = is
// its type: "val h:" (Kotlin, Scala, TypeScript, Python annotations) or
// "var h" (Go), from the text before the type; "" otherwise.
func typedName(before string) string {
	t := strings.TrimRight(before, " \t")
	if k := len(t); k > 0 && t[k-1] == '&' || strings.HasSuffix(t, "&'static") {
		// Rust's const D: &str = …, static D: &'static str = …: a borrowed type
		t = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(t, "'static"), "&"), " \t")
	}
	colon := strings.HasSuffix(t, ":")
	if colon {
		t = strings.TrimRight(t[:len(t)-1], " \t")
	} else if len(t) == len(before) {
		return "" // no blank between a name and the word: a.b = …
	}
	k := len(t)
	for k > 0 && isIdent(t[k-1]) {
		k--
	}
	if k == len(t) || !identStart(t[k]) {
		return ""
	}
	if colon {
		return t[k:]
	}
	if w := strings.TrimRight(t[:k], " \t"); strings.HasSuffix(w, "var") && (len(w) == 3 || !isIdent(w[len(w)-4])) {
		return t[k:] // Go's var h string = …
	}
	return ""
}
