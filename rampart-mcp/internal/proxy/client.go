package proxy

import (
	"bytes"
	"context"
	"encoding/json"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-mcp/internal/frame"
)

// Flags this package adds to recorded decisions.
const (
	FlagRedacted  = "redacted"  // credentials were redacted from what the server sent
	FlagAmbiguous = "ambiguous" // member names differed from the protocol's only by case
)

// verdict is what becomes of one client message.
type verdict struct {
	forward bool   // send the message on to the server
	reply   []byte // answer the client with this (no newline)
	hold    *held  // wait for an approval, then forward or deny
}

// held is a tools/call waiting for approval.
type held struct {
	key      string
	env      envelope
	c        call.Call
	d        call.Decision
	modern   bool
	ctx      context.Context
	cancel   context.CancelFunc
	released bool
}

func (p *Proxy) clientLine(line []byte) {
	body := trim(line)
	if len(body) == 0 {
		p.server.write(line)
		return
	}
	switch body[0] {
	case '{':
		env, err := parseEnvelope(body)
		if err != nil {
			p.clientMalformed(line, err.Error())
			return
		}
		p.apply(line, p.clientMessage(env))
	case '[':
		p.clientBatch(line, body)
	default:
		if json.Valid(body) {
			// A complete JSON value that is no message: harmless, the server
			// answers or ignores it.
			p.cfg.Judge.Record(p.eventCall("client", "not a JSON-RPC message"), call.Decision{Decision: call.Log, Message: "passed on a JSON value that is not a JSON-RPC message", Flags: []string{call.FlagBadInput}})
			p.server.write(line)
			return
		}
		p.clientMalformed(line, "invalid JSON")
	}
}

func (p *Proxy) apply(line []byte, v verdict) {
	if v.forward {
		p.server.write(line)
	}
	if v.reply != nil {
		p.client.write(v.reply)
	}
	if v.hold != nil {
		p.startHold(v.hold, bytes.Clone(line))
	}
}

// clientMalformed handles a line that is not JSON. It is refused with a
// parse error (see the package comment); in monitor mode it is passed on.
func (p *Proxy) clientMalformed(line []byte, why string) {
	d := call.Decision{Decision: call.Deny, Message: "refused a client message that is not valid JSON: " + why, Flags: []string{call.FlagBadInput}}
	if p.cfg.Monitor {
		d.Flags = append(d.Flags, call.FlagMonitor)
	}
	p.cfg.Judge.Record(p.eventCall("client", why), d)
	p.logf("client sent a line that is not valid JSON (%d bytes): %s", len(line), why)
	if p.cfg.Monitor {
		p.server.write(line)
		return
	}
	p.client.write(errorResponse(nil, codeParse, "rampart-mcp: parse error: "+why))
}

func (p *Proxy) clientTooLong(tl *frame.TooLongError) {
	p.cfg.Judge.Record(p.eventCall("client", tl.Error()), call.Decision{Decision: call.Deny, Message: "refused an over-long client message: " + tl.Error(), Flags: []string{call.FlagBadInput}})
	p.logf("client: %v; dropped", tl)
	// Answer the request by its id when the start of the message names it:
	// a client waits on that id, not on a null one.
	id := idFromHead(tl.Head)
	if id != nil {
		p.remember(idKey(id))
	}
	p.client.write(errorResponse(id, codeInvalidRequest, "rampart-mcp: "+tl.Error()))
}

// clientMessage decides what becomes of one client message.
func (p *Proxy) clientMessage(env envelope) verdict {
	if env.ambiguous != "" {
		return p.refuseAmbiguous(env, env.ambiguous)
	}
	switch env.method {
	case "tools/call":
		return p.toolsCall(env)
	case "notifications/cancelled":
		if p.dropCancel(env.params) {
			return verdict{}
		}
	case "tasks/get", "tasks/result", "tasks/cancel":
		if reply, ok := p.taskRequest(env); ok {
			return verdict{reply: reply}
		}
	case "initialize":
		p.noteAgent(env.params, false)
	}
	if env.hasMethod && env.id != nil {
		if env.method != "initialize" {
			p.noteAgent(env.params, true)
		}
		p.addPending(pending{id: env.id, method: env.method})
	}
	return verdict{forward: true}
}

