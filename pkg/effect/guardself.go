package effect

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Rampart's own command lines, and agents' CLIs started past the hooks
// that run it, read as what they do to the guard:
//
//   - destroy:guard-off (the standard profile denies): a Rampart program
//     run with its enforcement off (-mode monitor, -fail-open, the
//     log-only yolo profile, in any spelling of the flag); a held call
//     approved (approve); the user's policy replaced (init --force); the
//     agents' hooks removed (setup --remove) or
//     installed to run a program or a policy the agent chose (setup
//     --path, setup --config outside Rampart's own places); an agent CLI
//     told to skip the settings that hold Rampart's hook (claude
//     --settings with disableAllHooks, --setting-sources without user);
//   - destroy:guard-admin (asked): the rest of the administrative verbs,
//     setup, init and deny, which change what protects the user but do
//     not switch it off.
//
// The verb is the first word that is no option, after the dispatcher's
// own (rampart hook setup, rampart serve approve): a word further on
// (rampart audit search --decision deny, rampart help setup) is data.

// guardPrograms are Rampart's programs.
var guardPrograms = table.Map[string, bool]{Words: `rampart rampart-eval rampart-hook rampart-hook-fast rampart-shell
	rampart-mcp rampart-serve rampart-audit rampart-watch`}

// guardValueFlags are Rampart's options that take a value as the next word.
var guardValueFlags = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, f := range []string{"config", "profile", "mode", "cwd", "addr", "path", "scope", "dir", "format", "lib", "socket", "n", "since", "until", "tool", "decision", "by", "via", "agent", "session", "checkpoint", "listen", "name", "grace", "read-timeout", "notify-config", "openclaw", "target"} {
		m["-"+f], m["--"+f] = true, true
	}
	return m
}}

// dispatched are the dispatcher's verbs that name another program, whose
// own verb follows (rampart hook setup, rampart eval init).
var dispatched = table.Map[string, bool]{Words: "hook eval serve policy audit"}

// guardSelf adds destroy:guard-off and destroy:guard-admin for Rampart's
// own command lines and agents' CLIs started past Rampart's hook. agent
// is agentRunOf(c).
func (a *analysis) guardSelf(i int, c *shell.Command, agent agentRun) {
	if v := preloadDropped(c); v != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: v + " dropped: the preload library that judges every program started is gone for what runs"})
	}
	if why := a.approvesSelf(c); why != "" { // guardapprove.go
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: why})
	}
	if g := shadowedGuard(c); g != "" { // guardshadow.go
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: g + " shadowed by an alias, a function or a hashed path the agent chose"})
	}
	if guardPrograms.Get(c.Name) {
		if why, off := guardCommand(c.Name, c.Args); why != "" {
			d := "guard-admin"
			if off {
				d = "guard-off"
			}
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: d, Word: c.Name + ": " + why})
		}
		return
	}
	if name, args, assigns := agent.name, agent.args, agent.assigns; name != "" {
		if why := hooksSkipped(args, a.fileText); why != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: name + ": " + why})
		} else if v := homeMoved(append(assigns[:len(assigns):len(assigns)], a.lineHome()...)); v != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: name + ": " + v + " moved, so the user's settings that hold Rampart's hook are not read"})
		}
	}
	if code, ok, _ := shell.InterpreterCode(c); ok {
		if why := codePreloadDropped(code); why != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "guard-off", Word: c.Name + " code " + why + ": the preload library that judges every program started is gone for what it runs"})
		}
	}
}

// agentPackages are the packages that hold agent CLIs, run through npx,
// bunx, pnpm dlx or node: the CLI they are.
var agentPackages = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"@anthropic-ai/claude-code": "claude", "@openai/codex": "codex", "@google/gemini-cli": "gemini",
		"@qwen-code/qwen-code": "qwen", "@github/copilot": "copilot", "@sourcegraph/amp": "amp", "opencode-ai": "opencode"}
}}

// agentRun is agentCLIOf's answer for one command, read once and handed
// to guardSelf and agentRegistersCode.
type agentRun struct {
	name          string
	args, assigns []string
}

// agentRunOf is agentCLIOf(c) as an agentRun.
func agentRunOf(c *shell.Command) agentRun {
	name, args, assigns := agentCLIOf(c)
	return agentRun{name, args, assigns}
}

