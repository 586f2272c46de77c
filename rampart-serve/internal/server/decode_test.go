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

// plainBodies are bodies the plain decoder takes or must leave to
// encoding/json.
var plainBodies = []string{
	`{}`, ` { } `, `{"params":{"command":"git status"},"agent":"a","session":"s","cwd":"/srv"}`,
	`{"command":"ls","args":["-l","x"],"deep":{"a":[{"b":null,"c":true,"d":false}]},"e":[]}`,
	`{"a":"1","a":"2"}`, `{"a":{"x":"1"},"a":{"y":"2"}}`, "{\"a\":\"héllo ✓ \u2028\"}",
	`{"a":"with \"escape\""}`, `{"n":1}`, `{"n":-0.5e3}`, `{"a":"bad ` + "\xff" + `"}`,
	`{"a":"` + "\xed\xa0\x80" + `"}`, `{"a":"ctl` + "\x01" + `"}`, `{"a":tru}`, `{"a":"x",}`,
	`{"a" "x"}`, `{"a":"x"} {}`, `{"a":"x"}x`, `[]`, `null`, `"s"`, `{`, `{"a":[1,2]}`,
	`{"a":["x",]}`, `{"a":nul}`, `{"a":"x"`, "\ufeff{}", `{"a":` + strings.Repeat(`[`, 40) + strings.Repeat(`]`, 40) + `}`,
	`{"A":"1","a":"2"}`, `{"a":"x"}` + " \t\r\n",
}

func TestDecodePlainObjectMatchesEncodingJSON(t *testing.T) {
	for _, body := range plainBodies {
		checkPlain(t, []byte(body))
	}
}

func checkPlain(t *testing.T, body []byte) {
	got, ok := decodePlainObject(body)
	if !ok {
		return
	}
	var want map[string]any
	if err := json.Unmarshal(body, &want); err != nil {
		t.Fatalf("decodePlainObject(%q) took what encoding/json refuses: %v", body, err)
	}
	if want == nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("decodePlainObject(%q) = %#v, encoding/json %#v", body, got, want)
	}
}

func FuzzDecodePlainObject(f *testing.F) {
	for _, body := range plainBodies {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkPlain(t, body) })
}

// BenchmarkDecodeCallEscaped is a body that goes through encoding/json.
func BenchmarkDecodeCallEscaped(b *testing.B) {
	body := []byte(`{"params":{"command":"echo \"hi\""},"agent":"bench","cwd":"/srv"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeCall("exec", body); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDecodePlainObjectTakesPlainBodies(t *testing.T) {
	for _, body := range plainBodies[:7] {
		if _, ok := decodePlainObject([]byte(body)); !ok {
			t.Errorf("decodePlainObject(%q) left a plain body to encoding/json", body)
		}
	}
}
