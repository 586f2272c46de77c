package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// TestRunsNamedForProduction: a changing MCP tool started on a pipeline,
// workflow or job whose name says production (deploy-production,
// deploy-prod.yml) changes production; SQL that changes data on a
// database branch named for production is production's. Their looks, and
// the same calls on other pipelines and branches, are everyday work.
func TestRunsNamedForProduction(t *testing.T) {
	e := standard(t)
	for args, want := range map[string]call.Action{
		`{"server":"buildkite","tool":"create_build","arguments":{"org":"acme","pipeline_slug":"deploy-production","branch":"main"}}`:                            call.RequireApproval,
		`{"server":"github","tool":"run_workflow","arguments":{"owner":"acme","repo":"api","workflow_id":"deploy-prod.yml","ref":"main"}}`:                       call.RequireApproval,
		`{"server":"circleci","tool":"run_pipeline","arguments":{"projectSlug":"gh/acme/api","pipelineName":"deploy-production"}}`:                               call.RequireApproval,
		`{"server":"jenkins","tool":"trigger_job","arguments":{"job_name":"nightly-prod-backup"}}`:                                                               call.RequireApproval,
		`{"server":"neon","tool":"run_sql","arguments":{"projectId":"p-1","branchId":"br-main-production","sql":"UPDATE subs SET status = 'x'"}}`:                call.RequireApproval,
		`{"server":"buildkite","tool":"create_build","arguments":{"org":"acme","pipeline_slug":"api","branch":"feature/invoice-pdf"}}`:                           call.Allow,
		`{"server":"buildkite","tool":"create_build","arguments":{"org":"acme","pipeline_slug":"products-catalog","branch":"main"}}`:                             call.Allow,
		`{"server":"buildkite","tool":"list_builds","arguments":{"org":"acme","pipeline_slug":"deploy-production"}}`:                                             call.Allow,
		`{"server":"github","tool":"run_workflow","arguments":{"owner":"acme","repo":"api","workflow_id":"ci.yml","ref":"feature/x"}}`:                           call.Allow,
		`{"server":"jenkins","tool":"trigger_job","arguments":{"job_name":"unit-tests"}}`:                                                                        call.Allow,
		`{"server":"neon","tool":"run_sql","arguments":{"projectId":"p-1","branchId":"br-main-production","sql":"SELECT count(*) FROM subs"}}`:                   call.Allow,
		`{"server":"neon","tool":"run_sql","arguments":{"projectId":"p-1","branchId":"br-products-import","sql":"UPDATE products SET price = 10 WHERE id = 3"}}`: call.Allow,
	} {
		var c struct {
			Server    string `json:"server"`
			Tool      string `json:"tool"`
			Arguments json.RawMessage
		}
		if err := json.Unmarshal([]byte(args), &c); err != nil {
			t.Fatalf("%s: %v", args, err)
		}
		d := e.Evaluate(mcpCallOf(t, c.Server, c.Tool, string(c.Arguments)))
		if d.Decision < want || want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%s = %v (%s), want %v", args, d.Decision, d.Message, want)
		}
	}
}

// TestSupportReplies: a reply to a support conversation or ticket reaches
// the customer who wrote in; an internal note, a reply marked not public,
// a look at the conversation and a reply in the team's chat thread do not.
func TestSupportReplies(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		server, tool, args string
		want               call.Action
	}{
		{"intercom", "reply_conversation", `{"conversation_id":"2154","body":"Your refund was issued today.","message_type":"comment"}`, call.RequireApproval},
		{"intercom", "reply_to_conversation", `{"conversation_id":"88120","body":"We have shipped a fix."}`, call.RequireApproval},
		{"zendesk", "reply_ticket", `{"ticket_id":4521,"body":"Fixed in 4.2","public":true}`, call.RequireApproval},
		{"freshdesk", "reply_to_ticket", `{"ticket_id":77,"body":"We are on it"}`, call.RequireApproval},
		{"intercom", "reply_conversation", `{"conversation_id":"2154","body":"see JIRA-12","message_type":"note"}`, call.Allow},
		{"zendesk", "reply_ticket", `{"ticket_id":4521,"body":"repro attached","public":false}`, call.Allow},
		{"intercom", "get_conversation", `{"conversation_id":"2154"}`, call.Allow},
		{"slack", "slack_reply_to_thread", `{"channel_id":"C0TEAM","thread_ts":"1701.22","text":"on it"}`, call.Allow},
	} {
		d := e.Evaluate(mcpCallOf(t, tc.server, tc.tool, tc.args))
		if d.Decision < tc.want || tc.want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%s/%s %s = %v (%s), want %v", tc.server, tc.tool, tc.args, d.Decision, d.Message, tc.want)
		}
	}
}
