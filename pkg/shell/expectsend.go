package shell

import "strings"

// An expect script types into the program it spawned: `spawn ssh HOST`
// then `send "rm -rf /srv/app\r"` runs rm on HOST, `spawn bash` then
// `send "curl … | sh\r"` runs the pipeline here. expectRuns reads a
// script's spawn and send commands with Tcl's quoting (double quotes with
// backslash escapes, braces taken literally) and gives the command lines
// they amount to: each spawn's words quoted for a shell, and each text
// sent into a spawned shell as that shell's -c, into a spawned ssh
// session as its remote command, into su as su -c.

// expectRuns returns the command lines an expect script's spawn and send
// commands amount to. What is sent is typed into the spawned program's
// terminal: a line ends at a carriage return or a newline, so sends that
// carry no Enter join the next (send "rm -rf "; send "~\r" types one
// line); text left without an Enter when the script spawns again or ends
// is judged too, as it may yet be run.
func expectRuns(text string) []string {
	var out, spawned []string
	var pending strings.Builder
	vars := map[string]string{} // set NAME VALUE: expectrepls.go
	flush := func() {
		typed := strings.TrimSpace(pending.String())
		pending.Reset()
		if typed == "" || len(spawned) == 0 {
			return
		}
		if line, ok := typedInto(spawned, typed); ok {
			out = append(out, line)
		}
	}
	for _, cmd := range tclFlatten(tclScriptCommands(text), 0) { // expectrepls.go: bodies in place
		if len(cmd) == 0 {
			continue
		}
		for k := 1; k < len(cmd); k++ {
			cmd[k] = tclSubst(cmd[k], vars)
		}
		switch cmd[0] {
		case "set":
			if len(cmd) == 3 {
				vars[cmd[1]] = cmd[2]
			}
		case "spawn":
			flush()
			spawned = skipTclOptions(cmd[1:], "-ignore")
			if len(spawned) > 0 {
				out = append(out, quoteWords(spawned))
			}
		case "send", "exp_send":
			if len(spawned) == 0 {
				continue
			}
			args := skipTclOptions(cmd[1:], "-i")
			if len(args) == 0 {
				continue
			}
			sent := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(args[len(args)-1])
			for {
				line, rest, enter := strings.Cut(sent, "\n")
				pending.WriteString(line)
				if !enter {
					break
				}
				flush()
				sent = rest
			}
		}
	}
	flush()
	return out
}

// typedInto gives the command line that text typed into a spawned program
// amounts to: a shell's -c, an ssh session's remote command, su's -c.
// A program that reads no commands from its terminal gives none.
func typedInto(spawned []string, typed string) (string, bool) {
	first := progName(spawned[0])
	switch {
	case interactiveShell(spawned):
		return quoteWords(append(append([]string{}, spawned...), "-c", typed)), true
	case sshNames.Get(first) || first == "slogin":
		return quoteWords(append(append([]string{}, spawned...), typed)), true
	case first == "su" || progName(spawned[len(spawned)-1]) == "su":
		return quoteWords(append(append([]string{}, spawned...), "-c", typed)), true
	}
	return typedIntoProgram(spawned, typed) // expectrepls.go: python3, sqlite3, tmux
}

// interactiveShell reports whether spawned words start a shell that reads
// commands from its terminal: a shell's name (bash -l, docker exec -it C
// sh, kubectl exec -it P -- bash) followed by options only, no -c and no
// script.
func interactiveShell(spawned []string) bool {
	for i := len(spawned) - 1; i >= 0; i-- {
		if isShell(progName(spawned[i])) {
			for _, w := range spawned[i+1:] {
				if w == "-c" || !strings.HasPrefix(w, "-") {
					return false
				}
			}
			return true
		}
	}
	return false
}

// skipTclOptions drops the leading options of a Tcl command's words (and
// "--"); an option named in withValue takes the next word as its value.
func skipTclOptions(words []string, withValue ...string) []string {
	for len(words) > 0 && strings.HasPrefix(words[0], "-") {
		w := words[0]
		words = words[1:]
		if w == "--" {
			break
		}
		for _, o := range withValue {
			if w == o && len(words) > 0 {
				words = words[1:]
			}
		}
	}
	return words
}

// tclScriptCommands splits a Tcl script into commands (ended by ";" or a
// newline outside quotes and braces) and each command into its words:
// "…" with backslash escapes (\r, \n, \t, \", \\, \$) undone, {…} taken
// literally with nesting. A command starting with # is a comment.
func tclScriptCommands(text string) [][]string {
	var cmds [][]string
	var words []string
	var word strings.Builder
	inWord := false
	endWord := func() {
		if inWord {
			words = append(words, word.String())
			word.Reset()
			inWord = false
		}
	}
	endCmd := func() {
		endWord()
		if len(words) > 0 && !strings.HasPrefix(words[0], "#") {
			cmds = append(cmds, words)
		}
		words = nil
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ';' || c == '\n':
			endCmd()
		case c == ' ' || c == '\t' || c == '\r':
			endWord()
		case c == '"' && !inWord:
			inWord = true
			for i++; i < len(text) && text[i] != '"'; i++ {
				if text[i] == '\\' && i+1 < len(text) {
					seq, next := tclBackslash(text, i) // expectrepls.go: \x7e, \176, \u007e
					word.WriteString(seq)
					i = next - 1
					continue
				}
				word.WriteByte(text[i])
			}
			endWord()
		case c == '{' && !inWord:
			inWord = true
			depth := 1
			for i++; i < len(text); i++ {
				if text[i] == '{' {
					depth++
				} else if text[i] == '}' {
					if depth--; depth == 0 {
						break
					}
				}
				word.WriteByte(text[i])
			}
			endWord()
		case c == '\\' && i+1 < len(text):
			if text[i+1] == '\n' {
				i++
				endWord() // a continued line
				continue
			}
			inWord = true
			seq, next := tclBackslash(text, i)
			word.WriteString(seq)
			i = next - 1
		default:
			inWord = true
			word.WriteByte(c)
		}
	}
	endCmd()
	return cmds
}

// tclEscape gives the character a backslash escape stands for.
func tclEscape(c byte) byte {
	switch c {
	case 'r':
		return '\r'
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return c
}
