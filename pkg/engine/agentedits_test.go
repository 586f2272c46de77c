package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestAgentEditDelta: the change a jq, yq or sed filter makes to an agent
// settings file, read as the settings it sets; filters that name the hooks
// or that this reading cannot follow are not read.
func TestAgentEditDelta(t *testing.T) {
	for _, c := range []struct {
		args []string
		sed  bool
		want string
		ok   bool
	}{
		{[]string{".theme = \"light\"", "f"}, false, `{"theme":"light"}`, true},
		{[]string{"--arg", "m", "sonnet", ".model = $m", "f"}, false, `{"model":"sonnet"}`, true},
		{[]string{".permissions.defaultMode = \"bypassPermissions\"", "f"}, false, `{"permissions":{"defaultMode":"bypassPermissions"}}`, true},
		{[]string{". + {\"verbose\": true}", "f"}, false, `{"verbose":true}`, true},
		{[]string{"-S", ".", "f"}, false, `{}`, true},
		{[]string{".a |= 1 | .b = 2", "f"}, false, `{"a":1,"b":2}`, true},
		{[]string{"del(.hooks)", "f"}, false, "", false},
		{[]string{`."ho\u006fks" = {}`, "f"}, false, "", false},
		{[]string{`s/"theme": "dark"/"theme": "light"/e`, "f"}, true, "", false},
		{[]string{".disableAllHooks = true", "f"}, false, "", false},
		{[]string{".x = (.y | map(.))", "f"}, false, "", false},
		{[]string{"-s", ".[0] * .[1]", "f", "g"}, false, "", false},
		{[]string{`s/"theme": "dark"/"theme": "light"/`, "f"}, true, `{"theme": "light"}`, true},
		{[]string{"/rampart-hook/d", "f"}, true, "", false},
		{[]string{"s/codex_hooks = true/codex_hooks = false/", "f"}, true, "", false},
		{[]string{`s/"failClosed": true/"failClosed": false/g`, "f"}, true, "", false},
		{[]string{`s/"timeout": 30/"timeout": 1/`, "f"}, true, "", false},
	} {
		var got string
		var ok bool
		if c.sed {
			got, ok = sedDelta(c.args, 'j')
		} else {
			got, ok = jqDelta(c.args, 'j')
		}
		if ok != c.ok || got != c.want {
			t.Errorf("%q: %q, %v; want %q, %v", c.args, got, ok, c.want, c.ok)
		}
	}
}

// TestAgentEditJudged: a filter's output moved back over the settings is
// judged by the change: a theme passes, a permission mode turned down
// asks, the hooks removed or a filter that cannot be read stays denied.
func TestAgentEditJudged(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		line string
		want call.Action
	}{
		{`jq '.theme = "light"' ~/.claude/settings.json > /tmp/s && mv /tmp/s ~/.claude/settings.json`, call.Allow},
		{`jq '.verbose = true' ~/.claude/settings.json | sponge ~/.claude/settings.json`, call.Allow},
		{`jq '.permissions.defaultMode = "bypassPermissions"' ~/.claude/settings.json > /tmp/s && mv /tmp/s ~/.claude/settings.json`, call.RequireApproval},
		{`jq 'del(.hooks)' ~/.claude/settings.json > /tmp/s && mv /tmp/s ~/.claude/settings.json`, call.Deny},
		{`jq '. + {"disableAllHooks": true}' ~/.claude/settings.json > /tmp/s && mv /tmp/s ~/.claude/settings.json`, call.Deny},
		{`jq '.theme = "light"' ~/.claude/settings.json > /tmp/s && python3 x.py && mv /tmp/s ~/.claude/settings.json`, call.Deny},
		{`jq '.theme = "light"' /tmp/other.json > /tmp/s && mv /tmp/s ~/.claude/settings.json`, call.Deny},
		{`mv ~/.claude/settings.json /tmp/old.json`, call.Deny},
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, c.line)); d.Decision != c.want {
			t.Errorf("%s: %v (%s), want %v", c.line, d.Decision, d.Message, c.want)
		}
	}
}
