package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

func TestSegmentVerbClass(t *testing.T) {
	for _, c := range []struct{ seg, want string }{
		{"delete", "destroy"}, {"purge", "wipe"}, {"flush-all", "wipe"}, {"delete_user", "destroy"},
		{"deploy", "publish"}, {"set", "change"}, {"hugo-deploy", ""}, {"users", ""}, {"status", "read"},
	} {
		if got := segmentVerbClass(c.seg); got != c.want {
			t.Errorf("segmentVerbClass(%q) = %q, want %q", c.seg, got, c.want)
		}
	}
}

// A GET of another machine's management endpoint that names an action
// (a delete, a purge, a deploy to production, ?action=disable) is that
// action; reads, documentation and this machine's dev servers are not.
func TestFetchesThatAct(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		url  string
		want call.Action
	}{
		{"https://api.acme.com/v1/admin/users/delete?inactive_days=30", call.RequireApproval},
		{"http://10.0.8.2:15672/api/queues/%2F/orders/purge", call.RequireApproval},
		{"https://deploy.acme.dev/hooks/deploy?env=production", call.RequireApproval},
		{"http://haproxy.internal:8404/stats?action=disable&s=web-01", call.RequireApproval},
		{"https://api.acme.com/admin/flags/set?flag=x&env=production", call.RequireApproval},
		{"http://10.0.12.7:8080/admin/cache/flush-all?confirm=yes", call.RequireApproval},
		// the stage is read as MCP targets are: any name of production,
		// any name of a development stage
		{"https://api.acme.com/admin/flags/set?flag=x&stage=prod-eu", call.RequireApproval},
		{"https://api.acme.com/admin/flags/set?flag=x&env=uat", call.Allow},
		{"https://api.acme.com/admin/flags/set?flag=x&env=staging", call.Allow},
		{"https://hooks.acme.dev/release/promote?stage=staging", call.Allow},
		{"https://hooks.acme.dev/release/promote?stage=prod&dry_run=1", call.Allow},
		{"http://haproxy.internal:8404/stats?action=show", call.Allow},
		{"http://localhost:8080/admin/users/delete", call.Allow},
		{"https://developer.mozilla.org/en-US/docs/Web/HTTP/Methods/DELETE", call.Allow},
		{"https://docs.ntfy.sh/publish/", call.Allow},
		{"https://gohugo.io/hosting-and-deployment/hugo-deploy/", call.Allow},
		{"https://example.com/blog/how-we-delete", call.Allow},
	} {
		if d := e.Evaluate(mkCall(call.ToolFetch, tt.url)); d.Decision != tt.want {
			t.Errorf("fetch %q = %v (%s), want %v", tt.url, d.Decision, d.Message, tt.want)
		}
	}
}
