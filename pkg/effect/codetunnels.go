package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Public links opened from code: a UI toolkit asked for a share link
// (gradio's launch(share=True)) or a tunnel library's connect
// (pyngrok's ngrok.connect) puts a server of this machine on a public
// address, as ngrok http 8080 does: a Tunnel effect, asked like the
// command's. launch(share=False) and launch() alone open nothing public.

// codeShareLink returns how inline code opens a public link to a local
// server, or "".
func codeShareLink(code string) string {
	if strings.Contains(code, ".launch(") {
		flat := strings.ReplaceAll(code, " ", "")
		if strings.Contains(flat, "share=True") || strings.Contains(flat, "share=1)") || strings.Contains(flat, "share=1,") {
			return "launch(share=True)"
		}
	}
	if strings.Contains(code, "pyngrok") && strings.Contains(code, "ngrok.connect(") {
		return "ngrok.connect"
	}
	return ""
}

// codeTunnels adds the Tunnel effect for inline code that opens a public
// link to a local server (codeShareLink).
func (a *analysis) codeTunnels(i int, c *shell.Command, code string) {
	if how := codeShareLink(code); how != "" {
		a.add(Effect{Kind: Tunnel, Cmd: i, Detail: "service", Word: c.Name + " code opens a public share link (" + how + ")"})
	}
}
