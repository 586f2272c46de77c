package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

func TestAgentCLIOf(t *testing.T) {
	for _, c := range []struct {
		cmd  shell.Command
		want string
	}{
		{shell.Command{Name: "claude", Args: []string{"-p", "x"}}, "claude"},
		{shell.Command{Name: "npx", Args: []string{"@openai/codex@latest", "exec", "x"}}, "codex"},
		{shell.Command{Name: "node", Args: []string{"/home/dev/.npm-global/lib/node_modules/@anthropic-ai/claude-code/cli.js", "-p"}}, "claude"},
		{shell.Command{Name: "env", Args: []string{"HOME=/tmp/h", "claude", "-p", "x"}}, "claude"},
		{shell.Command{Name: "npx", Args: []string{"prettier", "--write", "."}}, ""},
	} {
		if got, _, _ := agentCLIOf(&c.cmd); got != c.want {
			t.Errorf("agentCLIOf(%v) = %q, want %q", c.cmd, got, c.want)
		}
		// agentRunOf, read once for guardSelf and agentRegistersCode, is
		// agentCLIOf's answer.
		name, args, assigns := agentCLIOf(&c.cmd)
		if r := agentRunOf(&c.cmd); r.name != name || len(r.args) != len(args) || len(r.assigns) != len(assigns) {
			t.Errorf("agentRunOf(%v) = %v, agentCLIOf gives %q %q %q", c.cmd, r, name, args, assigns)
		}
	}
	if v := homeMoved([]string{"HOME=/tmp/h"}); v != "HOME" {
		t.Errorf("homeMoved = %q", v)
	}
	if why := hooksSkipped([]string{"-c", "features.codex_hooks=false", "exec", "x"}, nil); why == "" {
		t.Error("codex -c features.codex_hooks=false not read as hooks off")
	}
	if why := hooksSkipped([]string{"-c", "features={codex_hooks=false}", "exec", "x"}, nil); why == "" {
		t.Error("codex -c features={codex_hooks=false} not read as hooks off")
	}
	if why := hooksSkipped([]string{"-c", "model=o3", "exec", "x"}, nil); why != "" {
		t.Errorf("codex -c model=o3: %q", why)
	}
}

func TestGuardCommandSpellings(t *testing.T) {
	for _, c := range []struct {
		args []string
		off  bool
		why  bool
	}{
		{[]string{"init", "--force=true"}, true, true},
		{[]string{"init", "--force=false"}, false, true},
		{[]string{"init", "--help"}, false, false},
		{[]string{"serve", "--mode=Monitor"}, true, true},
	} {
		why, off := guardCommand("rampart", c.args)
		if off != c.off || (why != "") != c.why {
			t.Errorf("guardCommand(%q) = %q, %v", c.args, why, off)
		}
	}
}

func TestCodePreloadDropped(t *testing.T) {
	for code, want := range map[string]bool{
		`ENV.delete("LD_PRELOAD"); system("make release")`:        true,
		`delete $ENV{LD_PRELOAD}; system("make release")`:         true,
		`import os; os.environ.pop('RAMPART_SOCKET', None)`:       true,
		`print(os.environ.get('LD_PRELOAD'))`:                     false,
		`subprocess.run(['make'], env={**os.environ, 'CI': '1'})`: false,
	} {
		if got := codePreloadDropped(code) != ""; got != want {
			t.Errorf("codePreloadDropped(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestRegistersCodeAfterOptions(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want bool
	}{
		{"claude", []string{"--model", "opus", "mcp", "add", "h", "--", "npx", "h"}, true},
		{"codex", []string{"-c", "model=o3", "mcp", "add", "h"}, true},
		{"amp", []string{"mcp", "add", "h"}, true},
		{"code", []string{"--add-mcp", `{"name":"h"}`}, true},
		{"claude", []string{"--model", "opus", "mcp", "list"}, false},
		{"code", []string{"--list-extensions"}, false},
		{"claude", []string{"-p", "x", "--", "mcp", "add"}, false},
	} {
		if got := registersCode(c.name, c.args) != ""; got != c.want {
			t.Errorf("registersCode(%s %q) = %v, want %v", c.name, c.args, got, c.want)
		}
	}
}
