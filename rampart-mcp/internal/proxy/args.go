package proxy

import "strconv"

// The arguments of a tools/call are decoded for the policy straight from
// the frame: objects, arrays, strings, numbers and literals, as
// encoding/json decodes them into an any (map[string]any, []any, string,
// float64, bool, nil), without its reflection and buffers. Anything it does
// not take as written (a number out of float64's range, bytes that are not
// JSON) is left to encoding/json, which decides as before.

// decodeArguments decodes the JSON value that is all of raw; ok is false
// when it leaves raw to encoding/json.
func decodeArguments(raw []byte) (v any, ok bool) {
	v, end, ok := decodeValue(raw, 0, 0)
	return v, ok && end == len(raw)
}

// decodeValue decodes the value at b[i] (no white space before it) and
// returns it and the index after it.
func decodeValue(b []byte, i, depth int) (any, int, bool) {
	if i >= len(b) || depth > maxNesting {
		return nil, 0, false
	}
	switch c := b[i]; {
	case c == '{':
		m := map[string]any{}
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == '}' {
			return m, i + 1, true
		}
		for {
			if i >= len(b) || b[i] != '"' {
				return nil, 0, false
			}
			end, escaped, ok := skipString(b, i)
			if !ok {
				return nil, 0, false
			}
			name := stringValue(b[i:end], escaped)
			i = skipSpace(b, end)
			if i >= len(b) || b[i] != ':' {
				return nil, 0, false
			}
			var e any
			if e, i, ok = decodeValue(b, skipSpace(b, i+1), depth+1); !ok {
				return nil, 0, false
			}
			m[name] = e // the last of a repeated name wins, as in encoding/json
			i = skipSpace(b, i)
			if i >= len(b) {
				return nil, 0, false
			}
			switch b[i] {
			case ',':
				i = skipSpace(b, i+1)
			case '}':
				return m, i + 1, true
			default:
				return nil, 0, false
			}
		}
	case c == '[':
		a := []any{}
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == ']' {
			return a, i + 1, true
		}
		for {
			e, next, ok := decodeValue(b, i, depth+1)
			if !ok {
				return nil, 0, false
			}
			a = append(a, e)
			i = skipSpace(b, next)
			if i >= len(b) {
				return nil, 0, false
			}
			switch b[i] {
			case ',':
				i = skipSpace(b, i+1)
			case ']':
				return a, i + 1, true
			default:
				return nil, 0, false
			}
		}
	case c == '"':
		end, escaped, ok := skipString(b, i)
		if !ok {
			return nil, 0, false
		}
		return stringValue(b[i:end], escaped), end, true
	case c == 't':
		end, ok := literal(b, i, "true")
		return true, end, ok
	case c == 'f':
		end, ok := literal(b, i, "false")
		return false, end, ok
	case c == 'n':
		end, ok := literal(b, i, "null")
		return nil, end, ok
	case c == '-' || '0' <= c && c <= '9':
		end, ok := skipNumber(b, i)
		if !ok {
			return nil, 0, false
		}
		f, err := strconv.ParseFloat(string(b[i:end]), 64)
		if err != nil {
			return nil, 0, false // out of range: encoding/json's error
		}
		return f, end, true
	}
	return nil, 0, false
}
