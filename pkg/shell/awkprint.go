package shell

import "strings"

// awkBeginText is what an awk program that reads no input and prints one
// literal string prints: awk 'BEGIN{print "TEXT"}' prints TEXT and a
// newline, awk 'BEGIN { printf "TEXT\n" }' prints TEXT as printf would.
// Such an awk is a text carrier as echo is (awk 'BEGIN{print "make"}' |
// sh), and what it feeds a shell is read as that shell's script. Any
// other program (a variable, a field, ENVIRON, a second statement, an
// operand or option) is not read: ok is false.
func awkBeginText(args []string) (string, bool) {
	if len(args) != 1 {
		return "", false // options (-v, -F, -f) or input files
	}
	p := strings.TrimSpace(args[0])
	body, ok := strings.CutPrefix(p, "BEGIN")
	if !ok {
		return "", false
	}
	body = strings.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' || body[len(body)-1] != '}' {
		return "", false
	}
	body = strings.TrimSuffix(strings.TrimSpace(body[1:len(body)-1]), ";")
	body = strings.TrimSpace(body)
	verb := "print"
	rest, ok := strings.CutPrefix(body, "printf")
	if ok {
		verb = "printf"
	} else if rest, ok = strings.CutPrefix(body, "print"); !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if len(rest) < 2 || rest[0] != '"' || rest[len(rest)-1] != '"' {
		return "", false
	}
	lit := rest[1 : len(rest)-1]
	if strings.Contains(lit, `"`) {
		return "", false // "a" x "b": more than one string (or a quote escaped)
	}
	if verb == "printf" {
		if strings.Contains(lit, "%") {
			return "", false
		}
		return decodeEscapes(lit)
	}
	text, ok := decodeEscapes(lit)
	if !ok {
		return "", false
	}
	return text + "\n", true
}
