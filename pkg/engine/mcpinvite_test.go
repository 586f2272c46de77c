package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// TestMCPInvitesIntoOrganisation checks that a person invited into an
// organisation, a workspace or a team through an MCP tool asks, whatever
// the role, while listing members and a meeting's invite do not.
func TestMCPInvitesIntoOrganisation(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		server, tool, args string
		stop               bool
	}{
		{"slack", "admin_users_invite", `{"email":"bob@example.com","channel_ids":"C01"}`, true},
		{"fly", "orgs_invite", `{"org":"acme","email":"bob@example.com"}`, true},
		{"github", "create_org_invitation", `{"org":"acme","email":"bob@example.com"}`, true},
		{"github", "list_org_invitations", `{"org":"acme"}`, false},
		{"slack", "users_list", `{"limit":50}`, false},
		{"calendar", "send_meeting_invite", `{"event":"standup","attendees":["alice@acme.io"]}`, false},
	} {
		var a map[string]any
		if err := json.Unmarshal([]byte(c.args), &a); err != nil {
			t.Fatal(err)
		}
		d := e.Evaluate(call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: call.Params{"server": c.server, "tool": c.tool, "arguments": a}})
		if d.Blocks() != c.stop {
			t.Errorf("%s/%s %s: %v (%s), want stopped=%v", c.server, c.tool, c.args, d.Decision, d.Message, c.stop)
		}
	}
}
