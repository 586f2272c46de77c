package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestServerNamedForProduction: SQL that changes data through an MCP
// database server whose configured name says production (postgres-prod,
// production-mysql) changes production's data when the call names no
// other database; its reads, and the same SQL through a server named for
// development or given a local database, do not.
func TestServerNamedForProduction(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		server, tool, args string
		want               call.Action
	}{
		{"postgres-prod", "execute_sql", `{"sql":"UPDATE subscriptions SET status = 'active' WHERE id = 8812"}`, call.RequireApproval},
		{"prod-db", "query", `{"sql":"DELETE FROM sessions WHERE id = 3"}`, call.RequireApproval},
		{"production-mysql", "mysql_query", `{"query":"INSERT INTO flags VALUES (1)"}`, call.RequireApproval},
		{"postgres-prod", "execute_sql", `{"sql":"SELECT id FROM subscriptions WHERE id = 8812"}`, call.Allow},
		{"postgres-dev", "execute_sql", `{"sql":"UPDATE users SET name = 'x' WHERE id = 1"}`, call.Allow},
		{"postgres-prod", "execute_sql", `{"dsn":"postgres://dev:dev@localhost:5432/app_dev","sql":"UPDATE users SET name = 'x' WHERE id = 1"}`, call.Allow},
	} {
		d := e.Evaluate(mcpCallOf(t, tc.server, tc.tool, tc.args))
		if d.Decision < tc.want || tc.want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%s/%s %s = %v (%s), want %v", tc.server, tc.tool, tc.args, d.Decision, d.Message, tc.want)
		}
	}
}

// TestEverydayToolsKnown: language servers, mutation testers, release and
// changelog tools and linters' images that development runs by name are
// known (knownpackages.txt); a package or image nobody lists is still asked
// about.
func TestEverydayToolsKnown(t *testing.T) {
	e := standard(t)
	for cmd, want := range map[string]call.Action{
		"npm install -g pyright bash-language-server yaml-language-server": call.Allow,
		"npx stryker run --concurrency 2":                                  call.Allow,
		"npx release-please release-pr --dry-run --repo-url acme/web":      call.Allow,
		"npx conventional-changelog -p angular -i CHANGELOG.md -s":         call.Allow,
		"npx @vscode/test-cli --label unitTests":                           call.Allow,
		"docker run --rm -i hadolint/hadolint < Dockerfile":                call.Allow,
		"npx totally-unknown-helper run":                                   call.RequireApproval,
		"npm install -g @anthropic-ai/claude-code":                         call.RequireApproval,
		"docker run --rm someone/linter":                                   call.RequireApproval,
	} {
		d := e.Evaluate(call.Call{Tool: call.ToolExec, Params: call.Params{"command": cmd}, Cwd: "/home/dev/project"})
		if d.Decision < want || want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%s = %v (%s), want %v", cmd, d.Decision, d.Message, want)
		}
	}
}
