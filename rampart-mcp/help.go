package main

import (
	"flag"

	"rampart.dev/pkg/usage"
)

// usageText is rampart-mcp's -h, in the shape every Rampart binary shares
// (pkg/usage).
func usageText(fs *flag.FlagSet) string {
	return usage.Format(usage.Help{
		Purpose:  "Run an MCP server and relay its stdio, judging every tools/call (and its result) against the Rampart policy.",
		Usage:    []string{"rampart-mcp [flags] -- SERVER [ARGS...]"},
		Flags:    fs,
		Examples: []string{"rampart-mcp -- npx -y @modelcontextprotocol/server-filesystem ~/project"},
		Docs:     "docs/mcp.md; go doc rampart.dev/rampart-mcp",
	})
}
