package e2e

import (
	"path/filepath"
	"testing"
)

// Claude Code speaks the Anthropic Messages API (SSE) to ANTHROPIC_BASE_URL.
// It runs with permissions bypassed, so the hook is all that stands between
// the model and the tools.
// newClaude drives the Claude Code installed in dir of the cache.
func newClaude(dir string) *driver {
	return &driver{
		name: dir, setup: "claude-code", pkg: "@anthropic-ai/claude-code",
		pre: "PreToolUse", post: "PostToolUse", postErr: "PostToolUseFailure",
		call: func(w *workspace, c Case) toolCall {
			switch c {
			case ReadDeny:
				return toolCall{Name: "Read", Args: map[string]any{"file_path": w.path("blocked-read.txt")}}
			case WriteDeny:
				return toolCall{Name: "Write", Args: map[string]any{"file_path": w.path("blocked-write.txt"), "content": "x\n"}}
			case FetchDeny:
				return toolCall{Name: "WebFetch", Args: map[string]any{"url": w.fetchURL(), "prompt": "summarise"}}
			}
			return toolCall{Name: "Bash", Args: map[string]any{"command": w.command(c), "description": "e2e"}}
		},
		prepare: func(t *testing.T, w *workspace) {
			w.Env = append(w.Env,
				"ANTHROPIC_BASE_URL="+w.Model.URL,
				"ANTHROPIC_API_KEY=sk-ant-e2e-not-a-key",
				"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1",
				"DISABLE_AUTOUPDATER=1",
				"IS_SANDBOX=1", // --dangerously-skip-permissions as root
			)
		},
		argv: func(w *workspace, prompt string) []string {
			return []string{agentBin(dir, "claude"), "-p", prompt, "--output-format", "stream-json", "--verbose",
				"--dangerously-skip-permissions", "--max-turns", "3"}
		},
		hookFile: func(w *workspace) string { return filepath.Join(w.Home, ".claude", "settings.json") },
		cases:    []Case{ExecDeny, ExecAllow, ExecAsk, ReadDeny, WriteDeny, FetchDeny, SecretOutput, SecretFailed, HookCrash, HookTimeout, HookBadJSON},
	}
}

// TestClaudeCode runs the newest Claude Code whose package declares Node 20
// support (2.1.197).
func TestClaudeCode(t *testing.T) { runAgent(t, newClaude("claude")) }

// TestClaudeCodeLatest runs the newest Claude Code (it declares Node 22 but
// is a native executable), which honours onFailure.
func TestClaudeCodeLatest(t *testing.T) { runAgent(t, newClaude("claude-latest")) }
