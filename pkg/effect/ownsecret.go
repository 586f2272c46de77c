package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/shell"
)

// namedForProgram reports whether every secret variable a command's words
// expand is named for the program itself: NGROK_AUTHTOKEN given to ngrok,
// CHISEL_AUTH to chisel, FRP_TOKEN to frpc's family is not (the name must
// be the program's own, up to its first underscore). Such a variable is the
// program's login to its own service, presented where it is used (ngrok
// config add-authtoken "$NGROK_AUTHTOKEN"); it leaves only when the line
// also names another host, which the caller checks.
func namedForProgram(c *shell.Command) bool {
	prog := strings.ToUpper(strings.ReplaceAll(path.Base(c.Name), "-", "_"))
	if i := strings.IndexByte(prog, '.'); i > 0 {
		prog = prog[:i]
	}
	if len(prog) < 2 {
		return false
	}
	found, own := false, true
	eachSecretVar(c.Args, func(name string) bool {
		found = true
		own = len(name) > len(prog) && strings.EqualFold(name[:len(prog)], prog) && name[len(prog)] == '_'
		return own
	})
	return found && own
}
