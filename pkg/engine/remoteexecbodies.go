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
var saltCommandFuns = table.Map[string, bool]{Words: "cmd.run cmd.shell cmd.run_all cmd.run_stdout cmd.run_stderr cmd.run_bg cmd.retcode cmd.powershell"}

// adHocShellModules are the ansible modules whose arguments are a command
// line.
var adHocShellModules = table.Map[string, bool]{Words: "shell command raw win_shell win_command ansible.builtin.shell ansible.builtin.command ansible.builtin.raw"}

// remoteExecCommands returns the command lines a remote execution
// service's request object carries.
func remoteExecCommands(x map[string]any) []string {
	var out []string
	if fun, ok := x["fun"].(string); ok {
		if first := firstArg(x["arg"]); first != "" {
			switch {
			case saltCommandFuns.Get(fun):
				out = append(out, first)
			case fun == "cmd.script":
				out = append(out, scriptSourceLine(first))
			}
		}
	}
	for _, k := range [][2]string{{"module_name", "module_args"}, {"module", "args"}, {"module", "module_args"}} {
		if m, ok := x[k[0]].(string); ok && adHocShellModules.Get(m) {
			if a, ok := x[k[1]].(string); ok && strings.TrimSpace(a) != "" {
				out = append(out, a)
			}
		}
	}
	if e, ok := x["exec"].(string); ok && strings.TrimSpace(e) != "" {
		out = append(out, e)
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
