package main

import (
	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/usage"
)

// usageFunc is rampart-audit's -h, in the shape every Rampart binary shares
// (pkg/usage).
func usageFunc(c *ffcli.Command) string {
	var verbs [][2]string
	for _, s := range c.Subcommands {
		verbs = append(verbs, [2]string{s.Name, s.ShortHelp})
	}
	return usage.Format(usage.Help{
		Purpose: "Read, verify and search Rampart's hash-chained audit trail.",
		Usage:   []string{c.ShortUsage},
		Verbs:   verbs,
		Flags:   c.FlagSet,
		Examples: []string{
			"rampart-audit tail -n 20",
			"rampart-audit search -decision deny -via rampart-hook",
		},
		Docs: "docs/audit.md; go doc rampart.dev/rampart-audit",
	})
}
