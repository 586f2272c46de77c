package shell

import "strings"

// StripLineComments returns code with its line comments removed: from a
// '#' or a '//' outside a string literal to the end of its line (Python's,
// Ruby's and shell's comments, JavaScript's and Go's). A '#' or '//'
// inside quotes ('http://localhost', "#fff") stays. Readers that take a
// word of the code as a fact about it (a local endpoint, an emulator)
// read what runs, not what a comment says.
func StripLineComments(code string) string {
	var b strings.Builder
	done := 0
	var q byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '\n':
			q = 0 // an unclosed quote ends with its line
		case q != 0:
			if c == '\\' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '\'' || c == '"' || c == '`':
			q = c
		case c == '#' || c == '/' && i+1 < len(code) && code[i+1] == '/':
			if c == '#' && i > 0 && (code[i-1] == '$' || isIdent(code[i-1])) {
				continue // $#, a#b: no comment
			}
			e := strings.IndexByte(code[i:], '\n')
			if e < 0 {
				e = len(code) - i
			}
			if done == 0 {
				b.Grow(len(code))
			}
			b.WriteString(code[done:i])
			done = i + e
			i += e - 1
		}
	}
	if done == 0 {
		return code
	}
	b.WriteString(code[done:])
	return b.String()
}
