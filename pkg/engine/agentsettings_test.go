package engine

import (
	"path"
	"testing"
)

func TestReadAgentSettings(t *testing.T) {
	const home = "/home/dev"
	const hook = `{"type":"command","command":"/usr/local/bin/rampart-hook --format claude-code || exit 2","timeout":30,"onFailure":"block"}`
	for _, c := range []struct {
		path, content          string
		off, down, runs, inert bool
	}{
		// the user file keeps Rampart's hook: a theme is inert
		{home + "/.claude/settings.json", `{"theme":"dark","hooks":{"PreToolUse":[{"matcher":"*","hooks":[` + hook + `]}]}}`, false, false, false, true},
		// the hook dropped, disabled, narrowed, weakened
		{home + "/.claude/settings.json", `{"theme":"dark","hooks":{}}`, true, false, false, false},
		{home + "/.claude/settings.json", `{"disableAllHooks":true,"hooks":{"PreToolUse":[{"matcher":"*","hooks":[` + hook + `]}]}}`, true, false, false, false},
		{home + "/.claude/settings.json", `{"hooks":{"PreToolUse":[{"matcher":"Bash","hooks":[` + hook + `]}]}}`, true, false, false, false},
		{home + "/.claude/settings.json", `{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook --mode monitor"}]}]}}`, true, false, false, false},
		{home + "/.claude/settings.json", `{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook --config /tmp/p.yaml"}]}]}}`, true, false, false, false},
		{home + "/.claude/settings.json", `{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook --config /home/dev/.rampart/policy.yaml"}]}]}}`, false, false, false, true},
		// a project's settings: switches, permissions, commands
		{home + "/project/.claude/settings.local.json", `{"disableAllHooks":true}`, true, true, false, false},
		{home + "/project/.claude/settings.json", `{"env":{"RAMPART_MODE":"monitor"}}`, false, true, false, false},
		{home + "/project/.claude/settings.json", `{"model":"sonnet"}`, false, true, false, false},
		{home + "/project/.claude/settings.local.json", `{"permissions":{"defaultMode":"bypassPermissions"}}`, false, true, false, false},
		{home + "/project/.claude/settings.json", `{"permissions":{"allow":["Bash(npm test)"]}}`, false, true, false, false},
		{home + "/project/.claude/settings.json", `{"permissions":{"deny":["Read(./.env)"]}}`, false, true, false, false},
		{home + "/project/.claude/settings.json", `{"hooks":{"PostToolUse":[{"matcher":"Edit","hooks":[{"type":"command","command":"npx prettier --write ."}]}]}}`, false, true, true, false},
		{home + "/project/.mcp.json", `{"mcpServers":{"fs":{"command":"npx","args":["-y","@modelcontextprotocol/server-filesystem","."]}}}`, false, false, true, false},
		// other agents
		{home + "/.gemini/settings.json", `{"hooksConfig":{"enabled":false}}`, true, false, false, false},
		{home + "/project/.gemini/settings.json", `{"tools":{"autoAccept":true}}`, false, true, false, false},
		{home + "/.codex/config.toml", "[features]\ncodex_hooks = false\n", true, false, false, false},
		{home + "/.codex/config.toml", "approval_policy = \"never\"\n", false, true, false, false},
		{home + "/.codex/config.toml", "notify = [\"notify-send\", \"Codex\"]\n", false, false, true, false},
		{home + "/.codex/config.toml", "model = \"gpt-5-codex\"\n", false, false, false, true},
		{home + "/.cursor/hooks.json", `{"version":1,"hooks":{"beforeShellExecution":[{"command":"rampart-hook --format cursor","failClosed":false}]}}`, true, false, false, false},
		{home + "/.copilot/hooks/rampart.json", `{"version":1,"hooks":{}}`, true, false, false, false},
		{home + "/Documents/Cline/Hooks/PreToolUse", "#!/bin/sh\necho '{\"cancel\": false}'\n", true, false, true, false},
		{home + "/Documents/Cline/Hooks/PreToolUse", "#!/bin/sh\nexec rampart-hook --format cline\n", false, false, false, true},
		{home + "/project/.vscode/settings.json", `{"chat.tools.autoApprove":true}`, false, true, false, false},
		{home + "/project/.aider.conf.yml", "yes-always: true\n", false, true, false, false},
		{home + "/project/opencode.json", `{"permission":{"bash":"allow"}}`, false, true, false, false},
		{home + "/project/opencode.json", `{"permission":{"bash":"ask","edit":"ask"}}`, false, false, false, true},
	} {
		f := agentFileOf(c.path, home)
		if f == nil {
			t.Errorf("%s: not an agent settings file", c.path)
			continue
		}
		r := readAgentSettings(f, c.content, home)
		if got := len(r.off) > 0; got != c.off {
			t.Errorf("%s %s: off = %v (%q), want %v", c.path, c.content, got, r.off, c.off)
		}
		if got := len(r.down) > 0; got != c.down {
			t.Errorf("%s %s: down = %v (%q), want %v", c.path, c.content, got, r.down, c.down)
		}
		if got := len(r.lines) > 0; got != c.runs {
			t.Errorf("%s %s: runs = %v (%q), want %v", c.path, c.content, got, r.lines, c.runs)
		}
		if got := r.inert(); got != c.inert {
			t.Errorf("%s %s: inert = %v, want %v", c.path, c.content, got, c.inert)
		}
	}
	if agentFileOf(home+"/project/src/settings.json", home) != nil {
		t.Error("a project's own settings.json read as an agent's")
	}
}

