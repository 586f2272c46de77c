package shell

import "strings"

// asAdministrator reports whether an AppleScript call that runs a shell
// command, from the call to the end of its line, asks for it to run as
// root: do shell script "CMD" with administrator privileges, or JXA's
// doShellScript("CMD", {administratorPrivileges: true}). macOS asks the
// user for an administrator's password and runs CMD as root, as sudo does.
func asAdministrator(call string) bool {
	if i := strings.IndexByte(call, '\n'); i >= 0 {
		call = call[:i]
	}
	low := strings.ToLower(call)
	return strings.Contains(low, "administrator privileges") || strings.Contains(low, "administratorprivileges")
}

// asRoot turns the command of such a call into the same command run
// through sudo, so that what it does is judged as done as root. A command
// nobody can read stays as it is.
func asRoot(args []value) []value {
	if len(args) == 0 || !args[0].known || args[0].list {
		return args
	}
	cmd := "sudo sh -c '" + strings.ReplaceAll(args[0].str, "'", `'\''`) + "'"
	out := append([]value{{str: cmd, known: true, raw: cmd}}, args[1:]...)
	return out
}
