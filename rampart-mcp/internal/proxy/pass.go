package proxy

import (
	"encoding/json"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Most of what a server sends goes to the client unchanged: a tool's
// result with no credential in it, a notification, a protocol result.
// Decoding such a message into maps only to find that out cost more than
// the rest of its way through the proxy, so it is first read in one pass
// over the frame (passServer): the scan of client messages finds its id and
// method, and each string is put to the Redactor where it lies. Whenever
// the message must or may change (a credential, a tools/list result, a
// response rule that reads the output, a name that is not plain lower-case
// ASCII, a batch), it goes down the decoding path as before, which decides
// exactly as it always has.

// StringChecker is a Redactor that can judge a message one string at a
// time, which lets the proxy pass a message on without decoding it.
type StringChecker interface {
	// Clean reports whether Value finds nothing in the string s of a
	// message, held under the member name key (the nearest above s, ""
	// for none); member tells whether s is that member's own value rather
	// than an element of an array under it. Value finds nothing in a
	// message exactly when Clean holds for each of its strings.
	//
	// s and key may share memory with the frame being read: they are
	// valid only until Clean returns, which must not keep them (nor any
	// part of them).
	Clean(s, key string, member bool) bool
}

// maxPassDepth is the deepest nesting passServer walks; deeper messages
// are decoded (the Redactor's own walk has a bound near this).
const maxPassDepth = 500

// passServer relays a server message that needs no change without
// decoding it, and reports whether it did; when it did not, nothing was
// written and the message is the decoding path's. A response's pending
// request is taken here either way: pd and matched are what the decoding
// path goes on with when taken is true.
func (p *Proxy) passServer(line, body []byte) (pd pending, matched, taken, done bool) {
	if p.decodeAll {
		return
	}
	s, ok := scanMessage(body)
	if !ok || !s.simple {
		return // invalid (reported by the decoding path) or names to fold
	}
	if s.hasMethod {
		// The server's own request or a notification: only a sampling
		// request is scanned (see serverMessage).
		if jsonString(s.method) == "sampling/createMessage" && !p.cleanMessage(body) {
			return
		}
		p.client.write(line)
		return pd, false, false, true
	}
	if k, ok := rawIDKey(s.id); ok {
		p.mu.Lock()
		pd, matched = p.pending[k]
		if matched && pd.method == "tools/list" {
			p.mu.Unlock()
			return pending{}, false, false, false // filtered and noted by the decoding path
		}
		if matched {
			delete(p.pending, k)
		}
		p.mu.Unlock()
	}
	taken = true
	if matched && protocolMethods[pd.method] {
		p.client.write(line)
		return pd, matched, taken, true
	}
	if matched && pd.call != nil {
		if rj, ok := p.cfg.Judge.(ResponseJudge); ok && rj.HasResponseRules(pd.call.Cwd) {
			return pd, matched, taken, false // the rules read the decoded output
		}
	}
	if !p.cleanMessage(body) {
		return pd, matched, taken, false
	}
	p.client.write(line)
	return pd, matched, taken, true
}

// rawIDKey is idKeyValue for the raw id of a message (nil when it has
// none): ok is false for an id that matches no request (absent, null, or
// neither a string nor a number).
func rawIDKey(raw []byte) (string, bool) {
	if len(raw) == 0 {
		return "", false
	}
	switch c := raw[0]; {
	case c == '"', c == '-', '0' <= c && c <= '9':
		return idKey(raw), true
	}
	return "", false
}

// cleanMessage reports whether the Redactor finds nothing in the valid
// JSON message body: always with no Redactor, never with one that cannot
// judge strings one at a time.
func (p *Proxy) cleanMessage(body []byte) bool {
	if p.cfg.Redactor == nil {
		return true
	}
	sc, ok := p.cfg.Redactor.(StringChecker)
	if !ok {
		return false
	}
	scratch := scratchPool.Get().(*[]byte)
	_, ok = cleanValue(sc, body, 0, "", false, 0, scratch)
	if cap(*scratch) <= maxScratch {
		scratchPool.Put(scratch)
	}
	return ok
}

// scratchPool holds the buffers cleanMessage resolves escaped strings
// into; one larger than maxScratch is left to the collector.
var scratchPool = sync.Pool{New: func() any { return new([]byte) }}

const maxScratch = 64 << 10

// cleanValue walks the valid JSON value at b[i], whose nearest member name
// is key (member: the value is that member's own), and returns the index
// after it; ok is false as soon as a string is not clean. The strings are
// put to sc where they lie in b (stringView), escaped ones resolved in
// scratch: none is copied to a string of its own.
func cleanValue(sc StringChecker, b []byte, i int, key string, member bool, depth int, scratch *[]byte) (int, bool) {
	if depth > maxPassDepth {
		return 0, false
	}
	switch b[i] {
	case '{':
		i = skipSpace(b, i+1)
		if b[i] == '}' {
			return i + 1, true
		}
		for {
			end, escaped, ok := skipString(b, i)
			if !ok {
				return 0, false
			}
			// The name is held while its value is walked, so it does not
			// use scratch.
			name := stringView(b[i:end], escaped, nil)
			i = skipSpace(b, end) // ':'
			i = skipSpace(b, i+1) // the value
			if i, ok = cleanValue(sc, b, i, name, true, depth+1, scratch); !ok {
				return 0, false
			}
			i = skipSpace(b, i)
			if b[i] == '}' {
				return i + 1, true
			}
			i = skipSpace(b, i+1) // after ','
		}
	case '[':
		i = skipSpace(b, i+1)
		if b[i] == ']' {
			return i + 1, true
		}
		for {
			var ok bool
			if i, ok = cleanValue(sc, b, i, key, false, depth+1, scratch); !ok {
				return 0, false
			}
			i = skipSpace(b, i)
			if b[i] == ']' {
				return i + 1, true
			}
			i = skipSpace(b, i+1)
		}
	case '"':
		end, escaped, ok := skipString(b, i)
		if !ok {
			return 0, false
		}
		return end, sc.Clean(stringView(b[i:end], escaped, scratch), key, member)
	}
	var s scanned
	return s.value(b, i, depth) // a number or a literal
}

// stringValue is the string the valid JSON string quoted holds, as
// encoding/json decodes it (escapes resolved, invalid UTF-8 replaced). The
// escapes of text (\n, \t, \" ...) are resolved here; a \u escape or
// invalid UTF-8 is left to encoding/json.
func stringValue(quoted []byte, escaped bool) string {
	inner := quoted[1 : len(quoted)-1]
	if !utf8.Valid(inner) {
		return unmarshalString(quoted)
	}
	if !escaped {
		return string(inner)
	}
	b, ok := appendUnescaped(make([]byte, 0, len(inner)), inner)
	if !ok {
		return unmarshalString(quoted)
	}
	return string(b)
}

// stringView is stringValue without a copy, for a string looked at only
// while quoted lies unchanged: a plain string is quoted's own bytes, and
// one whose escapes are all of text is resolved into *scratch (reused by
// the next call) and is its bytes; with scratch nil, or for a \u escape or
// invalid UTF-8, it is stringValue.
func stringView(quoted []byte, escaped bool, scratch *[]byte) string {
	inner := quoted[1 : len(quoted)-1]
	if !utf8.Valid(inner) {
		return unmarshalString(quoted)
	}
	if !escaped {
		return unsafe.String(unsafe.SliceData(inner), len(inner))
	}
	if scratch == nil {
		return stringValue(quoted, escaped)
	}
	b, ok := appendUnescaped((*scratch)[:0], inner)
	if !ok {
		return unmarshalString(quoted)
	}
	*scratch = b
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendUnescaped appends inner, the valid UTF-8 between a valid JSON
// string's quotes, with its escapes of text resolved; ok is false at a \u
// escape (encoding/json's to decode).
func appendUnescaped(b, inner []byte) ([]byte, bool) {
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++ // skipString let through only valid escapes
		switch c = inner[i]; c {
		case '"', '\\', '/':
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		default: // 'u'
			return b, false
		}
		b = append(b, c)
	}
	return b, true
}

// unmarshalString decodes a valid JSON string with encoding/json.
func unmarshalString(quoted []byte) string {
	var s string
	json.Unmarshal(quoted, &s)
	return s
}