// TestProjectHookFilesKeepHook: a project's own hook file (where setup
// --scope project or local puts Rampart's hook) written without the hook
// is asked about; with it, nothing is said for the hook.
func TestProjectHookFilesKeepHook(t *testing.T) {
	for _, c := range []struct {
		path, content string
		down          bool
	}{
		{"/home/dev/project/.cursor/hooks.json", "{}", true},
		{"/home/dev/project/.claude/settings.local.json", `{"permissions":{"allow":["Bash(npm test)"]}}`, true},
		{"/home/dev/project/.gemini/settings.json", "{}", true},
		{"/home/dev/project/.cursor/hooks.json", `{"version":1,"hooks":{"beforeShellExecution":[{"command":"rampart-hook --agent cursor"}]}}`, false},
		{"/home/dev/project/.zed/settings.json", `{"theme":"One Dark"}`, false},
		{"/home/dev/project/.codex/hooks.json", `{"hooks":{}}`, true},
		{"/home/dev/project/.github/hooks/lint.json", `{"version":1,"hooks":{}}`, true},
		{"/home/dev/project/.clinerules/hooks/PreToolUse", "exit 0", true},
		{"/home/dev/project/.clinerules/hooks/PreToolUse", "exec rampart-hook --agent cline", false},
	} {
		f := agentFileOf(c.path, "/home/dev")
		if f == nil {
			t.Fatalf("%s: no agent file", c.path)
		}
		r := readAgentSettings(f, c.content, "/home/dev")
		if got := len(r.down) > 0; got != c.down {
			t.Errorf("%s %s: down %v, want %v (%q)", c.path, c.content, got, c.down, r.down)
		}
	}
}

func TestAgentCommandFilesAreInstructions(t *testing.T) {
	for p, want := range map[string]bool{
		"/home/dev/project/.claude/commands/setup.md":   true,
		"/home/dev/project/.claude/agents/reviewer.md":  true,
		"/home/dev/project/.claude/skills/pdf/SKILL.md": true,
		"/home/dev/project/docs/commands/setup.md":      false,
		"/home/dev/project/.claude/commands/notes.txt":  false,
		"/home/dev/project/CLAUDE.md":                   true,
	} {
		if got := agentInstructions(p, path.Base(p), path.Base(path.Dir(p))); got != want {
			t.Errorf("%s: %v, want %v", p, got, want)
		}
	}
}
