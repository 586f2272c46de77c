package agent

import (
	"strings"

	"rampart.dev/pkg/call"
)

// OpenAI Codex speaks Claude Code's wire format (PROTOCOLS.md 2.4) with its
// own tools: Bash (a command string, or an argv list in older builds),
// apply_patch (a patch in Codex's own envelope) and MCP tools named as in
// Claude Code. Codex honours only deny: allow and ask are rejected, so an
// allow is answered with nothing (Codex's sandbox and approval policy stay
// in force) and an ask becomes a deny that says approval is needed.

// codexCalls maps Codex's own tools; nil means "use Claude Code's mapping".
func codexCalls(tool string, in map[string]any) []call.Call {
	switch tool {
	case "Bash", "shell", "local_shell", "exec_command", "unified_exec":
		if cmd := codexCommand(in); cmd != "" {
			return execCall(cmd)
		}
	case "apply_patch", "Edit", "Write":
		text := first(in, "command", "patch", "input")
		if text == "" {
			if argv := stringList(in, "command"); len(argv) > 0 {
				text = argv[len(argv)-1]
			}
		}
		if calls := patchCalls(text); len(calls) > 0 {
			return calls
		}
	}
	return nil
}

// codexCommand reads a command given as a string or as an argv list
// (command or cmd). An argv of the form [sh -c SCRIPT] is the script;
// any other argv is quoted back into one command line.
func codexCommand(in map[string]any) string {
	if s := first(in, "command", "cmd"); s != "" {
		return s
	}
	argv := stringList(in, "command")
	if len(argv) == 0 {
		argv = stringList(in, "cmd")
	}
	if len(argv) == 3 && isShell(argv[0]) && (argv[1] == "-c" || argv[1] == "-lc") {
		return argv[2]
	}
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = call.ShellQuote(a)
	}
	return strings.Join(quoted, " ")
}

func isShell(p string) bool {
	base := p[strings.LastIndexByte(p, '/')+1:]
	switch base {
	case "sh", "bash", "zsh", "dash":
		return true
	}
	return false
}

// patchCalls turns a patch in Codex's envelope (*** Add File:, *** Update
// File:, *** Delete File:, *** Move to:) into one write call per file, each
// with the lines the patch adds to it as content. A moved file's new path
// is a write of the same content; a deleted file is a write without any.
func patchCalls(patch string) []call.Call {
	var calls []call.Call
	var added []string
	var section []int // indexes into calls of the current file's writes
	flush := func() {
		for _, i := range section {
			calls[i].Params["content"] = strings.Join(added, "\n")
		}
		section, added = section[:0], added[:0]
	}
	for line := range strings.Lines(patch) {
		line = strings.TrimRight(line, "\r\n")
		if rest, ok := strings.CutPrefix(line, "*** "); ok {
			op, path, _ := strings.Cut(rest, ": ")
			path = strings.TrimSpace(path)
			if path == "" {
				continue
			}
			switch op {
			case "Add File", "Update File":
				flush()
				section = append(section, len(calls))
			case "Move to":
				section = append(section, len(calls))
			case "Delete File":
				flush()
			default:
				continue
			}
			calls = append(calls, pathCall(call.ToolWrite, path, nil))
			continue
		}
		if s, ok := strings.CutPrefix(line, "+"); ok && len(section) > 0 {
			added = append(added, s)
		}
	}
	flush()
	return calls
}

// codexInteractive is the ask reason for calls that leave an interactive
// interpreter running, or "".
func codexInteractive(calls []call.Call) string {
	for _, c := range calls {
		if c.Tool != call.ToolExec {
			continue
		}
		if p := interactiveProgram(c.Command()); p != "" {
			return interactiveReason(p)
		}
	}
	return ""
}

func renderCodex(ev *Event, a Answer) []byte {
	if ev.Kind == Post {
		return renderClaudePost(a, false)
	}
	switch a.Verdict {
	case Deny:
		return renderClaude(ev, a)
	case Ask:
		return renderClaude(ev, Answer{Verdict: Deny, Reason: cannotAsk(a.Reason)})
	}
	return nil
}
