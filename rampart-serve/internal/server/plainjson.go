package server

import (
	"bytes"
	"unicode/utf8"
)

// decodePlainObject decodes a body that is one JSON object in the plain
// form most calls take: strings without escapes, true, false, null,
// arrays and objects, at most maxPlainDepth deep. It returns the map
// json.Unmarshal would make of it into a map[string]any (the last of
// repeated keys wins, as there), and false for anything else: a number,
// an escape, a byte that is not valid UTF-8, malformed or trailing input.
// Those go to encoding/json, which decodes them or names the error; this
// is only the common case made cheap, never a second reading of JSON.
func decodePlainObject(b []byte) (map[string]any, bool) {
	if bytes.IndexByte(b, '\\') >= 0 {
		return nil, false // an escape: not plain, and found before any copy
	}
	// One copy of the body as a string: every key and string value is a
	// piece of it, not an allocation of its own.
	d := plainDecoder{b: b, s: string(b)}
	d.space()
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return nil, false
	}
	v, ok := d.object(0)
	if !ok {
		return nil, false
	}
	d.space()
	if d.i != len(d.b) {
		return nil, false
	}
	return v, true
}

// maxPlainDepth bounds the nesting the plain decoder follows; deeper
// bodies go to encoding/json.
const maxPlainDepth = 32

type plainDecoder struct {
	b []byte
	s string // b as a string
	i int
}

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

// object reads an object whose '{' is at d.i.
func (d *plainDecoder) object(depth int) (map[string]any, bool) {
	if depth >= maxPlainDepth {
		return nil, false
	}
	d.i++ // '{'
	m := map[string]any{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return m, true
	}
	for {
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, false
		}
		k, ok := d.str()
		if !ok {
			return nil, false
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, false
		}
		d.i++
		d.space()
		v, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		m[k] = v
		d.space()
		if d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
			d.space()
		case '}':
			d.i++
			return m, true
		default:
			return nil, false
		}
	}
}

// array reads an array whose '[' is at d.i.
func (d *plainDecoder) array(depth int) ([]any, bool) {
	if depth >= maxPlainDepth {
		return nil, false
	}
	d.i++ // '['
	a := []any{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return a, true
	}
	for {
		v, ok := d.value(depth)
		if !ok {
			return nil, false
		}
		a = append(a, v)
		d.space()
		if d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
			d.space()
		case ']':
			d.i++
			return a, true
		default:
			return nil, false
		}
	}
}

// value reads the value at d.i, inside a container at depth.
func (d *plainDecoder) value(depth int) (any, bool) {
	if d.i >= len(d.b) {
		return nil, false
	}
	switch d.b[d.i] {
	case '"':
		return d.str()
	case '{':
		return d.object(depth + 1)
	case '[':
		return d.array(depth + 1)
	case 't':
		return true, d.word("true")
	case 'f':
		return false, d.word("false")
	case 'n':
		return nil, d.word("null")
	}
	return nil, false // a number, or not JSON
}

func (d *plainDecoder) word(w string) bool {
	if len(d.b)-d.i < len(w) || string(d.b[d.i:d.i+len(w)]) != w {
		return false
	}
	d.i += len(w)
	return true
}

// str reads a string whose '"' is at d.i: no escapes, no control bytes,
// valid UTF-8.
func (d *plainDecoder) str() (string, bool) {
	start := d.i + 1
	ascii := true
	for j := start; j < len(d.b); j++ {
		switch c := d.b[j]; {
		case c == '"':
			s := d.b[start:j]
			if !ascii && !utf8.Valid(s) {
				return "", false
			}
			d.i = j + 1
			return d.s[start:j], true
		case c == '\\', c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}
