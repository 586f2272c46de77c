package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// Money recorded or settled in accounting services, documents sent for
// signature, posts on public networks, branch policies and machines
// powered off ask through an MCP tool of any server; drafts, private
// posts and reads pass.
func TestMCPMoneyPostsAndPolicies(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		server, tool, args string
		stop               bool
	}{
		{"xero", "create-payment", `{"invoiceId":"inv-1","amount":10}`, true},
		{"quickbooks", "create_refund_receipt", `{"customer":"c1","amount":5}`, true},
		{"xero", "update-invoice", `{"invoiceId":"inv-1","status":"VOIDED"}`, true},
		{"freshbooks", "create_invoice", `{"client":"c1","status":"sent"}`, true},
		{"xero", "create-invoice", `{"contactId":"c1","status":"DRAFT"}`, false},
		{"xero", "list-payments", `{}`, false},
		{"docusign", "send_envelope", `{"template_id":"nda"}`, true},
		{"docusign", "create_envelope", `{"template_id":"nda","status":"sent"}`, true},
		{"docusign", "create_envelope", `{"template_id":"nda","status":"created"}`, false},
		{"twitter", "post_tweet", `{"text":"hello"}`, true},
		{"bluesky", "create_post", `{"text":"hello"}`, true},
		{"linkedin", "create_share", `{"text":"we are hiring"}`, true},
		{"youtube", "upload_video", `{"file":"a.mp4","privacy":"public"}`, true},
		{"youtube", "upload_video", `{"file":"a.mp4","privacy":"private"}`, false},
		{"mastodon", "post_status", `{"status":"hi","visibility":"direct"}`, false},
		{"wordpress", "create_post", `{"title":"notes","status":"draft"}`, false},
		{"twitter", "search_tweets", `{"query":"acme"}`, false},
		{"azure-devops", "update_branch_policy", `{"branch":"main","minimumApproverCount":0}`, true},
		{"bitbucket", "update_branch_restrictions", `{"pattern":"main"}`, true},
		{"bitbucket", "get_branch_restrictions", `{"pattern":"main"}`, false},
		{"hetzner", "power_off_server", `{"id":4411}`, true},
		{"hetzner", "list_servers", `{}`, false},
		{"s3", "put_bucket_policy", `{"bucket":"b","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\": \"*\",\"Action\":\"s3:GetObject\"}]}"}`, true},
		{"gcs", "set_iam_policy", `{"bucket":"b","bindings":[{"role":"roles/storage.objectViewer","members":["allUsers"]}]}`, true},
		{"s3", "put_bucket_policy", `{"bucket":"b","policy":"{\"Statement\":[{\"Principal\":{\"AWS\":\"arn:aws:iam::1:role/ci\"}}]}"}`, false},
		{"okta", "reset_factors", `{"userId":"00u7def"}`, true},
		{"auth0", "delete_mfa_enrollment", `{"id":"dev_1"}`, true},
		{"okta", "list_factors", `{"userId":"00u7def"}`, false},
		{"1password", "item_delete", `{"vault":"Engineering","item":"old deploy key"}`, true},
		{"github", "delete_comment", `{"owner":"acme","repo":"api","comment_id":7}`, false},
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
	if p := readToolParts("power_off_server"); p.verb != "stop" {
		t.Errorf("power_off_server: verb %q, want stop", p.verb)
	}
}
