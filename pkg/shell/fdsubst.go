package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// A bare exec can open a spare descriptor onto a process substitution
// (exec 3< <(curl …), exec {fd}> >(bash)) or onto text (exec 3<<<'…'),
// and a later command can use it (bash <&3, printf CMD >&$fd, source
// /dev/fd/3). These are the same pipes as cmd < <(curl …) and cmd >
// >(bash), split over two statements; the walk joins them again.

// fdSubsts records the process substitutions a bare exec opens on spare
// descriptors, and adds to e's substitutions those a command reads or
// writes through such a descriptor, so that they are linked as if the
// command named them. It reports whether the command's standard input is
// one of them, and the file its text was recorded under when it is the
// shell's own input a bare exec redirected (exec <&3, exec < <(echo …)).
func (s *state) fdSubsts(e *expander, raw []*syntax.Redirect, rs []Redirect) (stdin bool, stdinFile string) {
	bare := len(e.words) == 0 || len(e.words) == 1 && e.words[0] == "exec"
	// Each process substitution of a redirection is, in order, the next
	// of e.procIn or e.procOut after those of the words (a bare exec's
	// words have none).
	in, out := 0, 0
	if !bare {
		in, out = len(e.procIn), len(e.procOut)
	}
	nIn, nOut := len(e.procIn), len(e.procOut)
	reader := ""
	if !bare && len(e.words) > 0 {
		var buf [4]string
		if inner, _, _ := innermost(e.words, e.dyn, buf[:0]); len(inner) > 0 {
			reader = progName(inner[0])
		}
	}
	// use adds a descriptor's substitution to the command's own. One that
	// a shell or interpreter took in keeps that link: a later command
	// reading the same descriptor (bash <&3; true <&3) cannot take it away.
	use := func(sp span, in bool) bool {
		if s.fdCode[sp] {
			return false
		}
		e.subs = s.appendSpans(e.subs, sp)
		if in {
			e.procIn = append(e.procIn, sp)
		} else {
			e.procOut = append(e.procOut, sp)
		}
		if in && reader != "" && (isShell(reader) || isInterpreter(reader)) {
			if s.fdCode == nil {
				s.fdCode = map[span]bool{}
			}
			s.fdCode[sp] = true
		}
		return true
	}
	ownStdin := false
	for i, r := range raw {
		if i >= len(rs) {
			break
		}
		fd := redirFD(r)
		spare := fd != "" && fd != "0" && fd != "1" && fd != "2"
		if p := procSubstOf(r); p != nil {
			var sp span
			ok := false
			if p.Op == syntax.CmdOut && out < nOut {
				sp, ok = e.procOut[out], true
				out++
			} else if p.Op != syntax.CmdOut && in < nIn {
				sp, ok = e.procIn[in], true
				in++
			}
			if bare && spare && ok {
				s.openFdSubst(fd, sp, p.Op == syntax.CmdOut)
				if text, known := s.staticOutput(p.Stmts); known && p.Op != syntax.CmdOut {
					// exec 3< <(echo …): <&3 and /dev/fd/3 read known text,
					// as from a file the line wrote.
					s.textFd(fd, text)
				}
			}
			continue
		}
		if fd == "" || fd == "0" {
			switch rs[i].Op {
			case "<", "<&", "<<", "<<-", "<<<", "<>":
				ownStdin = true
			}
		}
		switch op := rs[i].Op; {
		case bare && (fd == "" || fd == "0") && (op == "<&" || op == "<"):
			// exec <&3: the shell's own input is the descriptor's from here
			// on, what a later command reading its input takes in
			k := fdTarget(rs[i].Target, op)
			if sp, ok := s.fdIn[k]; ok {
				s.shellIn, s.hasShellIn = sp, true
				s.shellInFile = s.infds[k] // its text, when known (textFd)
			}
		case bare && spare && (op == "<&" || op == ">&") && rs[i].Target == "-":
			s.closeFdSubst(fd) // exec 3<&-
			for _, k := range fdKeys(fd) {
				delete(s.infds, k)
				delete(s.fds, k)
			}
		case bare && spare && (op == "<&" || op == ">&"):
			s.dupFd(fd, fdTarget(rs[i].Target, op)) // exec 4<&3: a copy of 3
		case bare && spare && op != "<&" && op != ">&":
			s.closeFdSubst(fd) // exec 3<f: the descriptor names a file now
		case op == "<&" || op == "<":
			if sp, ok := s.fdIn[fdTarget(rs[i].Target, op)]; ok && use(sp, true) {
				stdin = stdin || fd == "" || fd == "0"
			}
		case op == ">&" || op == ">" || op == ">>":
			if sp, ok := s.fdOut[fdTarget(rs[i].Target, op)]; ok {
				use(sp, false)
			}
		}
	}
	if bare {
		if p := stdinProcOf(raw); p != nil && in > 0 {
			// exec < <(curl …): the shell's own input from here on
			s.shellIn, s.hasShellIn, s.shellInFile = e.procIn[in-1], true, ""
			if text, ok := s.staticOutput(p.Stmts); ok {
				s.shellInFile = "/dev/fd/0"
				s.recordFile(s.shellInFile, text, false)
			}
		}
	} else if s.hasShellIn && !ownStdin && reader != "" && use(s.shellIn, true) {
		// exec <&3; bash: bash reads the shell's input
		stdin, stdinFile = true, s.shellInFile
	}
	// bash /dev/fd/3, tee /proc/self/fd/$fd: a word naming the descriptor.
	for _, w := range e.words {
		k, ok := fdPathKey(w)
		if !ok {
			continue
		}
		if sp, ok := s.fdIn[k]; ok {
			use(sp, true)
		} else if sp, ok := s.fdOut[k]; ok {
			use(sp, false)
		}
	}
	return stdin, stdinFile
}