func (p *Proxy) refuseAmbiguous(env envelope, name string) verdict {
	d := call.Decision{Decision: call.Deny, Message: "refused a message with the ambiguous member name " + quote(name), Flags: []string{call.FlagBadInput, FlagAmbiguous}}
	if p.cfg.Monitor {
		d.Flags = append(d.Flags, call.FlagMonitor)
	}
	p.cfg.Judge.Record(p.eventCall("client", "ambiguous member name"), d)
	if p.cfg.Monitor {
		return verdict{forward: true}
	}
	if env.id == nil {
		return verdict{}
	}
	return verdict{reply: errorResponse(env.id, codeInvalidRequest, "rampart-mcp: member name "+quote(name)+" differs from a protocol name only by case; refused as ambiguous")}
}

// toolsCall judges a tools/call.
func (p *Proxy) toolsCall(env envelope) verdict {
	c, modern, ambiguous := p.buildCall(env)
	if ambiguous != "" {
		return p.refuseAmbiguous(env, ambiguous)
	}
	d := p.cfg.Judge.Decide(c)
	switch d.Decision {
	case call.Allow, call.Log:
		if env.id != nil {
			p.addPending(pending{id: env.id, method: "tools/call", call: &c})
		}
		return verdict{forward: true}
	case call.RequireApproval:
		if env.id == nil {
			return verdict{} // nobody to answer and nobody to wait for: drop
		}
		ctx, cancel := context.WithCancel(context.Background())
		return verdict{hold: &held{key: idKey(env.id), env: env.owned(), c: c, d: d, modern: modern, ctx: ctx, cancel: cancel}}
	default:
		if env.id == nil {
			return verdict{}
		}
		p.remember(idKey(env.id))
		if env.call.task != nil && env.call.task[0] == '{' {
			return verdict{reply: p.denyAsTask(env.id, denyMap(denyText(d), d, modern), denyText(d))}
		}
		return verdict{reply: denyResult(env.id, denyText(d), d, modern)}
	}
}

// buildCall turns tools/call params into a Call. It reports whether the
// request uses the 2026-07-28 revision (whose results carry resultType) and
// any ambiguous member name in the params. Only the arguments are decoded
// (the policy reads them as values); the other members were located by the
// scan of the frame.
func (p *Proxy) buildCall(env envelope) (c call.Call, modern bool, ambiguous string) {
	params := make(call.Params, 4) // server, tool, arguments, annotations
	params["server"] = p.cfg.Server
	c = call.Call{Tool: call.ToolMCP, Params: params, Session: p.cfg.Session, Cwd: p.cfg.Cwd}
	p.mu.Lock()
	c.Agent = p.agent
	p.mu.Unlock()
	sp := env.call
	if !sp.object && !isNull(env.params) {
		// Absent or not an object: no tool and no arguments.
		params["tool"] = ""
		return c, false, ""
	}
	if sp.object && !sp.simple {
		var m map[string]json.RawMessage
		json.Unmarshal(env.params, &m)
		if k := ambiguousName(m, paramsNames); k != "" {
			return c, false, k
		}
	}
	name := ""
	if len(sp.name) > 0 && sp.name[0] == '"' {
		name = jsonString(sp.name)
	}
	params["tool"] = name
	if sp.arguments != nil {
		args, ok := decodeArguments(sp.arguments)
		var err error
		if !ok {
			args, err = p.arguments.decode(sp.arguments)
		}
		if err == nil {
			if k := ambiguousValue(args); k != "" {
				return c, false, k
			}
			params["arguments"] = args
		}
	}
	if _, ok := params["arguments"]; !ok {
		params["arguments"] = map[string]any{}
	}
	p.mu.Lock()
	if ann, ok := p.annotations[name]; ok {
		params["annotations"] = ann
	}
	p.mu.Unlock()
	if sp.meta != nil {
		modern = isModern(sp.meta)
		if agent := agentFromMeta(sp.meta); agent != "" {
			c.Agent = agent
		}
	}
	return c, modern, ""
}

// protocolVersionKey is the per-request _meta member of 2026-07-28.
const protocolVersionKey = "io.modelcontextprotocol/protocolVersion"

