package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A tool whose name ends in a record's word is exempt from production's
// changes only when its arguments carry that record (its text or which
// one it is): given only a service's places, it acts on the service.
func TestRecordExemptionNeedsTheRecord(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		server, tool, args string
		want               call.Action
	}{
		{"argo", "sync_app_note", `{"app":"payments","cluster":"prod"}`, call.RequireApproval},
		{"ops", "rotate_keys_note", `{"environment":"production","service":"billing"}`, call.RequireApproval},
		{"argo", "sync_application_card", `{"application":"web","cluster":"production"}`, call.RequireApproval},
		{"jira", "add_note", `{"issue":"OPS-12","body":"restart done","environment":"production"}`, call.Allow},
		{"linear", "update_issue_note", `{"issueId":"ENG-1","note":"prod fixed"}`, call.Allow},
		{"pagerduty", "add_incident_note", `{"incident_id":"P123","content":"mitigated on prod"}`, call.Allow},
	} {
		if d := e.Evaluate(mcpCallOf(t, tt.server, tt.tool, tt.args)); d.Decision != tt.want {
			t.Errorf("%s %s = %v (%s), want %v", tt.tool, tt.args, d.Decision, d.Message, tt.want)
		}
	}
}

// TestGenericRecordKeys: an id, key or state carries a record only where
// the tool's name names nothing but records.
func TestGenericRecordKeys(t *testing.T) {
	for _, c := range []struct {
		tool string
		args map[string]any
		want bool
	}{
		{"update_issue", map[string]any{"id": "ENG-7", "state": "Done"}, true},
		{"update_config_issue", map[string]any{"environment": "production", "key": "payments.enabled"}, false},
		{"update-firewall-note", map[string]any{"rule": "allow-all", "state": "enabled"}, false},
		{"update_config_issue", map[string]any{"issueId": "OPS-1"}, true},
		{"add_comment_to_issue", map[string]any{"issue": "OPS-1", "body": "x"}, true},
	} {
		if got := readToolParts(c.tool).carriesRecord(c.args); got != c.want {
			t.Errorf("%s carriesRecord(%v) = %v, want %v", c.tool, c.args, got, c.want)
		}
	}
}
