package proxy

import (
	"encoding/json"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-mcp/internal/frame"
)

// serverLine relays one line from the server. Every message is scanned for
// credentials; a response to tools/list may be filtered. A message that
// needs no change goes out byte for byte.
func (p *Proxy) serverLine(line []byte) {
	body := trim(line)
	if len(body) == 0 || (body[0] != '{' && body[0] != '[') {
		if len(body) > 0 && !json.Valid(body) {
			p.serverMalformed(line, "invalid JSON")
			return
		}
		p.client.write(line)
		return
	}
	var pd pending
	var matched, taken bool
	if body[0] == '{' {
		var done bool
		if pd, matched, taken, done = p.passServer(line, body); done {
			return
		}
	}
	v, err := p.fromServer.decode(body) // numbers re-encode exactly as sent
	if err != nil {
		if matched {
			p.addPending(pd) // not answered after all
		}
		p.serverMalformed(line, err.Error())
		return
	}
	changed := false
	switch m := v.(type) {
	case map[string]any:
		var ch bool
		if taken {
			v, ch = p.serverResponse(m, pd, matched)
		} else {
			v, ch = p.serverMessage(m)
		}
		changed = changed || ch
	case []any:
		out := make([]any, len(m))
		for i, e := range m {
			out[i] = e
			if em, ok := e.(map[string]any); ok {
				var ch bool
				out[i], ch = p.serverMessage(em)
				changed = changed || ch
			}
		}
		v = out
	}
	if !changed {
		p.client.write(line)
		return
	}
	out, err := marshal(v)
	if err != nil {
		p.logf("re-encoding a server message: %v; dropped", err)
		return
	}
	p.client.write(out)
}

// serverMessage notes a response's request as answered, filters a
// tools/list result and redacts credentials. It returns the message to pass
// on and whether it was changed.
func (p *Proxy) serverMessage(m map[string]any) (any, bool) {
	if mv, isReq := lookup(m, "method"); isReq {
		// The server's own request or a notification: only a sampling
		// request carries the server's text on to a model.
		if method, _ := mv.(string); method == "sampling/createMessage" {
			return p.redact(m, nil)
		}
		return m, false
	}
	var pd pending
	matched := false
	if idv, ok := lookup(m, "id"); ok {
		if k, ok := idKeyValue(idv); ok {
			pd, matched = p.takePending(k)
		}
	}
	return p.serverResponse(m, pd, matched)
}

// serverResponse is serverMessage for a response once its request, pd, is
// known (matched false: none is).
func (p *Proxy) serverResponse(m map[string]any, pd pending, matched bool) (any, bool) {
	if matched && pd.method == "tools/list" {
		if res, ok := lookup(m, "result"); ok {
			if r, ok := res.(map[string]any); ok {
				return m, p.toolsList(r)
			}
		}
	}
	if matched && protocolMethods[pd.method] {
		return m, false
	}
	if matched && pd.call != nil {
		if withheld, ok := p.judgeOutput(m, pd.call); ok {
			return withheld, true
		}
	}
	// A tool's output, a resource, a prompt, or a response the proxy cannot
	// place (a client may match ids more loosely than the proxy does).
	return p.redact(m, pd.call)
}

// protocolMethods are requests whose results are protocol data rather than
// content from tools or resources. Their fields (progressToken, cursors)
// must not be touched, so they are not scanned for credentials.
var protocolMethods = map[string]bool{
	"initialize": true, "server/discover": true, "ping": true,
	"tools/list": true, "prompts/list": true, "resources/list": true, "resources/templates/list": true,
	"resources/subscribe": true, "resources/unsubscribe": true, "logging/setLevel": true,
	"completion/complete": true, "tasks/get": true, "tasks/list": true, "tasks/cancel": true,
	"subscriptions/listen": true,
}

// redact scans one message for credentials and records a finding against
// the call it answers.
func (p *Proxy) redact(m map[string]any, c *call.Call) (any, bool) {
	if p.cfg.Redactor == nil {
		return m, false
	}
	red, kinds := p.cfg.Redactor.Value(m)
	if len(kinds) == 0 {
		return m, false
	}
	p.recordFinding(c, kinds)
	if p.cfg.Monitor {
		return m, false
	}
	return red, true
}

