package compile

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"rampart.dev/pkg/policy"
)

// snapshotSource uses every condition a snapshot carries, extends a
// profile, and has tests with parameters of each kind. Its snapshot is
// package policy's testdata/every.snap, which policy's snapshot tests
// read (they cannot import this package).
const snapshotSource = `version: 1
name: every-condition
extends: yolo
default_action: log
policies:
  - name: cmds
    priority: 5
    match: {tool: [exec, "mcp*"], agent: [claude-code], session: ["s-*"]}
    rules:
      - action: deny
        message: "no {matched}"
        when:
          command_matches: ["rm -rf /", "{curl,wget} * | sh", "*/evil *"]
          command_not_matches: ["rm -rf /tmp/*"]
      - action: require_approval
        when:
          path_matches: ["~/.ssh/**", "*.pem", "./secrets/**", "/etc/shadow"]
          path_not_matches: ["**/public.pem"]
      - action: log
        when:
          domain_matches: ["*.example.com", "Bücher.example"]
          domain_not_matches: [ok.example.com]
          url_matches: ["https://*"]
          url_not_matches: ["https://ok/*"]
      - action: deny
        when:
          tool_name_matches: ["*delete*"]
          argument_matches: ["*--force*"]
          annotation_hints: [destructiveHint]
      - action: deny
        when: {content_matches: ["*BEGIN*KEY*"], effect_matches: ["flow:secret->network"], line_matches: ["*base64 -d*"]}
      - action: deny
        when: {response_matches: ["*AKIA*"]}
      - action: allow
tests:
  - name: root
    command: rm -rf /
    expect: deny
  - tool: mcp
    params: {n: 3, f: 1.5, b: true, z: null, s: str, l: [1, two], m: {k: v}}
    expect: log
`

// everySnap is the snapshot of snapshotSource that package policy tests.
const everySnap = "../testdata/every.snap"

// TestEverySnapshot checks that policy's testdata/every.snap is made from
// snapshotSource (-update rewrites it), and that the snapshot loads as the
// policy it was made from.
func TestEverySnapshot(t *testing.T) {
	p, err := Parse("every.yaml", []byte(snapshotSource))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := policy.Snapshot(p)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(everySnap, snap, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := os.ReadFile(everySnap); err != nil || !bytes.Equal(got, snap) {
		t.Errorf("%s is not made from snapshotSource (err %v); run go test ./policy/compile -run TestEverySnapshot -args -update", everySnap, err)
	}
	q, err := policy.LoadSnapshot(string(snap))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := describe(p), describe(q); a != b {
		t.Errorf("snapshot loads differently:\n%s\n---\n%s", a, b)
	}
	for i, e := range p.Entries {
		f := q.Entries[i]
		if e.Name != f.Name || e.Origin != f.Origin || e.Priority != f.Priority || !reflect.DeepEqual(e.Names(), f.Names()) {
			t.Errorf("entry %d: %+v, loaded %+v", i, e, f)
		}
		for _, tool := range []string{"exec", "mcp", "mcpx", "read"} {
			if e.AppliesTo(tool, "claude-code", "s-1") != f.AppliesTo(tool, "claude-code", "s-1") {
				t.Errorf("entry %s: AppliesTo(%s) differs once loaded", e.Name, tool)
			}
		}
		for j, r := range e.Rules() {
			if r.Line != f.Rules()[j].Line || r.Message != f.Rules()[j].Message {
				t.Errorf("entry %s rule %d: line %d %q, loaded %d %q", e.Name, j, r.Line, r.Message, f.Rules()[j].Line, f.Rules()[j].Message)
			}
		}
	}
	if !reflect.DeepEqual(p.TestCases(), q.TestCases()) {
		t.Errorf("tests:\n%#v\nloaded\n%#v", p.TestCases(), q.TestCases())
	}
	if p.Name != q.Name || p.Source != q.Source || p.DefaultAction != q.DefaultAction {
		t.Errorf("header %q %q %v, loaded %q %q %v", p.Name, p.Source, p.DefaultAction, q.Name, q.Source, q.DefaultAction)
	}
}

func BenchmarkProfileFromYAML(b *testing.B) {
	for b.Loop() {
		if _, err := compileProfile("standard"); err != nil {
			b.Fatal(err)
		}
	}
}
