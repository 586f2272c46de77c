package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
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
var approvalSenders = table.Map[string, bool]{Words: `curl wget http https xh xhs httpie curlie nc ncat netcat socat telnet python python3 python2 node
	deno bun ruby perl php pwsh powershell Invoke-WebRequest Invoke-RestMethod iwr irm`}

// resolvesApproval returns the word of command c that spells a request
// resolving a held approval, or "": a word naming /v1/approvals/ID/resolve,
// or /v1/approvals/ID with a method that changes it.
func resolvesApproval(c *shell.Command) string {
	changes := false
	for k, w := range c.Args {
		m := strings.ToUpper(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(w, "--request="), "--method="), "-X"))
		if (w == "-X" || w == "--request" || w == "--method") && k+1 < len(c.Args) {
			m = strings.ToUpper(c.Args[k+1])
		}
		if x := strings.IndexByte(w, 'X'); x > 0 && w[0] == '-' && !strings.HasPrefix(w, "--") {
			// curl -sXPATCH, curl -sSX PUT: -X among other short options
			m = strings.ToUpper(w[x+1:])
			if m == "" && k+1 < len(c.Args) {
				m = strings.ToUpper(c.Args[k+1])
			}
		}
		if m == "PUT" || m == "PATCH" || m == "POST" || codeChanges(w) {
			changes = true
		}
	}
	for _, w := range c.Args {
		w = approvalText(w)
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

// mayNameApproval reports whether a word of c may spell an approval's
// path as resolvesApproval reads it (approvalText): one with three
// slashes at least (neither joining literals nor cleaning the path makes
// one) that holds "v1", "approv" or "%" (approvalText leaves any other
// as it is). It is asked before the line is searched for a raw connection
// (lineRawHTTP).
func mayNameApproval(c *shell.Command) bool {
	for _, w := range c.Args {
		if strings.Count(w, "/") >= 3 && (strings.Contains(w, "v1") || strings.Contains(w, "approv") || strings.Contains(w, "%")) {
			return true
		}
	}
	return false
}

// codeChanges reports code that sends a request of a method that changes
// what it names (requests.post(, method:'PATCH', Net::HTTP::Put).
func codeChanges(w string) bool {
	if len(w) < 8 || !strings.ContainsAny(w, "(") {
		return false
	}
	l := strings.ToLower(w)
	for _, m := range []string{"post(", "put(", "patch(", "'post'", `"post"`, "'put'", `"put"`, "'patch'", `"patch"`, "::post", "::put", "::patch"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// approvalText returns a word as the request it spells reaches the
// server: quoted literals joined where code joins them ('/v1/approv'
// 'als/…', '/v1/' + 'approvals/' + id), and the path after each URL's
// host as the server routes it (match.CleanURLRest: /v1/./approvals,
// /v1/%61pprovals, /v1//approvals).
func approvalText(w string) string {
	if !strings.Contains(w, "v1") && !strings.Contains(w, "approv") && !strings.Contains(w, "%") {
		return w
	}
	w = joinLiteralRuns(w)
	if k := strings.Index(w, "://"); k >= 0 {
		if s := strings.IndexByte(w[k+3:], '/'); s >= 0 {
			at := k + 3 + s
			if rest, changed := match.CleanURLRest(w[at:]); changed {
				w = w[:at] + rest
			}
		}
	} else if s := strings.IndexByte(w, '/'); s >= 0 {
		if rest, changed := match.CleanURLRest(w[s:]); changed {
			w = w[:s] + rest
		}
	}
	return w
}

// joinLiteralRuns removes what joins two quoted literals of code: a
// closing quote, blanks, an optional + and an opening quote ('a' 'b',
// "a" + "b", 'a'+'b' read as 'ab').
func joinLiteralRuns(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' || c == '"' {
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) && s[j] == '+' {
				j++
				for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
					j++
				}
			}
			if j > i+1 && j < len(s) && (s[j] == '\'' || s[j] == '"') || j == i+1 && j < len(s) && s[j] != c && (s[j] == '\'' || s[j] == '"') {
				i = j
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
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
		for _, w := range c.Args {
			if gawkSocket(w) {
				return true // gawk's special files: a socket
			}
		}
		for _, r := range c.Redirects {
			if strings.Contains(r.Target, "/dev/tcp/") || strings.Contains(r.Target, "/dev/udp/") {
				return true
			}
		}
	}
	return false
}

// gawkSocket reports whether w names one of gawk's socket files: it holds
// "/inet/tcp/", "/inet4/tcp/" or "/inet6/tcp/". One pass finds each
// "/inet" and tests what follows, where three searches read every word
// three times (rawHTTP visits every word of the line).
func gawkSocket(w string) bool {
	for {
		k := strings.Index(w, "/inet")
		if k < 0 {
			return false
		}
		w = w[k+len("/inet"):]
		if strings.HasPrefix(w, "/tcp/") || strings.HasPrefix(w, "4/tcp/") || strings.HasPrefix(w, "6/tcp/") {
			return true
		}
	}
}

// lineRawHTTP is rawHTTP of the analysis's line, read once: approvesSelf
// asks it of every printf, echo and awk, and each reading visits every
// word of every command.
func (a *analysis) lineRawHTTP() bool {
	if a.rawNet == 0 {
		a.rawNet = 1
		if rawHTTP(a.res) {
			a.rawNet = 2
		}
	}
	return a.rawNet == 2
}

// approvesSelf reports why command c resolves a held approval, or "".
func (a *analysis) approvesSelf(c *shell.Command) string {
	switch {
	case approvalSenders.Get(c.Name):
	case (c.Name == "printf" || c.Name == "echo" || c.Name == "gawk" || c.Name == "awk") && mayNameApproval(c) && a.lineRawHTTP():
	default:
		return ""
	}
	if w := resolvesApproval(c); w != "" {
		return "a held call resolved through Rampart's API by the agent: " + w
	}
	return ""
}
