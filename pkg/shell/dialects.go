package shell

import "strings"

// Shells whose language is not bash's, read as the bash text with the same
// commands: the code given to zsh -c with its glob qualifiers
// (build/**/*.o(N), *(/), src/**/*.go(.om[1,5])), and the code given to
// fish -c with its blocks (for … end, if … else … end, while, begin,
// function), its and/or/not statements and its (command) substitutions.
// Without this the bash parser rejects such code and the whole line is an
// unknown to confirm, though every command in it is plain.
//
// Each rewrite keeps every command the code runs; a construct it does not
// read (a zsh qualifier that runs code or rewrites the words, fish's
// switch, a fish single-quoted string with an escape) leaves the code as
// it was, for the parser to reject as before.

// dialectScript returns the code a shell named name runs, rewritten into
// bash where that shell's language differs, and why part of it could not
// be read ("" when all of it was).
func dialectScript(name, code string) (string, string) {
	switch unversioned(name) {
	case "zsh":
		out, changed, unread := zshUnqualified(code)
		if unread {
			return out, "a zsh glob qualifier that rewrites its words"
		}
		if changed {
			return out, ""
		}
	case "fish":
		if out, ok := fishAsPOSIX(code); ok {
			return out, ""
		}
	}
	return code, ""
}

// zshUnqualified removes zsh's glob qualifiers, the parenthesised flags
// after a glob word ("(N)", "(.)", "(/)", "(D)", "(.om[1,5])", "(#qN)").
// A qualifier only narrows what the pattern matches, so the pattern alone
// names at least as much: *(/) is judged as *, and an exclusion (A~B)
// as A. The code an e or +
// qualifier runs is added as a command of its own; a qualifier that
// changes the words (P, the ":" modifiers) is removed all the same and
// reported unread. changed is false when the code holds no qualifier.
func zshUnqualified(code string) (out string, changed, unread bool) {
	var b strings.Builder
	var runs []string
	var quote byte
	globbed := false // the word so far holds a glob character
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' && i+1 < len(code) {
				b.WriteByte(c)
				i++
				c = code[i]
			} else if c == quote {
				quote = 0
			}
		case c == '\\' && i+1 < len(code):
			b.WriteByte(c)
			i++
			c = code[i]
		case c == '\'' || c == '"':
			quote = c
		case strings.IndexByte(" \t\n;|&<>", c) >= 0:
			globbed = false
		case c == '*' || c == '?' || c == '[':
			globbed = true
		case c == '~' && globbed:
			// extendedglob's exclusion, id_*~*.pub: what matches is a
			// part of what id_* matches, so id_* is judged
			j := i
			for j < len(code) && strings.IndexByte(" \t\n;|&<>(", code[j]) < 0 {
				j++ // up to the word's end or its qualifier
			}
			if strings.ContainsAny(code[i:j], "'\"$`\\") {
				unread = true // an expansion in what is excluded
			}
			i = j - 1
			changed = true
			continue
		case c == '(' && i > 0 && zshGlobTail(code[i-1]):
			end := zshQualifierEnd(code, i)
			if end <= i+1 || end+1 < len(code) && !zshWordEnd(code[end+1]) {
				break // not a qualifier: the parser judges it
			}
			q := code[i+1 : end]
			if !zshSafeQualifier(q) {
				if run, ok := zshQualifierCode(q); ok {
					runs = append(runs, run)
				} else {
					unread = true
				}
			}
			i = end
			changed = true
			continue
		}
		b.WriteByte(c)
	}
	for _, r := range runs {
		// the code an e or + qualifier runs for each file, as a command
		// of the line
		b.WriteString("\n" + r)
	}
	return b.String(), changed, unread
}

// zshQualifierEnd gives the index of the ")" closing the qualifier that
// opens at code[open], past quoted text and nested brackets, or -1.
func zshQualifierEnd(code string, open int) int {
	depth := 0
	var quote byte
	for i := open; i < len(code); i++ {
		c := code[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			if depth--; depth == 0 {
				return i
			}
		case c == '\n':
			return -1
		}
	}
	return -1
}

