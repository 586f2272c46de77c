package shell

import "strings"

// SedCommands splits one line of a sed script into its commands, each
// with its address, as sed reads them: on ";" between commands, and
// around "{" and "}". An address's /regex/ or \%regex% and an s or y
// command's texts may hold ";" and stay whole. The commands whose
// argument runs to the end of the line (a, i, c's text, r, R, w, W's file
// name, e's command, an s command's w flag) take the rest of the line, ";"
// included, as sed does. A line whose address cannot be read is one
// command, which callers then cannot read either.
func SedCommands(line string) []string {
	var out []string
	for i := 0; i < len(line); {
		start := i
		k, ok := sedAddressEnd(line, i)
		if !ok || k >= len(line) {
			return append(out, line[start:])
		}
		switch line[k] {
		case 'a', 'i', 'c', 'r', 'R', 'w', 'W', 'e':
			return append(out, line[start:])
		case '{', '}':
			out = append(out, line[start:k+1])
			i = k + 1
			continue
		case 's', 'y':
			end := sedTextsEnd(line, k)
			if end < 0 {
				return append(out, line[start:])
			}
			flags := line[end:]
			if n := strings.IndexAny(flags, ";}"); n >= 0 {
				flags = flags[:n]
			}
			if line[k] == 's' && strings.ContainsAny(flags, "wW") {
				return append(out, line[start:]) // s///w FILE
			}
			k = end
		}
		n := strings.IndexAny(line[k:], ";}")
		if n < 0 {
			return append(out, line[start:])
		}
		out = append(out, line[start:k+n])
		i = k + n
		if line[i] == ';' {
			i++
		}
	}
	return out
}

// SedSkipAddress drops a command's address (N, $, first~step, /re/ or
// \%re% with their I and M flags, a second after a comma, +N and ~N, and a
// trailing !), and reports whether it could read one.
func SedSkipAddress(c string) (string, bool) {
	k, ok := sedAddressEnd(c, 0)
	if !ok {
		return "", false
	}
	return c[k:], true
}

// sedAddressEnd returns the index in line after the blanks, address and
// "!" of the command starting at i.
func sedAddressEnd(line string, i int) (int, bool) {
	j := skipBlanks(line, i)
	for n := 0; n < 2; n++ {
		switch {
		case j < len(line) && line[j] == '/':
			e := sedRegexEnd(line, j+1, '/')
			if e < 0 {
				return 0, false
			}
			j = e + 1
			for j < len(line) && (line[j] == 'I' || line[j] == 'M') {
				j++
			}
		case j+1 < len(line) && line[j] == '\\' && line[j+1] != '\n':
			e := sedRegexEnd(line, j+2, line[j+1])
			if e < 0 {
				return 0, false
			}
			j = e + 1
			for j < len(line) && (line[j] == 'I' || line[j] == 'M') {
				j++
			}
		case j < len(line) && (isDigit(line[j]) || line[j] == '$'):
			for j < len(line) && (isDigit(line[j]) || line[j] == '$') {
				j++
			}
			if j < len(line) && line[j] == '~' {
				j = skipDigits(line, j+1)
			}
		case n == 1 && j < len(line) && (line[j] == '+' || line[j] == '~'):
			j = skipDigits(line, j+1)
		case n == 1:
			return 0, false // a comma with no second address
		}
		j = skipBlanks(line, j)
		if n == 0 && j < len(line) && line[j] == ',' {
			j = skipBlanks(line, j+1)
			continue
		}
		break
	}
	for j < len(line) && line[j] == '!' {
		j = skipBlanks(line, j+1)
	}
	return j, true
}

// sedTextsEnd returns the index after the third delimiter of the s or y
// command at k (s/RE/REPL/), past backslash escapes; -1 when it is not
// whole.
func sedTextsEnd(line string, k int) int {
	if k+1 >= len(line) {
		return -1
	}
	d := line[k+1]
	if d == '\\' || d == '\n' {
		return -1
	}
	j := k + 2
	for n := 0; n < 2; n++ {
		e := sedRegexEnd(line, j, d)
		if e < 0 {
			return -1
		}
		j = e + 1
	}
	return j
}

// sedRegexEnd finds the closing delimiter d of a text starting at from,
// past backslash escapes; -1 when there is none.
func sedRegexEnd(c string, from int, d byte) int {
	for j := from; j < len(c); j++ {
		switch c[j] {
		case '\\':
			j++
		case d:
			return j
		}
	}
	return -1
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
