package engine

import (
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

func TestSegmentVerbClass(t *testing.T) {
	for _, c := range []struct{ seg, want string }{
		{"delete", "destroy"}, {"purge", "wipe"}, {"flush-all", "wipe"}, {"delete_user", "destroy"},
		{"deploy", "publish"}, {"set", "change"}, {"hugo-deploy", ""}, {"users", ""}, {"status", "read"}, {"reset-password", ""}, {"seal-status", "read"}, {"new-checkout", ""},
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

// An HTTP client's GET is read as the fetch tool's is, and the action is
// found behind a handler's extension, a segment's parameters, trailing
// selectors, other action parameters and an application's own "docs" or
// "blog" collections; documentation, files and questions stay reads.
func TestCommandFetchesThatAct(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{call.ToolExec, "curl -s 'https://api.prod.acme.com/admin/users/delete?all=true'", call.RequireApproval},
		{call.ToolExec, "wget -qO- https://ops.acme.com/api/queues/orders/purge", call.RequireApproval},
		{call.ToolExec, "curl -s 'https://admin.acme.com/users/delete.php?all=1'", call.RequireApproval},
		{call.ToolExec, "curl -s https://api.acme.com/cache/flush.json", call.RequireApproval},
		{call.ToolExec, "curl -s 'https://api.acme.com/admin/users/delete/all'", call.RequireApproval},
		{call.ToolExec, "curl -s https://api.acme.com/admin/users/delete/all.json", call.RequireApproval},
		{call.ToolExec, "curl -s 'https://api.acme.com/admin/tables/orders/truncate/confirm'", call.RequireApproval},
		{call.ToolExec, "curl -s 'https://api.acme.com/admin/tables?mode=drop&name=orders'", call.RequireApproval},
		{call.ToolExec, "curl -s 'https://api.acme.com/admin/queues/orders/purge;jsessionid=x'", call.RequireApproval},
		{call.ToolFetch, "https://api.acme.com/docs/orders/delete?all=true", call.RequireApproval},
		{call.ToolFetch, "https://cms.prod.acme.com/api/blog/posts/purge", call.RequireApproval},
		{call.ToolExec, "curl -s https://vault.acme.internal/v1/sys/seal-status", call.Allow},
		{call.ToolExec, "curl -s 'https://app.launchdarkly.com/api/v2/flags/web/new-checkout?env=production'", call.Allow},
		{call.ToolExec, "curl -s -o purge.sh https://raw.githubusercontent.com/acme/tools/main/purge.sh", call.Allow},
		{call.ToolExec, "curl -s http://localhost:8080/admin/cache/flush", call.Allow},
		{call.ToolExec, "curl -s 'https://api.acme.com/admin/users?mode=list'", call.Allow},
		{call.ToolFetch, "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_delete/", call.Allow},
		{call.ToolFetch, "https://www.php.net/manual/en/function.unlink.php", call.Allow},
	} {
		if d := e.Evaluate(mkCall(tt.tool, tt.arg)); d.Decision != tt.want {
			t.Errorf("%s %q = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}

// A package's or a branch's name is no action, whatever verb it is.
func TestFetchedNamesAreNoAction(t *testing.T) {
	e := standard(t)
	for _, c := range []string{
		"curl -s https://registry.npmjs.org/del",
		"curl -s https://crates.io/api/v1/crates/wipe",
		"curl -s https://api.github.com/repos/acme/app/git/refs/heads/delete-me",
		"curl -s https://gitlab.acme.com/api/v4/projects/12/repository/tags/purge",
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, c)); d.Decision != call.Allow {
			t.Errorf("%q = %v (%s), want allow", c, d.Decision, d.Message)
		}
	}
}

// curl -G sends its data as a GET's query: the path still names the action.
func TestCurlGetActs(t *testing.T) {
	e := standard(t)
	c := "curl -sG https://api.prod.acme.com/admin/users/delete -d all=true"
	if d := e.Evaluate(mkCall(call.ToolExec, c)); d.Decision == call.Allow {
		t.Errorf("%q = allow, want it stopped", c)
	}
}

// TestFetchActionIdsAndQueries: an id with letters after the verb
// (/users/delete/abc123), a trailing dot, and curl's --url-query
// parameters leave the action where it was.
func TestFetchActionIdsAndQueries(t *testing.T) {
	for segs, want := range map[string]string{
		"admin/users/delete/abc123":                               "delete",
		"admin/users/delete/3f2a9c1e-7b7d-4c1e-9d0b-2c5e1a7f0e11": "delete",
		"admin/users/delete.":                                     "delete",
		"v1/orders/abc123":                                        "orders",
		"admin/users/delete/v2":                                   "v2",
	} {
		if got := actionSegment(strings.Split(segs, "/")); got != want {
			t.Errorf("actionSegment(%s) = %q, want %q", segs, got, want)
		}
	}
	if got := urlQueryArgs([]string{"-s", "--url-query", "action=drop", "--url-query=+cmd=x", "https://h/a"}); got != "action=drop&cmd=x" {
		t.Errorf("urlQueryArgs = %q", got)
	}
}
