package engine

import (
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// tunnelNouns are the words of an MCP tool's name that say what it acts on
// is a tunnel: a port of this machine opened to the internet or to other
// hosts (ngrok's create_tunnel, tailscale's funnel, expose_port,
// start_port_forward). "funnel" and "expose" are their own verbs.
var tunnelNouns = table.Map[string, bool]{Words: "tunnel tunnels funnel expose exposure"}

// tunnelClosers are verbs that close or stop a tunnel rather than open one.
var tunnelClosers = table.Map[string, bool]{Words: "stop close cancel disconnect end off reset"}

// opensTunnel judges an MCP tool whose name says it opens a tunnel
// (create_tunnel, start_tunnel, funnel, expose_port) as the tunnel an
// exec of the same tool opens (ngrok http 3000, tailscale funnel 3000): a
// port of this machine reachable from elsewhere, which a person confirms.
// A tool that only lists or reads tunnels, or closes one, opens none.
func (w *mcpWalk) opensTunnel() {
	p := readToolParts(w.tool)
	if p.class == verbRead {
		return
	}
	if k := toolVerbKinds.Get(p.verb); k == "destroy" || k == "disable" || k == "wipe" {
		return
	}
	named := false
	for _, word := range p.words {
		if tunnelClosers.Get(word) {
			return
		}
		named = named || tunnelNouns.Get(word)
	}
	if named {
		w.ev.judgeEffect(effect.Effect{Kind: effect.Tunnel, Cmd: -1, Detail: "service", Word: w.server + " " + w.tool}, call.ToolMCP)
	}
}
