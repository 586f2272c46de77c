package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A held call resolved through rampart-serve's HTTP API by the agent that
// is held, in any client: POST /v1/approvals/{id}/resolve (or a write of
// the approval's status, PUT or PATCH on /v1/approvals/{id}) spelled by
// curl in a loop over ids, httpie's :9090 shorthand, Python's or Node's
// HTTP client, or raw HTTP written to nc or /dev/tcp. A fetch of the same
// URL is judged by the profile (protect-rampart-api); a command line that
// spells the request is destroy:guard-off here, as rampart approve is.
// Reading approvals (GET, ?wait=) and holding one (POST /v1/approvals)
// stay everyday work.

// approvalSenders are the programs that send what their words spell: HTTP
// clients, interpreters with their code, and the raw-socket tools.
var approvalSenders = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{"curl", "wget", "http", "https", "xh", "xhs", "httpie", "curlie", "nc", "ncat", "netcat", "socat", "telnet",
		"python", "python3", "python2", "node", "deno", "bun", "ruby", "perl", "php", "pwsh", "powershell", "Invoke-WebRequest", "Invoke-RestMethod", "iwr", "irm"} {
		m[n] = true
	}
	return m
}}

// resolvesApproval returns the word of command c that spells a request
// resolving a held approval, or "": a word naming /v1/approvals/ID/resolve,
// or /v1/approvals/ID with a method that changes it.
func resolvesApproval(c *shell.Command) string {
	changes := false
	for k, w := range c.Args {
		m := strings.ToUpper(strings.TrimPrefix(strings.TrimPrefix(w, "--request="), "-X"))
		if (w == "-X" || w == "--request" || w == "--method") && k+1 < len(c.Args) {
			m = strings.ToUpper(c.Args[k+1])
		}
		if m == "PUT" || m == "PATCH" || m == "POST" {
			changes = true
		}
	}
	for _, w := range c.Args {
		k := strings.Index(w, "/v1/approvals/")
		if k < 0 {
			continue
		}
		rest := w[k+len("/v1/approvals/"):]
		if strings.Contains(rest, "/resolve") {
			return w
		}
		id := rest
		if e := strings.IndexAny(id, "/?'\" "); e >= 0 {
			id = id[:e]
		}
		if id != "" && changes {
			return w
		}
	}
	return ""
}

// rawHTTP reports a line that writes to a raw connection: nc, ncat,
// socat or telnet on it, or a redirection to /dev/tcp.
func rawHTTP(res *shell.Result) bool {
	for i := range res.Commands {
		c := &res.Commands[i]
		switch c.Name {
		case "nc", "ncat", "netcat", "socat", "telnet":
			return true
		}
		for _, r := range c.Redirects {
			if strings.Contains(r.Target, "/dev/tcp/") || strings.Contains(r.Target, "/dev/udp/") {
				return true
			}
		}
	}
	return false
}

// approvesSelf reports why command c resolves a held approval, or "".
func (a *analysis) approvesSelf(c *shell.Command) string {
	switch {
	case approvalSenders.Get(c.Name):
	case (c.Name == "printf" || c.Name == "echo") && rawHTTP(a.res):
	default:
		return ""
	}
	if w := resolvesApproval(c); w != "" {
		return "a held call resolved through Rampart's API by the agent: " + w
	}
	return ""
}
