package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestGlobalHooksDirs: git's global hooks directories (~/.githooks,
// ~/.git-hooks, ~/.config/git/hooks) are where core.hooksPath points
// every repository: a hook written or linked there asks, as one written
// under ~/.git-templates/hooks does; reading one is reading a script, not
// a tool's login.
func TestGlobalHooksDirs(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"write", "/home/dev/.githooks/pre-push", call.RequireApproval},
		{"write", "/home/dev/.git-hooks/pre-commit", call.RequireApproval},
		{"write", "/home/dev/.config/git/hooks/pre-commit", call.RequireApproval},
		{"exec", "ln -s ~/project/scripts/pre-push ~/.config/git/hooks/pre-push", call.RequireApproval},
		{"exec", "cat ~/.githooks/pre-commit", call.Allow},
		{"read", "/home/dev/.config/git/hooks/pre-commit", call.Allow},
		{"write", "/home/dev/.config/git/ignore", call.Allow},
	} {
		c := mkCall(tt.tool, tt.arg)
		if tt.tool == call.ToolWrite {
			c.Params["content"] = "#!/bin/sh\nmake test\n"
		}
		if d := e.Evaluate(c); d.Decision != tt.want {
			t.Errorf("Evaluate(%s %q) = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}
