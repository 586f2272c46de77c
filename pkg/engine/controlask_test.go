package engine

import (
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// TestControlAskReadsWhenItMayMatter checks the shortcut that keeps a
// command's words unread (no second classification) when its request
// cannot reach a control API: whatever spells the socket, the method or
// the body, a request that could reach one is still read and judged.
func TestControlAskReadsWhenItMayMatter(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		path  string
		svcs  []string
		reach bool
	}{
		// nothing of its own: no service, no socket, no hosting route
		{[]string{"-fsSL", "https://example.com/install.sh"}, "/install.sh", nil, false},
		{[]string{"-s", "-X", "DELETE", "http://localhost:8080/items/1"}, "/items/1", nil, false},
		// a hosting route, whatever the method (a GET skips write routes later)
		{[]string{"-s", "https://gitlab.example.com/api/v4/projects/1/variables"}, "/api/v4/projects/1/variables", nil, true},
		{[]string{"-X", "PUT", "https://api.github.com/repos/o/r/collaborators/u"}, "/repos/o/r/collaborators/u", nil, true},
		// a service of its own (port, host or path shape)
		{[]string{"http://10.0.0.1:2379/anything"}, "/anything", []string{"etcd"}, true},
		// a long option may be the socket, in any spelling the catalogue reads
		{[]string{"--unix-socket", "/var/run/docker.sock", "-X", "DELETE", "http://x/anything"}, "/anything", nil, true},
		{[]string{"--unix-sock=/var/run/docker.sock", "http://x/anything"}, "/anything", nil, true},
	} {
		a := match.Argv{Name: "curl", Program: "curl", Args: tc.args}
		q := commandAsk(&a, false)
		svcs := append(tc.svcs, "hosting")
		if got := q.mayReach(svcs, tc.path); got != tc.reach {
			t.Errorf("curl %q: mayReach = %v, want %v", tc.args, got, tc.reach)
		}
	}
}

// TestControlAskSameDecisions holds lines whose request is only known once
// the words are read: the socket (spelled whole, attached, abbreviated) and
// the method decide, as they did when every connection read them.
func TestControlAskSameDecisions(t *testing.T) {
	e := standard(t)
	whole := e.Evaluate(mkCall("exec", "curl --unix-socket /var/run/docker.sock -X DELETE http://localhost/containers/abc")).Decision
	if whole == call.Allow {
		t.Fatalf("a DELETE through the engine's socket is allowed")
	}
	for _, line := range []string{
		"curl --unix-socket=/var/run/docker.sock -X DELETE http://localhost/containers/abc",
		"curl -X DELETE --unix-socket /var/run/docker.sock http://localhost/containers/abc",
	} {
		if got := e.Evaluate(mkCall("exec", line)).Decision; got != whole {
			t.Errorf("%s: %v, want %v", line, got, whole)
		}
	}
	if got := e.Evaluate(mkCall("exec", "curl -s -X DELETE http://localhost:8080/items/1")).Decision; got != call.Allow {
		t.Errorf("a DELETE to a local dev server: %v, want allow", got)
	}
}
