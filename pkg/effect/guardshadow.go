package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Rampart's programs shadowed in the agent's own shell: an alias, a
// function or a remembered path (hash -p) put in their name runs whatever
// the agent chose where the hook, the shell wrapper or the evaluator was
// to run (alias rampart-hook=true, rampart-shell() { bash "$@"; }, hash -p
// /bin/true rampart-hook). Each is destroy:guard-off, as a link over the
// installed program is. An alias of another name that only runs one of
// them (alias rp='rampart pending') shadows nothing.

// shadowedGuard returns the Rampart program command c puts an alias or a
// hashed path in the name of, or "".
func shadowedGuard(c *shell.Command) string {
	switch c.Name {
	case "alias":
		for _, w := range c.Args {
			if name, _, ok := strings.Cut(w, "="); ok && guardPrograms.Get(name) {
				return name
			}
		}
	case "hash":
		return hashedGuard(c.Args)
	}
	return ""
}

// hashedGuard returns the Rampart program that hash's arguments give a
// path of the agent's choosing (hash -p PATH NAME...), or "".
func hashedGuard(args []string) string {
	path := false
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-p":
			path = true
			k++ // the path
		case strings.HasPrefix(w, "-") && strings.Contains(w, "p"):
			path = true // -rp PATH: the path follows, p last
			k++
		case strings.HasPrefix(w, "-"):
		default:
			if path && guardPrograms.Get(w) {
				return w
			}
		}
	}
	return ""
}

// guardFunction returns the first Rampart program a line defines a shell
// function in the name of, or "".
func guardFunction(res *shell.Result) string {
	for _, f := range res.Functions {
		if guardPrograms.Get(f) {
			return f
		}
	}
	return ""
}
