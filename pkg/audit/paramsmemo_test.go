package audit

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

// TestParamsMemo: a record made with the memo, the first time and again,
// is the record made without it, for params with and without a secret,
// params that change, and params the memo does not keep; what the memo
// hands out cannot be changed through a record.
func TestParamsMemo(t *testing.T) {
	key := "AKIA" + "IOSFODNN7EXAMPLE"
	entries := []Entry{
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true"}, Cwd: "/p"}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true"}, Cwd: "/q"}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/env AWS_ACCESS_KEY_ID=" + key + " aws s3 ls"}}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/env AWS_ACCESS_KEY_ID=" + key + " aws s3 ls"}}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true", "timeout": "5"}}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true", "timeout": "6"}}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true", "other": "5"}}},
		{Call: call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true"}}},
		{Call: call.Call{Tool: "write", Params: call.Params{"path": "/p/a", "content": "x", "mode": "0600"}}},
		{Call: call.Call{Tool: "write", Params: call.Params{"path": "/p/a", "content": "x", "mode": "0600"}}},
		{Call: call.Call{Tool: "mcp", Params: call.Params{"server": "s", "arguments": map[string]any{"k": key}}}},
		{Call: call.Call{Tool: "mcp", Params: call.Params{"server": "s", "arguments": map[string]any{"k": "v"}}}},
		{Call: call.Call{Tool: "read", Params: call.Params{"path": strings.Repeat("a", maxMemoParamsLen)}}},
		{Call: call.Call{Tool: "read", Params: call.Params{"path": strings.Repeat("a", maxMemoParamsLen)}}},
		{Call: call.Call{Tool: "exec", Params: call.Params{}}},
		{Call: call.Call{Tool: "exec"}},
	}
	var m paramsMemo
	redacted := 0
	for i, e := range entries {
		want, err := newRecord(e, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := newRecord(e, &m)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("entry %d: with the memo %+v, without %+v", i, got, want)
		}
		if bytes.Contains(got.Params, []byte(key)) {
			t.Errorf("entry %d: the key is in the record's params: %s", i, got.Params)
		}
		if slicesContain(got.Flags, FlagRedacted) {
			redacted++
		}
		// A record's params changed, or appended to, leave the memo's.
		got.Params = append(got.Params, 'x')
		if len(got.Params) > 1 {
			got.Params[0] = 'X'
		}
	}
	if redacted != 3 {
		t.Errorf("%d records flagged redacted, want 3", redacted)
	}
	// The memo keeps the last params it was given that it keeps.
	if m.n != 1 || m.keys[0] != "command" || m.vals[0] != "/usr/bin/true" {
		t.Errorf("memo holds %d %q %q", m.n, m.keys, m.vals)
	}
	if p, _, ok := m.get(call.Params{"command": "/usr/bin/true"}); !ok || string(p) != `{"command":"/usr/bin/true"}` {
		t.Errorf("memo gives %s, %v", p, ok)
	}
}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
