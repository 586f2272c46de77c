package engine

import (
	"encoding/json"
	"net/url"
	"sort"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// A fetch call with a method, headers or a body is the same request as the
// curl line that sends them, and is judged as that line too: a DELETE, a
// method override, a bulk delete or a made-public repository is what curl's
// own effects say it is, whichever tool sends it. A JSON body is walked as
// an MCP call's arguments are, so a container object in it (a Docker
// Engine create with the host's root mounted, privileged mode) asks for
// what the same docker run line asks for.

// hasRequest reports whether a fetch call's params carry a method,
// headers or a body.
func hasRequest(p call.Params) bool {
	return p["method"] != nil || p["headers"] != nil || p["body"] != nil
}

// judgeFetchRequest judges a fetch call's method, headers and body as the
// curl line that sends them, and its JSON body as arguments.
func (ev *evaluation) judgeFetchRequest(raw string) {
	p := ev.c.Params
	method := p.String("method")
	body := p.String("body")
	var bodyObj any
	if b, ok := p["body"]; ok {
		if _, isText := b.(string); !isText {
			bodyObj = b
			if j, err := json.Marshal(b); err == nil {
				body = string(j)
			}
		}
	}
	headers := fetchHeaders(p["headers"])
	if method == "" && body == "" && len(headers) == 0 {
		return // the URL alone: judged as the fetch it is
	}
	argv := append(requestArgv(method, headers, body), raw)
	ev.exec(quoteArgv(argv), false, call.ToolExec)
	if ev.denied() {
		return
	}
	if bodyObj == nil && strings.HasPrefix(strings.TrimSpace(body), "{") {
		_ = json.Unmarshal([]byte(body), &bodyObj)
	}
	if m, ok := bodyObj.(map[string]any); ok {
		w := mcpWalk{ev: ev, tool: "fetch"}
		w.value("", m, 0)
		if !ev.denied() {
			ev.judgeRunRequest(m) // runrequests.go
		}
	}
}

// fetchHeaders returns a fetch call's headers as "Name: value" lines,
// from an object or a list of lines, in a fixed order.
func fetchHeaders(v any) []string {
	var out []string
	switch h := v.(type) {
	case map[string]any:
		for k, x := range h {
			if s, ok := x.(string); ok {
				out = append(out, k+": "+s)
			}
		}
	case []any:
		for _, x := range h {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	case string:
		for l := range strings.SplitSeq(h, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	sort.Strings(out)
	return out
}

// commandParams are the query parameters by which an API runs the command
// they carry: the kubelet's /run and /exec (cmd=, command= once a word),
// a web shell's ?cmd=.
var commandParams = table.Map[string, bool]{Words: "cmd command"}

// judgeCarriedCommand judges the command a URL's query hands to the server
// to run (https://NODE:10250/run/NS/POD/CTR?cmd=…) as a command line of its
// own: what it reads or deletes there is read or deleted.
func (ev *evaluation) judgeCarriedCommand(s *subject) {
	if !s.hasURL || ev.denied() {
		return
	}
	_, query, ok := strings.Cut(s.url.Rest, "?")
	if !ok {
		return
	}
	var words []string
	for part := range strings.SplitSeq(query, "&") {
		k, v, _ := strings.Cut(part, "=")
		if !commandParams.Get(strings.ToLower(k)) || v == "" {
			continue
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		words = append(words, v)
	}
	if len(words) == 0 {
		return
	}
	ev.exec(strings.Join(words, " "), false, call.ToolExec)
}

// requestArgv is the curl line, without its URL, that sends a request
// with this method, these headers and this body: a fetch's or an MCP
// tool's request is judged as that line (sharedrequest.go).
func requestArgv(method string, headers []string, body string) []string {
	argv := []string{"curl", "-sS"}
	if method != "" {
		argv = append(argv, "-X", method)
	}
	for _, h := range headers {
		argv = append(argv, "-H", h)
	}
	if body != "" {
		argv = append(argv, "--data-raw", body)
	}
	return argv
}
