package shell

import "strings"

// zsh's glob qualifiers, the parenthesised flags after a glob word
// (build/**/*.o(N), *(/), src/**/*.go(.om[1,5])), read before the rest of
// zsh's language is rewritten (dialects.go): a qualifier only narrows what
// the pattern matches, and the code an e or + qualifier runs is a command
// of its own.

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
