package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestFileToolsTakeFileURIs: a read or write tool given a file: URI
// reaches the file it names (as an MCP file server taking URIs does), so
// the URI is judged as that path; a URI into the project is ordinary.
func TestFileToolsTakeFileURIs(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, path, content string
		want                call.Action
	}{
		{call.ToolWrite, "file:///home/dev/.ssh/authorized_keys", "ssh-ed25519 AAAAC3Nza k@x\n", call.Deny},
		{call.ToolWrite, "file://localhost/home/dev/.ssh/authorized_keys", "ssh-ed25519 AAAAC3Nza k@x\n", call.Deny},
		{call.ToolRead, "file:///home/dev/.aws/credentials", "", call.Deny},
		{call.ToolWrite, "file:///home/dev/project/notes.txt", "todo\n", call.Allow},
		{call.ToolRead, "file:///home/dev/project/README.md", "", call.Allow},
	} {
		c := mkCall(tt.tool, tt.path)
		if tt.content != "" {
			c.Params["content"] = tt.content
		}
		if d := e.Evaluate(c); d.Decision != tt.want {
			t.Errorf("%s %s = %v (%s), want %v", tt.tool, tt.path, d.Decision, d.Message, tt.want)
		}
	}
}
