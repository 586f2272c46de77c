package main

import (
	"flag"

	"rampart.dev/pkg/usage"
)

// usageText is rampart-watch's -h, in the shape every Rampart binary
// shares (pkg/usage).
func usageText(fs *flag.FlagSet) string {
	return usage.Format(usage.Help{
		Purpose:  "Watch the Rampart audit trail live in the terminal, and resolve approvals held by rampart-serve.",
		Usage:    []string{"rampart-watch [flags]"},
		Flags:    fs,
		Examples: []string{"rampart-watch -deny", "rampart-watch -once -rows 20"},
		Docs:     "docs/watch.md; go doc rampart.dev/rampart-watch",
	})
}
