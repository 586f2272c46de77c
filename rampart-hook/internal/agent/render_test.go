package agent

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Every answer, to every event of every agent, is nothing or exactly one
// valid JSON object on one line: Claude Code lets a call run when a hook
// exits 0 with output that is not JSON, even with onFailure: block.
func TestRenderIsAlwaysOneJSONObject(t *testing.T) {
	events := map[Format][]string{
		Claude:  {`{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"x"}}`, `{"hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"x"},"tool_response":{"stdout":"y"}}`, `{"hook_event_name":"PostToolUseFailure","tool_name":"Bash","tool_input":{"command":"x"},"error":"Exit code 1"}`},
		Codex:   {`{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"Bash","tool_input":{"command":"x"}}`, `{"hook_event_name":"PostToolUse","turn_id":"t","tool_name":"Bash","tool_input":{"command":"x"},"tool_response":"y"}`},
		Cline:   {`{"hookName":"tool_call","taskId":"t","tool_call":{"id":"1","name":"run_commands","input":{"commands":["x"]}}}`, `{"hookName":"tool_result","taskId":"t","tool_result":{"id":"1","name":"run_commands","input":{"commands":["x"]},"output":"y"}}`},
		Gemini:  {`{"hook_event_name":"BeforeTool","tool_name":"run_shell_command","tool_input":{"command":"x"}}`, `{"hook_event_name":"AfterTool","tool_name":"run_shell_command","tool_input":{"command":"x"},"tool_response":{"llmContent":"y"}}`},
		Cursor:  {`{"hook_event_name":"beforeShellExecution","conversation_id":"c","command":"x"}`},
		Copilot: {`{"sessionId":"s","toolName":"bash","toolArgs":"{\"command\":\"x\"}"}`, `{"sessionId":"s","toolName":"bash","toolArgs":"{}","toolResult":{"textResultForLlm":"y"}}`, `{"hook_event_name":"PreToolUse","timestamp":"2026-12-02T00:00:00Z","tool_name":"Bash","tool_input":{"command":"x"}}`},
	}
	reasons := []string{"", "plain", "quotes \" and \\ and <html> & \n newlines \u2028"}
	for f, payloads := range events {
		for _, p := range payloads {
			ev, err := Parse(f, []byte(p))
			if err != nil {
				t.Fatalf("%s: %s: %v", f, p, err)
			}
			for v := NoOpinion; v <= Deny; v++ {
				for _, r := range reasons {
					out := Render(ev, Answer{Verdict: v, Reason: r, Redacted: map[string]any{"stdout": "[REDACTED]"}})
					if len(out) == 0 {
						continue
					}
					var obj map[string]any
					line, rest, _ := bytes.Cut(out, []byte("\n"))
					if err := json.Unmarshal(line, &obj); err != nil || len(rest) != 0 {
						t.Errorf("%s %s %v: output %q is not one JSON object line (%v)", f, ev.Name, v, out, err)
					}
				}
			}
		}
	}
}

// TestClaudePreToolUseAsEncoded checks that the PreToolUse answer written
// by hand is what encoding/json writes of the same value, byte for byte.
func TestClaudePreToolUseAsEncoded(t *testing.T) {
	for _, decision := range []string{"allow", "deny", "ask", ""} {
		for _, reason := range []string{"", "rampart: Destroys the whole file system (rm -rf /)", `a "quoted" \ path <b>&</b>`,
			"tab\tnew\nline\x00\x1f", "é 漢字 🙂 \u2028\u2029", "bad \xff\xfe utf-8"} {
			want := encode(claudeOutput{Specific: &claudeSpecific{HookEventName: "PreToolUse", PermissionDecision: decision, PermissionDecisionReason: reason}})
			if got := claudePreToolUse(decision, reason); string(got) != string(want) {
				t.Errorf("claudePreToolUse(%q, %q) = %s, encoding/json writes %s", decision, reason, got, want)
			}
		}
	}
}

// FuzzClaudePreToolUse holds the answer written by hand to encoding/json's.
func FuzzClaudePreToolUse(f *testing.F) {
	f.Add("deny", "rampart: x\n\"y\"")
	f.Add("ask", "\xff<>&\u2028")
	f.Fuzz(func(t *testing.T, decision, reason string) {
		want := encode(claudeOutput{Specific: &claudeSpecific{HookEventName: "PreToolUse", PermissionDecision: decision, PermissionDecisionReason: reason}})
		if got := claudePreToolUse(decision, reason); string(got) != string(want) {
			t.Errorf("claudePreToolUse(%q, %q) = %s, encoding/json writes %s", decision, reason, got, want)
		}
	})
}
