package catalog

import "strings"

// Wrapped reports what a wrapper program runs: the index in args where
// the wrapped command's words start (taskset 1 CMD..., systemd-run CMD...,
// kubectl exec POD -- CMD...), or a string it gives a shell (script -c
// STR). ok is false for a program that runs nothing of its own.
func (c *Catalog) Wrapped(name string, args []string) (start int, shell string, ok bool) {
	e := c.entry(name)
	if e == nil || !e.wrapper {
		return 0, "", false
	}
	if e.Props["runs-after"] == "--" || e.hasSubWrapper() {
		// kubectl exec POD -- CMD: everything after "--".
		if sub, _ := c.Lookup(name, args); sub != nil && sub.Props["runs-after"] == "--" {
			for i, a := range args {
				if a == "--" {
					return i + 1, "", i+1 < len(args)
				}
			}
			if !sub.wrapsByRole() {
				return 0, "", false
			}
			// No "--": an option may still hold the command (nodemon
			// --exec CMD, watchman-make --run CMD).
		}
	}
	cl := c.Classify(name, args)
	if m := e.Props["runs-none"]; m != "" && cl.Mark(m) {
		return 0, "", false // taskset -p MASK PID: a running process's setting
	}
	for _, w := range cl.Words {
		switch w.Role {
		case Shell:
			if p := e.Props["shell-prefix"]; p != "" {
				_, shell := PrefixedShell(w.Text, p)
				_, _, code := PrefixedCode(w.Text, e.Props["code-prefix"])
				if !shell && !code {
					continue // an editor's command that runs no shell (vim +q)
				}
			}
			return 0, w.Text, true
		case Command:
			return w.Index, "", true
		}
	}
	return 0, "", false
}

// Known reports whether the catalogue lists a program.
func (c *Catalog) Known(name string) bool {
	return c.entry(name) != nil
}

// IsWrapper reports whether a program may run another command from its
// words, so that a caller must look inside it.
func (c *Catalog) IsWrapper(name string) bool {
	e := c.entry(name)
	return e != nil && e.wrapper
}

// wraps reports whether the entry, or one of its subcommands, runs a
// command from its words.
func (e *Entry) wraps() bool {
	if e.Props["runs-after"] != "" || e.Rest == Command || e.Last == Command {
		return true
	}
	for _, r := range e.Nth {
		if r == Command {
			return true
		}
	}
	if e.Rest == Shell || e.Last == Shell {
		return true
	}
	for _, r := range e.Nth {
		if r == Shell {
			return true
		}
	}
	if e.opts.runs() {
		return true
	}
	if e.pend != nil {
		// A lazy entry's subs are being filled in: its lines say it all.
		return e.pendingAny(func(l *pendingLine) bool { return l.wraps })
	}
	for _, s := range e.subs {
		if s.wraps() {
			return true
		}
	}
	return false
}

func (e *Entry) hasSubWrapper() bool {
	if e.pend != nil {
		return e.pendingAny(func(l *pendingLine) bool { return l.runsAfter })
	}
	for _, s := range e.subs {
		if s.Props["runs-after"] != "" || s.hasSubWrapper() {
			return true
		}
	}
	return false
}

// wrapsByRole reports whether an entry gives a word of its own the role of
// a command or a shell string (as opposed to running what follows "--").
func (e *Entry) wrapsByRole() bool {
	if e.Rest == Command || e.Last == Command || e.Rest == Shell || e.Last == Shell {
		return true
	}
	for _, r := range e.Nth {
		if r == Command || r == Shell {
			return true
		}
	}
	for x := e; x != nil; x = x.parent {
		if x.opts.runs() {
			return true
		}
	}
	return false
}

// runs reports whether an option of the table has the role of a command
// or a shell string. It reads the field as parseOptions does, without
// making the table's map.
func (t *optionTable) runs() bool {
	if t == nil || !namesRunRole(t.src) {
		return false
	}
	for w := range strings.FieldsSeq(t.src) {
		i := strings.IndexAny(w, ":=")
		if i < 0 || w[i] != ':' {
			continue // a flag, or a flag that sets a mark
		}
		role := w[i+1:]
		if k := strings.Index(role, "=!"); k >= 0 {
			role = role[:k]
		}
		if r, _ := roleNamed(role); r == Shell || r == Command {
			return true
		}
	}
	return false
}

// PrefixedCode returns the code a program's own command hands its
// embedded interpreter (gdb's "python CODE", "py CODE", "pi CODE"; vim's
// "py3 CODE", "lua CODE", "perl CODE", "ruby CODE"), and that
// interpreter's program; prefixes is the entry's "code-prefix" property,
// "PROGRAM:WORD,WORD", several such joined by ";".
func PrefixedCode(text, prefixes string) (interp, code string, ok bool) {
	if interp, code, ok = prefixedCode(text, prefixes); ok {
		return interp, code, ok
	}
	for _, t := range exTails(text) {
		// set nomore | py3 CODE: a later command of the line (excommands.go)
		if interp, code, ok = prefixedCode(t, prefixes); ok {
			return interp, code, ok
		}
	}
	return "", "", false
}

