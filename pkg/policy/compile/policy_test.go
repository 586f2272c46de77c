package compile

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/policy"
)

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", "version: 1\npolicies:\n  - name: a\n    rules:\n      - action: deny\n        wen: {}\n", `p.yaml:6:9: unknown key "wen" (did you mean "when"?)`},
		{"bad action", "version: 1\npolicies:\n  - name: a\n    rules:\n      - action: allwo\n", `p.yaml:5:17: unknown action "allwo"`},
		{"bad glob", "version: 1\npolicies:\n  - name: a\n    rules:\n      - action: deny\n        when:\n          command_matches: [\"rm [\"]\n", `p.yaml:7:29: bad glob`},
		{"duplicate name", "version: 1\npolicies:\n  - name: a\n    rules: [{action: deny}]\n  - name: a\n    rules: [{action: deny}]\n", `p.yaml:5:5: duplicate policy name "a"`},
		{"bad default", "default_action: maybe\n", `p.yaml:1:17: unknown action "maybe"`},
		{"bad version", "version: 2\n", `p.yaml:1:10: unsupported version 2`},
		{"not yaml", "policies: [\n", `p.yaml:`},
		{"no rules", "policies:\n  - name: a\n", `p.yaml:2:5: policy "a" has no rules`},
		{"duplicate key", "version: 1\nversion: 1\n", `p.yaml:2:1: duplicate key "version"`},
		{"unknown profile", "extends: lax\n", `p.yaml:1:10: unknown profile "lax"`},
		{"test without expect", "tests:\n  - {command: ls}\n", `p.yaml:2:5: test has no expect`},
	}
	for _, tt := range tests {
		_, err := Parse("p.yaml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Parse error = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestParseOrderAndAliases(t *testing.T) {
	p, err := Parse("p.yaml", []byte(`
version: 1
default_action: ask
policies:
  - name: late
    rules: [{action: watch}]
  - name: early
    priority: 5
    match: {tool: exec, agent: ["claude-*"]}
    rules: [{action: ask, when: {command_matches: "sudo"}}]
`))
	if err != nil {
		t.Fatal(err)
	}
	if p.DefaultAction != call.RequireApproval {
		t.Errorf("default = %v, want require_approval", p.DefaultAction)
	}
	if p.Entries[0].Name != "early" || p.Entries[1].Name != "late" {
		t.Errorf("order = %s, %s; want early, late", p.Entries[0].Name, p.Entries[1].Name)
	}
	if p.Entries[1].Rules()[0].Action != call.Log {
		t.Errorf("watch = %v, want log", p.Entries[1].Rules()[0].Action)
	}
	if !p.Entries[0].AppliesTo("exec", "claude-code", "") || p.Entries[0].AppliesTo("exec", "codex", "") {
		t.Errorf("agent match wrong")
	}
}

func TestProfilesCompile(t *testing.T) {
	for _, name := range []string{"standard", "paranoid", "yolo"} {
		// Parse compiles every glob now, which Profile leaves to first use.
		src, err := policy.ProfileSource(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse("profile:"+name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(p.Tests) == 0 {
			t.Errorf("%s has no inline tests", name)
		}
	}
	if _, err := policy.Profile("nope"); err == nil {
		t.Errorf("unknown profile loaded")
	}
}

func TestExtends(t *testing.T) {
	p, err := Parse("p.yaml", []byte("version: 1\nextends: standard\npolicies:\n  - name: mine\n    rules: [{action: deny, when: {command_matches: \"nmap\"}}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	std, _ := policy.Profile("standard")
	if p.Count() != std.Count()+1 {
		t.Errorf("extends: %d policies, want %d", p.Count(), std.Count()+1)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range policy.Profiles() {
		src, _ := policy.ProfileSource(name)
		f.Add(src)
	}
	f.Add([]byte("policies: [{name: a, rules: [{action: deny, when: {path_matches: ['~/**']}}]}]"))
	f.Add([]byte("version: 1\nextends: standard\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("fuzz.yaml", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") && !strings.HasPrefix(err.Error(), "profile:") {
				t.Errorf("error without position: %v", err)
			}
			return
		}
		for _, e := range p.Entries {
			if e.Name == "" || len(e.Rules()) == 0 {
				t.Errorf("compiled entry without name or rules")
			}
		}
	})
}

var update = flag.Bool("update", false, "rewrite the generated profiles/*.snap and schema/policy.schema.json")

// TestProfileSnapshots checks that each embedded profile's snapshot is made
// from its YAML (go generate, or -update, rewrites them), and that loading
// it gives the policy the YAML compiles to.
func TestProfileSnapshots(t *testing.T) {
	for _, name := range policy.Profiles() {
		fromYAML, err := compileProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := policy.Snapshot(fromYAML)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "profiles", name+".snap")
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not made from %s.yaml (err %v); run go generate ./policy", path, name, err)
			continue
		}
		loaded, err := policy.Profile(name)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := describe(fromYAML), describe(loaded); a != b {
			t.Errorf("%s: the YAML and the snapshot load differently:\n%s\n---\n%s", name, a, b)
		}
		again, err := policy.Snapshot(loaded)
		if err != nil || !bytes.Equal(again, want) {
			t.Errorf("%s: a loaded snapshot does not encode to itself (err %v)", name, err)
		}
	}
}

func describe(p *policy.Policy) string {
	var b strings.Builder
	fmt.Fprintf(&b, "default %v, %d tests\n", p.DefaultAction, len(p.TestCases()))
	for _, e := range p.Entries {
		fmt.Fprintf(&b, "%s %d %v:", e.Name, e.Priority, e.Tools)
		for _, r := range e.Rules() {
			fmt.Fprintf(&b, " [%v %q cmd=%d path=%d dom=%d url=%d tool=%d hint=%v]", r.Action, r.Message, r.Command.Len(), r.Path.Len(), len(r.Domain), len(r.URL), len(r.ToolName), r.Hint)
		}
		b.WriteString("\n")
	}
	return b.String()
}
