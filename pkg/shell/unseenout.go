package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// A pipeline stage's output is known when the walk can read it (echo's
// words, a here-document passed through cat, base64 -d of known text, ls
// and find of named paths: the feeds) and unseen otherwise: what a program
// prints, a file copied out, a clipboard. One unseen producer is enough to
// make a stage's output unknown, whatever the others print: in
// { echo ls; pbpaste; } | sh the shell reads the clipboard as well as ls,
// and in { echo build; cat list; } | xargs rm -rf the list's lines are
// deleted as well as build. The pipe records, per stage, whether some of
// its output is unseen (dark) and whether some of that comes from a
// program rather than a plain copy of named files (darkProg), with the
// program's name for the reason.

// stageBit is a stage's bit in a pipe's masks; stages past 63 share the
// last bit.
func stageBit(stage int) uint64 {
	return 1 << min(stage, 63)
}

// stagesBelow is the mask of the stages before stage; past 63, where
// stages share the last bit, it holds that bit too, so a producer at stage
// 63 or later is seen by the stage after it.
func stagesBelow(stage int) uint64 {
	if stage > 63 {
		return ^uint64(0)
	}
	return stageBit(stage) - 1
}

// unseenBelow reports whether output the walk could not read reaches the
// current stage from an earlier one.
func (pl *pipe) unseenBelow() bool {
	return pl.dark&stagesBelow(pl.stage) != 0
}

// feedsBelow reports whether known text reaches the current stage.
func (pl *pipe) feedsBelow() bool {
	for _, fd := range pl.feeds {
		if fd.stage < pl.stage {
			return true
		}
	}
	return false
}

// takeUnseen consumes what earlier stages left unseen, as a command at the
// current stage reads its input: dark when some of it is unseen, prog when
// some of that comes from a program, and that program's name.
func (pl *pipe) takeUnseen() (dark, prog bool, name string) {
	m := stagesBelow(pl.stage)
	dark, prog, name = pl.dark&m != 0, pl.darkProg&m != 0, pl.darkName
	pl.dark &^= m
	pl.darkProg &^= m
	return dark, prog, name
}

// markUnseen records that the current stage prints text the walk cannot
// read; prog is false when it only copies named files (cat list.txt).
func (pl *pipe) markUnseen(prog bool, name string) {
	b := stageBit(pl.stage)
	pl.dark |= b
	if prog {
		pl.darkProg |= b
		pl.darkName = name
	}
}

// stdoutAway reports whether a command's standard output is redirected
// away from the pipe (> f, >> f, &> f, >&2), so nothing it prints reaches
// the next stage. Output sent to a descriptor is not away when that
// descriptor may be the pipe: another descriptor (>&3 after 3>&1), a path
// naming a descriptor (/proc/self/fd/1, /dev/fd/3), or standard error when
// errIn says the stage's standard error reaches the pipe (|&, 2>&1 on the
// stage). A command that points another descriptor at standard output
// (2>&1, 3>&1) before sending its output away still writes into the pipe
// through that descriptor (curl -o /dev/stderr 2>&1 >/dev/null).
func stdoutAway(rs []Redirect, errIn bool) bool {
	away := false
	for _, r := range rs {
		if r.FD != "" && r.FD != "1" {
			if r.Op == ">&" && r.Target == "1" && !away {
				return false // 2>&1 before > f: fd 2 is the pipe
			}
			continue
		}
		switch r.Op {
		case ">", ">>", ">|", "&>", "&>>":
			away = !descriptorPath(r.Target, errIn)
		case ">&":
			switch {
			case r.Target == "2":
				away = !errIn
			case r.Target == "-":
				away = true
			case r.Target != "" && (r.Target[0] >= '0' && r.Target[0] <= '9'):
				away = false // >&3: a descriptor that may be the pipe
			default:
				away = !descriptorPath(r.Target, errIn) // >& file
			}
		}
	}
	return away
}

// descriptorPath reports whether writing to path writes to one of the
// process's open descriptors, which may be the pipe: /dev/stdout,
// /dev/fd/N, /proc/self/fd/N, /proc/PID/fd/N, and /dev/stderr when the
// stage's standard error reaches the pipe.
func descriptorPath(p string, errIn bool) bool {
	switch p {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		return errIn
	}
	if strings.HasPrefix(p, "/dev/fd/") {
		return true
	}
	if strings.HasPrefix(p, "/proc/") && strings.Contains(p, "/fd/") {
		return !strings.HasSuffix(p, "/fd/2") || errIn
	}
	return false
}

// printsOutput reports whether a command may write to its standard
// output. Some print nothing as they are used on a line (cd, mkdir, rm),
// unless asked to (-v, --verbose); some print a listing only when given
// no operands (set, export, alias: the variables, the exports, the
// aliases).
func printsOutput(name string, inner []string) bool {
	switch name {
	case "cd", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod", "chown", "chgrp",
		"sleep", "true", "false", ":", "test", "[", "[[", "unset", "shift", "wait", "exit",
		"return", "read", "local", "sync", "break", "continue":
		for _, w := range inner[1:] {
			// cp list /dev/stdout, mv f /proc/self/fd/1: a copy onto a
			// descriptor prints the file
			if descriptorPath(w, true) || w == "/dev/stdout" {
				return true
			}
			if w == "--verbose" || len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.IndexByte(w, 'v') > 0 {
				return true
			}
		}
		return false
	case "trap":
		// trap 'pbpaste' EXIT prints what its action prints, when the
		// stage ends; trap '' INT and trap - EXIT print nothing
		if ops := operands(inner[1:]); len(ops) > 1 {
			return ops[0] != "" && ops[0] != "-"
		}
		return listsBare(name, inner)
	case "set", "export", "declare", "typeset", "readonly", "alias", "umask", "shopt":
		return listsBare(name, inner)
	}
	return true
}