// prefixedCode is PrefixedCode of one command, behind its modifiers
// (silent py3 CODE, noautocmd lua CODE: the same code).
func prefixedCode(text, prefixes string) (interp, code string, ok bool) {
	t := exCommand(text)
	for group := range strings.SplitSeq(prefixes, ";") {
		interp, words, found := strings.Cut(group, ":")
		if !found {
			continue
		}
		for w := range strings.SplitSeq(words, ",") {
			if rest, ok := strings.CutPrefix(t, w); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
				return interp, strings.TrimSpace(rest), true
			}
		}
	}
	return "", "", false
}

// namesRunRole reports whether a line's field may give a word the role of
// a command or a shell string: a role is written after a colon
// (OPT:ROLE, N:ROLE), so a field with neither ":command" nor ":shell" in
// it gives none, and is not read word by word. Most lines give none; a
// program looked up lazily has each of its subcommand lines asked
// (textWraps), git some thirty.
func namesRunRole(field string) bool {
	return strings.Contains(field, ":command") || strings.Contains(field, ":shell")
}

// PrefixedShell returns the shell command in an editor's or pager's own
// command line that runs one after prefix ("!" for vim; "!,pipe" for
// less, whose "|m CMD" pipes from a mark to CMD), with
// the ex forms that lead to it: ":!cmd", "silent !cmd", "r !cmd",
// "w !cmd", "exe '!cmd'".
func PrefixedShell(text, prefix string) (string, bool) {
	if cmd, ok := prefixedShell(text, prefix); ok || strings.Contains(prefix, "pipe") {
		return cmd, ok
	}
	for _, t := range exTails(text) {
		// set nomore | !CMD: a later command of the line (excommands.go)
		if cmd, ok := prefixedShell(t, prefix); ok {
			return cmd, ok
		}
	}
	return "", false
}

// prefixedShell is PrefixedShell of one command: behind an editor's
// modifiers (sil! !CMD), :terminal CMD, a file an embedded interpreter
// runs (py3file F), or an editor's function that runs a shell.
func prefixedShell(text, prefix string) (string, bool) {
	t := strings.TrimLeft(text, ": \t")
	if !strings.Contains(prefix, "pipe") {
		t = exCommand(t)
		if inner, ok := exIndirect(t); ok && inner != t {
			// exe "!" . "CMD", normal :!CMD, feedkeys(":!CMD\<CR>")
			// (excommands.go): the command line they make
			return prefixedShell(inner, prefix)
		}
		if cmd, ok := terminalCommand(t); ok {
			return cmd, true
		}
		if cmd, ok := fileCommand(t); ok {
			return cmd, true
		}
	}
	for _, lead := range []string{"silent!", "silent", "exe", "execute", "platform"} {
		if rest, ok := strings.CutPrefix(t, lead); ok && (rest == "" || rest[0] == ' ' || rest[0] == '!' || rest[0] == '\'' || rest[0] == '"') {
			t = strings.TrimLeft(rest, " '\"")
			break
		}
	}
	for _, verb := range []string{"read", "write", "r", "w"} {
		if rest, ok := strings.CutPrefix(t, verb); ok {
			if r := strings.TrimLeft(rest, " "); strings.HasPrefix(r, strings.Split(prefix, ",")[0]) {
				t = r
			}
			break
		}
	}
	if cmd, ok := functionCommand(t); ok {
		// call system('CMD'): the editor's own function that runs a shell.
		return cmd, true
	}
	if r := stripExRange(t); r != t && strings.HasPrefix(r, "!") {
		t = r // an ex range before a filter: %!CMD, 1,$!CMD, '<,'>!CMD
	}
	for p := range strings.SplitSeq(prefix, ",") {
		if p == "pipe" {
			p = "|" // the table's field separator, named in the table
		}
		rest, ok := strings.CutPrefix(t, p)
		if !ok {
			continue
		}
		if p == "|" {
			// less's |m CMD: pipes from mark m (a letter, ^, $ or .) to CMD.
			if rest == "" {
				return "", false
			}
			rest = strings.TrimLeft(rest[1:], " ")
		}
		return strings.TrimRight(rest, "'\""), true
	}
	return "", false
}

// stripExRange removes an ex line range from the front of a command: line
// numbers, %, ., $, marks ('a), offsets and separators.
func stripExRange(t string) string {
	i := 0
	for i < len(t) {
		switch c := t[i]; {
		case c >= '0' && c <= '9', c == '%', c == '.', c == '$', c == ',', c == ';', c == '+', c == '-':
			i++
		case c == '\'' && i+1 < len(t):
			i += 2
		default:
			return t[i:]
		}
	}
	return t[i:]
}

// RunsRemote reports whether the command a wrapper runs (the words after
// its "runs-after" word, or its shell option) runs on another host, as
// gcloud compute ssh's --command does: the entry's "runs-on=remote".
func (c *Catalog) RunsRemote(name string, args []string) bool {
	e := c.entry(name)
	if e == nil || !e.wrapper {
		return false
	}
	if len(e.subs) == 0 && e.pend == nil {
		return e.Props["runs-on"] == "remote"
	}
	// (a lazy entry's subcommands are read on the Lookup)
	sub, _ := c.Lookup(name, args)
	return sub != nil && sub.Props["runs-on"] == "remote"
}
