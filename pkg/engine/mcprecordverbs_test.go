package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A record's name exempts a change from production's place only when the
// verb files or edits a record: a verb that runs, ships or wipes what it
// names acts on what runs, whatever word the name ends with, and a tool
// that only runs something (run_workflow) is no query tool.
func TestRecordExemptionNeedsARecordVerb(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		server, tool, args string
		want               call.Action
	}{
		{"argo", "sync_application_as_draft_note", `{"app":"payments","cluster":"prod"}`, call.RequireApproval},
		{"flux", "reconcile_kustomization_note", `{"namespace":"production","name":"apps"}`, call.RequireApproval},
		{"servicenow", "implement_change_ticket", `{"environment":"production","change":"CHG1"}`, call.RequireApproval},
		{"gitlab", "run_pipeline_comment", `{"ref":"main","variables":[{"key":"DEPLOY_ENV","value":"production"}]}`, call.RequireApproval},
		{"neon", "reset_branch", `{"projectId":"shop-prod","branch":"main"}`, call.RequireApproval},
		{"gcp", "run_build_trigger", `{"projectId":"acme-prod","trigger":"deploy-api"}`, call.RequireApproval},
		{"github", "run_workflow", `{"project":"acme/infra-prod","workflow":"apply.yml"}`, call.RequireApproval},
		{"gcp", "update_run_job", `{"project":"acme-prod","job":"export"}`, call.RequireApproval},
		// a record's name never exempts a change made in a cluster, a
		// namespace or a database
		{"k8s", "update_deployment_note", `{"namespace":"production","name":"api","replicas":0}`, call.RequireApproval},
		{"k8s", "create_job_note", `{"cluster":"prod","image":"busybox"}`, call.RequireApproval},
		// records filed or edited pass
		{"sentry", "update_issue", `{"environment":"production","issueId":"4412","status":"resolved"}`, call.Allow},
		{"jira", "update_issue_status", `{"project":"PROD","issue":"PROD-12","status":"Done"}`, call.Allow},
		{"clickup", "update_task", `{"project":"acme-prod","task":"123"}`, call.Allow},
		{"gitlab", "retry_pipeline", `{"project":"acme/app-prod","pipeline_id":9912}`, call.Allow},
		{"neon", "create_branch", `{"projectId":"acme-production","branchName":"preview-pr-42"}`, call.Allow},
		{"gcp", "cloud_run_list_services", `{"project":"acme-prod","region":"us-central1"}`, call.Allow},
		{"ssh", "execute", `{"host":"prod-db-1","command":"df -h"}`, call.Allow},
	} {
		if d := e.Evaluate(mcpCallOf(t, c.server, c.tool, c.args)); d.Decision != c.want {
			t.Errorf("%s %s = %v (%s), want %v", c.tool, c.args, d.Decision, d.Message, c.want)
		}
	}
}