// listsBare reports whether a builtin that lists what it keeps when given
// no operands (set, export, declare, alias) prints here.
func listsBare(name string, inner []string) bool {
	operands := false
	for _, w := range inner[1:] {
		if w == "-p" {
			return true // export -p, declare -p NAME: a listing
		}
		operands = operands || !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "+")
	}
	if operands {
		return false // export A=1, set -o pipefail, alias ll='ls -l'
	}
	for _, w := range inner[1:] {
		if w == "-o" || w == "+o" || w == "-f" || w == "-F" {
			return true // set -o, declare -f: a listing
		}
	}
	// set -e, set -eux: options changed, nothing printed; set or declare
	// alone, or with other flags, lists.
	return len(inner) == 1 || name != "set"
}

// passUnseen records the current stage's own output after a command that
// is not a shell or interpreter: unseen when it passes on unseen input
// (a filter such as grep or sort), or prints text the walk did not read.
// It reports whether the command's input was partly unseen.
// added is whether the command gave the stage a feed of its own; fileCopy
// whether it only copies named files.
func (pl *pipe) passUnseen(name string, inner []string, rs []Redirect, added, fileCopy bool) (unseenIn bool) {
	dark, _, _ := pl.takeUnseen()
	errIn := pl.errIn&stageBit(pl.stage) != 0
	if len(inner) == 0 || stdoutAway(rs, errIn) && !teesToDescriptor(name, inner, errIn) {
		return dark
	}
	if dark && added {
		// A filter that passed on the known part (the unknown part
		// would have made it print text unread below).
		if _, passes := transform(name, inner, ""); passes {
			// what it passes on is no longer a named file a shell
			// would run as such (cat t.sh | sort | sh)
			pl.markUnseen(true, name)
		}
	}
	if !added && printsOutput(name, inner) {
		pl.markUnseen(!fileCopy, name)
	}
	return dark
}

// copiesUnread reports, for a command that copies named files out and
// passed known input on (cat - notes.txt), whether all it prints is known
// (added) and whether what is not is only files (fileCopy): a file the
// line wrote with text nobody knows, a process substitution of a
// program's output among them, is a program's output.
func (s *state) copiesUnread(inner []string, fileCopy bool) (added, stillFileCopy bool) {
	added = true
	for _, op := range operands(inner[1:]) {
		if op == "-" {
			continue
		}
		k := s.key(op)
		if s.opaque.has(k) {
			return false, false
		}
		if _, ok := s.files[k]; !ok {
			added = false
		}
	}
	return added, fileCopy
}

// partlyUnseen is the reason an interpreter's input is unknown when some of
// it is a program's output the walk could not read.
func partlyUnseen(from string) string {
	return "code read from standard input, part of it printed by an earlier stage (" + from + ")"
}

// stdinOf is the standard input a block's or loop's redirections give its
// commands, nil when they give none.
func stdinOf(rs []Redirect, dyn bool, bodies []string) *blockInput {
	var in []Redirect
	for _, r := range rs {
		if stdinRedirected([]Redirect{r}) {
			in = append(in, r)
		}
	}
	if in == nil {
		return nil
	}
	return &blockInput{rs: in, dyn: dyn, bodies: bodies}
}

// callInput is the standard input a function call's redirections give
// its body: the call's own stdin redirections, with the text of its
// here-documents and here-strings.
func callInput(rs []Redirect) *blockInput {
	if !stdinRedirected(rs) {
		return nil
	}
	var bodies []string
	for _, r := range rs {
		if r.Op == "<<" || r.Op == "<<-" || r.Op == "<<<" {
			bodies = append(bodies, r.Target)
		}
	}
	return stdinOf(rs, false, bodies)
}

// stdinRedirected reports whether a command's standard input is a file, a
// here-document or a descriptor rather than the pipe. Standard input named
// again (<&0, < /dev/stdin) is still the pipe.
func stdinRedirected(rs []Redirect) bool {
	for _, r := range rs {
		if r.FD != "" && r.FD != "0" {
			continue
		}
		switch r.Op {
		case "<&":
			if r.Target != "0" {
				return true
			}
		case "<", "<>":
			if !stdinPath(r.Target) {
				return true
			}
		case "<<", "<<-", "<<<":
			return true
		}
	}
	return false
}

// pipesAll reports whether a pipeline joins some stage's standard error
// to the pipe (a |& b); the stages are then all taken to write their
// standard error into it.
func pipesAll(c *syntax.BinaryCmd) bool {
	if c.Op == syntax.PipeAll {
		return true
	}
	for _, st := range [2]*syntax.Stmt{c.X, c.Y} {
		if b, ok := st.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) && pipesAll(b) {
			return true
		}
	}
	return false
}

// joinsStderr reports whether a stage's redirections point its standard
// error, or any descriptor, at its standard output ({ …; } 2>&1 | sh,
// { …; } 3>&1 | sh): what the stage writes there reaches the pipe.
func joinsStderr(rs []*syntax.Redirect) bool {
	for _, r := range rs {
		if r.Op == syntax.DplOut && r.Word != nil && r.Word.Lit() == "1" && r.N != nil && r.N.Value != "1" {
			return true
		}
	}
	return false
}

// teesToDescriptor reports whether tee copies its input to a descriptor
// that may be the pipe (tee /dev/stderr >/dev/null under |& or 2>&1), so
// sending its own output away does not keep its input from the next
// stage.
func teesToDescriptor(name string, inner []string, errIn bool) bool {
	if name != "tee" {
		return false
	}
	for _, op := range operands(inner[1:]) {
		if descriptorPath(op, errIn) {
			return true
		}
	}
	return false
}
