package setup

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"rampart.dev/rampart-hook/internal/ojson"
)

// target is where and how one agent's hooks are written (PROTOCOLS.md
// sections 1.1, 1.2 and 2).
type target struct {
	format string // the --format the hook is run with
	path   string // the settings file (JSON targets)
	events []event
	// grouped: event → [{matcher, hooks: [handler]}] (Claude Code, Codex,
	// Gemini CLI); otherwise event → [handler] (Cursor, Copilot CLI).
	grouped    bool
	matcher    string // the group's matcher; "" for none
	commandKey string // the handler's command field
	handler    func(command string) *ojson.Object
	skeleton   []ojson.Member // top-level keys the file must have, e.g. version: 1
	scripts    bool           // Cline: one executable file per event, in dir
	dir        string
	notes      []string // printed after an install
	// guard follows the command: exitBlocks where the agent blocks on exit
	// 2 but lets the call run when the hook cannot start.
	guard string
	// verify checks, after an install, that the agent will run the hooks.
	verify func(o Options, t *target)
}

// exitBlocks turns any failure of the hook process (not found, killed,
// crashed) into exit status 2, on which Claude Code and Codex block the
// call: without it, versions of Claude Code before onFailure (2.1.295)
// and Codex let the call run when the hook cannot start. rampart-hook
// itself exits 0 with an answer, or 2.
const exitBlocks = " || exit 2"

// event is one hook event and what it is for, for the report.
type event struct {
	name, what string
}

func num(n int) json.Number { return json.Number(fmt.Sprint(n)) }

func obj(members ...ojson.Member) *ojson.Object { return &ojson.Object{Members: members} }

func targetFor(o Options) (*target, error) {
	user := o.Scope == "user"
	switch o.Scope {
	case "user", "project":
	case "local":
		if o.Agent != "claude-code" {
			return nil, fmt.Errorf("--scope local is for claude-code only (want user or project)")
		}
	default:
		return nil, fmt.Errorf("bad --scope %q (want user, project or local)", o.Scope)
	}
	if user && o.Home == "" {
		return nil, fmt.Errorf("cannot find the home directory (set HOME)")
	}
	pick := func(userPath, projectPath string) string {
		if user {
			return filepath.Join(o.Home, userPath)
		}
		return filepath.Join(o.Dir, projectPath)
	}
	switch o.Agent {
	case "claude-code", "claude":
		path := pick(".claude/settings.json", ".claude/settings.json")
		if o.Scope == "local" {
			path = filepath.Join(o.Dir, ".claude", "settings.local.json")
		}
		return &target{
			format: "claude-code",
			path:   path,
			events: []event{
				{"PreToolUse", "before every tool call (all tools, MCP included)"},
				{"PostToolUse", "after every tool call, to scan its output"},
				{"PostToolUseFailure", "after every tool call that failed, to audit its output"},
			},
			grouped: true, matcher: "*", commandKey: "command", guard: exitBlocks,
			handler: func(cmd string) *ojson.Object {
				// onFailure: block makes a hook that cannot start, times
				// out or crashes block the call instead of letting it run.
				return obj(ojson.Member{Key: "type", Value: "command"}, ojson.Member{Key: "command", Value: cmd},
					ojson.Member{Key: "timeout", Value: num(30)}, ojson.Member{Key: "onFailure", Value: "block"})
			},
			notes: []string{"Claude Code reads hooks at startup: restart it, or review them in /hooks"},
		}, nil
	case "codex":
		userPath := ".codex/hooks.json"
		path := pick(userPath, ".codex/hooks.json")
		if ch := o.Getenv("CODEX_HOME"); user && ch != "" {
			path = filepath.Join(ch, "hooks.json")
		}
		return &target{
			format: "codex",
			path:   path,
			events: []event{
				{"PreToolUse", "before every tool call"},
				{"PostToolUse", "after every tool call, to scan its output"},
			},
			grouped: true, commandKey: "command", guard: exitBlocks,
			handler: func(cmd string) *ojson.Object {
				return obj(ojson.Member{Key: "type", Value: "command"}, ojson.Member{Key: "command", Value: cmd},
					ojson.Member{Key: "timeout", Value: num(30)})
			},
			notes: []string{
				"Codex runs a new or changed hook only after you review and trust it, and skips it silently until then",
				"older Codex builds also need `[features] codex_hooks = true` in ~/.codex/config.toml",
			},
			verify: verifyCodex,
		}, nil
	case "gemini", "gemini-cli":
		return &target{
			format: "gemini",
			path:   pick(".gemini/settings.json", ".gemini/settings.json"),
			events: []event{
				{"BeforeTool", "before every tool call"},
				{"AfterTool", "after every tool call, to scan its output"},
			},
			grouped: true, matcher: ".*", commandKey: "command",
			handler: func(cmd string) *ojson.Object {
				return obj(ojson.Member{Key: "type", Value: "command"}, ojson.Member{Key: "command", Value: cmd},
					ojson.Member{Key: "name", Value: "rampart"}, ojson.Member{Key: "timeout", Value: num(30000)})
			},
		}, nil
	case "cursor":
		return &target{
			format: "cursor",
			path:   pick(".cursor/hooks.json", ".cursor/hooks.json"),
			events: []event{
				{"beforeShellExecution", "before every shell command"},
				{"beforeMCPExecution", "before every MCP tool call"},
				{"beforeReadFile", "before every file the agent reads"},
			},
			commandKey: "command",
			handler: func(cmd string) *ojson.Object {
				// failClosed: a hook that fails blocks the action.
				return obj(ojson.Member{Key: "command", Value: cmd}, ojson.Member{Key: "failClosed", Value: true})
			},
			skeleton: []ojson.Member{{Key: "version", Value: num(1)}},
		}, nil
	case "copilot", "copilot-cli":
		userPath := filepath.Join(o.Home, ".copilot", "hooks", "rampart.json")
		if ch := o.Getenv("COPILOT_HOME"); ch != "" {
			userPath = filepath.Join(ch, "hooks", "rampart.json")
		}
		path := userPath
		if !user {
			path = filepath.Join(o.Dir, ".github", "hooks", "rampart.json")
		}
		return &target{
			format: "copilot",
			path:   path,
			events: []event{
				{"preToolUse", "before every tool call"},
				{"postToolUse", "after every tool call, to withhold credentials in its output"},
			},
			commandKey: "bash",
			handler: func(cmd string) *ojson.Object {
				return obj(ojson.Member{Key: "type", Value: "command"}, ojson.Member{Key: "bash", Value: cmd},
					ojson.Member{Key: "timeoutSec", Value: num(30)})
			},
			skeleton: []ojson.Member{{Key: "version", Value: num(1)}},
			notes:    []string{"Copilot CLI runs a call when the hook times out; rampart-hook answers every error with a deny itself"},
		}, nil
	case "cline":
		return &target{
			format: "cline",
			dir:    pick("Documents/Cline/Hooks", ".clinerules/hooks"),
			events: []event{
				{"PreToolUse", "before every tool call"},
				{"PostToolUse", "after every tool call, to scan its output"},
			},
			scripts: true,
			notes:   []string{"Cline cancels the whole task when rampart-hook denies a call"},
		}, nil
	}
	return nil, fmt.Errorf("unknown agent %q (want claude-code, codex, cline, gemini, cursor, copilot or openclaw)", o.Agent)
}
