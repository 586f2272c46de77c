package engine

import (
	"encoding/json"
	"path"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// An AI agent's own settings written, judged by what the content does
// rather than by the file's name alone. The files are data
// (agentFiles): which agent's they are, their format, and, for the file
// `rampart-hook setup` writes Rampart's hook into, the hook events that
// must keep it. Their content is read for three things:
//
//   - the guard switched off (effectGuardOff, denied): hooks disabled
//     (disableAllHooks, allowManagedHooksOnly, hooksConfig.enabled or
//     tools.enableHooks false, Codex's codex_hooks = false), Rampart's
//     hook put in monitor mode, pointed at a policy outside Rampart's
//     home, made to fail open (onFailure continue, failClosed false) or
//     narrowed to some tools, Rampart's hook missing from the file setup
//     wrote it into, or variables that steer Rampart or the loader
//     (RAMPART_*, LD_PRELOAD) set for the agent's commands;
//   - the agent's own permission checks turned down
//     (effectControlsDown, asked): bypassPermissions, allow-all tool
//     lists, the root as a working directory, every project MCP server
//     trusted, auto-accept and yolo modes, Codex's approval_policy never
//     and danger-full-access, trusted folders, auto-approve switches;
//   - commands the settings run (effectRunsCode, asked; each command
//     is also judged as the command line it is): other hooks, status
//     lines, key helpers, notifiers, MCP servers, plugins.
//
// Content that does none of these (a theme, a model, permissions that
// list commands) and keeps Rampart's hook is "write:content-judged":
// the standard profile lets such a write through. Settings that keep
// the hook but run code or turn permissions down are
// "write:agent-settings", which lets the other subjects decide.

const (
	effectGuardOff      = "write:guard-off"
	effectControlsDown  = "write:agent-controls-down"
	effectRunsCode      = "write:agent-runs-code"
	effectAgentSettings = "write:agent-settings"
)

// agentFile is one kind of agent settings file.
type agentFile struct {
	what   string
	files  func(p, home string) bool
	format byte // 'j' JSON (with comments), 't' TOML, 'y' YAML, 's' a script
	// guard: the hook events under which the file must keep Rampart's
	// hook (the user file rampart-hook setup writes); nil when the file
	// need not hold it.
	guard []string
	// primary: the write's own effect is decided here (otherwise by
	// laterformats.go, which knows the file too).
	primary bool
}

var agentFiles = []agentFile{
	{"Claude Code's user settings", homeFile(".claude/settings.json"), 'j', []string{"PreToolUse"}, true},
	{"Claude Code's settings", func(p, _ string) bool {
		b := path.Base(p)
		return path.Base(path.Dir(p)) == ".claude" && strings.HasPrefix(b, "settings") && strings.HasSuffix(b, ".json") || b == "managed-settings.json"
	}, 'j', nil, true},
	{"Codex's user hooks", homeFile(".codex/hooks.json"), 'j', []string{"PreToolUse"}, true},
	{"Codex's hooks", dirFile(".codex", "hooks.json"), 'j', nil, true},
	{"Codex's settings", dirFile(".codex", "config.toml"), 't', nil, true},
	{"Gemini CLI's user settings", homeFile(".gemini/settings.json"), 'j', []string{"BeforeTool"}, true},
	{"Gemini CLI's settings", dirFile(".gemini", "settings.json"), 'j', nil, true},
	{"Cursor's user hooks", homeFile(".cursor/hooks.json"), 'j', []string{"beforeShellExecution", "beforeMCPExecution", "beforeReadFile"}, true},
	{"Cursor's hooks", dirFile(".cursor", "hooks.json"), 'j', nil, true},
	{"Cursor's CLI permissions", func(p, _ string) bool {
		return path.Base(path.Dir(p)) == ".cursor" && (path.Base(p) == "cli-config.json" || path.Base(p) == "cli.json")
	}, 'j', nil, true},
	{"Copilot CLI's Rampart hooks", func(p, _ string) bool {
		return path.Base(p) == "rampart.json" && path.Base(path.Dir(p)) == "hooks" && (strings.HasSuffix(p, "/.copilot/hooks/rampart.json") || strings.HasSuffix(p, "/.github/hooks/rampart.json"))
	}, 'j', []string{"preToolUse"}, true},
	{"Copilot CLI's hooks", func(p, _ string) bool {
		d := path.Dir(p)
		return strings.HasSuffix(p, ".json") && (strings.HasSuffix(d, "/.copilot/hooks") || strings.HasSuffix(d, "/.github/hooks"))
	}, 'j', nil, true},
	{"Copilot CLI's settings", homeFile(".copilot/config.json"), 'j', nil, true},
	{"Cline's Rampart hook", homeFile("Documents/Cline/Hooks/PreToolUse"), 's', []string{""}, true},
	{"Cline's hooks", func(p, _ string) bool {
		d := path.Dir(p)
		return strings.HasSuffix(d, "/Documents/Cline/Hooks") || strings.HasSuffix(d, "/.clinerules/hooks")
	}, 's', nil, true},
	{"an MCP client's servers", func(p, _ string) bool {
		switch path.Base(p) {
		case ".mcp.json", "claude_desktop_config.json", "mcp_config.json":
			return true
		case "mcp.json":
			d := path.Base(path.Dir(p))
			return d == ".cursor" || d == ".vscode" || d == ".roo" || d == ".kiro"
		}
		return false
	}, 'j', nil, true},
	{"an editor's user settings", func(p, home string) bool {
		return path.Base(p) == "settings.json" && path.Base(path.Dir(p)) == "User" && strings.HasPrefix(p, home+"/.config/")
	}, 'j', nil, true},
	{"VS Code's workspace settings", dirFile(".vscode", "settings.json"), 'j', nil, false},
	{"Zed's settings", func(p, _ string) bool {
		return path.Base(p) == "settings.json" && (path.Base(path.Dir(p)) == ".zed" || strings.HasSuffix(path.Dir(p), "/.config/zed"))
	}, 'j', nil, true},
	{"OpenCode's settings", func(p, _ string) bool {
		return path.Base(p) == "opencode.json" || path.Base(p) == "opencode.jsonc"
	}, 'j', nil, true},
	{"aider's settings", func(p, _ string) bool { return path.Base(p) == ".aider.conf.yml" }, 'y', nil, true},
	{"Goose's settings", func(p, _ string) bool { return strings.HasSuffix(p, "/.config/goose/config.yaml") }, 'y', nil, true},
	{"Continue's settings", func(p, _ string) bool {
		return path.Base(path.Dir(p)) == ".continue" && (path.Base(p) == "config.yaml" || path.Base(p) == "config.json")
	}, 'y', nil, true},
}

func homeFile(rel string) func(p, home string) bool {
	// p == home+"/"+rel, without building that string for every path
	// asked about (it is longer than the compiler's stack buffer for a
	// concatenation, so each test allocated).
	return func(p, home string) bool {
		return home != "" && len(p) == len(home)+1+len(rel) && p[len(home)] == '/' &&
			strings.HasPrefix(p, home) && strings.HasSuffix(p, rel)
	}
}

func dirFile(dir, name string) func(p, home string) bool {
	return func(p, _ string) bool { return path.Base(p) == name && path.Base(path.Dir(p)) == dir }
}

// agentFileOf returns the kind of agent settings file at the cleaned
// path p, or nil.
func agentFileOf(p, home string) *agentFile {
	for i := range agentFiles {
		if agentFiles[i].files(p, home) {
			return &agentFiles[i]
		}
	}
	return nil
}

// agentReading is what an agent settings file's content does.
type agentReading struct {
	off       []string // how the guard is switched off
	down      []string // which permission checks are turned down
	lines     []string // command lines the settings run
	opaque    []string // code the settings load that nobody here can read (plugins)
	env       []string // assignments the agent's commands run with (export K=V)
	parsed    bool     // the content was read in its format
	hookKept  bool     // Rampart's hook is under every event the file must keep it under
	lineGrant bool     // settings given for one run on the command line (clisettings.go): a narrow permission entry is that run's grant
}

// inert reports settings that run nothing, switch nothing off and keep
// Rampart's hook.
func (r *agentReading) inert() bool {
	return r.parsed && r.hookKept && len(r.off) == 0 && len(r.down) == 0 && len(r.lines) == 0 && len(r.opaque) == 0 && len(r.env) == 0
}

// readAgentSettings reads content written to a file of kind f.
func readAgentSettings(f *agentFile, content, home string) agentReading {
	r := agentReading{hookKept: true, lineGrant: f.what == cliSettingsWhat}
	if len(content) > maxScannedContent {
		content = content[:maxScannedContent]
	}
	switch f.format {
	case 'j', 'y':
		var v any
		var err error
		if f.format == 'j' {
			err = json.Unmarshal(jsonc(content), &v)
		} else {
			err = yaml.Unmarshal([]byte(content), &v)
		}
		if err != nil {
			r.hookKept = f.guard == nil
			return r
		}
		r.parsed = true
		if f.format == 'j' && strictJSON.Get(f.what) && !json.Valid([]byte(content)) {
			// comments or trailing commas: the agent's strict parser
			// drops the whole file, the hooks in it too
			r.off = append(r.off, f.what+" written so "+f.what+"' parser rejects it (comments or trailing commas), its hooks lost")
		}
		r.walk(v, "", "", home)
		if f.guard != nil {
			r.hookKept = guardKept(v, f.guard)
		}
	case 't':
		r.parsed = true
		r.readTOML(content)
	case 's':
		r.parsed = true
		r.readScript(content, f.guard != nil)
	}
	if !r.hookKept {
		r.off = append(r.off, "Rampart's hook removed from "+f.what)
	}
	if projectHookFiles.Get(f.what) && !namesRampartHook(content) {
		// rampart-hook setup --scope project or local may have put the
		// hook here: settings without it may take it away
		r.down = append(r.down, "Rampart's hook, if it was set up in "+f.what+", left out")
	}
	return r
}

// strictJSON are the kinds of agent file read with a strict JSON parser.
var strictJSON = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"Claude Code's user settings": true, "Claude Code's settings": true}
}}

