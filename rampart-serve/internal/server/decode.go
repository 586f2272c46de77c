package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"rampart.dev/pkg/call"
)

// MaxBody bounds a request body: the same 4 MiB as one JSON line of
// rampart-eval (call.MaxLine), far above any real tool call, so a runaway
// client cannot exhaust memory. Larger bodies get 413.
const MaxBody = call.MaxLine

// MaxSmallBody bounds the bodies of approval requests that carry no call.
const MaxSmallBody = 64 << 10

// MaxToolName bounds a tool name in a URL; MCP tool names are far shorter.
const MaxToolName = 200

// envelopeKeys are the keys a body may carry besides params to be read as a
// Call envelope rather than as bare params.
var envelopeKeys = map[string]bool{"params": true, "tool": true, "agent": true, "session": true, "cwd": true}

// decodeCall reads the body of POST /v1/tool/{tool} or /v1/preflight/{tool}
// into a Call. A body is one of:
//
//	{"params":{"command":"ls"},"agent":"my-bot","session":"s1","cwd":"/srv/app"}
//	{"command":"ls"}
//
// A body with a "params" key is the envelope, and must be one exactly: a
// "params" object and no keys other than params, tool, agent, session and
// cwd, those strings; a "tool" in it must equal the tool in the path. Any
// other body with "params" is refused (400), never read as bare params: a
// client that preflights one shape and runs another would be told allow
// for a call it did not ask about. A body without "params" is the bare
// params of the call (a tool argument named "params" goes in an
// envelope). An empty body is empty params. A cwd must be absolute.
func decodeCall(tool string, body []byte) (call.Call, error) {
	if err := checkTool(tool); err != nil {
		return call.Call{}, err
	}
	c := call.Call{Tool: tool}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		c.Params = call.Params{}
		return c, nil
	}
	// One decoding pass: the object's values are what the envelope's fields
	// or the bare params need. A plain body is decoded without
	// encoding/json; any other goes through it.
	obj, plain := decodePlainObject(body)
	if !plain {
		if err := strictUnmarshal(body, &obj); err != nil {
			return call.Call{}, err
		}
	}
	if obj == nil {
		return call.Call{}, errors.New("body must be a JSON object")
	}
	if _, has := obj["params"]; has {
		params, err := envelope(obj)
		if err != nil {
			return call.Call{}, err
		}
		if t, ok := obj["tool"].(string); ok && t != tool {
			return call.Call{}, fmt.Errorf("body names tool %q but the path names %q", t, tool)
		}
		c.Params = params
		c.Agent, _ = obj["agent"].(string)
		c.Session, _ = obj["session"].(string)
		c.Cwd, _ = obj["cwd"].(string)
	} else {
		c.Params = obj
	}
	if c.Cwd != "" && !filepath.IsAbs(c.Cwd) {
		return call.Call{}, fmt.Errorf("cwd %q is not an absolute path", c.Cwd)
	}
	// an exec with no command, a read with no path: nothing to judge
	if err := c.Canonicalize(); err != nil {
		return call.Call{}, err
	}
	return c, nil
}

// envelope returns the params of a body in the envelope shape: a "params"
// object and no keys but params, tool, agent, session and cwd, the others
// strings. Anything else is an error that names the key at fault.
func envelope(obj map[string]any) (call.Params, error) {
	p, ok := obj["params"].(map[string]any)
	if !ok {
		return nil, errors.New(`"params" must be an object (a body with "params" is an envelope: {"params":{...},"agent":"...","session":"...","cwd":"..."})`)
	}
	for k, v := range obj {
		if !envelopeKeys[k] {
			return nil, fmt.Errorf(`unexpected key %q beside "params" (an envelope holds only params, tool, agent, session and cwd; put the call's arguments inside params)`, k)
		}
		if _, isStr := v.(string); k != "params" && !isStr {
			return nil, fmt.Errorf("%q must be a string", k)
		}
	}
	return p, nil
}

// checkTool accepts the tool names agents and MCP servers use: letters,
// digits and _ . : - (mcp__server__tool, Bash, exec).
func checkTool(tool string) error {
	if tool == "" {
		return errors.New("no tool in the path")
	}
	if len(tool) > MaxToolName {
		return fmt.Errorf("tool name longer than %d bytes", MaxToolName)
	}
	for _, r := range tool {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("_.:-", r):
		default:
			return fmt.Errorf("tool name %q has a character other than letters, digits and _ . : -", tool)
		}
	}
	return nil
}

// strictUnmarshal decodes one JSON value and rejects trailing data. It is
// json.Unmarshal, which checks the whole input before decoding and so
// refuses anything after the value, without a Decoder's buffers.
func strictUnmarshal(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			switch msg := se.Error(); {
			case strings.HasSuffix(msg, "after top-level value"):
				return errors.New("malformed JSON: data after the object")
			case strings.HasPrefix(msg, "unexpected end of JSON input"):
				return errors.New("malformed JSON: unexpected end of input")
			}
		}
		return fmt.Errorf("malformed JSON: %v", plainJSONError(err))
	}
	return nil
}

// plainJSONError keeps the parser's reason but never the input, which may
// hold a secret.
func plainJSONError(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("syntax error at byte %d", se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("%s: want %s, got %s", te.Field, te.Type, te.Value)
		}
		return fmt.Sprintf("want %s, got %s", te.Type, te.Value)
	}
	return "invalid JSON"
}
