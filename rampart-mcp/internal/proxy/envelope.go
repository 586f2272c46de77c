package proxy

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// envelope is the part of a JSON-RPC message the proxy looks at. Members are
// found by exact name, and a member whose name differs from a JSON-RPC or MCP
// name only by case makes the message ambiguous: Go's encoding/json (and so
// servers built on the Go SDK) matches member names without regard to case,
// JSON.parse does not, so such a message may mean one thing to the proxy and
// another to the server.
//
// The raw members are slices of the frame they were read from, valid only
// while it is being handled: what outlives the frame (a pending request's
// id, a held call) is copied.
type envelope struct {
	method    string          // "" for a response
	hasMethod bool            // a method member was present
	id        json.RawMessage // nil for a notification
	params    json.RawMessage
	ambiguous string        // the member name that made the message ambiguous
	call      scannedParams // params' members, for a tools/call
}

var errNotObject = errors.New("message is not a JSON object")

// envelopeNames are the members the proxy reads, at the top of a message.
var envelopeNames = []string{"jsonrpc", "id", "method", "params", "result", "error"}

// paramsNames are the members of tools/call params the proxy reads.
var paramsNames = []string{"name", "arguments", "_meta", "task"}

// parseEnvelope reads the members of one JSON-RPC message in one pass over
// it (see scan.go).
func parseEnvelope(body []byte) (envelope, error) {
	if len(body) == 0 || body[0] != '{' {
		return envelope{}, errNotObject
	}
	s, ok := scanMessage(body)
	if !ok {
		// Invalid: encoding/json says why, in the words it always has.
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			return envelope{}, err
		}
		return envelope{}, errors.New("invalid JSON")
	}
	env := envelope{hasMethod: s.hasMethod, params: s.params, call: s.call}
	if !s.simple {
		// A name with a capital or an escape: decode every name, as a
		// case-insensitive decoder would see them.
		var m map[string]json.RawMessage
		json.Unmarshal(body, &m)
		env.ambiguous = ambiguousName(m, envelopeNames)
	}
	if s.hasMethod {
		env.method = jsonString(s.method)
	}
	if s.id != nil && !isNull(s.id) {
		env.id = s.id
	}
	return env, nil
}

// jsonString is the string a raw JSON value holds; a value that is not a
// string is kept as written (no method the proxy knows).
func jsonString(raw []byte) string {
	if len(raw) >= 2 && raw[0] == '"' && bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1])
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	return v
}

// owned returns the envelope with its raw members copied out of the frame,
// for a message that outlives it.
func (env envelope) owned() envelope {
	env.id = bytes.Clone(env.id)
	env.params = bytes.Clone(env.params)
	env.call = scannedParams{}
	return env
}

// ambiguousName returns a member name of m that differs from one of names,
// or from another member, only by case (Unicode simple folding, as
// encoding/json matches), and "" when there is none.
func ambiguousName[V any](m map[string]V, names []string) string {
	simple := true
	for k := range m {
		if !isLowerASCII(k) {
			simple = false
			break
		}
	}
	if simple {
		return "" // lower-case ASCII names fold to themselves: no collision possible
	}
	seen := make(map[string]string, len(m))
	for k := range m {
		f := fold(k)
		if prev, ok := seen[f]; ok {
			return minString(prev, k)
		}
		seen[f] = k
	}
	for _, n := range names {
		if k, ok := seen[n]; ok && k != n {
			return k
		}
	}
	return ""
}

func minString(a, b string) string {
	if a < b {
		return a
	}
	return b
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// fold maps s to a canonical member of its case-folding class: every rune
// becomes the smallest rune of its simple-folding orbit, then lower case for
// ASCII readability. Two names fold alike exactly when a case-insensitive
// matcher such as encoding/json's could take one for the other.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		min := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < min {
				min = f
			}
		}
		b = utf8.AppendRune(b, unicode.ToLower(min))
	}
	return string(b)
}

// ambiguousValue walks a decoded JSON value and returns the first object
// member name that collides with another one of the same object by case.
func ambiguousValue(v any) string {
	switch v := v.(type) {
	case map[string]any:
		if k := ambiguousName(v, nil); k != "" {
			return k
		}
		for _, e := range v {
			if k := ambiguousValue(e); k != "" {
				return k
			}
		}
	case []any:
		for _, e := range v {
			if k := ambiguousValue(e); k != "" {
				return k
			}
		}
	}
	return ""
}

func isNull(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("null")) }

// idKey turns a JSON-RPC id into a map key: strings and numbers are distinct
// ids even when they print alike.
func idKey(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if smallInt(raw) {
		// What the float's shortest form prints, without parsing it.
		return "n" + string(raw)
	}
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return "s" + s
		}
	}
	if f, err := strconv.ParseFloat(string(raw), 64); err == nil {
		return "n" + strconv.FormatFloat(f, 'g', -1, 64)
	}
	return "r" + string(raw)
}

// smallInt reports whether raw is a non-negative integer below 10^6
// written without a sign, a fraction, an exponent or a leading zero: the
// ids clients count up, which strconv.FormatFloat(f, 'g', -1, 64) prints
// as written (10^6 and above it prints with an exponent).
func smallInt(raw []byte) bool {
	if len(raw) == 0 || len(raw) > 6 || raw[0] == '0' && len(raw) > 1 {
		return false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// idKeyValue is idKey for an id already decoded (with UseNumber).
func idKeyValue(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return "s" + v, true
	case json.Number:
		if smallInt([]byte(v)) {
			return "n" + string(v), true
		}
		if f, err := strconv.ParseFloat(string(v), 64); err == nil {
			return "n" + strconv.FormatFloat(f, 'g', -1, 64), true
		}
		return "r" + string(v), true
	}
	return "", false
}

// trim strips the line terminator and surrounding white space.
func trim(line []byte) []byte { return bytes.TrimSpace(line) }
