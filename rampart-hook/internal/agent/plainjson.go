package agent

import (
	"encoding/json"
	"unicode/utf8"
)

// The payloads agents send are one JSON object of strings, numbers and a
// few nested objects, written without \u escapes. encoding/json decodes
// one in two passes (its scanner checks the text, then its decoder reads
// it again through reflection), which was most of the time the hook spent
// on a payload before judging it. decodePlain reads such a payload in one
// pass into the values encoding/json gives it, and gives up on any other:
// decodeObject then decodes it through encoding/json as before, so every
// error, and every payload outside what decodePlain reads, is answered
// exactly as it was.

// maxPlainDepth bounds the nesting decodePlain reads (encoding/json reads
// up to 10000 levels; a deeper payload than this is left to it).
const maxPlainDepth = 64

// decodePlain decodes payload as decodeObject does, when it is one JSON
// object followed by nothing but JSON white space, its strings valid UTF-8
// with no \u escape, and it nests at most maxPlainDepth deep. Objects are
// map[string]any (a key given twice keeps its last value), arrays []any
// (never nil), numbers json.Number. ok is false for any other payload.
func decodePlain(payload []byte) (m map[string]any, ok bool) {
	d := plainDecoder{b: payload}
	d.space()
	if !d.at('{') {
		return nil, false
	}
	if m, ok = d.object(); !ok {
		return nil, false
	}
	d.space()
	return m, d.i == len(d.b)
}

// plainDecoder reads a payload for decodePlain.
type plainDecoder struct {
	b     []byte
	i     int
	depth int
}

// at reports whether the next byte is c.
func (d *plainDecoder) at(c byte) bool { return d.i < len(d.b) && d.b[d.i] == c }

// space skips JSON white space.
func (d *plainDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// value reads a value after optional white space.
func (d *plainDecoder) value() (any, bool) {
	d.space()
	if d.i >= len(d.b) {
		return nil, false
	}
	switch c := d.b[d.i]; {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.word("true")
	case c == 'f':
		return false, d.word("false")
	case c == 'n':
		return nil, d.word("null")
	case c == '-' || '0' <= c && c <= '9':
		return d.number()
	}
	return nil, false
}

// object reads an object, at its '{'.
func (d *plainDecoder) object() (map[string]any, bool) {
	if d.depth++; d.depth > maxPlainDepth {
		return nil, false
	}
	d.i++
	m := map[string]any{}
	d.space()
	if d.at('}') {
		d.i++
		d.depth--
		return m, true
	}
	for {
		d.space()
		if !d.at('"') {
			return nil, false
		}
		k, ok := d.str()
		if !ok {
			return nil, false
		}
		d.space()
		if !d.at(':') {
			return nil, false
		}
		d.i++
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		m[k] = v
		d.space()
		switch {
		case d.at(','):
			d.i++
		case d.at('}'):
			d.i++
			d.depth--
			return m, true
		default:
			return nil, false
		}
	}
}

// array reads an array, at its '['.
func (d *plainDecoder) array() ([]any, bool) {
	if d.depth++; d.depth > maxPlainDepth {
		return nil, false
	}
	d.i++
	a := make([]any, 0)
	d.space()
	if d.at(']') {
		d.i++
		d.depth--
		return a, true
	}
	for {
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		a = append(a, v)
		d.space()
		switch {
		case d.at(','):
			d.i++
		case d.at(']'):
			d.i++
			d.depth--
			return a, true
		default:
			return nil, false
		}
	}
}

// plainEscape returns what the byte after a backslash stands for, for the
// escapes str reads (not \u, which is left to encoding/json).
func plainEscape(c byte) (byte, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// str reads a string, at its opening quote: no control byte, no \u
// escape, valid UTF-8.
func (d *plainDecoder) str() (string, bool) {
	d.i++
	start := d.i
	wide := false // a byte of 0x80 or more: the whole is checked as UTF-8
	var out []byte
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			if out != nil {
				s = append(out, s...)
			}
			if wide && !utf8.Valid(s) {
				return "", false
			}
			return string(s), true
		case c == '\\':
			if d.i+1 >= len(d.b) {
				return "", false
			}
			e, ok := plainEscape(d.b[d.i+1])
			if !ok {
				return "", false
			}
			out = append(append(out, d.b[start:d.i]...), e)
			d.i += 2
			start = d.i
		case c < 0x20:
			return "", false
		default:
			if c >= utf8.RuneSelf {
				wide = true
			}
			d.i++
		}
	}
	return "", false
}

// word reads true, false or null.
func (d *plainDecoder) word(w string) bool {
	if len(d.b)-d.i < len(w) || string(d.b[d.i:d.i+len(w)]) != w {
		return false
	}
	d.i += len(w)
	return true
}

// number reads a number as JSON writes one: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *plainDecoder) number() (any, bool) {
	start := d.i
	if d.at('-') {
		d.i++
	}
	switch {
	case d.at('0'):
		d.i++
	case d.digits() == 0:
		return nil, false
	}
	if d.at('.') {
		d.i++
		if d.digits() == 0 {
			return nil, false
		}
	}
	if d.at('e') || d.at('E') {
		d.i++
		if d.at('+') || d.at('-') {
			d.i++
		}
		if d.digits() == 0 {
			return nil, false
		}
	}
	return json.Number(d.b[start:d.i]), true
}

// digits skips decimal digits and returns how many.
func (d *plainDecoder) digits() int {
	n := 0
	for d.i < len(d.b) && '0' <= d.b[d.i] && d.b[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}