// projectHookFiles are the kinds of agent file that rampart-hook setup
// --scope project (or local) writes Rampart's hook into.
var projectHookFiles = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"Claude Code's settings": true, "Codex's hooks": true, "Gemini CLI's settings": true, "Cursor's hooks": true, "Copilot CLI's hooks": true,
		"Cline's hooks": true,
	}
}}

// namesRampartHook reports text that names Rampart's hook.
func namesRampartHook(s string) bool {
	return strings.Contains(s, "rampart-hook") || strings.Contains(s, "rampart hook")
}

// rampartHook reports a hook command that runs Rampart's hook.
func rampartHook(s string) bool {
	ok, _ := runsRampartHook(s)
	return ok
}

// runsRampartHook reports whether a hook command runs Rampart's hook as
// its program: rampart-hook (or rampart hook) from a place that is not a
// scratch directory, with options only, the variables before it not
// steering Rampart. A command that only names it (echo rampart-hook,
// true # rampart-hook, timeout 0.01 rampart-hook, rampart-hook version)
// does not. weak says how a command that runs it throws its answer away:
// the shell going on after it (rampart-hook || true, rampart-hook; exit
// 0, its output sent to /dev/null); only || exit 2, which blocks when the
// hook fails, may follow it.
func runsRampartHook(cmd string) (ok bool, weak string) {
	cmd = strings.TrimSpace(cmd)
	if rest, found := strings.CutSuffix(cmd, "|| exit 2"); found {
		cmd = strings.TrimSpace(rest)
	}
	f := strings.Fields(cmd)
	k := 0
	for ; k < len(f); k++ {
		name, _, isAssign := strings.Cut(f[k], "=")
		if !isAssign || strings.HasPrefix(f[k], "-") || strings.ContainsAny(name, `/\"'`) {
			break
		}
		if steeringVar(name) {
			weak = "Rampart's hook run with " + name + " set"
		}
	}
	for k < len(f) && (f[k] == "exec" || f[k] == "command") {
		k++ // exec rampart-hook: the script becomes the hook
	}
	if k >= len(f) {
		return false, ""
	}
	prog := strings.Trim(f[k], `"'`)
	base := path.Base(prog)
	if strings.Contains(prog, "/") && scratchPath(prog) {
		return false, "" // a program the agent chose
	}
	args := f[k+1:]
	switch base {
	case "rampart-hook", "rampart-hook-fast":
	case "rampart":
		if len(args) == 0 || strings.Trim(args[0], `"'`) != "hook" {
			return false, ""
		}
		args = args[1:]
	default:
		return false, ""
	}
	for j := 0; j < len(args); j++ {
		w := strings.Trim(args[j], `"'`)
		switch {
		case strings.ContainsAny(w, ";|&>`") || strings.Contains(w, "$("):
			return true, "Rampart's hook's answer overridden by the shell after it: " + cmd
		case strings.HasPrefix(w, "-"):
			if !strings.Contains(w, "=") && j+1 < len(args) && !strings.HasPrefix(args[j+1], "-") && !strings.ContainsAny(args[j+1], ";|&>") {
				j++ // the option's value
			}
		default:
			return false, "" // a verb: rampart-hook version, rampart-hook setup
		}
	}
	return true, weak
}

