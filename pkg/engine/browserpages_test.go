package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// A browser's own page of saved passwords or cookies, opened by a browser
// tool or fetched, is a read of the store it shows.
func TestBrowserPasswordPagesAreStoreReads(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		url  string
		want call.Action
	}{
		{"chrome://password-manager/passwords", call.Deny},
		{"about:logins", call.Deny},
		{"edge://wallet/passwords", call.Deny},
		{"chrome://settings/cookies", call.Deny},
		{"chrome://version", call.Allow},
		{"http://localhost:3000/settings/passwords", call.Allow},
	} {
		args, _ := json.Marshal(map[string]any{"url": tt.url})
		c := call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: call.Params{"server": "playwright", "tool": "browser_navigate", "arguments": json.RawMessage(args)}}
		var p call.Params
		b, _ := json.Marshal(c.Params)
		_ = json.Unmarshal(b, &p)
		c.Params = p
		if d := e.Evaluate(c); d.Decision != tt.want {
			t.Errorf("browser_navigate %q = %v (%s), want %v", tt.url, d.Decision, d.Message, tt.want)
		}
		if d := e.Evaluate(mkCall(call.ToolFetch, tt.url)); d.Decision != tt.want {
			t.Errorf("fetch %q = %v (%s), want %v", tt.url, d.Decision, d.Message, tt.want)
		}
	}
}
