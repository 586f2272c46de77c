package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Copilot CLI speaks OpenAI Chat Completions (SSE) to its offline provider
// (COPILOT_PROVIDER_BASE_URL). It runs with --allow-all-tools, so the hook
// is all that stands between the model and the tools. The Pascal cases
// rewrite setup's camelCase events as PreToolUse/PostToolUse, the VS Code
// compatible spelling, under which Copilot sends other tool names.
var copilot = &driver{
	name: "copilot", setup: "copilot", pkg: "@github/copilot",
	pre: "preToolUse", post: "postToolUse", postErr: "postToolUse",
	call: func(w *workspace, c Case) toolCall {
		switch c {
		case ReadDeny, PascalReadDeny:
			return toolCall{Name: "view", Args: map[string]any{"path": w.path("blocked-read.txt")}}
		case GrepDeny:
			return toolCall{Name: "grep", Args: map[string]any{"pattern": "TOKEN", "paths": []any{w.path("blocked-read.txt")}, "output_mode": "content"}}
		case WriteDeny:
			return toolCall{Name: "create", Args: map[string]any{"path": w.path("blocked-write.txt"), "file_text": "x\n"}}
		case FetchDeny:
			return toolCall{Name: "web_fetch", Args: map[string]any{"url": w.fetchURL()}}
		}
		return toolCall{Name: "bash", Args: map[string]any{"command": w.command(c), "description": "e2e"}}
	},
	prepare: func(t *testing.T, w *workspace) {
		w.Env = append(w.Env,
			"COPILOT_PROVIDER_BASE_URL="+w.Model.URL+"/v1",
			"COPILOT_PROVIDER_TYPE=openai",
			"COPILOT_PROVIDER_API_KEY=sk-e2e-not-a-key",
			"COPILOT_OFFLINE=true",
			"COPILOT_MODEL=gpt-5",
			// Where scripts/install-agents.sh unpacked Copilot once.
			"XDG_CACHE_HOME="+filepath.Join(agentsDir, "copilot", "xdg-cache"),
		)
	},
	argv: func(w *workspace, prompt string) []string {
		return []string{agentBin("copilot", "copilot"), "-p", prompt, "--output-format", "json", "--allow-all-tools", "--model", "gpt-5"}
	},
	afterSetup: func(t *testing.T, w *workspace, c Case, setupOut string) {
		if c != PascalExecDeny && c != PascalReadDeny {
			return
		}
		p := filepath.Join(w.Home, ".copilot", "hooks", "rampart.json")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.NewReplacer(`"preToolUse"`, `"PreToolUse"`, `"postToolUse"`, `"PostToolUse"`).Replace(string(b))
		writeFile(t, p, s)
	},
	hookFile: func(w *workspace) string { return filepath.Join(w.Home, ".copilot", "hooks", "rampart.json") },
	cases: []Case{ExecDeny, ExecAllow, ExecAsk, ReadDeny, GrepDeny, WriteDeny, FetchDeny, SecretOutput,
		PascalExecDeny, PascalReadDeny, HookCrash, HookTimeout, HookBadJSON},
}

func TestCopilot(t *testing.T) { runAgent(t, copilot) }