// scratchPath reports a program path in a scratch or relative place.
func scratchPath(p string) bool {
	for _, pre := range []string{"/tmp/", "/var/tmp/", "/dev/shm/", "./", "../"} {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "~") && !strings.HasPrefix(p, "$")
}

// hookWeakened returns how a command running Rampart's hook weakens it:
// monitor mode, fail-open, or a policy outside Rampart's home.
func hookWeakened(cmd, home string) string {
	f := strings.Fields(cmd)
	for i, w := range f {
		w = strings.Trim(w, `"'`)
		next := ""
		if i+1 < len(f) {
			next = strings.Trim(f[i+1], `"'`)
		}
		switch {
		case w == "--mode" || w == "-mode":
			if next == "monitor" {
				return "Rampart's hook in monitor mode"
			}
		case w == "--mode=monitor" || w == "-mode=monitor":
			return "Rampart's hook in monitor mode"
		case w == "--fail-open" || w == "-fail-open" || strings.HasPrefix(w, "--fail-open=") || strings.HasPrefix(w, "-fail-open="):
			return "Rampart's hook made to fail open"
		case w == "--config" || w == "-config" || strings.HasPrefix(w, "--config=") || strings.HasPrefix(w, "-config="):
			p := next
			if k := strings.IndexByte(w, '='); k >= 0 {
				p = w[k+1:]
			}
			if !guardPolicyPath(p, home) {
				return "Rampart's hook pointed at a policy outside Rampart's home: " + p
			}
		}
	}
	return ""
}

