package proxy

import (
	"bytes"
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
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // numbers re-encode exactly as sent
	var v any
	if err := dec.Decode(&v); err != nil || dec.InputOffset() != int64(len(body)) {
		why := "invalid JSON"
		if err != nil {
			why = err.Error()
		}
		p.serverMalformed(line, why)
		return
	}
	changed := false
	var c *call.Call
	switch m := v.(type) {
	case map[string]any:
		c, changed = p.serverMessage(m)
	case []any:
		for _, e := range m {
			if em, ok := e.(map[string]any); ok {
				ec, ch := p.serverMessage(em)
				changed = changed || ch
				if c == nil {
					c = ec
				}
			}
		}
	}
	if p.cfg.Redactor != nil {
		red, kinds := p.cfg.Redactor.Value(v)
		if len(kinds) > 0 {
			p.recordFinding(c, kinds)
			if !p.cfg.Monitor {
				v, changed = red, true
			}
		}
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

// serverMessage notes a response's request as answered and filters a
// tools/list result. It returns the Call a tools/call response answers and
// whether m was changed.
func (p *Proxy) serverMessage(m map[string]any) (*call.Call, bool) {
	if _, isReq := lookup(m, "method"); isReq {
		return nil, false // the server's own request or a notification
	}
	idv, ok := lookup(m, "id")
	if !ok {
		return nil, false
	}
	k, ok := idKeyValue(idv)
	if !ok {
		return nil, false
	}
	pd, ok := p.takePending(k)
	if !ok {
		return nil, false
	}
	if pd.method == "tools/list" {
		if res, ok := lookup(m, "result"); ok {
			if r, ok := res.(map[string]any); ok {
				return nil, p.toolsList(r)
			}
		}
	}
	return pd.call, false
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
