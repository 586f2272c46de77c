package engine

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/policy/compile"
)

const (
	testHome = "/home/dev"
	testCwd  = "/home/dev/project"
)

func standard(t testing.TB) *Engine {
	t.Helper()
	p, err := policy.Profile("standard")
	if err != nil {
		t.Fatal(err)
	}
	return New(p, Env{Home: testHome})
}

func mkCall(tool, arg string) call.Call {
	c := call.Call{Tool: tool, Cwd: testCwd, Params: call.Params{}}
	switch tool {
	case call.ToolExec:
		c.Params["command"] = arg
	case call.ToolRead, call.ToolWrite:
		c.Params["path"] = arg
	case call.ToolFetch:
		c.Params["url"] = arg
	}
	return c
}

// The seed's five examples.
func TestSeedExamples(t *testing.T) {
	e := standard(t)
	tests := []struct {
		tool, arg string
		want      call.Action
	}{
		{"exec", "rm -rf /", call.Deny},
		{"exec", "sudo reboot", call.RequireApproval},
		{"read", "~/.ssh/id_rsa", call.Deny},
		{"exec", "git status", call.Allow},
		{"fetch", "https://x.ngrok.io/collect", call.Deny},
	}
	for _, tt := range tests {
		if d := e.Evaluate(mkCall(tt.tool, tt.arg)); d.Decision != tt.want {
			t.Errorf("Evaluate(%s %q) = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}

// TestAdversarial runs testdata/adversarial.txt and prints the catch rate
// (dangerous calls stopped) and the false-positive rate (ordinary work
// stopped). Every row must hold.
func TestAdversarial(t *testing.T) {
	e := standard(t)
	f, err := os.Open("testdata/adversarial.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var bad, caught, benign, blocked, rows int
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.SplitN(text, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("adversarial.txt:%d: want EXPECT<TAB>TOOL<TAB>ARG", line)
		}
		want, tool, arg := parts[0], parts[1], parts[2]
		rows++
		d := e.Evaluate(mkCall(tool, arg))
		stopped := d.Blocks()
		ok := false
		switch want {
		case "deny":
			ok = d.Decision == call.Deny
		case "ask":
			ok = d.Decision == call.RequireApproval
		case "stop":
			ok = stopped
		case "allow":
			ok = !stopped
		default:
			t.Fatalf("adversarial.txt:%d: unknown expectation %q", line, want)
		}
		if want == "allow" {
			benign++
			if stopped {
				blocked++
			}
		} else {
			bad++
			if stopped {
				caught++
			}
		}
		if !ok {
			t.Errorf("adversarial.txt:%d: Evaluate(%s %q) = %v (%s; %v), want %s", line, tool, arg, d.Decision, d.Message, d.MatchedPolicies, want)
		}
	}
	if rows < 200 {
		t.Errorf("adversarial table has %d rows, want at least 200", rows)
	}
	t.Logf("adversarial: %d rows; catch rate %d/%d (%.1f%%); false positives %d/%d (%.1f%%)",
		rows, caught, bad, pct(caught, bad), blocked, benign, pct(blocked, benign))
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// TestProfilesInlineTests runs each embedded profile's own tests.
func TestProfilesInlineTests(t *testing.T) {
	for _, name := range policy.Profiles() {
		p, err := policy.Profile(name)
		if err != nil {
			t.Fatal(err)
		}
		e := New(p, Env{Home: testHome})
		for _, tc := range p.TestCases() {
			if tc.Call.Cwd == "" {
				tc.Call.Cwd = testCwd
			}
			if d := e.Evaluate(tc.Call); d.Decision != tc.Expect {
				t.Errorf("%s: %s: got %v (%s), want %v", name, tc.Name, d.Decision, d.Message, tc.Expect)
			}
		}
	}
}

func TestExplicitAllow(t *testing.T) {
	p, err := compile.Parse("t.yaml", []byte(`
version: 1
policies:
  - name: allow-git
    match: {tool: [exec]}
    rules:
      - action: allow
        when: {command_matches: ["git status"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e := New(p, Env{Home: testHome})
	if d := e.Evaluate(mkCall("exec", "git status")); !d.Explicit || d.Decision != call.Allow {
		t.Errorf("git status: %+v, want explicit allow", d)
	}
	// A chain with a command no rule allowed is not an explicit allow, and
	// the raw text never lets an allow rule cover a second command.
	if d := e.Evaluate(mkCall("exec", "git status && ls")); d.Explicit {
		t.Errorf("git status && ls: %+v, want no explicit allow", d)
	}
	if d := e.Evaluate(mkCall("exec", "ls")); d.Explicit {
		t.Errorf("ls: %+v, want default", d)
	}
}

func TestProjectLayerCannotLoosen(t *testing.T) {
	user, _ := policy.Profile("standard")
	proj, err := compile.Parse("proj.yaml", []byte(`
version: 1
default_action: allow
policies:
  - name: let-me
    rules:
      - action: allow
  - name: no-docker
    match: {tool: [exec]}
    rules:
      - action: deny
        message: no docker here
        when: {command_matches: ["docker *"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e := New(user.WithProject(proj), Env{Home: testHome})
	if d := e.Evaluate(mkCall("exec", "rm -rf /")); d.Decision != call.Deny {
		t.Errorf("project allow loosened rm -rf /: %+v", d)
	}
	if d := e.Evaluate(mkCall("exec", "docker ps")); d.Decision != call.Deny || d.Message != "no docker here" {
		t.Errorf("project deny not applied: %+v", d)
	}
	if d := e.Evaluate(mkCall("exec", "ls")); d.Explicit {
		t.Errorf("project allow made an explicit allow: %+v", d)
	}
}

func TestMCPArguments(t *testing.T) {
	e := standard(t)
	mcp := func(tool string, args map[string]any) call.Call {
		return call.Call{Tool: "mcp", Cwd: testCwd, Params: call.Params{"server": "fs", "tool": tool, "arguments": args}}
	}
	tests := []struct {
		c    call.Call
		want call.Action
	}{
		{mcp("execute_command", map[string]any{"command": "rm -rf ~"}), call.Deny},
		{mcp("read_file", map[string]any{"path": "~/.ssh/id_rsa"}), call.Deny},
		{mcp("write_file", map[string]any{"path": "/etc/passwd", "content": "x"}), call.Deny},
		{mcp("read_file", map[string]any{"path": "src/main.go"}), call.Allow},
		{mcp("fetch", map[string]any{"url": "https://x.ngrok.io/"}), call.Deny},
		{mcp("run_query", map[string]any{"sql": "drop table users"}), call.RequireApproval},
		{mcp("delete_file", map[string]any{"path": "a.txt"}), call.Deny},
		{mcp("deleteNote", map[string]any{"id": "1"}), call.Deny},
		{mcp("format_code", map[string]any{"code": "x"}), call.Allow},
		{mcp("undelete_note", map[string]any{"id": "1"}), call.Allow},
		{call.Call{Tool: "mcp", Params: call.Params{"server": "s", "tool": "frob", "annotations": map[string]any{"destructiveHint": true}}}, call.RequireApproval},
	}
	for _, tt := range tests {
		if d := e.Evaluate(tt.c); d.Decision != tt.want {
			t.Errorf("Evaluate(mcp %v %v) = %v (%s), want %v", tt.c.Params["tool"], tt.c.Params["arguments"], d.Decision, d.Message, tt.want)
		}
	}
}

func TestPureGlobPathDoesNotAllocate(t *testing.T) {
	e := standard(t)
	for _, c := range []call.Call{
		mkCall("read", "/home/dev/.ssh/id_rsa"),
		mkCall("read", "/home/dev/project/main.go"),
		mkCall("fetch", "https://x.ngrok.io/collect"),
	} {
		if n := testing.AllocsPerRun(100, func() { e.Evaluate(c) }); n != 0 {
			t.Errorf("Evaluate(%v) allocates %v times, want 0", c.Params, n)
		}
	}
}
