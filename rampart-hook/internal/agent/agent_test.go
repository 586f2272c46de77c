package agent

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// callsJSON renders an event's calls without agent, session and cwd, which
// are checked once in TestStamp.
func callsJSON(t *testing.T, ev *Event) string {
	t.Helper()
	var out []string
	for _, c := range ev.Calls {
		c.Agent, c.Session, c.Cwd = "", "", ""
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return strings.Join(out, "\n")
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    Format
		in   string
		kind Kind
		want string
	}{
		// Claude Code, PROTOCOLS.md 1.3 and 1.4.
		{"claude bash", Claude, `{"session_id":"abc123","transcript_path":"/t.jsonl","cwd":"/home/user/my-project","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"npm test","description":"Run test suite","timeout":120000},"tool_use_id":"toolu_01ABC123"}`,
			Pre, `{"tool":"exec","params":{"command":"npm test"}}`},
		{"claude read", Claude, `{"hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":"/home/u/.ssh/id_rsa","offset":1}}`,
			Pre, `{"tool":"read","params":{"path":"/home/u/.ssh/id_rsa"}}`},
		{"claude grep without path", Claude, `{"hook_event_name":"PreToolUse","cwd":"/p","tool_name":"Grep","tool_input":{"pattern":"TODO","glob":"*.go"}}`,
			Pre, `{"tool":"read","params":{"glob":"*.go","path":"/p","pattern":"TODO"}}`},
		{"claude glob", Claude, `{"hook_event_name":"PreToolUse","cwd":"/p","tool_name":"Glob","tool_input":{"pattern":"**/*.env","path":"/etc"}}`,
			Pre, `{"tool":"read","params":{"path":"/etc","pattern":"**/*.env"}}`},
		{"claude write", Claude, `{"hook_event_name":"PreToolUse","tool_name":"Write","tool_input":{"file_path":"/p/a.sh","content":"echo hi"}}`,
			Pre, `{"tool":"write","params":{"content":"echo hi","path":"/p/a.sh"}}`},
		{"claude edit", Claude, `{"hook_event_name":"PreToolUse","tool_name":"Edit","tool_input":{"file_path":"/p/a.go","old_string":"a","new_string":"b","replace_all":false}}`,
			Pre, `{"tool":"write","params":{"content":"b","path":"/p/a.go"}}`},
		{"claude multiedit, no event name", Claude, `{"session_id":"s","tool_name":"MultiEdit","tool_input":{"file_path":"/p/a.go","edits":[{"old_string":"a","new_string":"b"},{"old_string":"c","new_string":"d"}]}}`,
			Pre, `{"tool":"write","params":{"content":"b\nd","path":"/p/a.go"}}`},
		{"claude notebook", Claude, `{"hook_event_name":"PreToolUse","tool_name":"NotebookEdit","tool_input":{"notebook_path":"/p/n.ipynb","new_source":"print(1)"}}`,
			Pre, `{"tool":"write","params":{"content":"print(1)","path":"/p/n.ipynb"}}`},
		{"claude webfetch", Claude, `{"hook_event_name":"PreToolUse","tool_name":"WebFetch","tool_input":{"url":"https://example.com/x","prompt":"summarise"}}`,
			Pre, `{"tool":"fetch","params":{"url":"https://example.com/x"}}`},
		{"claude websearch as given", Claude, `{"hook_event_name":"PreToolUse","tool_name":"WebSearch","tool_input":{"query":"golang"}}`,
			Pre, `{"tool":"WebSearch","params":{"query":"golang"}}`},
		{"claude task is agent", Claude, `{"tool_name":"Task","tool_input":{"description":"d","prompt":"p"}}`,
			Pre, `{"tool":"agent","params":{"description":"d","prompt":"p"}}`},
		{"claude mcp", Claude, `{"hook_event_name":"PreToolUse","tool_name":"mcp__filesystem__read_file","tool_input":{"path":"/etc/passwd"}}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"path":"/etc/passwd"},"server":"filesystem","tool":"read_file"}}`},
		{"claude unknown tool", Claude, `{"hook_event_name":"PreToolUse","tool_name":"TodoWrite","tool_input":{"todos":[]}}`,
			Pre, `{"tool":"TodoWrite","params":{"todos":[]}}`},
		{"claude monitor ws", Claude, `{"hook_event_name":"PreToolUse","tool_name":"Monitor","tool_input":{"ws":{"url":"wss://x.example"}}}`,
			Pre, `{"tool":"fetch","params":{"url":"wss://x.example"}}`},
		{"claude post", Claude, `{"hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"env"},"tool_response":{"stdout":"x","stderr":""}}`,
			Post, `{"tool":"exec","params":{"command":"env"}}`},
		{"claude old post", Claude, `{"tool_name":"Bash","tool_input":{"command":"env"},"tool_response":{"stdout":"x"}}`,
			Post, `{"tool":"exec","params":{"command":"env"}}`},
		{"claude prompt", Claude, `{"hook_event_name":"UserPromptSubmit","prompt":"hi"}`, Other, ``},

		// Codex, PROTOCOLS.md 2.4.
		{"codex bash", Codex, `{"session_id":"s","turn_id":"t1","transcript_path":null,"cwd":"/p","hook_event_name":"PreToolUse","model":"gpt-5","permission_mode":"default","tool_name":"Bash","tool_input":{"command":"ls -la"},"tool_use_id":"call_1"}`,
			Pre, `{"tool":"exec","params":{"command":"ls -la"}}`},
		{"codex argv", Codex, `{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"shell","tool_input":{"command":["bash","-lc","touch x && rm y"]}}`,
			Pre, `{"tool":"exec","params":{"command":"touch x \u0026\u0026 rm y"}}`},
		{"codex argv quoted", Codex, `{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"shell","tool_input":{"command":["rm","-rf","my dir"]}}`,
			Pre, `{"tool":"exec","params":{"command":"rm -rf 'my dir'"}}`},
		{"codex apply_patch", Codex, `{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"apply_patch","tool_input":{"command":"*** Begin Patch\n*** Add File: a.txt\n+hello\n*** Update File: b.txt\n*** Move to: c.txt\n@@\n-x\n+y\n*** Delete File: d.txt\n*** End Patch"}}`,
			Pre, `{"tool":"write","params":{"content":"hello","path":"a.txt"}}
{"tool":"write","params":{"content":"y","path":"b.txt"}}
{"tool":"write","params":{"content":"y","path":"c.txt"}}
{"tool":"write","params":{"path":"d.txt"}}`},
		{"codex mcp", Codex, `{"hook_event_name":"PreToolUse","turn_id":"t","tool_name":"mcp__github__create_issue","tool_input":{"title":"x"}}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"title":"x"},"server":"github","tool":"create_issue"}}`},

		// Cline, PROTOCOLS.md 2.1.
		{"cline command", Cline, `{"clineVersion":"3.36.0","hookName":"PreToolUse","timestamp":"1737264000000","taskId":"task-1","workspaceRoots":["/repo"],"userId":"u","preToolUse":{"toolName":"execute_command","parameters":{"command":"rm -rf build","requires_approval":"false"}}}`,
			Pre, `{"tool":"exec","params":{"command":"rm -rf build"}}`},
		{"cline read", Cline, `{"hookName":"PreToolUse","taskId":"t","workspaceRoots":["/repo"],"preToolUse":{"toolName":"read_file","parameters":{"path":".env"}}}`,
			Pre, `{"tool":"read","params":{"path":".env"}}`},
		{"cline write", Cline, `{"hookName":"PreToolUse","taskId":"t","preToolUse":{"toolName":"write_to_file","parameters":{"path":"a.txt","content":"hi"}}}`,
			Pre, `{"tool":"write","params":{"content":"hi","path":"a.txt"}}`},
		{"cline replace", Cline, `{"hookName":"PreToolUse","taskId":"t","preToolUse":{"toolName":"replace_in_file","parameters":{"path":"a.go","diff":"------- SEARCH\nold\n=======\nnew\n+++++++ REPLACE\n"}}}`,
			Pre, `{"tool":"write","params":{"content":"new","path":"a.go"}}`},
		{"cline mcp", Cline, `{"hookName":"PreToolUse","taskId":"t","preToolUse":{"toolName":"use_mcp_tool","parameters":{"server_name":"fs","tool_name":"read_file","arguments":"{\"path\":\"/etc/shadow\"}"}}}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"path":"/etc/shadow"},"server":"fs","tool":"read_file"}}`},
		{"cline fetch", Cline, `{"hookName":"PreToolUse","taskId":"t","preToolUse":{"toolName":"web_fetch","parameters":{"url":"https://x.ngrok-free.app"}}}`,
			Pre, `{"tool":"fetch","params":{"url":"https://x.ngrok-free.app"}}`},
		{"cline cli run_commands", Cline, `{"hookName":"tool_call","taskId":"t","tool_call":{"id":"1","name":"run_commands","input":{"commands":["ls","pwd"]}},"preToolUse":{"toolName":"run_commands","parameters":{"commands":"[\"ls\",\"pwd\"]"}}}`,
			Pre, `{"tool":"exec","params":{"command":"ls"}}
{"tool":"exec","params":{"command":"pwd"}}`},
		{"cline cli mcp", Cline, `{"hookName":"tool_call","taskId":"t","tool_call":{"id":"1","name":"github__create_issue","input":{"title":"x"}}}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"title":"x"},"server":"github","tool":"create_issue"}}`},
		{"cline post", Cline, `{"hookName":"PostToolUse","taskId":"t","postToolUse":{"toolName":"execute_command","parameters":{"command":"cat key"},"result":"out","success":true,"executionTimeMs":5}}`,
			Post, `{"tool":"exec","params":{"command":"cat key"}}`},
		{"cline task start", Cline, `{"hookName":"TaskStart","taskId":"t"}`, Other, ``},

		// Gemini CLI, PROTOCOLS.md 2.2.
		{"gemini shell", Gemini, `{"session_id":"s","transcript_path":"/t","cwd":"/p","hook_event_name":"BeforeTool","timestamp":"2026-01-01T00:00:00Z","tool_name":"run_shell_command","tool_input":{"command":"git status"}}`,
			Pre, `{"tool":"exec","params":{"command":"git status"}}`},
		{"gemini write", Gemini, `{"hook_event_name":"BeforeTool","tool_name":"write_file","tool_input":{"file_path":"/p/x","content":"c"}}`,
			Pre, `{"tool":"write","params":{"content":"c","path":"/p/x"}}`},
		{"gemini replace", Gemini, `{"hook_event_name":"BeforeTool","tool_name":"replace","tool_input":{"file_path":"/p/x","old_string":"a","new_string":"b"}}`,
			Pre, `{"tool":"write","params":{"content":"b","path":"/p/x"}}`},
		{"gemini read", Gemini, `{"hook_event_name":"BeforeTool","tool_name":"read_file","tool_input":{"file_path":"/p/.env"}}`,
			Pre, `{"tool":"read","params":{"path":"/p/.env"}}`},
		{"gemini web_fetch prompt", Gemini, `{"hook_event_name":"BeforeTool","tool_name":"web_fetch","tool_input":{"prompt":"Summarise https://example.com/a and https://evil.example/b."}}`,
			Pre, `{"tool":"fetch","params":{"url":"https://example.com/a"}}
{"tool":"fetch","params":{"url":"https://evil.example/b"}}`},
		{"gemini mcp", Gemini, `{"hook_event_name":"BeforeTool","tool_name":"mcp__db__query","tool_input":{"sql":"drop table x"}}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"sql":"drop table x"},"server":"db","tool":"query"}}`},
		{"gemini grep include", Gemini, `{"hook_event_name":"BeforeTool","cwd":"/p","tool_name":"search_file_content","tool_input":{"pattern":"key","include":".ssh/*","dir_path":"/home/u"}}`,
			Pre, `{"tool":"read","params":{"include":".ssh/*","path":"/home/u","pattern":"key"}}`},
		{"gemini search as given", Gemini, `{"hook_event_name":"BeforeTool","tool_name":"google_web_search","tool_input":{"query":"q"}}`,
			Pre, `{"tool":"google_web_search","params":{"query":"q"}}`},
		{"gemini after", Gemini, `{"hook_event_name":"AfterTool","tool_name":"run_shell_command","tool_input":{"command":"env"},"tool_response":{"llmContent":"x","returnDisplay":"x"}}`,
			Post, `{"tool":"exec","params":{"command":"env"}}`},

		// Cursor, PROTOCOLS.md 2.5.
		{"cursor shell", Cursor, `{"hook_event_name":"beforeShellExecution","conversation_id":"c1","generation_id":"g1","workspace_roots":["/p"],"command":"npm install express","cwd":"/p"}`,
			Pre, `{"tool":"exec","params":{"command":"npm install express"}}`},
		{"cursor mcp string input", Cursor, `{"hook_event_name":"beforeMCPExecution","conversation_id":"c","tool_name":"database_query","tool_input":"{\"query\": \"SELECT 1\"}","command":"npx mcp-server"}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"query":"SELECT 1"},"server":"npx mcp-server","tool":"database_query"}}`},
		{"cursor mcp new name", Cursor, `{"hook_event_name":"beforeMCPExecution","conversation_id":"c","tool_name":"MCP:github:create_issue","tool_input":{"title":"t"}}`,
			Pre, `{"tool":"mcp","params":{"arguments":{"title":"t"},"server":"github","tool":"create_issue"}}`},
		{"cursor read", Cursor, `{"hook_event_name":"beforeReadFile","conversation_id":"c","file_path":"/p/secrets.env","content":"A=1"}`,
			Pre, `{"tool":"read","params":{"path":"/p/secrets.env"}}`},
		{"cursor pretooluse write", Cursor, `{"hook_event_name":"preToolUse","conversation_id":"c","tool_name":"Write","tool_input":{"file_path":"/p/a","contents":"x"},"tool_use_id":"1","cwd":"/p"}`,
			Pre, `{"tool":"write","params":{"content":"x","path":"/p/a"}}`},
		{"cursor after shell", Cursor, `{"hook_event_name":"afterShellExecution","conversation_id":"c","command":"env","output":"x","duration":5}`,
			Post, `{"tool":"exec","params":{"command":"env"}}`},
		{"cursor stop", Cursor, `{"hook_event_name":"stop","conversation_id":"c","status":"completed"}`, Other, ``},

		// Copilot CLI, PROTOCOLS.md 2.3.
		{"copilot camel bash, args as text", Copilot, `{"sessionId":"s1","timestamp":1737264000000,"cwd":"/p","toolName":"bash","toolArgs":"{\"command\":\"git push --force\"}"}`,
			Pre, `{"tool":"exec","params":{"command":"git push --force"}}`},
		{"copilot camel view", Copilot, `{"sessionId":"s1","timestamp":1,"cwd":"/p","toolName":"view","toolArgs":{"path":"/p/.env"}}`,
			Pre, `{"tool":"read","params":{"path":"/p/.env"}}`},
		{"copilot camel create", Copilot, `{"sessionId":"s1","timestamp":1,"cwd":"/p","toolName":"create","toolArgs":{"path":"/p/a","file_text":"x"}}`,
			Pre, `{"tool":"write","params":{"content":"x","path":"/p/a"}}`},
		{"copilot camel edit", Copilot, `{"sessionId":"s1","timestamp":1,"cwd":"/p","toolName":"edit","toolArgs":{"path":"/p/a","old_str":"x","new_str":"y"}}`,
			Pre, `{"tool":"write","params":{"content":"y","path":"/p/a"}}`},
		{"copilot camel fetch", Copilot, `{"sessionId":"s1","timestamp":1,"cwd":"/p","toolName":"web_fetch","toolArgs":{"url":"https://example.com"}}`,
			Pre, `{"tool":"fetch","params":{"url":"https://example.com"}}`},
		{"copilot pascal", Copilot, `{"hook_event_name":"PreToolUse","session_id":"s","timestamp":"2026-01-01T00:00:00Z","cwd":"/p","tool_name":"bash","tool_input":{"command":"ls"}}`,
			Pre, `{"tool":"exec","params":{"command":"ls"}}`},
		{"copilot camel post", Copilot, `{"sessionId":"s1","timestamp":1,"cwd":"/p","toolName":"bash","toolArgs":{"command":"env"},"toolResult":{"resultType":"success","textResultForLlm":"x"}}`,
			Post, `{"tool":"exec","params":{"command":"env"}}`},
		{"copilot failure", Copilot, `{"sessionId":"s1","timestamp":1,"cwd":"/p","toolName":"edit","toolArgs":{},"error":"no match"}`, Other, ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := Parse(tc.f, []byte(tc.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if ev.Kind != tc.kind {
				t.Errorf("kind = %v, want %v", ev.Kind, tc.kind)
			}
			if got := callsJSON(t, ev); got != tc.want {
				t.Errorf("calls:\n%s\nwant:\n%s", got, tc.want)
			}
			if d := Detect([]byte(tc.in)); d != tc.f && !(tc.f == Codex && d == Claude) {
				t.Errorf("Detect = %v, want %v", d, tc.f)
			}
		})
	}
}

func TestStamp(t *testing.T) {
	ev, err := Parse(Cline, []byte(`{"hookName":"PreToolUse","taskId":"task-9","workspaceRoots":["/repo","/other"],"preToolUse":{"toolName":"execute_command","parameters":{"command":"ls"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	c := ev.Calls[0]
	if c.Agent != "cline" || c.Session != "task-9" || c.Cwd != "/repo" {
		t.Errorf("call = %+v, want agent cline, session task-9, cwd /repo", c)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		f        Format
		want     error
	}{
		{"empty", "", Claude, ErrEmpty},
		{"blank", " \n", Gemini, ErrEmpty},
		{"no tool", `{"hook_event_name":"PreToolUse","tool_input":{}}`, Claude, ErrNoTool},
		{"old payload without tool", `{"session_id":"s"}`, Claude, ErrNoTool},
		{"too big", `{"a":"` + strings.Repeat("x", MaxPayload) + `"}`, Claude, ErrTooBig},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := Parse(tc.f, []byte(tc.in))
			if !errors.Is(err, tc.want) {
				t.Errorf("Parse error = %v, want %v", err, tc.want)
			}
			if ev == nil || ev.Format != tc.f {
				t.Errorf("Parse returned event %+v, want format %v", ev, tc.f)
			}
		})
	}
	for _, in := range []string{`{`, `[]`, `"x"`, `{"a":1} {"b":2}`, `{"a":1}x`, `{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":"nope"}`, `{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":[1]}`} {
		if _, err := Parse(Claude, []byte(in)); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", in)
		}
	}
}

func TestRender(t *testing.T) {
	pre := func(f Format, name string) *Event { return &Event{Format: f, Name: name, Kind: Pre} }
	post := func(f Format, name string) *Event { return &Event{Format: f, Name: name, Kind: Post} }
	deny := Answer{Verdict: Deny, Reason: "no"}
	ask := Answer{Verdict: Ask, Reason: "sure?"}
	allow := Answer{Verdict: Allow}
	none := Answer{}
	for _, tc := range []struct {
		name string
		ev   *Event
		a    Answer
		want string
	}{
		{"claude deny", pre(Claude, "PreToolUse"), deny, `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"no"}}`},
		{"claude ask", pre(Claude, ""), ask, `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"sure?"}}`},
		{"claude allow", pre(Claude, "PreToolUse"), allow, `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}`},
		{"claude none", pre(Claude, "PreToolUse"), none, ``},
		{"claude post block", post(Claude, "PostToolUse"), Answer{Verdict: Deny, Reason: "leak", Redacted: map[string]any{"stdout": "[REDACTED]"}}, `{"decision":"block","reason":"leak","hookSpecificOutput":{"hookEventName":"PostToolUse","updatedToolOutput":{"stdout":"[REDACTED]"}}}`},
		{"claude post none", post(Claude, "PostToolUse"), none, ``},
		{"codex deny", pre(Codex, "PreToolUse"), deny, `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"no"}}`},
		{"codex ask", pre(Codex, "PreToolUse"), ask, `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"sure?; this agent cannot ask for approval, so the call was blocked"}}`},
		{"codex allow", pre(Codex, "PreToolUse"), allow, ``},
		{"codex post", post(Codex, "PostToolUse"), Answer{Verdict: Deny, Reason: "leak", Redacted: "x"}, `{"decision":"block","reason":"leak"}`},
		{"cline deny", pre(Cline, "PreToolUse"), deny, `{"cancel":true,"contextModification":"no","errorMessage":"no"}`},
		{"cline ask", pre(Cline, "PreToolUse"), ask, `{"cancel":true,"contextModification":"sure?; this agent cannot ask for approval, so the call was blocked","errorMessage":"sure?; this agent cannot ask for approval, so the call was blocked"}`},
		{"cline allow", pre(Cline, "PreToolUse"), allow, `{"cancel":false}`},
		{"cline none", pre(Cline, "PreToolUse"), none, `{"cancel":false}`},
		{"gemini deny", pre(Gemini, "BeforeTool"), deny, `{"decision":"deny","reason":"no"}`},
		{"gemini ask", pre(Gemini, "BeforeTool"), ask, `{"decision":"ask","reason":"sure?"}`},
		{"gemini allow", pre(Gemini, "BeforeTool"), allow, `{"decision":"allow"}`},
		{"gemini none", pre(Gemini, "BeforeTool"), none, ``},
		{"gemini after", post(Gemini, "AfterTool"), deny, `{"decision":"deny","reason":"no"}`},
		{"cursor deny", pre(Cursor, "beforeShellExecution"), deny, `{"permission":"deny","user_message":"no","agent_message":"no"}`},
		{"cursor ask shell", pre(Cursor, "beforeShellExecution"), ask, `{"permission":"ask","user_message":"sure?","agent_message":"sure?"}`},
		{"cursor ask read", pre(Cursor, "beforeReadFile"), ask, `{"permission":"deny","user_message":"sure?; this agent cannot ask for approval, so the call was blocked","agent_message":"sure?; this agent cannot ask for approval, so the call was blocked"}`},
		{"cursor allow", pre(Cursor, "beforeMCPExecution"), allow, `{"permission":"allow"}`},
		{"cursor none", pre(Cursor, "beforeMCPExecution"), none, ``},
		{"cursor after", post(Cursor, "afterShellExecution"), deny, ``},
		{"copilot deny", &Event{Format: Copilot, Kind: Pre, camel: true}, deny, `{"permissionDecision":"deny","permissionDecisionReason":"no","hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"no"}}`},
		{"copilot ask", pre(Copilot, "PreToolUse"), ask, `{"permissionDecision":"ask","permissionDecisionReason":"sure?","hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"sure?"}}`},
		{"copilot none", pre(Copilot, "PreToolUse"), none, ``},
		{"copilot camel post", &Event{Format: Copilot, Kind: Post, camel: true}, deny, `{"modifiedResult":{"resultType":"denied","textResultForLlm":"no"},"additionalContext":"no"}`},
		{"copilot pascal post", post(Copilot, "PostToolUse"), deny, `{"decision":"block","reason":"no"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.TrimSuffix(string(Render(tc.ev, tc.a)), "\n")
			if got != tc.want {
				t.Errorf("Render =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestFormatNames(t *testing.T) {
	for _, f := range Formats {
		g, err := ParseFormat(f.String())
		if err != nil || g != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f.String(), g, err)
		}
	}
	if _, err := ParseFormat("vim"); err == nil {
		t.Error("ParseFormat(vim) succeeded")
	}
}

// FuzzParse feeds arbitrary payloads to every format: Parse and Detect
// never panic, and every answer renders as one JSON object or nothing.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/script/*.txtar")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "{") {
				f.Add([]byte(line))
			}
		}
	}
	f.Add([]byte(`{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls"}}`))
	f.Add([]byte(`{"hookName":"PreToolUse","preToolUse":{"toolName":"use_mcp_tool","parameters":{"arguments":"{\"a\":1}"}}}`))
	f.Add([]byte(`{"toolName":"bash","toolArgs":"{\"command\":\"ls\"}"}`))
	f.Fuzz(func(t *testing.T, payload []byte) {
		_ = Detect(payload)
		for _, fm := range Formats {
			ev, err := Parse(fm, payload)
			if ev == nil {
				t.Fatalf("Parse(%v) returned no event", fm)
			}
			if err == nil && ev.Kind != Other && len(ev.Calls) == 0 {
				t.Fatalf("Parse(%v) gave a %v event without calls", fm, ev.Kind)
			}
			for _, v := range []Verdict{NoOpinion, Allow, Ask, Deny} {
				out := Render(ev, Answer{Verdict: v, Reason: "r", Redacted: ev.Output})
				if len(out) > 0 && !json.Valid(out) {
					t.Fatalf("Render(%v, %v) = %q, not JSON", fm, v, out)
				}
			}
			for _, c := range ev.Calls {
				if _, err := json.Marshal(c); err != nil {
					t.Fatalf("call does not encode: %v", err)
				}
			}
		}
	})
}

// FuzzDetectParse holds DetectParse, which decodes a payload once, to
// Detect followed by Parse of the format found.
func FuzzDetectParse(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/script/*.txtar")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "{") {
				f.Add([]byte(line))
			}
		}
	}
	for _, p := range []string{"", "  ", "[1]", "{} {}", `{"a":1}x`, "{", `{"hookName":"x"}`, `{"hook_event_name":"BeforeTool"}`} {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		want := Detect(payload)
		wantEv, wantErr := Parse(want, payload)
		got, gotEv, gotErr := DetectParse(payload)
		if got != want || !reflect.DeepEqual(gotEv, wantEv) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("DetectParse(%q) = %v, %+v, %v; Detect and Parse give %v, %+v, %v", payload, got, gotEv, gotErr, want, wantEv, wantErr)
		}
	})
}