// guardPolicyPath reports a policy file in Rampart's own places.
func guardPolicyPath(p, home string) bool {
	for _, pre := range []string{"~/.rampart/", "$HOME/.rampart/", "${HOME}/.rampart/", "/etc/rampart/", home + "/.rampart/"} {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// guardKept reports whether every event in events holds an entry that runs
// Rampart's hook for every tool ("" for a script: the script runs it).
func guardKept(v any, events []string) bool {
	root, _ := v.(map[string]any)
	hooks, _ := root["hooks"].(map[string]any)
	for _, ev := range events {
		list, _ := hooks[ev].([]any)
		if list == nil {
			for k, x := range hooks { // preToolUse and PreToolUse both name Copilot's event
				if ev != "" && ev[0] >= 'a' && ev[0] <= 'z' && strings.EqualFold(k, ev) {
					list, _ = x.([]any)
				}
			}
		}
		found := false
		for _, e := range list {
			if !mentions(e, rampartHook) || !hookCommandRuns(e) {
				continue
			}
			if m, ok := e.(map[string]any); ok {
				if mt, ok := m["matcher"].(string); ok && mt != "" && mt != "*" && mt != ".*" {
					continue // narrowed to some tools
				}
			}
			found = true
		}
		if !found {
			return false
		}
	}
	return true
}

// hookTimeout reads a hook's timeout, a number or a number's text.
func hookTimeout(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		t, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return t, err == nil
	}
	return 0, false
}

// hookCommandRuns reports an event entry whose hook that runs Rampart's
// is a command, not a prompt or an agent the model answers.
func hookCommandRuns(e any) bool {
	m, ok := e.(map[string]any)
	if !ok {
		return true
	}
	if t, ok := m["type"].(string); ok && t != "command" {
		return false
	}
	inner, ok := m["hooks"].([]any)
	if !ok {
		return true
	}
	for _, h := range inner {
		if hm, ok := h.(map[string]any); ok && mentions(hm, rampartHook) {
			if t, ok := hm["type"].(string); !ok || t == "command" {
				return true
			}
		}
	}
	return false
}

// mentions reports a string in v that f holds for.
func mentions(v any, f func(string) bool) bool {
	switch x := v.(type) {
	case string:
		return f(x)
	case []any:
		return slices.ContainsFunc(x, func(e any) bool { return mentions(e, f) })
	case map[string]any:
		for _, e := range x {
			if mentions(e, f) {
				return true
			}
		}
	}
	return false
}

// broadAllows are permission entries that let every command, fetch or MCP
// tool run without asking.
var broadAllows = []string{"Bash", "Bash(*)", "Bash(:*)", "Bash(**)", "Shell(*)", "Shell", "WebFetch", "mcp__*", "mcp__.*", "*", "run_shell_command", "shell(*)", "shell"}

// codeRunKeys are settings whose string value is a command the agent runs.
var codeRunKeys = []string{"apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "otelHeadersHelper"}

// envKeys are variables whose value changes what a command runs or loads,
// or steers Rampart.
func steeringVar(k string) bool {
	switch k {
	case "SHELL", "BASH_ENV", "ENV", "PROMPT_COMMAND", "NODE_OPTIONS", "PYTHONSTARTUP", "PERL5OPT", "RUBYOPT", "JAVA_TOOL_OPTIONS", "PATH":
		return true
	}
	return strings.HasPrefix(k, "RAMPART_") || strings.HasPrefix(k, "LD_") || strings.HasPrefix(k, "DYLD_")
}

func falsy(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case string:
		switch strings.ToLower(x) {
		case "false", "no", "off", "0":
			return true
		}
	}
	return false
}

// walk reads a JSON or YAML value at key k under parent.
func (r *agentReading) walk(v any, k, parent, home string) {
	switch x := v.(type) {
	case map[string]any:
		r.object(x, k, home)
		for ck, cv := range x {
			r.walk(cv, ck, k, home)
		}
	case []any:
		for _, e := range x {
			r.walk(e, k, parent, home)
		}
	default:
		r.scalar(x, k, parent, home)
	}
}

// object reads one object: a hook or server entry, or a map of variables.
func (r *agentReading) object(m map[string]any, k, home string) {
	if k == "env" || strings.HasSuffix(k, ".env.linux") || strings.HasSuffix(k, ".env.osx") || strings.HasSuffix(k, ".env.windows") {
		keys := make([]string, 0, len(m))
		for ek := range m {
			keys = append(keys, ek)
		}
		slices.Sort(keys)
		for _, ek := range keys {
			if !steeringVar(ek) {
				continue
			}
			val, _ := m[ek].(string)
			r.env = append(r.env, "export "+ek+"="+shellQuote(val))
		}
		return
	}
	cmd, isCmd := "", false
	for _, ck := range []string{"command", "bash"} {
		if ck == "bash" && m["type"] != "command" {
			continue // Copilot's hook entries name their command "bash"; elsewhere it is a setting
		}
		switch c := m[ck].(type) {
		case string:
			cmd, isCmd = c, true
		case []any:
			cmd, isCmd = quoteAnyList(c), true
		}
		if isCmd {
			break
		}
	}
	if !isCmd || strings.TrimSpace(cmd) == "" {
		return
	}
	if ok, weak := runsRampartHook(cmd); ok {
		if weak != "" {
			r.off = append(r.off, weak)
		}
		if t, ok := hookTimeout(m["timeout"]); ok && t < 1 {
			r.off = append(r.off, "Rampart's hook given no time to answer (timeout "+strconv.FormatFloat(t, 'g', -1, 64)+")")
		}
		if w := hookWeakened(cmd, home); w != "" {
			r.off = append(r.off, w)
		}
		if falsy(m["failClosed"]) {
			r.off = append(r.off, "Rampart's hook made to fail open (failClosed false)")
		}
		if s, _ := m["onFailure"].(string); s == "continue" {
			r.off = append(r.off, "Rampart's hook made to fail open (onFailure continue)")
		}
		return
	}
	if a, ok := m["args"].([]any); ok && len(a) > 0 {
		cmd += " " + quoteAnyList(a)
	}
	r.lines = append(r.lines, cmd)
}

// scalar reads one value: a switch, a mode, a helper command.
func (r *agentReading) scalar(v any, k, parent, home string) {
	lk := strings.ToLower(k)
	switch {
	case k == "disableAllHooks" && truthy(v):
		r.off = append(r.off, "every hook disabled (disableAllHooks)")
	case k == "allowManagedHooksOnly" && truthy(v):
		r.off = append(r.off, "hooks other than managed ones disabled (allowManagedHooksOnly)")
	case (k == "enabled" && parent == "hooksConfig" || k == "enableHooks") && falsy(v):
		r.off = append(r.off, "hooks switched off ("+k+")")
	case k == "defaultMode" && v == "bypassPermissions":
		r.down = append(r.down, "permission mode bypassPermissions")
	case k == "skipDangerousModePermissionPrompt" && truthy(v):
		r.down = append(r.down, "the bypass mode's warning skipped")
	case k == "enableAllProjectMcpServers" && truthy(v):
		r.down = append(r.down, "every project MCP server trusted")
	case (k == "autoAccept" || k == "yolo" || k == "yes-always" || k == "always_allow_tool_actions" || strings.HasSuffix(lk, "autoapprove")) && truthy(v):
		r.down = append(r.down, k+" on")
	case (k == "approvalMode" || k == "approval_mode") && v == "yolo":
		r.down = append(r.down, "approval mode yolo")
	case strings.Contains(lk, "autoexecution") && (v == "turbo" || v == "auto" || v == "always"):
		r.down = append(r.down, k+" "+v.(string))
	case k == "GOOSE_MODE" && v == "auto":
		r.down = append(r.down, "Goose in auto mode")
	case (k == "trusted_folders" || k == "trustedFolders") && v != nil:
		r.down = append(r.down, "folders trusted without asking")
	case k == "allow" && parent == "permissions":
		// the agent's tools allowed without asking (the user's to grant;
		// an allow-all entry most of all)
		if s, ok := v.(string); ok && s != "" {
			if slices.Contains(broadAllows, s) {
				r.down = append(r.down, "every "+s+" call allowed")
			} else if !r.lineGrant {
				r.down = append(r.down, s+" allowed without asking")
			}
		}
	case k == "additionalDirectories":
		if s, ok := v.(string); ok {
			s = strings.TrimRight(s, "/")
			if s == "" || s == "~" || s == "$HOME" || s == home {
				r.down = append(r.down, "the agent given "+v.(string))
			}
		}
	case k == "permission" || parent == "permission":
		if v == "allow" && (k == "permission" || k == "bash" || k == "edit" || k == "webfetch") {
			r.down = append(r.down, "OpenCode's "+k+" allowed without asking")
		}
	case slices.Contains(codeRunKeys, k):
		if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
			r.lines = append(r.lines, s)
		}
	case parent == "enabledPlugins" && truthy(v):
		r.opaque = append(r.opaque, "plugin "+k)
	}
}

