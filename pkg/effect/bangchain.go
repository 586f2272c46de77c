package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// ordinaryChain reports whether a "!" alias's command line (git -c
// alias.sync='!git fetch origin && git rebase origin/main') runs only the
// setting's ordinary programs, from the system, each with plain words: the
// alias is then those commands, which the walker judges as they are
// (git clean -fdx there asks as it would alone). Set for one call only:
// written to a configuration, it runs unprompted in every later call.
func (a *analysis) ordinaryChain(s *catalog.Setting, u catalog.SettingUse, line string) bool {
	if u.Persistent || len(s.Ordinary) == 0 {
		return false
	}
	res := shell.Parse(line)
	if res.Unparsed || res.Truncated || len(res.Commands) == 0 {
		return false
	}
	for k := range res.Commands {
		c := &res.Commands[k]
		if c.Name == "" || c.Dynamic || len(c.Redirects) > 0 || len(c.Assigns) > 0 || !systemProgram(c.Program) || !s.OrdinaryProgram(c.Name) {
			return false
		}
		for _, w := range c.Args {
			if strings.ContainsAny(w, "!(;|&<>`$") || tempArg(w) {
				return false
			}
		}
	}
	return true
}