// agentCLIOf returns the agent CLI command c runs, with its arguments and
// the assignments it runs with: the CLI by its name, through env, through
// a package runner (npx @anthropic-ai/claude-code …) or node running the
// package's script; "" when c runs none.
func agentCLIOf(c *shell.Command) (name string, args, assigns []string) {
	name, args, assigns = c.Name, c.Args, c.Assigns
	if name == "env" {
		k := 0
		for k < len(args) && (strings.HasPrefix(args[k], "-") || strings.Contains(args[k], "=")) {
			if strings.Contains(args[k], "=") && !strings.HasPrefix(args[k], "-") {
				assigns = append(assigns[:len(assigns):len(assigns)], args[k])
			}
			k++
		}
		if k >= len(args) {
			return "", nil, nil
		}
		name, args = path.Base(args[k]), args[k+1:]
	}
	if agentCLIs.Get(name) || registerCLIs.Get(name) {
		return name, args, assigns
	}
	switch name {
	case "npx", "bunx", "pnpx", "pnpm", "yarn", "node", "bun":
		for k, w := range args {
			if strings.HasPrefix(w, "-") || w == "dlx" || w == "exec" {
				continue
			}
			pkg := w
			if at := strings.LastIndexByte(pkg, '@'); at > 0 {
				pkg = pkg[:at] // @openai/codex@latest
			}
			if cli, ok := agentPackages.Lookup(pkg); ok {
				return cli, args[k+1:], assigns
			}
			if i := strings.Index(w, "node_modules/"); i >= 0 {
				rest := w[i+len("node_modules/"):]
				for p, cli := range agentPackages.All() {
					if strings.HasPrefix(rest, p+"/") {
						return cli, args[k+1:], assigns
					}
				}
			}
			return "", nil, nil
		}
	}
	return "", nil, nil
}

// lineHome returns the line's earlier assignments of HOME and
// XDG_CONFIG_HOME (export HOME=/tmp/h; claude …).
func (a *analysis) lineHome() []string {
	var out []string
	for _, n := range []string{"HOME", "XDG_CONFIG_HOME"} {
		if v, ok := a.lineEnv[n]; ok {
			out = append(out, n+"="+v)
		}
	}
	return out
}

// homeMoved returns the variable among an agent CLI's assignments that
// moves where it reads the user's settings from (HOME, XDG_CONFIG_HOME),
// or "".
func homeMoved(assigns []string) string {
	for _, w := range assigns {
		n, v, _ := strings.Cut(w, "=")
		if (n == "HOME" || n == "XDG_CONFIG_HOME") && v != "" && v != "$HOME" && v != "${HOME}" && v != "~" {
			return n
		}
	}
	return ""
}

// codePreloadDropped returns how interpreter code drops the preload for the
// programs it starts: a preload variable removed from its environment
// (os.environ.pop('LD_PRELOAD'), ENV.delete, delete $ENV{…}), or "". (A
// program started with an environment made anew, as env -i starts one,
// is hermetic build work the tables let through.)
func codePreloadDropped(code string) string {
	for _, v := range preloadVars {
		k := strings.Index(code, v)
		if k < 0 {
			continue
		}
		around := code[max(0, k-24):min(len(code), k+len(v)+24)]
		for _, rm := range []string{"pop(", "del ", "delete", "unsetenv", "Delete(", "remove(", "unset", "= ''", "=''", `= ""`, `=""`} {
			if strings.Contains(around, rm) {
				return "removes " + v
			}
		}
	}
	return ""
}

// guardCommand returns what a Rampart program's arguments do to the
// guard, and whether they switch it off.
func guardCommand(name string, args []string) (string, bool) {
	for _, w := range args {
		if w == "--" {
			break
		}
		if w == "--help" || w == "-help" || w == "-h" {
			return "", false // the verb's usage printed
		}
	}
	verb, rest := "", args
	for k := 0; k < len(args); k++ {
		w := args[k]
		if w == "--" {
			break // the agent or server preload, wrap and mcp run
		}
		if why := weakeningFlag(w, args, k); why != "" {
			return why, true
		}
		if strings.HasPrefix(w, "-") {
			if guardValueFlags.Get(w) {
				k++
			}
			continue
		}
		if verb == "" {
			verb, rest = w, args[k+1:]
			if name == "rampart" && dispatched.Get(w) {
				verb = "" // rampart hook setup: the next word is the verb
			}
		}
	}
	switch verb {
	case "approve":
		return "a held call approved by the agent", true
	case "deny":
		return "a held call resolved by the agent", false
	case "init":
		for _, w := range rest {
			if w == "--force" || w == "-force" || w == "-f" || forceOn(w) {
				// the user's own policy replaced by the embedded one:
				// whatever they tightened is gone
				return "the user's policy replaced by the default", true
			}
		}
		return "the user's policy written anew", false
	case "setup":
		for k, w := range rest {
			switch {
			case w == "--remove" || w == "-remove":
				return "the agent's hooks removed", true
			case w == "--path" || w == "-path" || strings.HasPrefix(w, "--path="):
				return "the hook set to run a program the agent chose", true
			case w == "--config" || w == "-config" || strings.HasPrefix(w, "--config="):
				p := ""
				if _, v, ok := strings.Cut(w, "="); ok {
					p = v
				} else if k+1 < len(rest) {
					p = rest[k+1]
				}
				if !guardPlace(p) {
					return "the hook set to a policy outside Rampart's own places: " + p, true
				}
			}
		}
		return "the agents' hooks rewritten", false
	}
	return "", false
}

