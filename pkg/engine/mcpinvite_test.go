package engine

import "testing"

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
		d := e.Evaluate(mcpCallOf(t, c.server, c.tool, c.args))
		if d.Blocks() != c.stop {
			t.Errorf("%s/%s %s: %v (%s), want stopped=%v", c.server, c.tool, c.args, d.Decision, d.Message, c.stop)
		}
	}
}
