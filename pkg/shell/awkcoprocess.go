package shell

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// In gawk, "|&" is two things: a two-way pipe to a command ("cmd" |&
// getline, print |& cmd) and the operator that reads and writes a network
// special file (s = "/inet/tcp/0/host/port"; print |& s). Only the first
// hands a process the connection's data; code that talks to a socket and
// runs nothing is a client, as curl is. awkRunsProcess tells the two apart
// for code that opens an /inet file.

// awkInetVar matches an assignment of an /inet special file to a variable.
var awkInetVar = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"/inet[46]?/`)
}}

// awkRunsProcess reports whether awk code runs a command: system(), a
// command piped into getline, or a "|&" whose other end is not an /inet
// file (a literal one, or a variable the code assigns one).
func awkRunsProcess(code string) bool {
	if strings.Contains(code, "system(") || strings.Contains(code, "| getline") || strings.Contains(code, "|getline") {
		return true
	}
	inet := map[string]bool{}
	for _, m := range awkInetVar.Get().FindAllStringSubmatch(code, -1) {
		inet[m[1]] = true
	}
	for off := 0; ; {
		i := strings.Index(code[off:], "|&")
		if i < 0 {
			return false
		}
		i += off
		off = i + 2
		after := strings.TrimLeft(code[off:], " \t")
		operand := ""
		if strings.HasPrefix(after, "getline") {
			operand = awkOperandBefore(code[:i]) // X |& getline
		} else {
			operand = awkOperandAfter(after) // print … |& X
		}
		if !(inet[operand] || strings.HasPrefix(operand, `"/inet`)) {
			return true
		}
	}
}

// awkOperandBefore gives the name or string literal that ends s.
func awkOperandBefore(s string) string {
	s = strings.TrimRight(s, " \t")
	if strings.HasSuffix(s, `"`) {
		if k := strings.LastIndexByte(s[:len(s)-1], '"'); k >= 0 {
			return s[k:]
		}
		return s
	}
	k := len(s)
	for k > 0 && isNameByte(s[k-1]) {
		k--
	}
	return s[k:]
}

// awkOperandAfter gives the name or string literal s starts with.
func awkOperandAfter(s string) string {
	if strings.HasPrefix(s, `"`) {
		if k := strings.IndexByte(s[1:], '"'); k >= 0 {
			return s[:k+2]
		}
		return s
	}
	k := 0
	for k < len(s) && isNameByte(s[k]) {
		k++
	}
	return s[:k]
}
