package engine

import (
	"strings"
	"testing"
)

func TestRunsRampartHook(t *testing.T) {
	for _, c := range []struct {
		cmd      string
		ok, weak bool
	}{
		{"rampart-hook", true, false},
		{"/usr/local/bin/rampart-hook --format claude-code || exit 2", true, false},
		{"/usr/local/bin/rampart-hook --format gemini", true, false},
		{"rampart hook --format codex", true, false},
		{"~/.local/bin/rampart-hook-fast", true, false},
		{"echo rampart-hook", false, false},
		{"true # rampart-hook", false, false},
		{"timeout 0.01 rampart-hook", false, false},
		{"exit 0; rampart-hook", false, false},
		{"rampart-hook version", false, false},
		{"/tmp/bin/rampart-hook", false, false},
		{"rampart-hook || true", true, true},
		{"rampart-hook >/dev/null 2>&1; exit 0", true, true},
		{"RAMPART_MODE=monitor rampart-hook", true, true},
	} {
		ok, weak := runsRampartHook(c.cmd)
		if ok != c.ok || (weak != "") != c.weak {
			t.Errorf("runsRampartHook(%q) = %v, %q; want %v, weak %v", c.cmd, ok, weak, c.ok, c.weak)
		}
	}
}

func TestAgentSettingsHookShapes(t *testing.T) {
	f := agentFileOf("/home/dev/.claude/settings.json", "/home/dev")
	for content, off := range map[string]bool{
		`{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook"}]}]}}`:                   false,
		`{"hooks":{"pretooluse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook"}]}]}}`:                   true,
		`{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"prompt","prompt":"rampart-hook says yes"}]}]}}`:            true,
		`{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook"}]}],}}`:                  true,
		`{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook","timeout":0.001}]}]}}`:   true,
		`{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"rampart-hook","timeout":"0.001"}]}]}}`: true,
	} {
		r := readAgentSettings(f, content, "/home/dev")
		if (len(r.off) > 0) != off {
			t.Errorf("%s: off = %q, want off %v", content, r.off, off)
		}
	}
}

func TestAgentInstructionsOtherAgents(t *testing.T) {
	for _, p := range []string{"/p/.codex/prompts/setup.md", "/p/.cursor/commands/setup.md", "/p/.opencode/command/x.md", "/p/.github/agents/x.agent.md", "/p/.rules", "/p/.kilocode/rules/x.md"} {
		base := p[strings.LastIndexByte(p, '/')+1:]
		if !agentInstructions(p, base, p[:strings.LastIndexByte(p, '/')]) {
			t.Errorf("%s not read as an agent's instructions", p)
		}
	}
	if _, ok := fenceLangPrefix("shell-script"); !ok {
		t.Error("a shell-script fence not read as commands")
	}
}
