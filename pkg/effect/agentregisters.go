package effect

import (
	"rampart.dev/pkg/shell"
)

// An agent CLI told to add code it will run later: an MCP server
// registered (claude mcp add NAME -- CMD, claude mcp add-json NAME JSON,
// codex mcp add, gemini mcp add NAME CMD), an extension or a plugin
// installed (gemini extensions install URL, claude plugin install X).
// The agent starts that code on its own at each session, so its
// registration is code nobody here has read: unknown:code, which the
// standard profile asks about. Listing, getting and removing servers is
// everyday work.

// agentRegisters are the verbs, after an agent CLI's name, that register
// code the agent runs later.
var agentRegisters = [][]string{
	{"mcp", "add"}, {"mcp", "add-json"}, {"mcp", "add-from-claude-desktop"},
	{"extensions", "install"}, {"extensions", "link"}, {"plugin", "install"}, {"plugin", "marketplace", "add"},
}

// agentRegistersCode adds unknown:code for an agent CLI that registers an
// MCP server, an extension or a plugin.
func (a *analysis) agentRegistersCode(i int, c *shell.Command) {
	if v := registersCode(c.Name, c.Args); v != "" {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " registers code it runs later, at each session (" + v + ")"})
	}
}

// registersCode returns the verb by which an agent CLI's arguments
// register code it runs later, or "".
func registersCode(name string, args []string) string {
	if !agentCLIs.Get(name) {
		return ""
	}
	var words []string
	for _, w := range args {
		if len(w) > 0 && w[0] == '-' {
			continue
		}
		words = append(words, w)
		if len(words) == 3 {
			break
		}
	}
	for _, v := range agentRegisters {
		if len(words) < len(v) {
			continue
		}
		same := true
		for k := range v {
			same = same && words[k] == v[k]
		}
		if same {
			return joinWords(v)
		}
	}
	return ""
}

func joinWords(w []string) string {
	s := ""
	for k, x := range w {
		if k > 0 {
			s += " "
		}
		s += x
	}
	return s
}
