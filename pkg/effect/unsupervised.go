package effect

import (
	"encoding/json"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// An AI agent's CLI run with its approvals and sandbox switched off
// (claude --dangerously-skip-permissions, codex
// --dangerously-bypass-approvals-and-sandbox, gemini --yolo) runs whatever
// its model decides, unseen by anyone: code nobody has read, as
// remote-code:unsupervised. The catalogue marks the options that do so
// ("unsupervised"); the same CLI asking before it acts is everyday work.
//
// Some ways of turning approvals off are values, not options: a tool
// list that lets the agent's shell run any command (claude --allowedTools
// Bash, "Bash(*)"), a configuration override given on the line (codex -c
// approval_policy=never, -c sandbox_mode=danger-full-access), or settings
// given on the line that bypass permissions. Those are read here, from
// the words. An agent's mode set in its environment (GOOSE_MODE=auto) is a
// setting of its own (catalog/settings.txt).

// unsupervisedAgent adds remote-code:unsupervised for a command whose
// options carry the unsupervised mark, or whose values or environment
// switch the agent's approvals off.
func (a *analysis) unsupervisedAgent(i int, c *shell.Command, cl *catalog.Classified) {
	why := ""
	switch {
	case len(cl.Marks) > 0 && cl.Mark("unsupervised"):
		why = "with its approvals and sandbox off"
	case agentCLIs.Get(c.Name): // guardself.go
		why = unboundedAgentValues(cl.Words, a.fileText)
	}
	if why != "" {
		a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "unsupervised", Word: c.Name + " " + why})
	}
}

// unboundedAgentValues returns how an agent CLI's option values let it act
// unasked (a shell allowed any command, approvals or the sandbox
// configured off, settings that bypass permissions), or "". A tool list
// that names only some commands (Bash(npm test:*)) keeps the others asked.
//
// A tool list takes the words after it up to the next option (claude
// --allowedTools Edit Bash "PROMPT"): each word right after the list's is
// read as a tool too. fileText, when not nil, gives the text the line
// wrote to a file a --settings value names (settingsvalue.go).
func unboundedAgentValues(words []catalog.Word, fileText func(string) (string, bool)) string {
	list := -2 // the index of the tool list's last word
	for _, w := range words {
		tools := w.Option == "--allowedTools" || w.Option == "--allowed-tools"
		if w.Option == "" && w.Index == list+1 && !spaceOutsideParens(w.Text) {
			tools = true // a prompt has spaces; Bash(git log:*) only within
		}
		if tools {
			list = w.Index
			for _, t := range toolNames(w.Text) {
				if unboundedShellTool(t) {
					return "with its shell allowed any command (" + t + ")"
				}
			}
			continue
		}
		switch w.Option {
		case "-c", "--config":
			if k, v, ok := strings.Cut(w.Text, "="); ok && approvalsOffSetting(k, v) {
				return "with its approvals or sandbox configured off (" + w.Text + ")"
			}
		case "--settings":
			// the settings as given, or the text of the file the line
			// wrote them to (settingsvalue.go)
			text := settingsText(w.Text, fileText)
			if strings.Contains(strings.ReplaceAll(compactJSON(text), " ", ""), `"defaultMode":"bypassPermissions"`) {
				return "with settings on its line that bypass permissions"
			}
			if t := settingsAllowsShell(text); t != "" {
				return "with settings on its line that allow its shell any command (" + t + ")"
			}
		}
	}
	return ""
}

// toolNames splits a tool list at its commas and blanks outside
// parentheses (Read,Bash(sh -c:*) is Read and Bash(sh -c:*)).
func toolNames(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case depth <= 0 && (r == ',' || unicode.IsSpace(r)):
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// spaceOutsideParens reports a space in s outside parentheses.
func spaceOutsideParens(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ' ':
			if depth <= 0 {
				return true
			}
		}
	}
	return false
}

// unboundedShellTool reports a tool permission that allows the agent's
// shell every command: the bare tool name (any case), a pattern matching
// all, or every tool ("*").
func unboundedShellTool(t string) bool {
	t = strings.Trim(strings.TrimSpace(t), `"'`)
	if t == "*" {
		return true
	}
	name, pat, has := strings.Cut(t, "(")
	switch strings.ToLower(name) {
	case "bash", "shell", "run_shell_command", "shelltool":
	default:
		return false
	}
	if !has {
		return true
	}
	pat = strings.TrimSuffix(pat, ")")
	if strings.Trim(pat, "*: ") == "" {
		return true
	}
	// Bash(sh:*), Bash(env:*): a prefix that is itself a shell, or a
	// program that runs the command after it, allows every command
	prog, _, _ := strings.Cut(strings.TrimSpace(pat), ":")
	f := strings.Fields(prog)
	if len(f) == 0 || !strings.HasSuffix(pat, "*") || len(f) > 2 || len(f) == 2 && f[1] != "-c" && f[1] != "-e" && f[1] != "eval" {
		return false // Bash(npm test:*), Bash(python3 manage.py:*): one program's commands
	}
	return commandRunners.Get(strings.ToLower(path.Base(f[0]))) // Bash(sh:*), Bash(/bin/sh -c:*)
}

// commandRunners are the programs whose operands are a whole command line
// or program of the caller's choosing: shells, interpreters and the
// wrappers that run the command after them.
var commandRunners = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("sh bash zsh dash ksh fish busybox eval exec env xargs sudo doas nohup nice timeout command builtin time stdbuf setsid " +
		"python python3 node perl ruby php deno bun npx pwsh powershell osascript")
}}

// settingsAllowsShell returns the tool permission of JSON settings text
// (permissions.allow) that allows the agent's shell every command, or "".
func settingsAllowsShell(text string) string {
	var v struct {
		Permissions struct {
			Allow []string `json:"allow"`
		} `json:"permissions"`
	}
	if json.Unmarshal([]byte(text), &v) != nil {
		return ""
	}
	for _, t := range v.Permissions.Allow {
		if unboundedShellTool(t) {
			return t
		}
	}
	return ""
}

// compactJSON returns JSON text as compact JSON with its escapes decoded
// ("bypass\u0050ermissions" is bypassPermissions, tabs and newlines
// between tokens gone), or the text itself when it is not JSON.
func compactJSON(s string) string {
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return s
	}
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return s
	}
	return string(b)
}

// approvalsOffSetting reports a configuration key and value that turn an
// agent's approvals or sandbox off (Codex's approval_policy never,
// sandbox_mode danger-full-access).
func approvalsOffSetting(k, v string) bool {
	k = strings.Trim(strings.TrimSpace(k), `"'`)
	if d := strings.LastIndexByte(k, '.'); d >= 0 {
		k = strings.Trim(k[d+1:], `"'`) // profiles.yolo.approval_policy: a profile's
	}
	v = strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`))
	switch k {
	case "approval_policy", "ask_for_approval":
		return v == "never"
	case "sandbox_mode", "sandbox":
		return v == "danger-full-access"
	}
	return false
}
