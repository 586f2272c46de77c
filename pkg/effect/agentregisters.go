package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
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

// registerCLIs are agent CLIs beyond agentCLIs that register MCP servers
// or extensions the same way (amp mcp add, opencode mcp add, q mcp add).
var registerCLIs = table.Map[string, bool]{Words: "amp opencode q kiro-cli goose crush droid auggie"}

// editorCLIs are editors' command lines whose --add-mcp registers an MCP
// server the editor's agent starts.
var editorCLIs = table.Map[string, bool]{Words: "code code-insiders cursor windsurf codium kiro"}

// agentRegistersCode adds unknown:code for an agent CLI that registers an
// MCP server, an extension or a plugin. agent is agentRunOf(c).
func (a *analysis) agentRegistersCode(i int, c *shell.Command, agent agentRun) {
	name, args := agent.name, agent.args // agentCLIOf(c)
	if name == "" {
		name, args = c.Name, c.Args
	}
	if v := registersCode(name, args); v != "" {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " registers code it runs later, at each session (" + v + ")"})
	}
}

// registersCode returns the verb by which an agent CLI's arguments
// register code it runs later, or "".
func registersCode(name string, args []string) string {
	if editorCLIs.Get(name) {
		for _, w := range args {
			if w == "--add-mcp" || strings.HasPrefix(w, "--add-mcp=") {
				return "--add-mcp"
			}
		}
		return ""
	}
	if !agentCLIs.Get(name) && !registerCLIs.Get(name) {
		return ""
	}
	// the verbs may follow global options and their values (claude
	// --model opus mcp add, codex -c k=v mcp add): look for them among the
	// words before the first "--"
	var words []string
	for _, w := range args {
		if w == "--" {
			break
		}
		if len(w) > 0 && w[0] == '-' {
			continue
		}
		words = append(words, w)
		if len(words) == 6 {
			break
		}
	}
	for s := 0; s < len(words); s++ {
		for _, v := range agentRegisters {
			if len(words)-s < len(v) {
				continue
			}
			same := true
			for k := range v {
				same = same && words[s+k] == v[k]
			}
			if same {
				return joinWords(v)
			}
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
