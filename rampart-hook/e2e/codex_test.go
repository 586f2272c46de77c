package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rampart.dev/rampart-hook/internal/setup"
)

// Codex speaks the OpenAI Responses API (SSE) to a custom provider set in
// ~/.codex/config.toml. It runs with approvals and sandbox bypassed, so the
// hook is all that stands between the model and the tools.
var codex = &driver{
	name: "codex", setup: "codex", pkg: "@openai/codex",
	pre: "PreToolUse", post: "PostToolUse", postErr: "PostToolUse",
	call: func(w *workspace, c Case) toolCall {
		switch c {
		case ReadDeny:
			// Codex has no read tool: the model reads with the shell.
			return toolCall{Name: "exec_command", Args: map[string]any{"cmd": "cat " + w.path("blocked-read.txt")}}
		case WriteDeny:
			return toolCall{Name: "apply_patch", Custom: "*** Begin Patch\n*** Add File: " + w.path("blocked-write.txt") + "\n+x\n*** End Patch\n"}
		case FetchDeny:
			return toolCall{Name: "exec_command", Args: map[string]any{"cmd": "curl -s " + w.fetchURL()}}
		case Interactive:
			return toolCall{Name: "exec_command", Args: map[string]any{"cmd": w.command(c), "tty": true}}
		}
		return toolCall{Name: "exec_command", Args: map[string]any{"cmd": w.command(c)}}
	},
	prepare: func(t *testing.T, w *workspace) {
		writeFile(t, filepath.Join(w.Home, ".codex", "config.toml"), `model = "gpt-5.5"
model_provider = "e2e"
check_for_update_on_startup = false

[model_providers.e2e]
name = "scripted model"
base_url = "`+w.Model.URL+`/v1"
wire_api = "responses"
env_key = "E2E_OPENAI_KEY"
`)
		w.Env = append(w.Env, "E2E_OPENAI_KEY=sk-e2e-not-a-key")
	},
	argv: func(w *workspace, prompt string) []string {
		return []string{agentBin("codex", "codex"), "exec", "--json", "--skip-git-repo-check",
			"--dangerously-bypass-approvals-and-sandbox", prompt}
	},
	afterSetup: trustCodexHooks,
	hookFile:   func(w *workspace) string { return filepath.Join(w.Home, ".codex", "hooks.json") },
	cases:      []Case{ExecDeny, ExecAllow, ExecAsk, ReadDeny, WriteDeny, FetchDeny, Interactive, SecretOutput, Untrusted, HookCrash, HookTimeout, HookBadJSON},
}

func TestCodex(t *testing.T) { runAgent(t, codex) }

// trustCodexHooks records trust in the hooks setup wrote, as Codex's own
// review does ([hooks.state."KEY"] trusted_hash in config.toml), except in
// the Untrusted case; and checks that setup reported the trust as Codex
// saw it when setup ran (untrusted: setup cannot trust on the user's
// behalf).
func trustCodexHooks(t *testing.T, w *workspace, c Case, setupOut string) {
	t.Helper()
	if !strings.Contains(setupOut, "trust:   Codex does NOT trust") {
		t.Errorf("setup codex did not report the untrusted hooks:\n%s", setupOut)
	}
	if c == Untrusted {
		return
	}
	hooks, err := setup.CodexHooks(agentBin("codex", "codex"), w.Work, w.Env)
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(w.Home, ".codex", "config.toml")
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		fmt.Fprintf(f, "\n[hooks.state.%q]\ntrusted_hash = %q\n", h.Key, h.CurrentHash)
	}
	f.Close()
	if c == HookTimeout {
		return // setup again would put the 30 s timeout back
	}
	out := runIn(t, w, 60*time.Second, filepath.Join(binDir, "rampart"), w.SetupArgs...)
	if !strings.Contains(out, "trust:   Codex trusts rampart-hook's 2 hooks") {
		t.Errorf("setup codex did not see the trust:\n%s", out)
	}
}
