package engine

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// An agent's instructions (CLAUDE.md, AGENTS.md, a rules directory's
// files) and its command files (.claude/commands/deploy.md, a Copilot
// prompt) are read by the agent and followed: a command they spell is run
// when someone next asks the agent for work. The commands are the lines of
// a fenced block of a shell (``` or ~~~, whatever attributes follow the
// language), of PowerShell or of cmd; the lines of an indented block whose
// first word is a program the catalogue knows; and each code span (`…`,
// ``…``, <code>…</code>) that holds a space, unless the clause it closes
// tells the reader not to run it ("never run `rm -rf ~`"; "don't forget to
// run `…`" tells them to).

// agentRuleDirs are the directories whose Markdown files an agent reads as
// instructions or runs as commands.
var agentRuleDirs = [...]string{
	"/.cursor/rules/", "/.windsurf/", "/.clinerules/", "/.kiro/steering/", "/.roo/", "/.amazonq/rules/",
	"/.junie/", "/.claude/commands/", "/.claude/agents/", "/.github/prompts/", "/.github/chatmodes/",
	"/.github/instructions/", "/.continue/rules/", "/.augment/", "/.trae/rules/", "/.qoder/rules/",
	"/.codex/prompts/", "/.cursor/commands/", "/.opencode/command/", "/.opencode/agent/", "/.github/agents/",
	"/.kilocode/rules/", "/.aiassistant/rules/", "/.claude/output-styles/",
}

// agentInstructions reports a file of instructions or commands an AI coding
// agent reads: a named instructions file, a Cursor rule (.mdc), a
// *.instructions.md or *.prompt.md file, or a Markdown file in one of
// agentRuleDirs.
func agentInstructions(p, base, dir string) bool {
	lower := strings.ToLower(base)
	switch lower {
	case "claude.md", "claude.local.md", "agents.md", "agent.md", "gemini.md", ".cursorrules", ".windsurfrules", ".clinerules",
		"copilot-instructions.md", "conventions.md", "agents.override.md", ".goosehints",
		".rules",   // Zed's project rules
		"skill.md": // a Claude Code skill: its !`command` spans run when it is invoked
		return true
	}
	if strings.HasSuffix(lower, ".mdc") || strings.HasSuffix(lower, ".instructions.md") || strings.HasSuffix(lower, ".prompt.md") ||
		strings.HasSuffix(lower, ".chatmode.md") || strings.HasSuffix(lower, ".agent.md") {
		return true
	}
	if !strings.HasSuffix(lower, ".md") {
		return false
	}
	slashed := "/" + p
	for _, d := range agentRuleDirs {
		if strings.Contains(slashed, d) {
			return true
		}
	}
	return false
}

// fenceLangPrefix returns the prefix that runs a fenced block's line in
// the language its info string names first ("bash title=x", "sh {.a}"),
// and whether the block is one of commands: "" for a shell's (or none).
func fenceLangPrefix(info string) (string, bool) {
	lang := strings.ToLower(strings.TrimLeft(info, "{. "))
	if f := strings.FieldsFunc(lang, func(r rune) bool { return r == ' ' || r == '{' || r == ',' || r == '}' }); len(f) > 0 {
		lang = f[0]
	} else {
		lang = ""
	}
	switch lang {
	case "", "sh", "bash", "shell", "console", "zsh", "shell-session", "shellsession", "terminal", "fish", "ksh",
		"shell-script", "shellscript", "sh-session", "bash-session", "zsh-session":
		return "", true
	case "powershell", "pwsh", "ps1", "ps", "posh":
		return "pwsh -Command ", true
	case "cmd", "bat", "batch", "doscon":
		return "cmd.exe /c ", true
	}
	return "", false
}

