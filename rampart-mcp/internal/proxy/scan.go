package proxy

import (
	"encoding/binary"
	"encoding/json"
)

// A client message is read in one pass over the frame: the scan below
// checks the whole line is valid JSON (by the grammar encoding/json
// accepts, to the same nesting limit) and notes where the members the proxy
// reads lie, as slices of the frame. Nothing is copied or decoded that
// judgement does not need; a member whose name has an escape or a capital
// letter sends the message down the slower path that decodes every name
// (see parseEnvelope and buildCall), and invalid JSON is decoded by
// encoding/json again only to report its error as before.

// maxNesting is encoding/json's limit on nested arrays and objects.
const maxNesting = 10000

// scanned is what one pass over a client message found.
type scanned struct {
	id, method, params []byte // values of the top-level members, nil when absent
	hasMethod          bool
	simple             bool // every top-level name is lower-case ASCII without escapes

	// Members of params when its value is an object (the last params
	// member, as a decoder keeps the last).
	call scannedParams
}

// scannedParams are the members of tools/call params the proxy reads.
type scannedParams struct {
	object                      bool // params is an object
	simple                      bool // every name in it is lower-case ASCII without escapes
	name, arguments, meta, task []byte
}

// scanMessage scans the JSON object that is all of body (no surrounding
// white space). ok is false when body is not valid JSON.
func scanMessage(body []byte) (s scanned, ok bool) {
	s.simple = true
	end, ok := s.object(body, 0, 1, memberTop)
	return s, ok && end == len(body)
}

// Which members an object's scan records.
const (
	memberNone   = iota // none: the object is only validated
	memberTop           // the message's own: id, method, params
	memberParams        // tools/call params: name, arguments, _meta, task
)

// object validates the object at b[i] and returns the index after it.
func (s *scanned) object(b []byte, i, depth, record int) (int, bool) {
	if depth > maxNesting {
		return 0, false
	}
	i++ // '{'
	i = skipSpace(b, i)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, false
		}
		nameEnd, escaped, ok := skipString(b, i)
		if !ok {
			return 0, false
		}
		quoted := b[i:nameEnd]
		name := quoted[1 : len(quoted)-1]
		i = skipSpace(b, nameEnd)
		if i >= len(b) || b[i] != ':' {
			return 0, false
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return 0, false
		}
		start := i
		if record == memberNone {
			if i, ok = s.value(b, i, depth); !ok {
				return 0, false
			}
		} else {
			plain := !escaped && isLowerASCIIBytes(name)
			if record == memberTop {
				s.simple = s.simple && plain
			} else {
				s.call.simple = s.call.simple && plain
			}
			// An escaped name is matched by what it decodes to; the slow
			// path decodes it (and every other name) again anyway.
			if escaped {
				var n string
				json.Unmarshal(quoted, &n)
				name = []byte(n)
			}
			if i, ok = s.member(b, start, depth, record, name); !ok {
				return 0, false
			}
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

// member validates one member's value at b[start] and records it.
func (s *scanned) member(b []byte, start, depth, record int, name []byte) (int, bool) {
	if record == memberTop && string(name) == "params" {
		s.call = scannedParams{}
		if b[start] == '{' {
			s.call.object, s.call.simple = true, true
			end, ok := s.object(b, start, depth+1, memberParams)
			if !ok {
				return 0, false
			}
			s.params = b[start:end]
			return end, true
		}
	}
	end, ok := s.value(b, start, depth)
	if !ok {
		return 0, false
	}
	v := b[start:end]
	if record == memberTop {
		switch string(name) {
		case "id":
			s.id = v
		case "method":
			s.method, s.hasMethod = v, true
		case "params":
			s.params = v
		}
		return end, true
	}
	switch string(name) {
	case "name":
		s.call.name = v
	case "arguments":
		s.call.arguments = v
	case "_meta":
		s.call.meta = v
	case "task":
		s.call.task = v
	}
	return end, true
}

// value validates the value at b[i] and returns the index after it.
func (s *scanned) value(b []byte, i, depth int) (int, bool) {
	if i >= len(b) {
		return 0, false
	}
	switch c := b[i]; {
	case c == '{':
		return s.object(b, i, depth+1, memberNone)
	case c == '[':
		return s.array(b, i, depth+1)
	case c == '"':
		end, _, ok := skipString(b, i)
		return end, ok
	case c == 't':
		return literal(b, i, "true")
	case c == 'f':
		return literal(b, i, "false")
	case c == 'n':
		return literal(b, i, "null")
	case c == '-' || '0' <= c && c <= '9':
		return skipNumber(b, i)
	}
	return 0, false
}

func (s *scanned) array(b []byte, i, depth int) (int, bool) {
	if depth > maxNesting {
		return 0, false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1, true
	}
	for {
		var ok bool
		if i, ok = s.value(b, i, depth); !ok {
			return 0, false
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case ']':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func literal(b []byte, i int, lit string) (int, bool) {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return 0, false
	}
	return i + len(lit), true
}

// skipString validates the string at b[i] (its opening quote) and returns
// the index after its closing quote, and whether it holds an escape.
func skipString(b []byte, i int) (end int, escaped, ok bool) {
	i++
	for i < len(b) {
		// The common run of plain bytes, eight at a time.
		i = plainRun(b, i)
		if i >= len(b) || b[i] < 0x20 {
			return 0, false, false
		}
		if b[i] == '"' {
			return i + 1, escaped, true
		}
		escaped = true
		if i+1 >= len(b) {
			return 0, false, false
		}
		switch b[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if len(b)-i < 6 || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
				return 0, false, false
			}
			i += 6
		default:
			return 0, false, false
		}
	}
	return 0, false, false
}

// plainRun returns the index of the first byte of b at or after i that
// ends a run of plain string bytes: a quote, a backslash or a control
// byte (below 0x20), or len(b) when there is none. It reads eight bytes at
// a time while none of them is such a byte (each test below is exact for
// whether any byte of the word matches), then byte by byte.
func plainRun(b []byte, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		q := w ^ ('"' * ones)  // a zero byte where w has a quote
		s := w ^ ('\\' * ones) // a zero byte where w has a backslash
		// (x - ones) &^ x & highs is non-zero exactly when x has a zero
		// byte; (w - 0x20*ones) &^ w & highs exactly when w has a byte
		// below 0x20.
		if ((q-ones)&^q|(s-ones)&^s|(w-0x20*ones)&^w)&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// skipNumber validates the number at b[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i > start
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		digits()
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	return i, true
}

func isLowerASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
