package proxy

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

// reference reads a message the way encoding/json does: every member
// decoded into a map, params' members too.
func reference(body []byte) (top, params map[string]json.RawMessage, ok bool) {
	if json.Unmarshal(body, &top) != nil {
		return nil, nil, false
	}
	json.Unmarshal(top["params"], &params)
	return top, params, true
}

// checkScan compares the one-pass scan of body with encoding/json's reading.
func checkScan(t *testing.T, body []byte) {
	t.Helper()
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return
	}
	s, ok := scanMessage(body)
	top, params, want := reference(body)
	if ok != want || ok != json.Valid(body) {
		t.Fatalf("scan ok = %v, encoding/json ok = %v, for %q", ok, want, body)
	}
	if !ok {
		return
	}
	same := func(what string, got []byte, want json.RawMessage, has bool) {
		if (got != nil) != has || !bytes.Equal(got, want) {
			t.Fatalf("%s = %q, want %q (present %v) in %q", what, got, want, has, body)
		}
	}
	for _, k := range []string{"id", "method", "params"} {
		v, has := top[k]
		got := map[string][]byte{"id": s.id, "method": s.method, "params": s.params}[k]
		same(k, got, v, has)
	}
	if _, has := top["method"]; has != s.hasMethod {
		t.Fatalf("hasMethod = %v in %q", s.hasMethod, body)
	}
	if s.simple {
		for k := range top {
			if !isLowerASCII(k) {
				t.Fatalf("simple, but %q has the name %q", body, k)
			}
		}
	}
	if s.call.object != isObject(top["params"]) {
		t.Fatalf("params object = %v in %q", s.call.object, body)
	}
	if !s.call.object {
		return
	}
	for _, k := range paramsNames {
		v, has := params[k]
		got := map[string][]byte{"name": s.call.name, "arguments": s.call.arguments, "_meta": s.call.meta, "task": s.call.task}[k]
		same("params."+k, got, v, has)
	}
	if s.call.simple {
		for k := range params {
			if !isLowerASCII(k) {
				t.Fatalf("params simple, but %q has the name %q", body, k)
			}
		}
	}
}

func isObject(raw json.RawMessage) bool { return len(raw) > 0 && raw[0] == '{' }

var scanSeeds = []string{
	readCall,
	writeCall,
	`{}`,
	`{ "jsonrpc" : "2.0" , "id" : 1 , "method" : "tools/call" , "params" : { "name" : "x" , "arguments" : { "a" : [ 1 , -2.5e+3 , true , false , null ] } } }`,
	`{"jsonrpc":"2.0","id":"a\"b","method":"tools\/call","params":{"name":"w\u0072ite_file","arguments":{}}}`,
	`{"\u0069d":7,"method":"ping"}`,
	`{"ID":7,"method":"ping","id":8}`,
	`{"method":"tools/call","params":{"Name":"x","name":"y"}}`,
	`{"method":"tools/call","params":{"name":"x"},"params":[1]}`,
	`{"method":"tools/call","params":[1],"params":{"name":"y","task":{"ttl":1}}}`,
	`{"method":"tools/call","params":null}`,
	`{"method":7,"id":null}`,
	`{"a":"\x01"}`,
	`{"a":"\ud800"}`,
	`{"a":01}`,
	`{"a":1.}`,
	`{"a":-}`,
	`{"a":1e}`,
	`{"a":tru}`,
	`{"a":1,}`,
	`{"a":[1,]}`,
	`{"a" 1}`,
	`{"a":1}x`,
	`{"a":"\x"}`,
	`{"a":"\u12G4"}`,
	"{\"a\":\"caf\xc3\xa9 \xff\"}",
	`{"params":{"name":"x","arguments":{"k":"v"},"_meta":{"progressToken":1},"task":{}}}`,
}

func TestScanMatchesEncodingJSON(t *testing.T) {
	for _, s := range scanSeeds {
		checkScan(t, []byte(s))
	}
}

// TestScanNesting: the scan refuses exactly the nesting encoding/json
// refuses.
func TestScanNesting(t *testing.T) {
	for _, n := range []int{maxNesting - 2, maxNesting - 1, maxNesting, maxNesting + 1} {
		for _, open := range []string{"[", `{"a":`} {
			close := map[string]string{"[": "]", `{"a":`: "}"}[open]
			body := `{"params":` + strings.Repeat(open, n) + strings.Repeat(close, n) + `}`
			checkScan(t, []byte(body))
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkScan(t, body) })
}

// referenceCall is buildCall as it was before the one-pass scan: params
// decoded into a map of raw members, each read from it.
func referenceCall(p *Proxy, raw json.RawMessage) (c call.Call, modern bool, ambiguous string) {
	params := call.Params{"server": p.cfg.Server}
	c = call.Call{Tool: call.ToolMCP, Params: params, Session: p.cfg.Session, Cwd: p.cfg.Cwd, Agent: p.agent}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		params["tool"] = ""
		return c, false, ""
	}
	if k := ambiguousName(m, paramsNames); k != "" {
		return c, false, k
	}
	var name string
	if json.Unmarshal(m["name"], &name) != nil {
		name = ""
	}
	params["tool"] = name
	if a, ok := m["arguments"]; ok {
		var args any
		if json.Unmarshal(a, &args) == nil {
			if k := ambiguousValue(args); k != "" {
				return c, false, k
			}
			params["arguments"] = args
		}
	}
	if _, ok := params["arguments"]; !ok {
		params["arguments"] = map[string]any{}
	}
	if ann, ok := p.annotations[name]; ok {
		params["annotations"] = ann
	}
	modern = isModern(m["_meta"])
	if agent := agentFromMeta(m["_meta"]); agent != "" {
		c.Agent = agent
	}
	return c, modern, ""
}

