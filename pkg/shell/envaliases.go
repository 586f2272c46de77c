package shell

import "strings"

// Code often takes the whole environment once and looks names up in it
// later under a name of its own: val e = System.getenv() then e["HOME"]
// (Kotlin), def m = System.getenv() then m.HOME (Groovy), final vars =
// Platform.environment then vars['HOME'] (Dart). The lookup's chain holds
// no "env" word then; envAliases gives the names such code binds to the
// environment, so that a lookup of HOME in one is the home as it is in the
// environment itself (envhomes.go).

// envAliases returns the names code binds to a value whose chain of names
// holds "env" and nothing else (no argument, no literal): the environment
// as a map.
func envAliases(code string) []string {
	if !strings.Contains(code, "=") {
		return nil
	}
	var out []string
	for k := strings.IndexByte(code, '='); k >= 0; {
		if k+1 < len(code) && (code[k+1] == '=' || code[k+1] == '>') {
			k = nextEquals(code, k+2)
			continue
		}
		name := boundName(code[:k+1])
		rest := strings.TrimLeft(code[k+1:], " \t")
		e := 0
		for e < len(rest) && (isIdent(rest[e]) || strings.IndexByte(".:/()", rest[e]) >= 0) {
			e++
		}
		rhs := rest[:e]
		if name != "" && rhs != "" && strings.Contains(strings.ToLower(rhs), "env") && statementEnds(rest[e:]) &&
			!strings.Contains(strings.ReplaceAll(rhs, "()", ""), "(") {
			out = append(out, name)
		}
		k = nextEquals(code, k+1)
	}
	return out
}

// nextEquals gives the index of the next '=' in code at or after from,
// or -1.
func nextEquals(code string, from int) int {
	if from >= len(code) {
		return -1
	}
	k := strings.IndexByte(code[from:], '=')
	if k < 0 {
		return -1
	}
	return from + k
}
