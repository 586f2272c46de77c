package engine

// The program and subcommand an MCP tool's "args" list belongs to. A tool
// named for a program and a subcommand takes the subcommand's options:
// git_clean {"args": ["-f", "-d", "-x"]} is git clean -f -d -x, not a line
// of options with no program. A tool whose name says only that it runs
// something (run, exec, execute, cli, command, invoke, call) on a server
// named for a program takes that program's command line:
// {"server": "terraform", "tool": "run", "arguments": {"args": ["destroy",
// "-auto-approve"]}} is terraform destroy -auto-approve.

// argsProgram is the program whose command line the tool's "args" list
// is: the tool's own (argsProgram, or a tool named only for a program:
// {"tool": "curl", "arguments": {"args": ["-F", …]}}), or the server's
// for a tool that only runs ({"server": "rm", "tool": "run"}).
func (w *mcpWalk) argsProgram() string {
	if p := argsProgram(w.tool); p != "" {
		return p
	}
	if p := wholeProgram(w.tool); p != "" {
		return p
	}
	if !runnerTool(w.tool) {
		return ""
	}
	if p := programOf(w.server); p != "" {
		return p
	}
	return wholeProgram(w.server)
}

// wholeProgram is the program a tool or server is named for when its
// name is that one word and the catalogue knows the program, or it is a
// shell or interpreter (rm, curl, bash, node); "" otherwise. A name of
// more words (find_files, read_file) is a tool's own verb, never a
// program's command line.
func wholeProgram(name string) string {
	words := ToolWords(name)
	if len(words) != 1 || runnerWord(words[0]) || !knownProgram(words[0]) {
		return ""
	}
	return words[0]
}

// runnerTool reports a tool whose name says only that it runs its
// server's program ("run", "exec_command", "cli").
func runnerTool(tool string) bool {
	words := ToolWords(tool)
	if len(words) == 0 {
		return false
	}
	for _, word := range words {
		if !runnerWord(word) {
			return false
		}
	}
	return true
}

func runnerWord(word string) bool {
	switch word {
	case "run", "exec", "execute", "cli", "command", "cmd", "invoke", "call":
		return true
	}
	return false
}

// argsLine gives the words that go before an args list starting with an
// option: the program, and the subcommand the tool's name holds after
// the program's name (git_clean → git clean; kubectl_delete → kubectl
// delete), words that only say it runs left out.
func (w *mcpWalk) argsLine(prog string) []string {
	line := []string{prog}
	seen := false
	for _, word := range ToolWords(w.tool) {
		switch {
		case word == prog:
			seen = true
		case seen && !runnerWord(word):
			line = append(line, word)
		}
	}
	return line
}
