package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestAgentEditOutputOnly: an edit line is read as the filter's change
// only when what lands on the settings is the filter's own output; a file
// of another origin moved over them, the output overwritten, null input,
// several inputs, a value that names the hooks or a sed pattern that can
// reach past its key leaves the write judged by its path.
func TestAgentEditOutputOnly(t *testing.T) {
	e := standard(t)
	const f = "~/.claude/settings.json"
	for _, c := range []struct {
		line string
		want call.Action
	}{
		{`jq '.theme = "light"' ` + f + ` > /tmp/s && mv /tmp/s ` + f, call.Allow},
		{`T=$(mktemp) && jq '.theme = "light"' ` + f + ` > "$T" && mv "$T" ` + f, call.Allow},
		{`jq '.theme = "light"' ` + f + ` | tee /tmp/s > /dev/null && mv /tmp/s ` + f, call.Allow},
		{`jq '.theme = "light"' ` + f + ` > /tmp/s && mv /tmp/s /tmp/t && cp /tmp/t ` + f, call.Allow},
		{`sed -i 's/"theme": "[^"]*"/"theme": "light"/' ` + f, call.Allow},
		{`jq '.theme = "light"' ` + f + ` > /tmp/s && mv /tmp/evil.json ` + f, call.Deny},
		{`jq '.theme = "light"' ` + f + ` > /tmp/s && cp /tmp/evil.json /tmp/s && mv /tmp/s ` + f, call.Deny},
		{`jq '.theme = "light"' ` + f + ` > /tmp/s; sponge ` + f + ` < /tmp/evil.json`, call.Deny},
		{`jq '.theme = "light"' ` + f + ` | cat /tmp/evil.json - | sponge ` + f, call.Deny},
		{`jq '.theme = "light"' ` + f + ` > ` + f, call.Deny},
		{`jq -n '.theme = "light"' ` + f + ` > /tmp/s && mv /tmp/s ` + f, call.Deny},
		{`jq -C '.theme = "light"' ` + f + ` > /tmp/s && mv /tmp/s ` + f, call.Deny},
		{`jq '.theme = "light"' ` + f + ` /tmp/x.json > /tmp/s && mv /tmp/s ` + f, call.Deny},
		{`jq --argjson o '{"ho\u006fks":{}}' '. + $o' ` + f + ` > /tmp/s && mv /tmp/s ` + f, call.Deny},
		{`sed -i 's/"command": "[^"]*"/"model": "x"/' ` + f, call.Deny},
		{`sed -i 's/"theme": .*/"theme": "x"}/' ` + f, call.Deny},
		{`sed -i -e 's/"model": "a"/"model": "b"/' -e '/Pre/d' ` + f, call.Deny},
		{`yq -i -o=yaml '.theme = "dark"' ` + f, call.Deny},
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, c.line)); d.Decision != c.want {
			t.Errorf("%s: %v (%s), want %v", c.line, d.Decision, d.Message, c.want)
		}
	}
}
