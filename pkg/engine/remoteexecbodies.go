package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Remote execution services take the command they run on the machines
// they manage in fields of their own: salt-api a function and its
// arguments ({"fun": "cmd.run", "arg": ["rm -rf /srv"]}, cmd.script's
// first argument a script's source), AWX and Ansible Tower an ad hoc
// module and its arguments ({"module_name": "shell", "module_args": …}),
// Rundeck a command line ({"exec": …}). remoteExecCommands reads one JSON
// object's, as the salt, ansible and rundeck command lines would run it.

// saltCommandFuns are salt's execution functions whose first argument is a
// command line.
var saltCommandFuns = table.Map[string, bool]{Words: "cmd.run cmd.shell cmd.run_all cmd.run_stdout cmd.run_stderr cmd.run_bg cmd.retcode cmd.powershell cmd.powershell_all"}

// saltScriptFuns are salt's functions whose first argument is a script's
// source, run on the minion.
var saltScriptFuns = table.Map[string, bool]{Words: "cmd.script cmd.script_retcode"}

// saltDeleteFuns are salt's functions whose first argument is a path they
// delete, with everything under it.
var saltDeleteFuns = table.Map[string, bool]{Words: "file.remove file.rmdir"}

// adHocShellModules are the ansible modules whose arguments are a command
// line, by their short name (ansible.builtin.shell is shell): "script"
// runs a script's file, win_shell PowerShell code.
var adHocShellModules = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"shell": "", "command": "", "raw": "", "win_command": "", "script": "sh ", "win_shell": "pwsh -c "}
}}

// adHocDeleteModules are the ansible modules that delete a path given
// state=absent.
var adHocDeleteModules = table.Map[string, bool]{Words: "file win_file"}