// openFdSubst remembers that descriptor fd holds a process substitution's
// commands: its output when out is false, its input when out is true.
func (s *state) openFdSubst(fd string, sp span, out bool) {
	s.closeFdSubst(fd)
	m := &s.fdIn
	if out {
		m = &s.fdOut
	}
	if *m == nil {
		*m = map[string]span{}
	}
	for _, k := range fdKeys(fd) {
		(*m)[k] = sp
	}
}

// dupFd makes descriptor fd a copy of descriptor src (exec 4<&3,
// exec 8>&9): what src holds, fd holds as well.
func (s *state) dupFd(fd, src string) {
	in, hasIn := s.fdIn[src]
	out, hasOut := s.fdOut[src]
	file, hasFile := s.infds[src]
	s.closeFdSubst(fd)
	for _, k := range fdKeys(fd) {
		delete(s.infds, k)
	}
	if hasIn {
		s.openFdSubst(fd, in, false)
	}
	if hasOut {
		m := s.fdOut
		if m == nil {
			m = map[string]span{}
			s.fdOut = m
		}
		for _, k := range fdKeys(fd) {
			m[k] = out
		}
	}
	if hasFile {
		for _, k := range fdKeys(fd) {
			s.infds[k] = file
		}
	}
}

// closeFdSubst forgets what descriptor fd held.
func (s *state) closeFdSubst(fd string) {
	for _, k := range fdKeys(fd) {
		delete(s.fdIn, k)
		delete(s.fdOut, k)
	}
}

// fdTarget gives the descriptor a redirection's target names: the
// target of <&3 and >&$fd itself, or of < /dev/fd/3 the path's last part.
func fdTarget(target, op string) string {
	if op == "<&" || op == ">&" {
		return strings.TrimSuffix(target, "-") // <&3- moves the descriptor: the same one
	}
	if k, ok := fdPathKey(target); ok {
		return k
	}
	return ""
}

// fdPathKey gives the descriptor a path names (/dev/fd/3,
// /proc/self/fd/$fd, /proc/thread-self/fd/3, /proc/$$/fd/3).
func fdPathKey(p string) (string, bool) {
	if k, ok := strings.CutPrefix(p, "/dev/fd/"); ok {
		return k, k != ""
	}
	rest, ok := strings.CutPrefix(p, "/proc/")
	if !ok {
		return "", false
	}
	i := strings.Index(rest, "/fd/")
	if i <= 0 || !procSelf(rest[:i]) {
		return "", false
	}
	k := rest[i+len("/fd/"):]
	return k, k != ""
}

// procSelf reports whether a /proc entry's name is the shell's own
// process (or thread) as a line can spell it.
func procSelf(name string) bool {
	switch name {
	case "self", "thread-self", "$$", "${$}", "$BASHPID", "${BASHPID}":
		return true
	}
	return false
}

// procSubstOf gives the process substitution a redirection's word is
// made of, or nil.
func procSubstOf(r *syntax.Redirect) *syntax.ProcSubst {
	if r.Word == nil || len(r.Word.Parts) != 1 {
		return nil
	}
	p, _ := r.Word.Parts[0].(*syntax.ProcSubst)
	return p
}

// textFd makes descriptor fd read text: <&3 and /dev/fd/3 read it as
// they would a file the line wrote with it.
func (s *state) textFd(fd, text string) {
	name := "/dev/fd/" + strings.Trim(fd, "{}")
	s.recordFile(name, text, false)
	if s.infds == nil {
		s.infds = map[string]string{}
	}
	for _, k := range fdKeys(fd) {
		s.infds[k] = name
	}
}

// stdinProcOf gives the process substitution a bare exec makes the
// shell's input (exec < <(curl …)), or nil.
func stdinProcOf(raw []*syntax.Redirect) *syntax.ProcSubst {
	for _, r := range raw {
		if r.Op == syntax.RdrIn && (r.N == nil || r.N.Value == "0") {
			if p := procSubstOf(r); p != nil && p.Op != syntax.CmdOut {
				return p
			}
		}
	}
	return nil
}

// redirFD is the descriptor a redirection names before its operator ("3"
// in 3<f, "{fd}" in {fd}>f), or "" for the operator's own.
func redirFD(r *syntax.Redirect) string {
	if r.N != nil {
		return r.N.Value
	}
	return ""
}

// dupToFile reports a >& whose word (target, once expanded) names a file,
// not a descriptor: bash sends both standard output and error to it, as
// &> does (echo A >& "$GITHUB_ENV", { …; } >& out.txt). A number, "-",
// a number moved (3-) and a lone variable that holds one are
// descriptors: one named so ($fd, ${FD}, $1), an array's element
// (${COPROC[1]}), or one the line opened ({out}>>f; …>&$out; src is the
// line).
func dupToFile(w *syntax.Word, target, src string) bool {
	t := strings.TrimSuffix(target, "-")
	if t == "" || strings.Trim(t, "0123456789") == "" || w == nil {
		return false
	}
	if len(w.Parts) == 1 {
		pe, _ := w.Parts[0].(*syntax.ParamExp)
		if dq, ok := w.Parts[0].(*syntax.DblQuoted); ok && len(dq.Parts) == 1 {
			pe, _ = dq.Parts[0].(*syntax.ParamExp)
		}
		if pe != nil && pe.Param != nil {
			name := pe.Param.Value
			if pe.Index != nil || strings.Trim(name, "0123456789") == "" || strings.Contains(strings.ToLower(name), "fd") ||
				strings.Contains(src, "{"+name+"}>") || strings.Contains(src, "{"+name+"}<") {
				return false
			}
		}
	}
	return true
}
