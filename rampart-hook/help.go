package main

import (
	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/usage"
)

// usageFunc is rampart-hook's -h, in the shape every Rampart binary shares
// (pkg/usage).
func usageFunc(c *ffcli.Command) string {
	var verbs [][2]string
	for _, s := range c.Subcommands {
		verbs = append(verbs, [2]string{s.Name, s.ShortHelp})
	}
	return usage.Format(usage.Help{
		Purpose: "Answer an AI agent's tool-call hook (Claude Code, Codex, Cline, Gemini CLI, Cursor, Copilot CLI) from the Rampart policy.",
		Usage:   []string{c.ShortUsage},
		Verbs:   verbs,
		Flags:   c.FlagSet,
		Examples: []string{
			"rampart-hook setup claude-code",
			"rampart-hook setup claude-code --remove",
		},
		Docs: "docs/hooks.md; go doc rampart.dev/rampart-hook",
	})
}
