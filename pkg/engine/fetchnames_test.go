package engine

import (
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

// TestActionNameSpellings checks the spellings of an action's name a GET's
// path or query may use: camelCase, bulk prefixes, run together with
// "all", upper case with underscores; and a name that records the action
// (purgeStatus) rather than takes it.
func TestActionNameSpellings(t *testing.T) {
	for _, c := range []struct{ seg, want string }{
		{"deleteAll", "destroy"}, {"DeleteAllOrders", "destroy"}, {"bulkDelete", "destroy"}, {"DROP_ALL_TABLES", "destroy"},
		{"deleteall", "destroy"}, {"DropTable", "destroy"}, {"buildWithParameters", "change"},
		{"purgeStatus", "read"}, {"deletedItems", ""}, {"lastBuild", ""}, {"users", ""},
		{"seal-status", "read"}, {"reset-password", ""}, {"new-checkout", ""},
	} {
		if got := segmentVerbClass(c.seg); got != c.want {
			t.Errorf("segmentVerbClass(%q) = %q, want %q", c.seg, got, c.want)
		}
	}
	for _, c := range []struct{ path, want string }{
		{"v1/databases/orders:drop", "drop"}, {"admin/Users.DeleteAll", "DeleteAll"}, {"admin/delete.php", "delete"},
		{"docs/delete.html", ""}, {"pkg/v1.2", ""}, {"users/delete/all", "delete"},
	} {
		if got := actionSegment(strings.Split(c.path, "/")); got != c.want {
			t.Errorf("actionSegment(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// TestCommandFetchSpellings checks that an HTTP client's GET of another
// machine's endpoint that names an action is stopped whatever the name's
// spelling (a custom method after a colon, a method after a dot, curl -G's
// data in the query, a job triggered below its name), and that reads,
// records of actions and this machine's servers pass.
func TestCommandFetchSpellings(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		line    string
		stopped bool
	}{
		{"curl -s 'https://api.prod.acme.com/api/deleteAll?table=orders'", true},
		{"wget -qO- https://api.prod.acme.com/v1/databases/orders:drop", true},
		{"http GET https://api.prod.acme.com/admin/Users.DeleteAll", true},
		{"curl --get https://api.prod.acme.com/admin/run -d cmd=truncate -d table=orders", true},
		{"curl -s https://ops.acme.com/api/jobs/nightly/trigger", true},
		{"curl -s https://jenkins.acme.com/job/api/buildWithParameters?BRANCH=main", true},
		{"curl -s 'https://api.prod.acme.com/api?do=DropTable&t=orders'", true},
		{"curl -s 'https://api.prod.acme.com/admin;action=drop'", true},
		{"curl -s https://jenkins.acme.com/job/api/lastBuild/api/json", false},
		{"curl -s https://api.prod.acme.com/v1/purgeStatus", false},
		{"curl -s 'https://ops.acme.com/api/v1/restarts?since=1h'", false},
		{"curl -s http://localhost:8080/admin/deleteAll", false},
	} {
		d := e.Evaluate(mkCall(call.ToolExec, tt.line))
		if got := d.Decision != call.Allow; got != tt.stopped {
			t.Errorf("%q = %v (%s), want stopped %v", tt.line, d.Decision, d.Message, tt.stopped)
		}
	}
}