// forceOn reports --force=VALUE (or -force=VALUE) with a true value.
func forceOn(w string) bool {
	n, v, ok := strings.Cut(strings.TrimLeft(w, "-"), "=")
	if !ok || n != "force" || !strings.HasPrefix(w, "-") {
		return false
	}
	b, err := strconv.ParseBool(v)
	return err == nil && b
}

// weakeningFlag returns how args[k] switches enforcement off: monitor
// mode, fail-open, or the log-only profile.
func weakeningFlag(w string, args []string, k int) string {
	name, val, has := strings.Cut(strings.TrimLeft(w, "-"), "=")
	if !strings.HasPrefix(w, "-") {
		return ""
	}
	if !has && k+1 < len(args) {
		val = args[k+1]
	}
	switch name {
	case "mode":
		if strings.EqualFold(val, "monitor") {
			return "run in monitor mode"
		}
	case "profile":
		if strings.EqualFold(val, "yolo") {
			return "run with the log-only profile"
		}
	case "fail-open":
		if !has || val != "false" {
			return "run failing open"
		}
	}
	return ""
}

// guardPlace reports a policy in Rampart's own places: its home, the
// managed directory, a project's .rampart.
func guardPlace(p string) bool {
	return strings.Contains(p, ".rampart/") || strings.HasPrefix(p, "/etc/rampart/")
}

// agentCLIs are the AI agents' command lines whose settings hold the
// hooks that run Rampart.
var agentCLIs = table.Map[string, bool]{Words: "claude codex gemini qwen cursor-agent copilot"}

// hooksSkipped returns how an agent CLI's options skip the settings that
// run Rampart's hook: settings given on the line that disable hooks, or
// setting sources without the user's. fileText, when not nil, gives the
// text the line wrote to a file a --settings value names (settingsvalue.go).
func hooksSkipped(args []string, fileText func(string) (string, bool)) string {
	for k, w := range args {
		name, val, has := strings.Cut(w, "=")
		if !has && k+1 < len(args) {
			val = args[k+1]
		}
		switch name {
		case "--settings":
			if hooksDisabledText(val) {
				return "settings given on the line disable its hooks"
			}
			if t := settingsText(val, fileText); t != val && hooksDisabledText(t) {
				return "settings in a file the line wrote (" + val + ") disable its hooks"
			}
		case "--setting-sources":
			if !strings.Contains(val, "user") {
				return "the user's settings, which hold Rampart's hook, skipped"
			}
		case "-c", "--config":
			// codex -c features.codex_hooks=false: a setting given on the line
			flat := strings.NewReplacer(" ", "", `"`, "", "'", "").Replace(val)
			if strings.Contains(flat, "codex_hooks=false") || strings.Contains(flat, "enableHooks=false") || strings.HasPrefix(flat, "hooks={}") {
				return "its hooks switched off by a setting given on the line (" + val + ")"
			}
		}
	}
	return ""
}

// hooksDisabledText reports JSON settings text that disables hooks.
func hooksDisabledText(s string) bool {
	c := strings.ReplaceAll(compactJSON(s), " ", "")
	return strings.Contains(c, `"disableAllHooks":true`) || strings.Contains(c, `"allowManagedHooksOnly":true`) || strings.Contains(c, `"enableHooks":false`) ||
		strings.Contains(c, `"hooksConfig":{"enabled":false`) || strings.Contains(c, `"hooks":{}`)
}

// preloadVars are the variables by which Rampart's preload library judges
// every program a process starts.
var preloadVars = []string{"LD_PRELOAD", "RAMPART_SOCKET"}

// preloadDropped returns the variable of preloadVars a command removes or
// empties for what it runs: unset, env -u, export -n, or set to nothing
// (LD_PRELOAD= make, export LD_PRELOAD=).
func preloadDropped(c *shell.Command) string {
	for _, v := range unsetNames(c.Name, c.Args) {
		if slices.Contains(preloadVars, v) {
			return v
		}
	}
	empty := func(w string) string {
		for _, v := range preloadVars {
			if w == v+"=" || w == v+"=''" || w == v+`=""` {
				return v
			}
		}
		return ""
	}
	for _, w := range c.Assigns {
		if v := empty(w); v != "" {
			return v
		}
	}
	switch c.Name {
	case "export", "declare", "typeset", "env":
		for _, w := range c.Args {
			if v := empty(w); v != "" {
				return v
			}
		}
	}
	return ""
}