// lookup finds a member by name as a case-insensitive decoder would: a
// server's response read by a Go client matches "ID" for "id".
func lookup(m map[string]any, name string) (any, bool) {
	if v, ok := m[name]; ok {
		return v, true
	}
	for k, v := range m {
		if !isLowerASCII(k) && fold(k) == name {
			return v, true
		}
	}
	return nil, false
}

// serverMalformed passes on a line that is not JSON, redacted as text: the
// client decides what to do with it.
func (p *Proxy) serverMalformed(line []byte, why string) {
	d := call.Decision{Decision: call.Log, Message: "passed on a server message that is not valid JSON: " + why, Flags: []string{call.FlagBadInput}}
	p.cfg.Judge.Record(p.eventCall("server", why), d)
	p.logf("server sent a line that is not valid JSON (%d bytes): %s", len(line), why)
	if p.cfg.Redactor != nil {
		red, kinds := p.cfg.Redactor.Text(string(line))
		if len(kinds) > 0 {
			p.recordFinding(nil, kinds)
			if !p.cfg.Monitor {
				p.client.write([]byte(red))
				return
			}
		}
	}
	p.client.write(line)
}

// serverTooLong drops an over-long server message: it cannot be scanned. The
// request it answers stays pending and is answered if the server exits.
func (p *Proxy) serverTooLong(tl *frame.TooLongError) {
	p.cfg.Judge.Record(p.eventCall("server", tl.Error()), call.Decision{Decision: call.Deny, Message: "dropped an over-long server message: " + tl.Error(), Flags: []string{call.FlagBadInput}})
	p.logf("server: %v; dropped", tl)
}

// recordFinding audits credentials found in what the server sent.
func (p *Proxy) recordFinding(c *call.Call, kinds []string) {
	rc := p.eventCall("server", "credentials in a message")
	if c != nil {
		rc = *c
	}
	d := call.Decision{Decision: call.Log, Message: "credentials redacted from the server's answer: " + strings.Join(dedup(kinds), ", "), Flags: []string{FlagRedacted}}
	if p.cfg.Monitor {
		d.Message = "credentials found in the server's answer (not redacted in monitor mode): " + strings.Join(dedup(kinds), ", ")
		d.Flags = append(d.Flags, call.FlagMonitor)
	}
	p.cfg.Judge.Record(rc, d)
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	out := s[:0:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// FlagResponse marks a decision about a tool's output.
const FlagResponse = "response"

// judgeOutput gives the policy's response rules their say about a tools/call
// result. When they block it, it returns the message with the result
// replaced by a tool error, and true.
func (p *Proxy) judgeOutput(m map[string]any, c *call.Call) (map[string]any, bool) {
	rj, ok := p.cfg.Judge.(ResponseJudge)
	if !ok || !rj.HasResponseRules(c.Cwd) {
		return nil, false
	}
	res, ok := lookup(m, "result")
	if !ok {
		return nil, false
	}
	var b strings.Builder
	gatherText(&b, res)
	d := rj.DecideResponse(*c, b.String())
	if !d.Blocks() {
		return nil, false
	}
	text := "Output withheld by Rampart"
	if len(d.MatchedPolicies) > 0 {
		text += " policy '" + strings.Join(d.MatchedPolicies, "', '") + "'"
	}
	if d.Message != "" {
		text += ": " + d.Message
	}
	text += ". The tool ran, but its output may not be shown."
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for k := range out {
		if fold(k) == "result" {
			delete(out, k)
		}
	}
	out["result"] = map[string]any{
		"content": []any{map[string]any{"type": "text", "text": text}},
		"isError": true,
	}
	return out, true
}

// gatherText writes every string inside v, one per line: the text a
// response rule reads.
func gatherText(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		b.WriteString(v)
		b.WriteByte('\n')
	case map[string]any:
		for _, e := range v {
			gatherText(b, e)
		}
	case []any:
		for _, e := range v {
			gatherText(b, e)
		}
	}
}
