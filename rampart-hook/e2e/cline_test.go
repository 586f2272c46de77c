package e2e

import (
	"path/filepath"
	"testing"
)

// Cline CLI speaks OpenAI Chat Completions (SSE) to an openai-compatible
// provider set with `cline auth`. It auto-approves every tool by default,
// so the hook is all that stands between the model and the tools.
var cline = &driver{
	name: "cline", setup: "cline", pkg: "cline",
	pre: "PreToolUse (tool_call)", post: "PostToolUse (tool_result)", postErr: "PostToolUse (tool_result)",
	call: func(w *workspace, c Case) toolCall {
		switch c {
		case ReadDeny:
			return toolCall{Name: "read_files", Args: map[string]any{"files": []any{map[string]any{"path": w.path("blocked-read.txt")}}}}
		case WriteDeny:
			return toolCall{Name: "editor", Args: map[string]any{"command": "create", "path": w.path("blocked-write.txt"), "new_text": "x\n"}}
		case FetchDeny:
			return toolCall{Name: "fetch_web_content", Args: map[string]any{"requests": []any{map[string]any{"url": w.fetchURL(), "prompt": "summarise"}}}}
		case ArgvDeny:
			return toolCall{Name: "run_commands", Args: map[string]any{"commands": []any{map[string]any{"command": "touch", "args": []any{w.path("blocked-marker")}}}}}
		}
		return toolCall{Name: "run_commands", Args: map[string]any{"commands": []any{w.command(c)}}}
	},
	prepare: func(t *testing.T, w *workspace) {
		// What `cline auth -p openai-compatible -b URL -k KEY -m scripted`
		// writes (3.0.65), written directly: the command takes half a
		// minute on a loaded machine.
		writeFile(t, filepath.Join(w.Home, ".cline", "data", "settings", "providers.json"), `{
  "version": 1,
  "lastUsedProvider": "openai-compatible",
  "modes": {},
  "providers": {
    "openai-compatible": {
      "settings": {"provider": "openai-compatible", "apiKey": "sk-e2e-not-a-key", "model": "scripted", "baseUrl": "`+w.Model.URL+`/v1"},
      "updatedAt": "2026-12-02T08:45:32.025Z",
      "tokenSource": "manual"
    }
  }
}
`)
	},
	argv: func(w *workspace, prompt string) []string {
		return []string{agentBin("cline", "cline"), "--json", "--retries", "1", prompt}
	},
	hookFile: func(w *workspace) string { return filepath.Join(w.Home, "Documents", "Cline", "Hooks", "PreToolUse") },
	cases:    []Case{ExecDeny, ArgvDeny, ExecAllow, ExecAsk, ReadDeny, WriteDeny, FetchDeny, SecretOutput, HookCrash, HookTimeout, HookBadJSON},
}

func TestCline(t *testing.T) { runAgent(t, cline) }
