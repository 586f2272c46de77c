package engine

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/shell"
)

// quotedLines returns the quoted strings of code that hold a space (a
// command line has words). Strings joined on a line by a concatenation
// operator are one string ('rm -rf ' + '/home/dev', Lua's ..,
// Haskell's ++, Elixir's <>, Nim's &), strings listed with commas are the
// words of one command (commandLine 'rm', '-rf', '/home/dev'; a word with
// blanks is quoted as the one argument it is: 'sh', '-c', 'curl … | sh'),
// and sbt's #| pipes one command into the next. Each string with a space
// is a line of its own as well. Lua's and CMake's long brackets
// ([[…]], [=[…]=]) are strings, and \xHH escapes are the bytes they
// stand for.
func quotedLines(content string) []string {
	var out []string
	for i := 0; i < len(content) && len(out) < maxAutoRunLines; i++ {
		if !stringOpens(content, i) {
			continue
		}
		var b strings.Builder
		j, ok := codeString(content, i, &b)
		if !ok {
			i = j
			continue
		}
		words := []string{b.String()}
		line := ""
		for {
			k := j + 1
			for k < len(content) && (content[k] == ' ' || content[k] == '\t') {
				k++
			}
			op := concatOp(content[k:])
			if op == "" {
				break
			}
			k += len(op)
			for k < len(content) && (content[k] == ' ' || content[k] == '\t') {
				k++
			}
			if k >= len(content) || !stringOpens(content, k) {
				break
			}
			var word strings.Builder
			next, closed := codeString(content, k, &word)
			if !closed {
				break
			}
			switch op {
			case ",":
				words = append(words, word.String())
			case "#|":
				line += joinQuoted(words) + " | "
				words = []string{word.String()}
			default:
				words[len(words)-1] += word.String()
			}
			j = next
		}
		for _, w := range words {
			if len(words) > 1 && strings.ContainsAny(w, " \t") {
				out = append(out, w) // "-c", "curl … | sh": the string is a line of its own too
			}
		}
		line += joinQuoted(words)
		if strings.ContainsAny(line, " \t") {
			out = append(out, line)
		}
		i = j
	}
	return out
}

// concatOp gives the operator at the start of s that joins two strings
// into one (+, .., ++, <>, &), lists them (,) or pipes them (#|), or "".
func concatOp(s string) string {
	for _, op := range []string{"#|", "..", "++", "<>", "+", "&", ","} {
		if strings.HasPrefix(s, op) {
			if op == ".." && strings.HasPrefix(s, "...") || op == "&" && strings.HasPrefix(s, "&&") {
				return ""
			}
			return op
		}
	}
	return ""
}

// joinQuoted joins a command's words, quoting each that holds a blank or
// an operator the shell would split at (it is one argument); a word's
// $HOME or ~ is left as the home it names.
func joinQuoted(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	parts := make([]string, len(words))
	for k, w := range words {
		parts[k] = w
		if w == "" || strings.ContainsAny(w, " \t|&;<>()`'\"") {
			parts[k] = shellQuote(w)
		}
	}
	return strings.Join(parts, " ")
}

// stringOpens reports whether a string literal opens at content[i]: a
// quote, or a long bracket ([[, [=[).
func stringOpens(content string, i int) bool {
	return content[i] == '"' || content[i] == '\'' || shell.LongBracketLen(content[i:]) > 0
}

// codeString appends to b the string that opens at content[i] and
// returns the index of its last byte, and whether it closes: a quoted
// string on its line, or a long bracket's text up to its closing ]=*].
func codeString(content string, i int, b *strings.Builder) (int, bool) {
	if n := shell.LongBracketLen(content[i:]); n > 0 {
		closing := "]" + strings.Repeat("=", n-2) + "]"
		end := strings.Index(content[i+n:], closing)
		if end < 0 {
			return len(content), false
		}
		b.WriteString(strings.TrimSpace(content[i+n : i+n+end]))
		return i + n + end + len(closing) - 1, true
	}
	return quotedString(content, i, b)
}

// quotedString appends to b the string quoted at content[i] and returns
// the index of its closing quote, and whether it closes on its line. A
// backslash keeps the character after it, and \xHH is that byte.
func quotedString(content string, i int, b *strings.Builder) (int, bool) {
	q := content[i]
	j := i + 1
	for ; j < len(content) && content[j] != q && content[j] != '\n'; j++ {
		if content[j] == '\\' && j+1 < len(content) {
			j++
			if content[j] == 'x' && j+2 < len(content) {
				if v, err := strconv.ParseUint(content[j+1:j+3], 16, 8); err == nil {
					b.WriteByte(byte(v))
					j += 2
					continue
				}
			}
		}
		b.WriteByte(content[j])
	}
	return j, j < len(content) && content[j] == q
}
