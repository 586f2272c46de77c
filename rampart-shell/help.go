package main

import (
	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/usage"
)

// usageFunc is rampart-shell's -h, in the shape every Rampart binary shares
// (pkg/usage).
func usageFunc(c *ffcli.Command) string {
	var verbs [][2]string
	for _, s := range c.Subcommands {
		verbs = append(verbs, [2]string{s.Name, s.ShortHelp})
	}
	return usage.Format(usage.Help{
		Purpose: "A $SHELL that judges each command against the Rampart policy, and two ways to run an agent under it (wrap, preload).",
		Usage:   []string{c.ShortUsage},
		Verbs:   verbs,
		Flags:   c.FlagSet,
		Examples: []string{
			`rampart-shell -c 'git status'`,
			"rampart-shell preload -- python3 agent.py",
		},
		Docs: "docs/shell.md; go doc rampart.dev/rampart-shell",
	})
}
