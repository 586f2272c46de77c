package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

func TestDecodeCall(t *testing.T) {
	for _, tc := range []struct {
		body string
		want call.Call
		err  string
	}{
		{`{"command":"ls"}`, call.Call{Tool: "exec", Params: call.Params{"command": "ls"}}, ""},
		{`{"params":{"command":"ls"},"agent":"my-bot","session":"s1","cwd":"/srv"}`,
			call.Call{Tool: "exec", Params: call.Params{"command": "ls"}, Agent: "my-bot", Session: "s1", Cwd: "/srv"}, ""},
		{`{"params":{"command":"ls"},"tool":"exec"}`, call.Call{Tool: "exec", Params: call.Params{"command": "ls"}}, ""},
		// A body with "params" is an envelope or refused, never bare
		// params: a preflight must judge the call that will run.
		{`{"params":{"a":1},"command":"ls"}`, call.Call{}, `unexpected key "command"`},
		{`{"params":{"command":"ls"},"command":"rm -rf /"}`, call.Call{}, `unexpected key "command"`},
		{`{"params":"x"}`, call.Call{}, "must be an object"},
		{`{"params":{},"agent":7}`, call.Call{}, `"agent" must be a string`},
		{``, call.Call{Tool: "exec", Params: call.Params{}}, ""},
		{`{"params":null}`, call.Call{}, "must be an object"},
		{`null`, call.Call{}, "JSON object"},
		{`[]`, call.Call{}, "malformed"},
		{`"ls"`, call.Call{}, "malformed"},
		{`{"command":"ls"}x`, call.Call{}, "after the object"},
		{`{"params":{},"tool":"read"}`, call.Call{}, `names tool "read"`},
		{`{"params":{},"cwd":"rel/dir"}`, call.Call{}, "not an absolute path"},
		{`{"command":"AKIAIOSFODNN7EXAMPLE`, call.Call{}, "end of input"},
		{`{"command":"ls"]`, call.Call{}, "syntax error"},
	} {
		got, err := decodeCall("exec", []byte(tc.body))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("decodeCall(%q) err = %v, want %q", tc.body, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("decodeCall(%q) err = %v", tc.body, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("decodeCall(%q) = %#v, want %#v", tc.body, got, tc.want)
		}
	}
	// Errors never echo the input, which may hold a secret.
	_, err := decodeCall("exec", []byte(`{"command":"AKIAIOSFODNN7EXAMPLE`))
	if strings.Contains(err.Error(), "AKIA") {
		t.Errorf("error echoes input: %v", err)
	}
	for _, tool := range []string{"", "a b", "x/y", strings.Repeat("a", MaxToolName+1), "exé"} {
		if _, err := decodeCall(tool, []byte(`{}`)); err == nil {
			t.Errorf("decodeCall(tool %q) accepted", tool)
		}
	}
}

// FuzzDecodeCall: decoding never panics, and an accepted call survives a
// round trip through the envelope shape unchanged.
func FuzzDecodeCall(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/requests/*.json")
	for _, p := range seeds {
		b, _ := os.ReadFile(p)
		f.Add("exec", b)
	}
	f.Add("exec", []byte(`{"command":"ls"}`))
	f.Add("mcp__fs__read", []byte(`{"params":{"path":"/etc/passwd"},"agent":"a","cwd":"/"}`))
	f.Fuzz(func(t *testing.T, tool string, body []byte) {
		c, err := decodeCall(tool, body)
		if err != nil {
			return
		}
		if c.Tool != tool || c.Params == nil {
			t.Fatalf("decodeCall(%q, %q) = %+v", tool, body, c)
		}
		env, err := json.Marshal(map[string]any{"params": c.Params, "agent": c.Agent, "session": c.Session, "cwd": c.Cwd})
		if err != nil {
			t.Fatal(err)
		}
		c2, err := decodeCall(tool, env)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", env, err)
		}
		if !reflect.DeepEqual(c, c2) {
			t.Fatalf("round trip changed the call:\n%#v\n%#v", c, c2)
		}
	})
}
