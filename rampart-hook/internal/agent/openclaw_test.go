package agent

import (
	"encoding/json"
	"reflect"
	"testing"

	"rampart.dev/pkg/call"
)

func TestParseOpenClaw(t *testing.T) {
	tests := []struct {
		payload string
		want    []call.Call
	}{
		{`{"hook_event_name":"before_tool_call","tool_name":"exec","params":{"command":"ls -la"},"session_key":"agent:main:main","cwd":"/w"}`,
			[]call.Call{{Tool: "exec", Params: call.Params{"command": "ls -la"}, Agent: "openclaw", Session: "agent:main:main", Cwd: "/w"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"exec","params":{"command":"make","workdir":"/w/sub"},"cwd":"/w"}`,
			[]call.Call{{Tool: "exec", Params: call.Params{"command": "make"}, Agent: "openclaw", Cwd: "/w/sub"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"read","params":{"path":"/home/u/.ssh/id_rsa"}}`,
			[]call.Call{{Tool: "read", Params: call.Params{"path": "/home/u/.ssh/id_rsa"}, Agent: "openclaw"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"write","params":{"path":"a.txt","content":"hi"}}`,
			[]call.Call{{Tool: "write", Params: call.Params{"path": "a.txt", "content": "hi"}, Agent: "openclaw"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"edit","params":{"path":"a.txt","oldText":"x","newText":"y"}}`,
			[]call.Call{{Tool: "write", Params: call.Params{"path": "a.txt", "content": "y"}, Agent: "openclaw"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"apply_patch","params":{"input":"x"},"derived_paths":["/w/b.txt"]}`,
			[]call.Call{{Tool: "write", Params: call.Params{"path": "/w/b.txt"}, Agent: "openclaw"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"web_fetch","params":{"url":"https://example.com/x"}}`,
			[]call.Call{{Tool: "fetch", Params: call.Params{"url": "https://example.com/x"}, Agent: "openclaw"}}},
		{`{"hook_event_name":"before_tool_call","tool_name":"web_search","params":{"query":"rampart"}}`,
			[]call.Call{{Tool: "web_search", Params: call.Params{"query": "rampart"}, Agent: "openclaw"}}},
	}
	for _, tt := range tests {
		if f := Detect([]byte(tt.payload)); f != OpenClaw {
			t.Errorf("Detect(%s) = %v, want openclaw", tt.payload, f)
		}
		ev, err := Parse(OpenClaw, []byte(tt.payload))
		if err != nil {
			t.Errorf("Parse(%s): %v", tt.payload, err)
			continue
		}
		if !reflect.DeepEqual(ev.Calls, tt.want) {
			t.Errorf("Parse(%s).Calls = %+v, want %+v", tt.payload, ev.Calls, tt.want)
		}
	}
	if _, err := Parse(OpenClaw, []byte(`{"hook_event_name":"before_tool_call","params":{}}`)); err != ErrNoTool {
		t.Errorf("a payload without a tool: err = %v, want ErrNoTool", err)
	}
}

func TestRenderOpenClaw(t *testing.T) {
	ev := &Event{Format: OpenClaw, Kind: Pre}
	tests := []struct {
		a    Answer
		want string
	}{
		{Answer{Verdict: Deny, Reason: "no"}, `{"block":true,"blockReason":"no"}`},
		{Answer{Verdict: Ask, Reason: "check"}, `{"requireApproval":{"title":"Rampart: approval needed","description":"check","severity":"warning"}}`},
		{Answer{Verdict: Allow}, ``},
		{Answer{Verdict: NoOpinion}, ``},
	}
	for _, tt := range tests {
		got := Render(ev, tt.a)
		if tt.want == "" {
			if len(got) != 0 {
				t.Errorf("Render(%v) = %s, want nothing", tt.a.Verdict, got)
			}
			continue
		}
		var g, w any
		json.Unmarshal(got, &g)
		json.Unmarshal([]byte(tt.want), &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("Render(%v) = %s, want %s", tt.a.Verdict, got, tt.want)
		}
	}
}
