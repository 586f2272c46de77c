package call

import (
	"strconv"
	"unicode/utf8"

	"rampart.dev/pkg/jsonstr"
)

// The common lines are read and written without reflection: a question
// whose members are all strings (librampart's, the hooks') and every
// Decision. encoding/json walks type metadata and caches for each value,
// which in a server idle between questions is most of the memory a
// question touches, each touch a cache miss. parseFast takes only what it
// reads exactly as encoding/json would and leaves anything else (another
// key, a key spelled in another case, a duplicate, a \u escape, invalid
// UTF-8, a value that is not a string, trailing bytes) to it; the tests
// hold the two equal on every line parseFast accepts.

// parseFast decodes b, a JSON object whose members are "tool", "agent",
// "session" and "cwd" with string values and "params" with an object of
// strings, each at most once. ok is false when b is not such a line, and
// then c is nothing: encoding/json must read it.
func parseFast(b []byte) (c Call, ok bool) {
	// One copy of the line, which the strings without escapes share.
	p := fastParser{b: b, s: string(b)}
	p.ws()
	if !p.eat('{') {
		return Call{}, false
	}
	var seen [5]bool
	p.ws()
	if p.eat('}') {
		return c, p.end()
	}
	for {
		key, ok := p.str()
		if !ok {
			return Call{}, false
		}
		p.ws()
		if !p.eat(':') {
			return Call{}, false
		}
		p.ws()
		var dst *string
		var i int
		switch key {
		case "tool":
			dst, i = &c.Tool, 0
		case "agent":
			dst, i = &c.Agent, 1
		case "session":
			dst, i = &c.Session, 2
		case "cwd":
			dst, i = &c.Cwd, 3
		case "params":
			i = 4
		default:
			return Call{}, false
		}
		if seen[i] {
			return Call{}, false
		}
		seen[i] = true
		if dst != nil {
			if *dst, ok = p.str(); !ok {
				return Call{}, false
			}
		} else if c.Params, ok = p.params(); !ok {
			return Call{}, false
		}
		p.ws()
		if p.eat('}') {
			return c, p.end()
		}
		if !p.eat(',') {
			return Call{}, false
		}
		p.ws()
	}
}

// fastParser reads b from i; s is b as a string.
type fastParser struct {
	b []byte
	s string
	i int
}

// ws skips JSON white space.
func (p *fastParser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// eat consumes c when it is next.
func (p *fastParser) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether nothing but white space is left.
func (p *fastParser) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// params reads an object of strings, each key once.
func (p *fastParser) params() (Params, bool) {
	if !p.eat('{') {
		return nil, false
	}
	m := Params{}
	p.ws()
	if p.eat('}') {
		return m, true
	}
	for {
		k, ok := p.str()
		if !ok {
			return nil, false
		}
		if _, dup := m[k]; dup {
			return nil, false
		}
		p.ws()
		if !p.eat(':') {
			return nil, false
		}
		p.ws()
		v, ok := p.str()
		if !ok {
			return nil, false
		}
		m[k] = v
		p.ws()
		if p.eat('}') {
			return m, true
		}
		if !p.eat(',') {
			return nil, false
		}
		p.ws()
	}
}

// str reads a string: valid UTF-8, no control bytes, escapes other than
// \uXXXX decoded.
func (p *fastParser) str() (string, bool) {
	if !p.eat('"') {
		return "", false
	}
	start := p.i
	// Without escapes the string is the bytes themselves.
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			if !utf8.Valid(s) {
				return "", false
			}
			return p.s[start : p.i-1], true
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", false
		}
		p.i++
	}
	return "", false
}

// escaped reads the rest of a string that started at start and has an
// escape at p.i.
func (p *fastParser) escaped(start int) (string, bool) {
	buf := append(make([]byte, 0, p.i-start+16), p.b[start:p.i]...)
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			if !utf8.Valid(buf) {
				return "", false
			}
			return string(buf), true
		case c < 0x20:
			return "", false
		case c == '\\':
			if p.i+1 >= len(p.b) {
				return "", false
			}
			var d byte
			switch p.b[p.i+1] {
			case '"':
				d = '"'
			case '\\':
				d = '\\'
			case '/':
				d = '/'
			case 'b':
				d = '\b'
			case 'f':
				d = '\f'
			case 'n':
				d = '\n'
			case 'r':
				d = '\r'
			case 't':
				d = '\t'
			default: // \u, or not an escape: encoding/json's
				return "", false
			}
			buf = append(buf, d)
			p.i += 2
			continue
		}
		buf = append(buf, c)
		p.i++
	}
	return "", false
}

// appendDecision appends d as one JSON line, byte for byte what
// json.Encoder with HTML escaping off writes for it. ok is false for an
// action with no name (encoding/json fails on it).
func appendDecision(b []byte, d Decision) ([]byte, bool) {
	if int(d.Decision) >= len(actionNames) {
		return b, false
	}
	b = append(b, `{"decision":`...)
	b = jsonstr.Append(b, actionNames[d.Decision], invalidUTF8)
	if d.Message != "" {
		b = append(b, `,"message":`...)
		b = jsonstr.Append(b, d.Message, invalidUTF8)
	}
	if len(d.MatchedPolicies) > 0 {
		b = append(b, `,"matched_policies":`...)
		b = appendStrings(b, d.MatchedPolicies)
	}
	if d.Matched != "" {
		b = append(b, `,"matched":`...)
		b = jsonstr.Append(b, d.Matched, invalidUTF8)
	}
	if d.Explicit {
		b = append(b, `,"explicit":true`...)
	}
	if len(d.Flags) > 0 {
		b = append(b, `,"flags":`...)
		b = appendStrings(b, d.Flags)
	}
	b = append(b, `,"eval_ns":`...)
	b = strconv.AppendInt(b, d.EvalNS, 10)
	return append(b, '}', '\n'), true
}

// invalidUTF8 is what encoding/json writes for a byte of invalid UTF-8.
const invalidUTF8 = `\ufffd`

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, s, invalidUTF8)
	}
	return append(b, ']')
}
