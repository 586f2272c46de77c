package main

import (
	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/usage"
)

// usageFunc is rampart-eval's -h, in the shape every Rampart binary shares
// (pkg/usage).
func usageFunc(c *ffcli.Command) string {
	var verbs [][2]string
	for _, s := range c.Subcommands {
		verbs = append(verbs, [2]string{s.Name, s.ShortHelp})
	}
	return usage.Format(usage.Help{
		Purpose: "Decide tool calls (JSON Lines on stdin, or a unix socket) against a Rampart policy, auditing each decision.",
		Usage:   []string{c.ShortUsage},
		Verbs:   verbs,
		Flags:   c.FlagSet,
		Examples: []string{
			`echo '{"tool":"exec","params":{"command":"git status"}}' | rampart-eval -profile standard`,
			`rampart-eval explain 'cat ~/.ssh/id_rsa'`,
		},
		Docs: "docs/policy.md; go doc rampart.dev/rampart-eval",
	})
}
