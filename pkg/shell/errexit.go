package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Commands whose failure ends the script. A script that turned errexit on
// (set -e, set -euo pipefail, set -o errexit) stops at the first plain
// command that fails, and "cd build || exit 1" (|| return, || { echo …;
// exit 1; }) stops there too: what runs after such a cd runs where the cd
// moved, as after "cd build && …", never where the line was. A command
// the walk found there carries Command.Halts. errexit does not stop the
// script for a command tested by if, while or until, one left of && or
// ||, a negated one, a pipeline's stage or a background job, nor for one
// in a branch, loop or subshell the walk only may have run; those never
// carry it.

// ShellOption gives whether the shell option named by the letter short
// (or, after -o, by long) is on after set ARGS, from whether it was
// before: set -e (-eu, -Eeuo pipefail, -o errexit) turns errexit on, set
// +e (+o errexit) off; set -- ARGS only sets the positional parameters.
func ShellOption(args []string, short byte, long string, was bool) bool {
	for k, w := range args {
		if len(w) < 2 || w[0] != '-' && w[0] != '+' || w == "--" || w[1] == '-' {
			break
		}
		on := w[0] == '-'
		if w[1:] == "o" {
			if k+1 < len(args) && args[k+1] == long {
				was = on
			}
			continue
		}
		for i := 1; i < len(w); i++ {
			if w[i] == short {
				was = on
			}
		}
	}
	return was
}

// halts reports whether a command walked in frame f ends the script when
// it fails (see above).
func (s *state) halts(f frame) bool {
	if f.inBg || f.inPipe || s.scope.depth > 0 || f.depth > 0 {
		return false
	}
	return f.orExit || s.errexit && !f.errIgnored
}

// setErrexit follows set's options for errexit, at the top of the line
// only: a set -e in a branch, a subshell or a string another shell runs
// is not known to hold after it; a set +e anywhere turns it off.
func (s *state) setErrexit(f frame, args []string, dyn []bool) {
	for _, d := range dyn {
		if d {
			s.errexit = false
			return
		}
	}
	on := ShellOption(args, 'e', "errexit", s.errexit)
	if on && (f.depth > 0 || s.scope.depth > 0 || f.inBg || f.inPipe) {
		return
	}
	s.errexit = on
}

// exitStmt reports a statement that ends the script or the function:
// exit or return, or a block whose last statement does ({ echo no; exit
// 1; }).
func exitStmt(st *syntax.Stmt) bool {
	if st == nil || st.Negated || st.Background {
		return false
	}
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		if len(c.Args) == 0 {
			return false
		}
		w := c.Args[0].Lit()
		return w == "exit" || w == "return"
	case *syntax.Block:
		return len(c.Stmts) > 0 && exitStmt(c.Stmts[len(c.Stmts)-1])
	}
	return false
}

// DebugTrap reports whether the line sets a trap on DEBUG or RETURN
// (any case, SIG prefix or not), whose command runs before every
// command or after each function: what a command before it set up (a cd,
// a context switch) may be undone there, before the command that relies
// on it.
func DebugTrap(res *Result) bool {
	for i := range res.Commands {
		c := &res.Commands[i]
		if c.Name != "trap" {
			continue
		}
		for _, a := range c.Args {
			a = strings.TrimPrefix(strings.ToUpper(a), "SIG")
			if a == "DEBUG" || a == "RETURN" {
				return true
			}
		}
	}
	return false
}
