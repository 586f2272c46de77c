package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// The shell's own spelling of an environment dump: the variables' names
// listed (compgen -v, compgen -e, env | cut -d= -f1, declare -x) and each
// printed through an indirect expansion, echo "$v=${!v}" — every
// variable's value, as the code dumps of codeenviron.go print them.
// ${!prefix*}, ${!prefix@} and ${!array[@]} expand to names, not values.

// indirectDump reports an echo or printf that prints ${!NAME} on a line
// that lists the variables' names.
func (a *analysis) indirectDump(c *shell.Command) bool {
	if c.Name != "echo" && c.Name != "printf" {
		return false
	}
	indirect := false
	for _, w := range c.Args {
		indirect = indirect || indirectValue(w)
	}
	if !indirect {
		return false
	}
	for k := range a.res.Commands {
		if listsNames(&a.res.Commands[k]) {
			return true
		}
	}
	return false
}

// indirectValue reports a word holding ${!NAME}: the value of the
// variable NAME names.
func indirectValue(w string) bool {
	for {
		i := strings.Index(w, "${!")
		if i < 0 {
			return false
		}
		w = w[i+3:]
		j := strings.IndexByte(w, '}')
		if j <= 0 {
			return false
		}
		name := w[:j]
		if !strings.ContainsAny(name, "*@[") && strings.TrimFunc(name, func(r rune) bool {
			return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		}) == "" {
			return true
		}
	}
}

// listsNames reports a command whose output is the variables' names (or
// lines that begin with them): compgen -v/-e/-A variable/-A export, env,
// printenv, export -p, declare -x/-p, set.
func listsNames(c *shell.Command) bool {
	switch c.Name {
	case "compgen":
		for i, w := range c.Args {
			if w == "-v" || w == "-e" || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.ContainsAny(w, "ve") && !strings.ContainsAny(w, "AWXPS") {
				return true
			}
			if w == "-A" && i+1 < len(c.Args) && (c.Args[i+1] == "variable" || c.Args[i+1] == "export") {
				return true
			}
		}
	case "env", "printenv", "set":
		return len(c.Args) == 0 || c.Name == "env" && envPrints(c)
	case "export", "declare", "typeset":
		for _, w := range c.Args {
			if w == "-p" || w == "-x" || w == "-px" || w == "-xp" {
				return true
			}
		}
	}
	return false
}
