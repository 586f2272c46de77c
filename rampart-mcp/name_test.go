package main

import (
	"strings"
	"testing"
)

func TestServerName(t *testing.T) {
	for _, tc := range []struct{ cmd, want string }{
		{"npx -y @modelcontextprotocol/server-filesystem /tmp", "filesystem"},
		{"npx -y @modelcontextprotocol/server-everything@2026.8.31 stdio", "everything"},
		{"node /c/npm/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js /tmp", "filesystem"},
		{"/c/npm/node_modules/.bin/mcp-server-filesystem /tmp", "filesystem"},
		{"uvx mcp-server-git --repository .", "git"},
		{"uvx --from mcp-server-fetch==1.2 mcp-server-fetch", "fetch"},
		{"python -m mcp_server_fetch", "fetch"},
		{"docker run -i --rm -e TOKEN mcp/github", "github"},
		{"docker run -i --rm ghcr.io/github/github-mcp-server:latest", "github"},
		{"/usr/local/bin/github-mcp-server stdio", "github"},
		{"./my-notes-server", "my-notes"},
		{"node server.js", "server"},
		{"env FOO=1 sqlite-mcp --db x.db", "sqlite"},
	} {
		if got := serverName(strings.Fields(tc.cmd)); got != tc.want {
			t.Errorf("serverName(%q) = %q, want %q", tc.cmd, got, tc.want)
		}
	}
}
