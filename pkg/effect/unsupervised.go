package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// An AI agent's CLI run with its approvals and sandbox switched off
// (claude --dangerously-skip-permissions, codex
// --dangerously-bypass-approvals-and-sandbox, gemini --yolo) runs whatever
// its model decides, unseen by anyone: code nobody has read, as
// remote-code:unsupervised. The catalogue marks the options that do so
// ("unsupervised"); the same CLI asking before it acts is everyday work.

// unsupervisedAgent adds remote-code:unsupervised for a command whose
// options carry the unsupervised mark.
func (a *analysis) unsupervisedAgent(i int, c *shell.Command, cl *catalog.Classified) {
	why := ""
	switch {
	case len(cl.Marks) > 0 && cl.Mark("unsupervised"):
		why = "with its approvals and sandbox off"
	case agentCLIs.Get(c.Name): // guardself.go
		why = unsupervisedValues(c.Args)
	}
	if why != "" {
		a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "unsupervised", Word: c.Name + " " + why})
	}
}

// unsupervisedValues returns how an agent CLI's option values switch its
// approvals off, or "": every shell command allowed (--allowedTools Bash,
// "Bash(*)"), a configuration override that never asks or lifts the
// sandbox (-c approval_policy=never, sandbox_mode=danger-full-access), or
// settings given on the line that bypass permissions. A tool list that
// names only some commands (Bash(npm test:*)) keeps the others asked.
func unsupervisedValues(args []string) string {
	for k := 0; k < len(args); k++ {
		name, val, has := strings.Cut(args[k], "=")
		if !strings.HasPrefix(name, "-") {
			continue
		}
		vals := []string{val}
		if !has {
			vals = vals[:0]
			for j := k + 1; j < len(args) && !strings.HasPrefix(args[j], "-"); j++ {
				vals = append(vals, args[j])
				if name != "--allowedTools" && name != "--allowed-tools" {
					break // one value; the tool lists take several words
				}
			}
		}
		for _, v := range vals {
			switch name {
			case "--allowedTools", "--allowed-tools":
				for t := range strings.FieldsFuncSeq(v, func(r rune) bool { return r == ',' || r == ' ' }) {
					if anyCommand(t) {
						return "allowed to run any shell command unasked: " + t
					}
				}
			case "-c", "--config":
				k, x, _ := strings.Cut(v, "=")
				k, x = strings.TrimSpace(k), strings.ToLower(strings.Trim(strings.TrimSpace(x), `"'`))
				if k == "approval_policy" && x == "never" || k == "sandbox_mode" && x == "danger-full-access" {
					return "with " + k + " " + x + " on its line"
				}
			case "--settings":
				if strings.Contains(strings.ReplaceAll(v, " ", ""), `"defaultMode":"bypassPermissions"`) {
					return "with settings on its line that bypass permissions"
				}
			}
		}
	}
	return ""
}

// anyCommand reports a tool permission that lets every shell command
// run: Bash alone or with a pattern that matches anything.
func anyCommand(t string) bool {
	t = strings.ToLower(strings.Trim(t, `"'`))
	switch t {
	case "bash", "bash(*)", "bash(**)", "bash(:*)", "bash(*:*)", "shell", "shell(*)", "*":
		return true
	}
	return false
}
