package main

import (
	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/usage"
)

// usageFunc is rampart-serve's -h, in the shape every Rampart binary shares
// (pkg/usage).
func usageFunc(c *ffcli.Command) string {
	var verbs [][2]string
	for _, s := range c.Subcommands {
		verbs = append(verbs, [2]string{s.Name, s.ShortHelp})
	}
	return usage.Format(usage.Help{
		Purpose: "Serve the Rampart decision point over HTTP, holding calls for human approval.",
		Usage:   []string{c.ShortUsage},
		Verbs:   verbs,
		Flags:   c.FlagSet,
		Examples: []string{
			"rampart-serve -addr 127.0.0.1:9090",
			"rampart-serve pending",
		},
		Docs: "docs/serve.md; go doc rampart.dev/rampart-serve",
	})
}