// checkCall compares the Call built from the scan with the one built the
// old way, for any message that parses.
func checkCall(t *testing.T, body []byte) {
	t.Helper()
	body = bytes.TrimSpace(body)
	env, err := parseEnvelope(body)
	if err != nil {
		return
	}
	p := New(Config{Server: "fs", Session: "s", Cwd: "/w", Agent: "a"}, io.Discard, io.Discard)
	p.annotations["write_file"] = map[string]any{"destructiveHint": true}
	c, modern, amb := p.buildCall(env)
	rc, rmodern, ramb := referenceCall(p, env.params)
	if !reflect.DeepEqual(c, rc) || modern != rmodern || amb != ramb {
		t.Fatalf("%q:\nscan      %+v %v %q\nreference %+v %v %q", body, c, modern, amb, rc, rmodern, ramb)
	}
}

var callSeeds = []string{
	`{"method":"tools/call","params":null}`,
	`{"method":"tools/call"}`,
	`{"method":"tools/call","params":[1]}`,
	`{"method":"tools/call","params":"x"}`,
	`{"method":"tools/call","params":{}}`,
	`{"method":"tools/call","params":{"name":7,"arguments":null}}`,
	`{"method":"tools/call","params":{"name":null,"arguments":[1,2]}}`,
	`{"method":"tools/call","params":{"name":"write_file","arguments":{"path":"/x","Path":"/y"}}}`,
	`{"method":"tools/call","params":{"name":"w\u0072ite_file","arguments":{"path":"/x"}}}`,
	`{"method":"tools/call","params":{"Name":"write_file"}}`,
	`{"method":"tools/call","params":{"n\u0061me":"write_file"}}`,
	`{"method":"tools/call","params":{"name":"x","_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"claude"}}}}`,
	`{"method":"tools/call","params":{"name":"x","_meta":{"io.modelcontextprotocol/protocolVersion":7}}}`,
	`{"method":"tools/call","params":{"name":"x","_meta":null}}`,
	`{"method":"tools/call","params":{"name":"caf\xff"}}`,
}

func TestBuildCallMatchesReference(t *testing.T) {
	for _, s := range append(callSeeds, scanSeeds...) {
		checkCall(t, []byte(s))
	}
}

func FuzzBuildCall(f *testing.F) {
	for _, s := range append(callSeeds, scanSeeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkCall(t, body) })
}

// metaReference reads a request's _meta as isModern and agentFromMeta did
// before they looked for metaPrefix: decoded whole, every time.
func metaReference(meta json.RawMessage) (modern bool, agent string) {
	var m map[string]json.RawMessage
	if meta == nil || json.Unmarshal(meta, &m) != nil {
		return false, ""
	}
	var v string
	json.Unmarshal(m[protocolVersionKey], &v)
	var info struct {
		Name string `json:"name"`
	}
	if m[clientInfoKey] != nil {
		json.Unmarshal(m[clientInfoKey], &info)
	}
	return v >= "2026-07-28", info.Name
}

// checkMeta: a _meta read through the shortcut (withoutMetaNames) says
// what decoding it whole says.
func checkMeta(t *testing.T, meta string) {
	t.Helper()
	if !json.Valid([]byte(meta)) {
		return // the scan refuses the message first
	}
	wantModern, wantAgent := metaReference(json.RawMessage(meta))
	if got := isModern(json.RawMessage(meta)); got != wantModern {
		t.Errorf("isModern(%s) = %v, want %v", meta, got, wantModern)
	}
	if got := agentFromMeta(json.RawMessage(meta)); got != wantAgent {
		t.Errorf("agentFromMeta(%s) = %q, want %q", meta, got, wantAgent)
	}
}

var metaCorpus = []string{
	`{"progressToken":1}`,
	`{"progressToken":"io.modelcontextprotocol"}`,
	`{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}`,
	`{"io.modelcontextprotocol/protocolVersion":"2025-11-25","io.modelcontextprotocol/clientInfo":{"name":"claude"}}`,
	`{"io.modelcontextprotocol\/protocolVersion":"2026-07-28"}`,
	`{"io.modelcontextprotocol\u002fclientInfo":{"NAME":"escaped"}}`,
	`{"\u0069o.modelcontextprotocol/clientInfo":{"name":"first letter escaped"}}`,
	`{"io.modelcontextprotocol/clientInfo":{"name":"a"},"io.modelcontextprotocol/clientInfo":{"name":"b"}}`,
	`{"progressToken":1,"x":"io.modelcontextprotocol/clientInfo"}`,
	`{}`, `[]`, `null`, `"io.modelcontextprotocol/protocolVersion"`, `{"io.modelcontextprotocol/protocolversion":"2026-07-28"}`,
}

func TestMetaShortcut(t *testing.T) {
	for _, m := range metaCorpus {
		checkMeta(t, m)
	}
}

func FuzzMeta(f *testing.F) {
	for _, m := range metaCorpus {
		f.Add(m)
	}
	f.Fuzz(checkMeta)
}
