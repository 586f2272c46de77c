package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestMCPTunnelTools checks that an MCP tool named for opening a tunnel
// asks, as the same tunnel opened from a shell does, and that listing,
// reading or stopping tunnels does not.
func TestMCPTunnelTools(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		server, tool, args string
		want               call.Action
	}{
		{"ngrok", "create_tunnel", `{"proto":"http","addr":"localhost:8080"}`, call.RequireApproval},
		{"tailscale", "funnel", `{"port":3000,"background":true}`, call.RequireApproval},
		{"cloudflare", "tunnel_create", `{"name":"dev"}`, call.RequireApproval},
		{"dev", "expose_port", `{"port":5173}`, call.RequireApproval},
		{"ngrok", "list_tunnels", `{}`, call.Allow},
		{"ngrok", "stop_tunnel", `{"name":"web"}`, call.Allow},
		{"tailscale", "get_funnel_status", `{}`, call.Allow},
	} {
		if d := e.Evaluate(mcpCallOf(t, tc.server, tc.tool, tc.args)); d.Decision != tc.want {
			t.Errorf("%s/%s = %v (%s), want %v", tc.server, tc.tool, d.Decision, d.Message, tc.want)
		}
	}
}