func quoteAnyList(a []any) string {
	var w []string
	for _, e := range a {
		if s, ok := e.(string); ok {
			w = append(w, s)
		}
	}
	if len(w) == 1 {
		return w[0] // a command line given whole
	}
	return quoteArgv(w)
}

// readTOML reads Codex's config.toml: switches, notify and MCP servers.
func (r *agentReading) readTOML(content string) {
	section, server, args := "", "", ""
	flush := func() {
		if server != "" {
			r.lines = append(r.lines, strings.TrimSpace(server+" "+args))
		}
		server, args = "", ""
	}
	for _, l := range strings.Split(content, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		if l[0] == '[' {
			flush()
			section = strings.Trim(l, "[] ")
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		uv := strings.Trim(v, `"'`)
		switch {
		case k == "codex_hooks" && uv == "false":
			r.off = append(r.off, "Codex's hooks switched off (codex_hooks = false)")
		case k == "approval_policy" && uv == "never":
			r.down = append(r.down, "Codex's approval policy never")
		case k == "sandbox_mode" && uv == "danger-full-access", k == "sandbox" && uv == "danger-full-access":
			r.down = append(r.down, "Codex's sandbox off (danger-full-access)")
		case k == "trust_level" && uv == "trusted":
			r.down = append(r.down, "a project trusted without review")
		case k == "notify" && strings.HasPrefix(v, "["):
			r.lines = append(r.lines, quoteArgv(tomlStrings(v)))
		case strings.HasPrefix(section, "mcp_servers.") && !strings.HasSuffix(section, ".env") && k == "command":
			server = shellQuote(uv)
		case strings.HasPrefix(section, "mcp_servers.") && !strings.HasSuffix(section, ".env") && k == "args":
			args = quoteArgv(tomlStrings(v))
		case strings.HasPrefix(section, "mcp_servers.") && strings.HasSuffix(section, ".env") && steeringVar(k):
			r.env = append(r.env, "export "+k+"="+shellQuote(uv))
		}
	}
	flush()
}

// readScript reads a hook script: the lines it runs other than Rampart's
// hook, and whether it runs that hook.
func (r *agentReading) readScript(content string, mustGuard bool) {
	var body []string
	guarded := false
	for _, l := range strings.Split(content, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' {
			continue
		}
		if rampartHook(t) {
			guarded = true
			continue
		}
		body = append(body, l)
	}
	if len(body) > 0 {
		r.lines = append(r.lines, strings.Join(body, "\n"))
	}
	r.hookKept = !mustGuard || guarded
}

