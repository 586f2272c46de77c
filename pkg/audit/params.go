package audit

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
)

// encodeParams encodes params as compact JSON, keys sorted, HTML escaping
// off, so that the bytes read back are the bytes written: the bytes
// encoding/json's Encoder writes for them (without its newline). Values of
// the kinds JSON decoding makes (maps, slices, strings, booleans, nil,
// json.Number, and finite float64s) are written here; anything else falls
// back to the Encoder for the whole value. Reflection and the Encoder's
// buffers were a third of what preparing a record cost.
func encodeParams(v any) (json.RawMessage, error) {
	if m, ok := v.(map[string]any); ok && m == nil {
		return json.RawMessage("{}"), nil
	}
	if b, ok := appendValue(make([]byte, 0, 128), v); ok {
		return b, nil
	}
	return encoderParams(v)
}

// encoderParams is v as encoding/json's Encoder writes it, HTML escaping
// off, without its newline: what encodeParams falls back to, and what its
// own writing is tested against.
func encoderParams(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// appendValue appends v as encoding/json would, or reports false for a
// value it does not write itself.
func appendValue(b []byte, v any) ([]byte, bool) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), true
	case bool:
		if v {
			return append(b, "true"...), true
		}
		return append(b, "false"...), true
	case string:
		return appendJSONString(b, v), true
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return b, false
		}
		return appendFloat(b, v), true
	case json.Number:
		n, err := json.Marshal(v)
		return append(b, n...), err == nil
	case map[string]any:
		if v == nil {
			return append(b, "null"...), true
		}
		var small [8]string // the members of most params, on the stack
		keys := small[:0]
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k)
			b = append(b, ':')
			var ok bool
			if b, ok = appendValue(b, v[k]); !ok {
				return b, false
			}
		}
		return append(b, '}'), true
	case []any:
		if v == nil {
			return append(b, "null"...), true
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendValue(b, e); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	}
	return b, false
}

// appendFloat appends the finite f as encoding/json writes a float64:
// the shortest decimal that reads back as f, in exponent form below 1e-6
// and from 1e21 on, its exponent without a leading zero. json.Marshal
// took reflection and an allocation per number.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping off (invalid UTF-8 as the escape \ufffd).
func appendJSONString(b []byte, s string) []byte { return appendEscaped(b, s, `\ufffd`) }
