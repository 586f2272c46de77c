package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// Nim's calls take their arguments by keyword as well as by place, in any
// order: execProcess(command = "rm", args = ["-rf", d], options =
// {poUsePath}), startProcess(args = @["-rf", h], command = "rm"),
// removeDir(dir = d). nimKeywordArgs writes the process and file calls'
// keyword arguments by place (command, then args; the options, the
// environment and the working directory left out, which change nothing
// the call names), and a sequence @[…] as the list […] it holds, so that
// the hooks read them as calls written by place.

// nimKeywordCalls are the calls whose keyword arguments are written by
// place; nimPlaced are the keywords kept, in the order of their places.
var nimKeywordCalls = [...]string{"execProcess(", "startProcess(", "execCmd(", "execCmdEx(", "execShellCmd(", "removeDir(", "removeFile(", "readFile(", "exec("}

var nimPlaced = [...]string{"command", "cmd", "dir", "filename", "args"}

// nimKeywordArgs returns code with the keyword arguments of its process and
// file calls written by place (see above).
func nimKeywordArgs(code string) string {
	if !strings.Contains(code, "=") {
		return code
	}
	code = strings.ReplaceAll(code, "@[", "[")
	for _, call := range nimKeywordCalls {
		for k := 0; ; {
			j := strings.Index(code[k:], call)
			if j < 0 {
				break
			}
			j += k
			k = j + len(call)
			if j > 0 && (literalWordByte(code[j-1]) || code[j-1] == '.') && call == "exec(" {
				continue // os.exec(, p.exec(: no NimScript exec
			}
			end := callEnd(code, k)
			if end < 0 {
				break
			}
			if placed, ok := placeKeywords(topLevelSplit(code[k:end])); ok {
				code = code[:k] + placed + code[end:]
				k += len(placed)
			}
		}
	}
	return code
}

// callEnd returns the index of the parenthesis that closes a call whose
// arguments start at k, or -1.
func callEnd(code string, k int) int {
	if i, c := substrs.TopLevelEnd(code, k, ""); i >= 0 && c == ')' {
		return i
	}
	return -1
}

// placeKeywords writes a call's arguments with its keywords by place; ok is
// false when none has a keyword.
func placeKeywords(args []string) (string, bool) {
	var placed []string
	byName := map[string]string{}
	keyed := false
	for _, a := range args {
		name, val, found := strings.Cut(a, "=")
		name = strings.TrimSpace(name)
		if !found || strings.HasPrefix(val, "=") || !identName(name) {
			placed = append(placed, a)
			continue
		}
		keyed = true
		byName[name] = strings.TrimSpace(val)
	}
	if !keyed {
		return "", false
	}
	for _, n := range nimPlaced {
		if v, ok := byName[n]; ok {
			placed = append(placed, v)
		}
	}
	return strings.Join(placed, ", "), true
}
