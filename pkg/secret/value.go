package secret

import (
	"strconv"
	"strings"
)

// maxDepth bounds the nesting RedactValue walks. JSON decoders stop far
// earlier (encoding/json at 10,000 levels); deeper values are cut to Mask
// rather than risk the stack.
const maxDepth = 1000

// RedactValue returns v with credentials redacted, keeping its shape: v is
// what encoding/json decodes into an any (map[string]any, []any, string,
// float64, json.Number, bool, nil), and maps and slices holding a finding
// are copied, never modified. Strings are redacted as by Redact; in
// addition, a whole string held under a key that names a credential
// ("password", "api_key", "AWS_SECRET_ACCESS_KEY" ...) is replaced, and
// under "Authorization" the part after the scheme. Findings carry the JSON
// Pointer of their string in Path, and offsets within that string. When
// nothing is found, v itself is returned.
func RedactValue(v any) (any, []Finding) {
	var space [8]segment // the depth of most messages, without growing
	var w walker
	out, _ := w.walk(v, "", 0, space[:0])
	return out, w.fs
}

// walker carries the findings of a walk. The path to the value being
// walked is handed down the walk (not kept in the walker, which would put
// it on the heap) and rendered as a JSON Pointer only when a finding needs
// it.
type walker struct {
	fs []Finding
}

// segment is one step of a path: a map key, or an index when index >= 0.
type segment struct {
	key   string
	index int
}

// pointer renders path as a JSON Pointer (RFC 6901).
func pointer(path []segment) string {
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(s.key))
		}
	}
	return b.String()
}

func (w *walker) walk(v any, key string, depth int, path []segment) (any, bool) {
	if depth > maxDepth {
		w.fs = append(w.fs, Finding{Kind: "too_deep", Path: pointer(path)})
		return Mask, true
	}
	switch t := v.(type) {
	case string:
		n := len(w.fs)
		r := w.redactString(t, key, path)
		if r == t {
			return v, len(w.fs) > n // v as it came: no string boxed again
		}
		return r, len(w.fs) > n
	case map[string]any:
		var out map[string]any
		for k, e := range t {
			r, changed := w.walk(e, k, depth+1, append(path, segment{key: k, index: -1}))
			if !changed {
				continue
			}
			if out == nil {
				out = make(map[string]any, len(t))
				for k2, e2 := range t {
					out[k2] = e2
				}
			}
			out[k] = r
		}
		if out == nil {
			return v, false
		}
		return out, true
	case []any:
		var out []any
		for i, e := range t {
			r, changed := w.walk(e, key, depth+1, append(path, segment{index: i}))
			if !changed {
				continue
			}
			if out == nil {
				out = make([]any, len(t))
				copy(out, t)
			}
			out[i] = r
		}
		if out == nil {
			return v, false
		}
		return out, true
	}
	return v, false
}

// Clean reports whether RedactValue finds nothing in the string s held
// under key (the nearest map key above it, "" for none). A caller that
// walks JSON text itself asks it of each string instead of decoding the
// whole value: RedactValue finds nothing in a value exactly when Clean
// holds for each of its strings under its key.
func Clean(s, key string) bool {
	var w walker
	w.redactString(s, key, nil)
	return len(w.fs) == 0
}

// redactString redacts s, found under key (the nearest map key above it).
func (w *walker) redactString(s, key string, path []segment) string {
	if key != "" {
		switch kind := keyKind(key); kind {
		case "":
		case "authorization":
			if f, ok := credential(s, 0); ok {
				f.Path = pointer(path)
				w.fs = append(w.fs, f)
				return s[:f.Start] + Mask + s[f.End:]
			}
		default:
			if len(s) >= minValue && !strings.HasPrefix(s, Mask) && !isPlaceholder(s) {
				w.fs = append(w.fs, Finding{Kind: kind, Start: 0, End: len(s), Path: pointer(path)})
				return Mask
			}
		}
	}
	out, found := Redact(s)
	if len(found) > 0 {
		p := pointer(path)
		for _, f := range found {
			f.Path = p
			w.fs = append(w.fs, f)
		}
	}
	return out
}