// remoteExecCommands returns the command lines a remote execution
// service's request object carries.
func remoteExecCommands(x map[string]any) []string {
	var out []string
	switch fun := x["fun"].(type) {
	case string:
		out = append(out, saltCommands(fun, x["arg"], x["kwarg"])...)
	case []any:
		// a compound command: "fun": [f1, f2], "arg": [[a1…], [a2…]]
		args, _ := x["arg"].([]any)
		for k, f := range fun {
			name, _ := f.(string)
			var arg any
			if k < len(args) {
				arg = args[k]
			}
			out = append(out, saltCommands(name, arg, nil)...)
		}
	}
	for _, k := range [][2]string{{"module_name", "module_args"}, {"module", "args"}, {"module", "module_args"}} {
		m, ok := x[k[0]].(string)
		if !ok {
			continue
		}
		m = m[strings.LastIndexByte(m, '.')+1:] // ansible.builtin.shell, ansible.windows.win_shell
		a, _ := x[k[1]].(string)
		if strings.TrimSpace(a) == "" {
			continue
		}
		if prefix, ok := adHocShellModules.Lookup(m); ok {
			out = append(out, prefix+a)
		} else if adHocDeleteModules.Get(m) && strings.Contains(a, "state=absent") {
			for _, f := range strings.Fields(a) {
				if p, ok := strings.CutPrefix(f, "path="); ok {
					out = append(out, "rm -rf "+shellQuote(p))
				}
			}
		}
	}
	if e, ok := x["exec"].(string); ok && strings.TrimSpace(e) != "" {
		out = append(out, e)
	}
	if _, rundeck := x["filter"]; rundeck {
		// Rundeck's run/script and run/url: a script's text, or its URL
		if sc, ok := x["script"].(string); ok && strings.TrimSpace(sc) != "" {
			out = append(out, sc)
		}
		if u, ok := x["scriptURL"].(string); ok && u != "" {
			out = append(out, scriptSourceLine(u))
		}
	}
	if doc, ok := x["DocumentName"].(string); ok && (doc == "AWS-RunShellScript" || doc == "AWS-RunPowerShellScript") {
		// AWS Systems Manager's SendCommand: Parameters.commands
		p, _ := x["Parameters"].(map[string]any)
		if list, ok := p["commands"].([]any); ok {
			for _, c := range list {
				if s, ok := c.(string); ok && strings.TrimSpace(s) != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// saltCommands returns the command lines one salt function call runs: a
// command function's first argument (or its cmd keyword argument), a
// script function's source, a delete's path, cmd.exec_code's code in its
// language, cmd.run_chroot's command, and state.single's cmd.run state
// (name=…).
func saltCommands(fun string, arg, kwarg any) []string {
	args, _ := arg.([]any)
	nth := func(k int) string {
		if k < len(args) {
			s, _ := args[k].(string)
			return s
		}
		return ""
	}
	first := firstArg(arg)
	if first == "" {
		if kw, ok := kwarg.(map[string]any); ok {
			first, _ = kw["cmd"].(string)
		}
	}
	switch {
	case first == "":
		return nil
	case saltCommandFuns.Get(fun):
		return []string{first}
	case saltScriptFuns.Get(fun):
		return []string{scriptSourceLine(first)}
	case saltDeleteFuns.Get(fun):
		return []string{"rm -rf " + shellQuote(first)}
	case fun == "cmd.exec_code" || fun == "cmd.exec_code_all":
		if code := nth(1); code != "" {
			return []string{quoteArgv([]string{first, codeOption(first), code})}
		}
	case fun == "cmd.run_chroot":
		if c := nth(1); c != "" {
			return []string{c}
		}
	case fun == "state.single" && saltCommandFuns.Get(first):
		for _, a := range args[1:] {
			if s, ok := a.(string); ok && strings.HasPrefix(s, "name=") {
				return []string{strings.TrimPrefix(s, "name=")}
			}
		}
	}
	return nil
}

// codeOption is the option by which an interpreter is given code on its
// command line: -e for perl, ruby and node, -c for shells and python.
func codeOption(lang string) string {
	switch lang {
	case "perl", "ruby", "node":
		return "-e"
	}
	return "-c"
}

// remoteExecNested returns the command lines of every remote execution
// request inside v, an MCP tool's arguments (salt's lowstate list, a
// batch of requests), to depth 4.
func remoteExecNested(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	var out []string
	switch x := v.(type) {
	case map[string]any:
		if depth > 0 {
			out = append(out, remoteExecCommands(x)...)
		}
		for _, k := range sortedKeys(x) {
			out = append(out, remoteExecNested(x[k], depth+1)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, remoteExecNested(e, depth+1)...)
		}
	}
	return out
}

// firstArg returns a string argument, or the first of a list of them.
func firstArg(v any) string {
	switch a := v.(type) {
	case string:
		return a
	case []any:
		if len(a) > 0 {
			s, _ := a[0].(string)
			return s
		}
	}
	return ""
}

// scriptSourceLine gives the command line that runs a script from a
// source: one fetched from the web is a download piped to a shell.
func scriptSourceLine(src string) string {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return "curl -fsSL " + shellQuote(src) + " | sh"
	}
	return "sh " + shellQuote(src)
}

// scheduleKeys name a cron schedule among a tool's arguments.
var scheduleKeys = []string{"schedule", "cron", "cron_expression", "cronExpression", "crontab"}

// scheduledCommandLine gives the crontab line an object that schedules a
// command amounts to ({"schedule": "0 3 * * *", "command": …}, a
// scheduler MCP server's create_job): a cron entry installed, which a
// person confirms as crontab - is; "" when the object schedules nothing.
func scheduledCommandLine(x map[string]any) string {
	sched := ""
	for _, k := range scheduleKeys {
		if v, ok := x[k].(string); ok && cronSpec(v) {
			sched = strings.TrimSpace(v)
			break
		}
	}
	if sched == "" {
		return ""
	}
	for _, k := range []string{"command", "cmd", "script", "run"} {
		if c, ok := x[k].(string); ok && strings.TrimSpace(c) != "" {
			return "echo " + shellQuote(sched+" "+c) + " | crontab -"
		}
	}
	return ""
}

// cronSpec reports a cron schedule: five or six fields of digits, stars,
// ranges, steps and lists, or an @ nickname (@daily, @reboot).
func cronSpec(v string) bool {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "@") {
		return len(v) > 1 && !strings.ContainsAny(v, " /")
	}
	f := strings.Fields(v)
	if len(f) != 5 && len(f) != 6 {
		return false
	}
	for _, w := range f {
		if strings.Trim(w, "0123456789*/,-?LW#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != "" {
			return false
		}
	}
	return true
}
