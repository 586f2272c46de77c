package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A hook written to git's template directory is copied into every
// repository made after, as one in a repository's .git/hooks runs there:
// a person confirms it.
func TestGitTemplateHooksNeedApproval(t *testing.T) {
	e := standard(t)
	for _, p := range []string{
		"/home/dev/.git-templates/hooks/pre-commit",
		"/home/dev/.git_template/hooks/commit-msg",
		"/home/dev/.config/git/template/hooks/pre-push",
	} {
		c := call.Call{Tool: call.ToolWrite, Cwd: testCwd, Params: call.Params{"path": p, "content": "#!/bin/sh\nmake test\n"}}
		if d := e.Evaluate(c); d.Decision != call.RequireApproval {
			t.Errorf("write %q = %v (%s), want require_approval", p, d.Decision, d.Message)
		}
	}
}
