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
	for k := 0; k < len(args); k++ {
		w := args[k]
		if len(w) < 2 || w[0] != '-' && w[0] != '+' || w == "--" || w[1] == '-' {
			break
		}
		on := w[0] == '-'
		if w[1:] == "o" {
			if k+1 < len(args) && args[k+1] == long {
				was = on
			}
			k++ // -o NAME: the name is the option's, and more may follow (set -o errexit +o errexit)
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

// ShoptErrexit gives whether errexit is on after shopt ARGS, from whether
// it was before: shopt -s -o errexit (-so) turns it on, shopt -u -o errexit
// (-uo) off; shopt without -o names bash's own options, never errexit.
func ShoptErrexit(args []string, was bool) bool {
	set, unset, o := false, false, false
	var names []string
	for _, w := range args {
		if len(w) > 1 && w[0] == '-' {
			set = set || strings.ContainsRune(w, 's')
			unset = unset || strings.ContainsRune(w, 'u')
			o = o || strings.ContainsRune(w, 'o')
			continue
		}
		names = append(names, w)
	}
	if !o || set == unset {
		return was
	}
	for _, n := range names {
		if n == "errexit" {
			return set
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
// is not known to hold after it; a set +e anywhere turns it off, and so
// does a set whose words the walk could not read. A function or alias
// named set (set() { :; }) runs in the builtin's place and sets nothing.
// shopt's -o options are set's (shopt -uo errexit).
func (s *state) setErrexit(f frame, name string, args []string, dyn []bool) {
	for _, d := range dyn {
		if d {
			s.errexit = false
			return
		}
	}
	if s.shadowed(name) {
		s.errexit = false
		return
	}
	on := ShellOption(args, 'e', "errexit", s.errexit)
	if name == "shopt" {
		on = ShoptErrexit(args, s.errexit)
	}
	if on && (f.depth > 0 || s.scope.depth > 0 || f.inBg || f.inPipe) {
		return
	}
	s.errexit = on
}

// shadowed reports a builtin's name the line defined as a function or an
// alias before this point (exit() { :; }, alias exit=true): a call of
// that name runs the definition, not the builtin.
func (s *state) shadowed(name string) bool {
	if _, ok := s.funcs[name]; ok {
		return true
	}
	_, ok := s.aliases[name]
	return ok
}

// exitStmt reports a statement that ends the script: exit, or a block
// whose last statement does ({ echo no; exit 1; }). return is not one: at
// the top of a script (not a function, not a sourced file) it fails and
// the script runs on, and in a function nothing carries Halts. An exit
// the line defined as a function or alias (exit() { :; }) ends nothing.
func (s *state) exitStmt(st *syntax.Stmt) bool {
	if st == nil || st.Negated || st.Background {
		return false
	}
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		if len(c.Args) == 0 {
			return false
		}
		return c.Args[0].Lit() == "exit" && !s.shadowed("exit")
	case *syntax.Block:
		return len(c.Stmts) > 0 && s.exitStmt(c.Stmts[len(c.Stmts)-1])
	}
	return false
}

// DebugTrap reports whether the line sets a trap whose command may run
// between two of its commands: one on DEBUG, RETURN or ERR (any case, SIG
// prefix or not), which run before every command, after each function or
// after a failing command, or one on any signal when the line also sends
// signals (kill -USR1 $$, pkill, killall), which runs the trap where the
// signal lands. What a command before it set up (a cd, a context switch)
// may be undone there, before the command that relies on it. A trap on
// EXIT alone runs when the line is over.
func DebugTrap(res *Result) bool {
	traps, signals := false, false
	for i := range res.Commands {
		c := &res.Commands[i]
		switch c.Name {
		case "kill", "pkill", "killall":
			signals = true
		case "trap":
			for k, a := range c.Args {
				if k == 0 || a == "--" || strings.HasPrefix(a, "-") {
					continue // the trap's command, options
				}
				a = strings.TrimPrefix(strings.ToUpper(a), "SIG")
				switch a {
				case "DEBUG", "RETURN", "ERR":
					return true
				case "EXIT", "0":
				default:
					traps = true
				}
			}
		}
	}
	return traps && signals
}
