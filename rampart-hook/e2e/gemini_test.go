package e2e

import (
	"path/filepath"
	"testing"
)

// Gemini CLI speaks Gemini's generateContent (SSE) to GOOGLE_GEMINI_BASE_URL.
// It runs with --yolo, so the hook is all that stands between the model and
// the tools; GeminiNoYolo runs without it, to see whether a hook's allow
// skips Gemini's own confirmation.
var gemini = &driver{
	name: "gemini", setup: "gemini", pkg: "@google/gemini-cli",
	pre: "BeforeTool", post: "AfterTool", postErr: "AfterTool",
	call: func(w *workspace, c Case) toolCall {
		switch c {
		case ReadDeny:
			return toolCall{Name: "read_file", Args: map[string]any{"file_path": w.path("blocked-read.txt")}}
		case WriteDeny:
			return toolCall{Name: "write_file", Args: map[string]any{"file_path": w.path("blocked-write.txt"), "content": "x\n"}}
		case FetchDeny:
			return toolCall{Name: "web_fetch", Args: map[string]any{"prompt": "Summarise " + w.fetchURL()}}
		}
		return toolCall{Name: "run_shell_command", Args: map[string]any{"command": w.command(c), "description": "e2e"}}
	},
	prepare: func(t *testing.T, w *workspace) {
		// The API-key login, with the key's requests sent to the base URL.
		writeFile(t, filepath.Join(w.Home, ".gemini", "settings.json"), `{"security": {"auth": {"selectedType": "gemini-api-key"}}, "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false, "disableAutoUpdate": true, "disableUpdateNag": true}, "privacy": {"usageStatisticsEnabled": false}, "telemetry": {"enabled": false}}`+"\n")
		w.Env = append(w.Env,
			"GOOGLE_GEMINI_BASE_URL="+w.Model.URL,
			"GEMINI_API_KEY=e2e-not-a-key",
			"GEMINI_CLI_TRUST_WORKSPACE=true",
		)
	},
	argv: func(w *workspace, prompt string) []string {
		return []string{agentBin("gemini", "gemini"), "-p", prompt, "--output-format", "stream-json", "--yolo", "--model", "gemini-2.5-flash"}
	},
	argvFor: map[Case]func(w *workspace, prompt string) []string{
		AllowNoYolo: func(w *workspace, prompt string) []string {
			return []string{agentBin("gemini", "gemini"), "-p", prompt, "--output-format", "stream-json", "--model", "gemini-2.5-flash"}
		},
	},
	hookFile: func(w *workspace) string { return filepath.Join(w.Home, ".gemini", "settings.json") },
	cases:    []Case{ExecDeny, ExecAllow, AllowNoYolo, ExecAsk, ReadDeny, WriteDeny, FetchDeny, SecretOutput, HookCrash, HookTimeout, HookBadJSON},
}

func TestGemini(t *testing.T) { runAgent(t, gemini) }
