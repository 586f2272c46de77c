package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
)

// fakeDecider answers from a table keyed by command or path.
type fakeDecider struct {
	decisions map[string]call.Decision
	recorded  []call.Decision
	err       error
}

func (f *fakeDecider) Decide(c call.Call) call.Decision {
	key := c.Command() + c.Path()
	if d, ok := f.decisions[key]; ok {
		return d
	}
	return call.Decision{Decision: call.Allow}
}

func (f *fakeDecider) Reject(c call.Call, reason string) call.Decision {
	d := call.Decision{Decision: call.Deny, Message: reason, Flags: []string{call.FlagBadInput}}
	f.recorded = append(f.recorded, d)
	return d
}

func (f *fakeDecider) Record(c call.Call, d call.Decision) error {
	f.recorded = append(f.recorded, d)
	return f.err
}

func (f *fakeDecider) DecideResponse(c call.Call, output any, found string) decide.Response {
	return decide.Response{Decision: call.Decision{Decision: call.Allow}}
}
func (f *fakeDecider) Err() error   { return nil }
func (f *fakeDecider) Close() error { return nil }

func runFake(t *testing.T, d *fakeDecider, payload string) (string, int) {
	t.Helper()
	h := &hook{format: "codex", mode: "enforce", open: func(config) (decider, error) { return d, nil }}
	var out, errb bytes.Buffer
	code := h.run(strings.NewReader(payload), &out, &errb)
	return out.String(), code
}

// A patch touching several files is judged file by file: the strongest
// decision answers.
func TestStrongestDecisionWins(t *testing.T) {
	d := &fakeDecider{decisions: map[string]call.Decision{
		"a.txt": {Decision: call.Allow, Explicit: true},
		"b.txt": {Decision: call.RequireApproval, Message: "b needs a human"},
		"c.txt": {Decision: call.Log},
	}}
	patch := `{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"apply_patch","tool_input":{"command":"*** Begin Patch\n*** Add File: a.txt\n+x\n*** Add File: b.txt\n+y\n*** Add File: c.txt\n+z\n*** End Patch"}}`
	out, code := runFake(t, d, patch)
	if code != 0 || !strings.Contains(out, `"permissionDecision":"deny","permissionDecisionReason":"rampart: approval required: b needs a human; this agent cannot ask`) {
		t.Errorf("got %q (exit %d), want the approval of b.txt as a deny", out, code)
	}
}

// An allow is explicit only when every call was allowed by a rule.
func TestExplicitAllowNeedsEveryCall(t *testing.T) {
	d := &fakeDecider{decisions: map[string]call.Decision{
		"ls":  {Decision: call.Allow, Explicit: true},
		"pwd": {Decision: call.Allow},
	}}
	h := &hook{format: "cline", mode: "enforce", open: func(config) (decider, error) { return d, nil }}
	for _, tc := range []struct{ payload, want string }{
		{`{"hookName":"tool_call","taskId":"t","tool_call":{"id":"1","name":"run_commands","input":{"commands":["ls","pwd"]}}}`, "none"},
		{`{"hookName":"tool_call","taskId":"t","tool_call":{"id":"1","name":"run_commands","input":{"commands":["ls","ls"]}}}`, "allow"},
	} {
		ev, ans := h.answer([]byte(tc.payload), nil, &bytes.Buffer{})
		if len(ev.Calls) != 2 || ans.Verdict.String() != tc.want {
			t.Errorf("%s: %d calls, verdict %v, want 2 calls, %s", tc.payload, len(ev.Calls), ans.Verdict, tc.want)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// When not even the deny can be written, the hook exits 2 with the reason
// on stderr, which Claude Code and Gemini CLI treat as a block.
func TestUnwritableAnswerExits2(t *testing.T) {
	d := &fakeDecider{decisions: map[string]call.Decision{"rm -rf /": {Decision: call.Deny, Message: "no"}}}
	h := &hook{format: "claude-code", mode: "enforce", open: func(config) (decider, error) { return d, nil }}
	var errb bytes.Buffer
	code := h.run(strings.NewReader(`{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf /"}}`), failWriter{}, &errb)
	if code != 2 || !strings.Contains(errb.String(), "cannot write the answer: broken pipe") || !strings.Contains(errb.String(), "rampart: no") {
		t.Errorf("exit %d, stderr %q; want 2 with the reason", code, errb.String())
	}
}

// The point a hook process opens for its one decision keeps no memo of
// decisions; the decider's, which lives on, keeps one.
func TestOneShotNoMemo(t *testing.T) {
	cfg := config{userHome: t.TempDir(), getenv: func(string) string { return "" }}
	one, err := oneShotConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lives, err := resolveConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !one.NoMemo || lives.NoMemo {
		t.Errorf("NoMemo: %v for one decision, %v for the decider; want true, false", one.NoMemo, lives.NoMemo)
	}
}
