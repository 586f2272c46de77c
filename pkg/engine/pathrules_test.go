package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestPathRulesFindTheFirstRule holds the rules a bare path can hold
// (pathRulesOf) to the full walk of a policy's rules (firstRule): for
// reads and writes of ordinary and sensitive paths, in every policy of the
// standard profile, the first rule that holds is the same one; and a
// subject with anything besides its path is not bare. It does so before
// and after each policy's union of path sets is made (pathUnionOf).
func TestPathRulesFindTheFirstRule(t *testing.T) {
	e := standard(t)
	for _, union := range []bool{false, true} {
		if union {
			for k := range e.p.Entries {
				e.pathRulesOf(k)
				e.paths.asked[k].Store(unionAfter)
			}
		}
		pathRulesFindTheFirstRule(t, e, union)
	}
	unions := 0
	for k := range e.p.Entries {
		if e.paths.unions[k] != nil {
			unions++
		}
	}
	if unions == 0 {
		t.Fatalf("no policy's path sets were laid out in a union")
	}
}

func pathRulesFindTheFirstRule(t *testing.T, e *Engine, union bool) {
	paths := []string{
		testHome + "/.ssh/id_rsa", testHome + "/.aws/credentials", "/etc/shadow", "/etc/passwd", testHome + "/.bashrc",
		testCwd + "/src/main.go", testCwd + "/.env", testCwd + "/.git/config", "/tmp/out.txt", testHome + "/.kube/config",
		"/var/run/docker.sock", testCwd + "/src/*.go", testHome + "/.config/gh/hosts.yml", "/proc/self/environ", "/",
		testHome + "/.ssh/id_ed25519.pub.bak", testHome + "/.ssh/id_rsa.pub~", testHome + "/.ssh/id_rsa.pub", testCwd + "/.hg/hgrc",
		"/srv/repo.git/refs/heads/main", testHome + "/wallet-mnemonic", "/root/.ssh/id_rsa", "/home/other/.aws/credentials",
		testCwd + "/.env.local", testCwd + "/secrets/prod.pem", testCwd + "/src/test/resources/a.key", "/etc/sudoers.d/x",
	}
	held, dropped := 0, 0
	for _, tool := range []string{call.ToolRead, call.ToolWrite} {
		for _, p := range paths {
			ev := &evaluation{e: e, c: call.Call{Tool: tool, Cwd: testCwd}}
			s := subject{tool: tool, text: p, path: p}
			if !s.barePath() {
				t.Fatalf("%s %s: a path subject is not bare", tool, p)
			}
			for k, ent := range e.p.Entries {
				idx := e.pathRulesOf(k)
				dropped += len(ent.Rules()) - len(idx)
				i, r, text := ev.firstRule(ent, &s)
				j, q, qtext := ev.firstOf(ent, k, &s)
				if i != j || r != q || text != qtext {
					t.Errorf("%s %s, policy %s (union %v): firstRule %d %q, firstOf the path rules %d %q", tool, p, ent.Name, union, i, text, j, qtext)
				}
				if r != nil {
					held++
				}
			}
		}
	}
	if held == 0 || dropped == 0 {
		t.Fatalf("%d rules held, %d set aside: the test tests nothing", held, dropped)
	}
	for _, s := range []subject{
		{tool: call.ToolWrite, path: "/tmp/x", content: "x"}, {tool: "delete", path: "/tmp/x", effect: "delete"},
		{tool: call.ToolRead, path: "/tmp/x", raw: "cat /tmp/x"}, {tool: call.ToolRead, path: ""},
		{tool: call.ToolMCP, path: "/tmp/x"}, {tool: call.ToolRead, path: "/tmp/x", hasURL: true},
	} {
		if s.barePath() {
			t.Errorf("%+v: taken for a bare path", s)
		}
	}
}