// markdownCommands returns the commands of a Markdown text (see above).
func markdownCommands(content string) []string {
	var out []string
	lines := strings.Split(content, "\n")
	blank := true
	for i := 0; i < len(lines) && len(out) < maxAutoRunLines; i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if fence := fenceOpener(t); fence != "" {
			prefix, cmds := fenceLangPrefix(strings.TrimLeft(t, fence[:1]))
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence); i++ {
				c := strings.TrimSpace(lines[i])
				for _, p := range [...]string{"$ ", "> ", "PS> ", "% "} {
					c = strings.TrimPrefix(c, p)
				}
				if cmds && c != "" && !strings.HasPrefix(c, "#") && !strings.HasPrefix(c, "REM ") {
					if prefix != "" {
						c = prefix + shellQuote(c)
					}
					out = append(out, c)
				}
			}
			blank = true
			continue
		}
		if blank && (strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t")) && t != "" && knownProgramLine(t) {
			out = append(out, t) // an indented code block's command
			continue
		}
		blank = t == ""
		out = append(out, codeSpans(l)...)
	}
	return out
}

// fenceOpener returns the fence (``` or ~~~, as long as written) a line
// opens a fenced block with, or "".
func fenceOpener(t string) string {
	for _, c := range [...]string{"`", "~"} {
		n := 0
		for n < len(t) && t[n] == c[0] {
			n++
		}
		if n >= 3 {
			return t[:n]
		}
	}
	return ""
}

// knownProgramLine reports a line whose first word is a program the
// catalogue knows (curl, rm, npm), not a sentence of the text.
func knownProgramLine(t string) bool {
	first, _, _ := strings.Cut(t, " ")
	if first == "" || strings.ContainsAny(first, ".,:;") && !strings.Contains(first, "/") {
		return false
	}
	e, _ := catalog.Default().Lookup(first, nil)
	return e != nil
}

// codeSpans returns the code spans of a line (`…`, “…“, <code>…</code>)
// that hold a space and that the clause before them does not warn off.
func codeSpans(l string) []string {
	var out []string
	clause, warned := "", false
	for rest := l; rest != ""; {
		a := strings.IndexByte(rest, '`')
		h := strings.Index(rest, "<code>")
		var span, opener string
		switch {
		case a >= 0 && (h < 0 || a < h):
			n := a
			for n < len(rest) && rest[n] == '`' {
				n++
			}
			opener = rest[a:n]
			z := strings.Index(rest[n:], opener)
			if z < 0 {
				return out
			}
			clause += rest[:a]
			span = rest[n : n+z]
			rest = rest[n+z+len(opener):]
		case h >= 0:
			z := strings.Index(rest[h+6:], "</code>")
			if z < 0 {
				return out
			}
			clause += rest[:h]
			span = rest[h+6 : h+6+z]
			rest = rest[h+6+z+7:]
		default:
			return out
		}
		span = strings.TrimSpace(span)
		// `a` or `b`: a list the same warning governs
		warned = warned && listJoiner(clause) || warnsOff(clause)
		if strings.ContainsAny(span, " \t") && !warned {
			out = append(out, span)
		}
		clause = ""
	}
	return out
}

// listJoiner reports text that only joins the items of a list.
func listJoiner(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " "))) {
		if w != "or" && w != "and" && w != "nor" && w != "/" {
			return false
		}
	}
	return true
}

// warnsOff reports words in the clause before a span that tell the reader
// not to do what follows: a negation ("never", "don't", "avoid") that is
// not itself negated by what it governs ("don't forget", "never skip").
func warnsOff(before string) bool {
	l := strings.ToLower(before)
	if k := strings.LastIndexAny(l, ".;!?"); k >= 0 {
		l = l[k+1:] // the clause the span closes
	}
	for _, w := range []string{"never", "don't", "do not", "dont", "avoid", "must not", "not to", "instead of", "forbidden"} {
		k := strings.Index(l, w)
		if k < 0 {
			continue
		}
		after := l[k+len(w):]
		negated := false
		for _, d := range []string{"forget", "skip", "omit", "neglect", "miss", "fail"} {
			negated = negated || strings.Contains(after, d)
		}
		if !negated {
			return true
		}
	}
	return false
}