// zshQualifierCode gives the code a qualifier runs: e's string between
// its delimiters (e:'CODE':, e{CODE}), unquoted, or +NAME's function
// name. ok is false for a qualifier holding neither, or one this does not
// read (P's added words, ":" modifiers).
func zshQualifierCode(q string) (string, bool) {
	q = strings.TrimPrefix(q, "#q")
	for k := 0; k < len(q); k++ {
		switch q[k] {
		case '+':
			n := k + 1
			for n < len(q) && (q[n] == '_' || q[n] >= 'a' && q[n] <= 'z' || q[n] >= 'A' && q[n] <= 'Z' || q[n] >= '0' && q[n] <= '9') {
				n++
			}
			if n == k+1 {
				continue // L+10: a size, not a function
			}
			return q[k+1 : n], true
		case 'e':
			if k+1 >= len(q) {
				return "", false
			}
			d := q[k+1]
			closer := d
			switch d {
			case '(':
				closer = ')'
			case '[':
				closer = ']'
			case '{':
				closer = '}'
			case '<':
				closer = '>'
			}
			end := strings.LastIndexByte(q, closer)
			if end <= k+1 {
				return "", false
			}
			body := q[k+2 : end]
			if n := len(body); n >= 2 && (body[0] == '\'' || body[0] == '"') && body[n-1] == body[0] {
				body = body[1 : n-1]
			}
			return body, true
		}
	}
	return "", false
}

// zshGlobTail reports a byte that can end a glob word a qualifier follows
// (not "$", "<", ">" or "=" of $(…), <(…), >(…), =(…) and arrays a=(…)).
func zshGlobTail(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("*?]/._-~}", c) >= 0
}

// zshWordEnd reports a byte that may follow a word's qualifier.
func zshWordEnd(c byte) bool {
	return strings.IndexByte(" \t\n;|&)<>", c) >= 0
}

