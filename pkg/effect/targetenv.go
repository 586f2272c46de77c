package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// The environment a command of the line runs with, as far as the line
// shows it: the assignments written before it, those of the wrappers it
// runs behind (env NAME=VALUE, sudo NAME=VALUE), and the variables an
// earlier command of the same shell, or of a shell that started it,
// exported (export NAME=VALUE; declare -x, typeset -x), unless a later
// unset removed them or the wrapper cleared them (env -i, env -u NAME).
// An export inside a subshell that ended ((export A=1); cmd) or in
// another pipeline stage is not the command's environment.

// viaHere reports a command run directly or only behind wrappers that run
// it on this machine as it is (hereWrappers, sudo, doas): its target is
// what its own settings say.
func viaHere(c *shell.Command) bool {
	for _, v := range c.Via {
		if !hereWrappers.Get(v) && v != "sudo" && v != "doas" {
			return false
		}
	}
	return true
}

// exporters are the builtins whose NAME=VALUE operands go into the
// environment of every later command of their shell (declare and typeset
// only with -x).
var exporters = table.Map[string, bool]{Words: "export declare typeset"}

// lineAssigns returns the NAME=VALUE assignments in effect for command i
// of res, earliest first: a later one of the same name wins, as in the
// shell (see valueOf).
func lineAssigns(res *shell.Result, i int) []string {
	c := &res.Commands[i]
	own := carriedAssigns(res, i)
	if clearsEnv(res, i) {
		return own
	}
	var out []string
	for k := 0; k < i; k++ {
		o := &res.Commands[k]
		if len(o.Via) > 0 || !withinShell(res, c.Shell, o.Shell) {
			continue
		}
		switch {
		case sourcesCode(o):
			out = nil // . ./prod.env: a file that may set or unset any of them
		case o.Name == "" && len(out) > 0:
			// NAME=VALUE alone: a new value for a variable exported before
			for _, a := range o.Assigns {
				if k, _, ok := strings.Cut(a, "="); ok {
					if _, was := valueOf(out, k); was {
						out = append(out, a)
					}
				}
			}
		case o.Name == "export" && hasFlag(o.Args, "-n") || exporters.Get(o.Name) && o.Name != "export" && declareFlag(o.Args, '+', 'x'):
			// export -n NAME, declare +x NAME, typeset +x NAME: no longer
			// exported
			for _, a := range o.Args {
				name, _, _ := strings.Cut(a, "=")
				out = dropAssign(out, name)
			}
		case exporters.Get(o.Name) && (o.Name == "export" || declareFlag(o.Args, '-', 'x')):
			for _, a := range o.Args {
				if shellAssign(a) {
					out = append(out, a)
				}
			}
		case o.Name == "unset":
			for _, a := range o.Args {
				out = dropAssign(out, a)
			}
		}
	}
	return append(out, own...)
}

// valueOf returns the value the last assignment of name in assigns gives
// it, and whether any does.
func valueOf(assigns []string, name string) (string, bool) {
	v, ok := "", false
	for _, as := range assigns {
		if k, val, found := strings.Cut(as, "="); found && k == name {
			v, ok = strings.Trim(val, `"'`), true
		}
	}
	return v, ok
}

// dropAssign removes the assignments of name from assigns.
func dropAssign(assigns []string, name string) []string {
	out := assigns[:0:0]
	for _, as := range assigns {
		if k, _, _ := strings.Cut(as, "="); k != name {
			out = append(out, as)
		}
	}
	return out
}

// withinShell reports whether shell inner is shell outer or was started,
// directly or not, by it (Result.Shells).
func withinShell(res *shell.Result, inner, outer int) bool {
	for n := 0; n <= len(res.Shells); n++ {
		if inner == outer {
			return true
		}
		if inner <= 0 || inner > len(res.Shells) {
			return false
		}
		inner = res.Shells[inner-1]
	}
	return false
}

// clearsEnv reports a command run behind env with its environment cleared
// or a variable removed (env -i, env -u NAME, env --unset=NAME), or behind
// sudo or doas, which reset it: what the line exported before may not
// reach it.
func clearsEnv(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if len(c.Via) == 0 {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		o := &res.Commands[k]
		if o.Pipeline != c.Pipeline || o.Stage != c.Stage || o.Depth != c.Depth || len(o.Via) >= len(c.Via) {
			break
		}
		if o.Name == "sudo" || o.Name == "doas" {
			// sudo resets the environment (env_reset) unless told to keep it
			if !hasFlag(o.Args, "-E") && !hasFlag(o.Args, "--preserve-env") {
				return true
			}
			continue
		}
		if o.Name != "env" {
			continue
		}
		for _, a := range o.Args {
			if a == "-" || a == "-i" || a == "--ignore-environment" || strings.HasPrefix(a, "-u") || strings.HasPrefix(a, "--unset") {
				return true
			}
			if !strings.HasPrefix(a, "-") && !shellAssign(a) {
				break // the command env runs
			}
		}
	}
	return false
}

// declareFlag reports a declare or typeset option cluster, before the
// first operand, that starts with sign and holds letter (-x, -gx, -rx;
// +x, +gx).
func declareFlag(args []string, sign, letter byte) bool {
	for _, a := range args {
		if a == "--" || len(a) < 2 || a[0] != '-' && a[0] != '+' {
			return false
		}
		if a[0] == sign && strings.IndexByte(a[1:], letter) >= 0 {
			return true
		}
	}
	return false
}