// writtenAgentEffect is the write subject's effect for content written to
// an agent settings file p, and whether p is one.
func writtenAgentEffect(p, content, home string) (string, bool) {
	f := agentFileOf(p, home)
	if f == nil || !f.primary {
		return "", false
	}
	if strings.TrimSpace(content) == "" {
		return "", true
	}
	r := readAgentSettings(f, content, home)
	switch {
	case len(r.off) > 0 || !r.parsed:
		return "", true
	case r.inert() && (f.what != "an editor's user settings" || editorSettingsInert(content)):
		return "write:content-judged", true
	}
	return effectAgentSettings, true
}

// judgeAgentSettings judges content written to the agent settings file p:
// the guard switched off, permission checks turned down, and what the
// settings run.
func (ev *evaluation) judgeAgentSettings(p, content string) {
	f := agentFileOf(p, ev.e.env.Home)
	if f == nil {
		return
	}
	ev.judgeAgentSettingsAs(f, p, content)
}

// judgeAgentSettingsAs judges content written to p read as a file of
// kind f.
func (ev *evaluation) judgeAgentSettingsAs(f *agentFile, p, content string) {
	home := ev.e.env.Home
	if ev.denied() || strings.TrimSpace(content) == "" {
		return
	}
	r := readAgentSettings(f, content, home)
	for _, o := range r.off {
		s := subject{tool: call.ToolWrite, text: o + ": " + p, path: p, effect: effectGuardOff}
		if ev.judge(&s); ev.denied() {
			return
		}
	}
	for _, e := range r.env {
		if ev.exec(e, false, call.ToolExec); ev.denied() {
			return
		}
	}
	for _, l := range limitLines(r.lines) {
		if ev.exec(l, false, call.ToolExec); ev.denied() {
			return
		}
	}
	if len(r.lines) > 0 || len(r.opaque) > 0 {
		what := strings.Join(append(slices.Clone(r.lines), r.opaque...), "; ")
		s := subject{tool: call.ToolWrite, text: f.what + " run " + what + ": " + p, path: p, effect: effectRunsCode}
		if ev.judge(&s); ev.denied() {
			return
		}
	}
	if len(r.down) > 0 {
		s := subject{tool: call.ToolWrite, text: f.what + ": " + strings.Join(r.down, ", ") + ": " + p, path: p, effect: effectControlsDown}
		ev.judge(&s)
	}
}