// zshSafeQualifier reports qualifier flags that only select files: no e
// or + (they run code), no P (it adds words), no ":" modifiers, nothing
// quoted or expanded.
func zshSafeQualifier(q string) bool {
	q = strings.TrimPrefix(q, "#q")
	if q == "" {
		return false
	}
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == 'e' || c == 'P' || c == '+':
			return false
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		case strings.IndexByte("./@=%*^-,[]", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// fishAsPOSIX rewrites fish code into bash: for/while/if headers get their
// do and then, else if is elif, begin is "{", function NAME is NAME() {,
// end closes what it opened, "and X" and "or X" run X (the gate is not
// kept: X is judged as run), "not X" is "! X", and an unquoted "(" that
// is no "$(" is a command substitution. ok is false for code the rewrite
// does not read (switch, an end without a block, a block left open, a
// single-quoted string with a backslash, which fish reads as an escape).
func fishAsPOSIX(code string) (string, bool) {
	var b strings.Builder
	var closers []string
	header := "" // what a block's header gets at its end: "; do", "; then"
	start := true
	for i := 0; i < len(code); {
		c := code[i]
		if start {
			if c == ' ' || c == '\t' {
				b.WriteByte(c)
				i++
				continue
			}
			w := fishWord(code[i:])
			rest := i + len(w)
			switch w {
			case "for", "while":
				closers = append(closers, "done")
				header = "; do"
			case "if":
				closers = append(closers, "fi")
				header = "; then"
			case "else":
				if nw := strings.TrimLeft(code[rest:], " \t"); fishWord(nw) == "if" {
					b.WriteString("elif")
					i = len(code) - len(nw) + 2
					header = "; then"
					start = false
					continue
				}
			case "begin":
				closers = append(closers, "}")
				b.WriteString("{ ")
				i = skipSeparator(code, rest)
				continue // a statement starts after begin
			case "function":
				nw := strings.TrimLeft(code[rest:], " \t")
				fn := fishWord(nw)
				if fn == "" {
					return "", false
				}
				closers = append(closers, "}")
				b.WriteString(fn + "() {")
				i = len(code) - len(nw) + len(fn)
				for i < len(code) && code[i] != ';' && code[i] != '\n' {
					i++ // the function's options (--description …)
				}
				if i < len(code) {
					i++
				}
				b.WriteByte(' ')
				continue
			case "end":
				if len(closers) == 0 {
					return "", false
				}
				b.WriteString(closers[len(closers)-1])
				closers = closers[:len(closers)-1]
				i = rest
				start = false
				continue
			case "and", "or":
				i = rest
				continue
			case "not":
				b.WriteString("!")
				i = rest
				continue
			case "switch", "case":
				return "", false
			case "set":
				if a, n := fishSet(code[rest:]); n > 0 {
					b.WriteString(a)
					i = rest + n
					start = false
					continue
				}
			}
			start = false
			if w != "" && w != "else" {
				b.WriteString(w)
				i = rest
				continue
			}
			if w == "else" {
				b.WriteString("else ")
				i = skipSeparator(code, rest)
				start = true
				continue
			}
		}
		switch {
		case c == '\'':
			j := strings.IndexByte(code[i+1:], '\'')
			if j < 0 || strings.IndexByte(code[i+1:i+1+j], '\\') >= 0 {
				return "", false
			}
			b.WriteString(code[i : i+j+2])
			i += j + 2
			continue
		case c == '"':
			j := i + 1
			for j < len(code) && code[j] != '"' {
				if code[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(code) {
				return "", false
			}
			b.WriteString(code[i : j+1])
			i = j + 1
			continue
		case c == '\\' && i+1 < len(code):
			b.WriteString(code[i : i+2])
			i += 2
			continue
		case c == '#' && (i == 0 || code[i-1] == ' ' || code[i-1] == '\t' || code[i-1] == '\n' || code[i-1] == ';'):
			for i < len(code) && code[i] != '\n' {
				i++
			}
			continue
		case c == '(' && (i == 0 || code[i-1] != '$'):
			b.WriteString("$(")
			i++
			start = true
			continue
		case c == ';' || c == '\n':
			if header != "" {
				// the header's separator becomes its do or then
				b.WriteString(header)
				header = ""
				if c == ';' {
					c = ' '
				}
			}
			b.WriteByte(c)
			i++
			start = true
			continue
		case c == '|' || c == '&' && (i+1 >= len(code) || code[i+1] != '>'):
			b.WriteByte(c)
			i++
			if i < len(code) && code[i] == c {
				b.WriteByte(c)
				i++
			}
			start = true
			continue
		}
		b.WriteByte(c)
		i++
	}
	if len(closers) != 0 || header != "" {
		return "", false
	}
	return b.String(), true
}

// fishSet reads the rest of a "set [-g -l -U -x] NAME VALUE" statement
// (args, up to its separator) as the bash assignment with the same value,
// export'ed under -x, so that $NAME later stands for it (set d ~; rm -rf
// $d). n is how much of args it read, 0 for any other set (several
// values, -e, -q, quoted or computed words).
func fishSet(args string) (string, int) {
	n := strings.IndexAny(args, ";\n|&")
	if n < 0 {
		n = len(args)
	}
	if strings.ContainsAny(args[:n], "'\"()\\$") {
		return "", 0
	}
	f := strings.Fields(args[:n])
	export := false
	for len(f) > 0 && strings.HasPrefix(f[0], "-") {
		flags := f[0][1:]
		if strings.HasPrefix(flags, "-") {
			switch flags {
			case "-global", "-local", "-universal", "-function":
			case "-export":
				export = true
			default:
				return "", 0
			}
		} else if flags == "" || strings.Trim(flags, "glUfx") != "" {
			return "", 0
		}
		export = export || strings.Contains(flags, "x")
		f = f[1:]
	}
	if len(f) != 2 || !validName(f[0]) {
		return "", 0
	}
	a := f[0] + "=" + f[1]
	if export {
		a = "export " + a
	}
	return a, n
}

// skipSeparator skips the blanks and the one ";" or newline after a word
// bash reads as taking a command next (else, "{"): there, ";" is an error.
func skipSeparator(code string, i int) int {
	for i < len(code) && (code[i] == ' ' || code[i] == '\t') {
		i++
	}
	if i < len(code) && (code[i] == ';' || code[i] == '\n') {
		i++
	}
	return i
}

// fishWord is the bare word code starts with: letters, digits, "_" and
// "-", up to a blank or a separator; "" when code starts otherwise.
func fishWord(code string) string {
	i := 0
	for i < len(code) {
		c := code[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			break
		}
		i++
	}
	if i < len(code) && strings.IndexByte(" \t\n;|&", code[i]) < 0 {
		return "" // a word that goes on (for.txt, if=x): no keyword
	}
	return code[:i]
}
