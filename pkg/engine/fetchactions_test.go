package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

func TestSegmentVerbClass(t *testing.T) {
	for _, c := range []struct{ seg, want string }{
		{"delete", "destroy"}, {"purge", "wipe"}, {"flush-all", "wipe"}, {"delete_user", "destroy"},
		{"deploy", "publish"}, {"set", "change"}, {"hugo-deploy", ""}, {"users", ""}, {"status", "read"},
		// camelCase, bulk prefixes, run together with "all", a record of
		// the action rather than the action
		{"deleteAll", "destroy"}, {"DeleteAllOrders", "destroy"}, {"bulkDelete", "destroy"}, {"DROP_ALL_TABLES", "destroy"},
		{"deleteall", "destroy"}, {"buildWithParameters", "change"}, {"purgeStatus", ""}, {"deletedItems", ""}, {"lastBuild", ""},
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

func TestActionSegment(t *testing.T) {
	for _, c := range []struct {
		seg, want string
		ok        bool
	}{
		{"orders:drop", "drop", true}, {"web:restart", "restart", true}, {"Users.DeleteAll", "DeleteAll", true},
		{"delete.html", "", false}, {"index.php", "", false}, {"v1.2", "", false}, {"trigger", "trigger", true},
	} {
		if got, ok := actionSegment(c.seg); got != c.want || ok != c.ok {
			t.Errorf("actionSegment(%q) = %q, %v, want %q, %v", c.seg, got, ok, c.want, c.ok)
		}
	}
}

// A fetcher's GET (curl, wget, HTTPie; curl -G with its data in the
// query) is judged as the fetch tool's: a URL that names an action does
// it, whatever the spelling of the action's name; reads and this
// machine's servers pass.
func TestCommandFetchesThatAct(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		line string
		want call.Action
	}{
		{"curl -s 'https://api.prod.acme.com/api/deleteAll?table=orders'", call.RequireApproval},
		{"wget -qO- https://api.prod.acme.com/v1/databases/orders:drop", call.RequireApproval},
		{"http GET https://api.prod.acme.com/admin/Users.DeleteAll", call.RequireApproval},
		{"curl -s 'https://api.prod.acme.com/admin/index.php?action=drop_database'", call.RequireApproval},
		{"curl --get https://api.prod.acme.com/admin/run -d cmd=truncate -d table=orders", call.RequireApproval},
		{"curl -s https://ops.acme.com/api/jobs/nightly/trigger", call.RequireApproval},
		{"curl -s https://jenkins.acme.com/job/api/buildWithParameters?BRANCH=main", call.RequireApproval},
		{"xh https://ops.acme.com/v1/apps/web:restart", call.RequireApproval},
		{"curl -s 'https://api.staging.acme.com/v1/users:deleteAll'", call.RequireApproval},
		{"curl -s https://jenkins.acme.com/job/api/lastBuild/api/json", call.Allow},
		{"curl -s https://api.prod.acme.com/v1/purgeStatus", call.Allow},
		{"curl -s 'https://ops.acme.com/api/v1/restarts?since=1h'", call.Allow},
		{"curl -s http://localhost:8080/admin/deleteAll", call.Allow},
		{"git clone https://github.com/acme/deploy", call.Allow},
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, tt.line)); d.Decision != tt.want {
			t.Errorf("%q = %v (%s), want %v", tt.line, d.Decision, d.Message, tt.want)
		}
	}
}
