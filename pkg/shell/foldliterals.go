package shell

import "strings"

// Code joins string literals to spell what no single literal says:
// 'DEL' + 'ETE', 'https://' + 'get.example-sink.io/m.mjs', "del" + "ete".
// The readers that look for a request's method (engine/coderequests.go)
// or an imported module's URL (importedURLs) in a literal's text see it
// whole once the join is folded: FoldLiterals rewrites each
// run of plain literals joined by + into one literal, as the language
// would at run time. A literal with a prefix (f'…', r"…", b'…'), a template
// with ${…} holes, or a join whose text holds the first literal's quote
// is left as written.

// FoldLiterals returns code with each run of plain string literals joined
// by + folded into one literal; code itself when there is none.
func FoldLiterals(code string) string {
	if strings.IndexByte(code, '+') < 0 {
		return code
	}
	var b strings.Builder
	done := 0 // code[:done] is written to b (or b is unused)
	for i := 0; i < len(code); i++ {
		q := code[i]
		if q != '\'' && q != '"' && q != '`' {
			continue
		}
		end, ok := plainLiteralEnd(code, i)
		if !ok {
			return foldResult(&b, code, done)
		}
		if i > 0 && isIdent(code[i-1]) {
			i = end - 1 // f'…', r"…": a prefixed literal is its own
			continue
		}
		text := code[i+1 : end-1]
		j, joined := end, false
		for {
			k := skipSpace(code, j)
			if k >= len(code) || code[k] != '+' || k+1 < len(code) && (code[k+1] == '+' || code[k+1] == '=') {
				break
			}
			k = skipSpace(code, k+1)
			if k >= len(code) || code[k] != '\'' && code[k] != '"' && code[k] != '`' {
				break
			}
			e, ok := plainLiteralEnd(code, k)
			if !ok || strings.IndexByte(code[k+1:e-1], q) >= 0 {
				break
			}
			text += code[k+1 : e-1]
			j, joined = e, true
		}
		if joined {
			if done == 0 {
				b.Grow(len(code))
			}
			b.WriteString(code[done:i])
			b.WriteByte(q)
			b.WriteString(text)
			b.WriteByte(q)
			done = j
		}
		i = j - 1
	}
	return foldResult(&b, code, done)
}

// foldResult finishes FoldLiterals: code unchanged when nothing was
// folded, else what was written with the rest of code.
func foldResult(b *strings.Builder, code string, done int) string {
	if done == 0 {
		return code
	}
	b.WriteString(code[done:])
	return b.String()
}

// plainLiteralEnd returns the index after the literal whose opening quote
// is code[i]; ok is false for an unclosed literal or a template with a
// ${…} hole. A backslash escapes the next byte.
func plainLiteralEnd(code string, i int) (int, bool) {
	q := code[i]
	for j := i + 1; j < len(code); j++ {
		switch {
		case code[j] == '\\':
			j++
		case q == '`' && code[j] == '$' && j+1 < len(code) && code[j+1] == '{':
			return 0, false
		case code[j] == q:
			return j + 1, true
		}
	}
	return 0, false
}
