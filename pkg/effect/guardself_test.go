package effect

import (
	"strings"
	"testing"

	"rampart.dev/pkg/shell"
)

func TestGuardCommand(t *testing.T) {
	for _, c := range []struct {
		line string
		why  bool // some effect
		off  bool
	}{
		{"rampart audit search --decision deny --since 1h", false, false},
		{"rampart help setup", false, false},
		{"rampart policy explain 'rm -rf ~'", false, false},
		{"rampart-audit verify", false, false},
		{"rampart preload -- npm test", false, false},
		{"rampart approve 01JD5V", true, true},
		{"rampart serve approve 01JD5V", true, true},
		{"rampart-serve approve 01JD5V", true, true},
		{"rampart deny 01JD5V", true, false},
		{"rampart setup claude-code", true, false},
		{"rampart hook setup codex --remove", true, true},
		{"rampart-hook setup claude-code --path /tmp/h", true, true},
		{"rampart-hook setup claude-code --config /tmp/allow.yaml", true, true},
		{"rampart-hook setup claude-code --config /home/dev/.rampart/policy.yaml", true, false},
		{"rampart init --profile paranoid", true, false},
		{"rampart eval init --force", true, true},
		{"rampart-eval --config x.yaml init -force", true, true},
		{"rampart init --profile yolo --force", true, true},
		{"rampart-eval init --profile=yolo", true, true},
		{"rampart preload -mode monitor -- node agent.js", true, true},
		{"rampart wrap --mode=monitor -- aider", true, true},
		{"rampart-serve -profile yolo -addr 127.0.0.1:9090", true, true},
		{"rampart-mcp -fail-open -- npx server", true, true},
		{"rampart-mcp -- npx server --mode monitor", false, false},
	} {
		f := strings.Fields(strings.ReplaceAll(c.line, "'", ""))
		why, off := guardCommand(f[0], f[1:])
		if (why != "") != c.why || off != c.off {
			t.Errorf("%s: %q off=%v, want effect %v off %v", c.line, why, off, c.why, c.off)
		}
	}
}

func TestHooksSkipped(t *testing.T) {
	for _, c := range []struct {
		args []string
		skip bool
	}{
		{[]string{"--settings", `{"disableAllHooks": true}`, "-p", "x"}, true},
		{[]string{`--settings={"hooks":{}}`}, true},
		{[]string{"--settings", `{"theme":"dark"}`}, false},
		{[]string{"--setting-sources", "project"}, true},
		{[]string{"--setting-sources", "user,project"}, false},
		{[]string{"-p", "summarise"}, false},
	} {
		if got := hooksSkipped(c.args, nil) != ""; got != c.skip {
			t.Errorf("%q: skipped %v, want %v", c.args, got, c.skip)
		}
	}
}

func TestPreloadDropped(t *testing.T) {
	for _, c := range []struct {
		cmd  shell.Command
		want string
	}{
		{shell.Command{Name: "unset", Args: []string{"LD_PRELOAD"}}, "LD_PRELOAD"},
		{shell.Command{Name: "unset", Args: []string{"-v", "RAMPART_SOCKET"}}, "RAMPART_SOCKET"},
		{shell.Command{Name: "env", Args: []string{"-u", "LD_PRELOAD", "bash"}}, "LD_PRELOAD"},
		{shell.Command{Name: "env", Args: []string{"--unset=LD_PRELOAD", "make"}}, "LD_PRELOAD"},
		{shell.Command{Name: "env", Args: []string{"-uLD_PRELOAD", "make"}}, "LD_PRELOAD"},
		{shell.Command{Name: "env", Args: []string{"make", "-u", "LD_PRELOAD"}}, ""},
		{shell.Command{Name: "export", Args: []string{"-n", "LD_PRELOAD"}}, "LD_PRELOAD"},
		{shell.Command{Name: "export", Args: []string{"LD_PRELOAD="}}, "LD_PRELOAD"},
		{shell.Command{Name: "make", Assigns: []string{"LD_PRELOAD="}}, "LD_PRELOAD"},
		{shell.Command{Name: "make", Assigns: []string{"LD_PRELOAD=/usr/lib/libjemalloc.so"}}, ""},
		{shell.Command{Name: "unset", Args: []string{"HISTFILE"}}, ""},
	} {
		if got := preloadDropped(&c.cmd); got != c.want {
			t.Errorf("%s %q %q: %q, want %q", c.cmd.Name, c.cmd.Args, c.cmd.Assigns, got, c.want)
		}
	}
}

func TestRegistersCode(t *testing.T) {
	for _, c := range []struct {
		line, want string
	}{
		{"claude mcp add shell -- npx -y server", "mcp add"},
		{"claude mcp add --transport stdio db -- uvx mcp-server-sqlite", "mcp add"},
		{"claude mcp add-json fs {}", "mcp add-json"},
		{"codex mcp add docs -- npx -y @upstash/context7-mcp", "mcp add"},
		{"gemini extensions install https://github.com/acme/ext", "extensions install"},
		{"claude plugin install formatter@acme", "plugin install"},
		{"claude mcp list", ""},
		{"claude mcp remove puppeteer", ""},
		{"claude -p summarise", ""},
		{"npm mcp add x", ""},
	} {
		f := strings.Fields(c.line)
		if got := registersCode(f[0], f[1:]); got != c.want {
			t.Errorf("%s: %q, want %q", c.line, got, c.want)
		}
	}
}