// clientInfoKey names the client in per-request _meta (2026-07-28).
const clientInfoKey = "io.modelcontextprotocol/clientInfo"

// metaPrefix begins the names of the per-request _meta members the proxy
// reads (protocolVersionKey, clientInfoKey).
const metaPrefix = "io.modelcontextprotocol/"

// withoutMetaNames reports whether the raw _meta object certainly holds
// neither member the proxy reads, without decoding it: with no escape in
// it every member name decodes to its own bytes, so a name equal to one
// of them would show metaPrefix as written. Most requests' _meta holds
// only a progressToken.
func withoutMetaNames(meta []byte) bool {
	return bytes.IndexByte(meta, '\\') < 0 && !bytes.Contains(meta, []byte(metaPrefix))
}

func isModern(meta json.RawMessage) bool {
	if meta == nil || withoutMetaNames(meta) {
		return false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(meta, &m) != nil {
		return false
	}
	var v string
	json.Unmarshal(m[protocolVersionKey], &v)
	return v >= "2026-07-28"
}

func agentFromMeta(meta json.RawMessage) string {
	if meta == nil || withoutMetaNames(meta) {
		return ""
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(meta, &m) != nil || m[clientInfoKey] == nil {
		return ""
	}
	var info struct {
		Name string `json:"name"`
	}
	json.Unmarshal(m[clientInfoKey], &info)
	return info.Name
}

// noteAgent takes the client's name from initialize params (clientInfo) or,
// with fromMeta, from a request's _meta.
func (p *Proxy) noteAgent(params json.RawMessage, fromMeta bool) {
	if params == nil {
		return
	}
	var name string
	if fromMeta {
		var m struct {
			Meta json.RawMessage `json:"_meta"`
		}
		if !bytes.Contains(params, []byte(clientInfoKey)) || json.Unmarshal(params, &m) != nil {
			return
		}
		name = agentFromMeta(m.Meta)
	} else {
		var m struct {
			ClientInfo struct {
				Name string `json:"name"`
			} `json:"clientInfo"`
		}
		if json.Unmarshal(params, &m) != nil {
			return
		}
		name = m.ClientInfo.Name
	}
	if name != "" {
		p.mu.Lock()
		p.agent = name
		p.mu.Unlock()
	}
}

// dropCancel reports whether a notifications/cancelled names a call the
// server never saw (denied or held); a held call is released.
func (p *Proxy) dropCancel(params json.RawMessage) bool {
	var m struct {
		RequestID json.RawMessage `json:"requestId"`
	}
	if json.Unmarshal(params, &m) != nil || m.RequestID == nil {
		return false
	}
	k := idKey(m.RequestID)
	p.mu.Lock()
	defer p.mu.Unlock()
	if cancel, ok := p.held[k]; ok {
		cancel()
		delete(p.held, k)
		return true
	}
	if p.denied[k] {
		return true
	}
	delete(p.pending, k) // the server may never answer now
	return false
}

// addPending notes a request forwarded to the server; its id is copied out
// of the frame.
func (p *Proxy) addPending(pd pending) {
	pd.id = bytes.Clone(pd.id)
	k := idKey(pd.id)
	p.mu.Lock()
	p.pending[k] = pd
	delete(p.denied, k) // the id was reused: its cancellation now goes to the server
	p.mu.Unlock()
}

func (p *Proxy) takePending(k string) (pending, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	pd, ok := p.pending[k]
	if ok {
		delete(p.pending, k)
	}
	return pd, ok
}

// remember notes an id the proxy answered itself.
func (p *Proxy) remember(k string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.denied[k] {
		return
	}
	if len(p.deniedOrder) >= maxDenied {
		delete(p.denied, p.deniedOrder[0])
		p.deniedOrder = p.deniedOrder[1:]
	}
	p.denied[k] = true
	p.deniedOrder = append(p.deniedOrder, k)
}

// eventCall is the Call recorded for a message-level event.
func (p *Proxy) eventCall(from, what string) call.Call {
	p.mu.Lock()
	agent := p.agent
	p.mu.Unlock()
	return call.Call{Tool: call.ToolMCP, Params: call.Params{"server": p.cfg.Server, "from": from, "event": what}, Agent: agent, Session: p.cfg.Session, Cwd: p.cfg.Cwd}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
