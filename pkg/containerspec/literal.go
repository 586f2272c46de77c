package containerspec

import (
	"strconv"
	"strings"
)

// Call is a call found where a value stands: docker.types.Mount('/h', '/',
// type='bind'), c.create_host_config(binds=[…]), JSON.stringify({…}).
type Call struct {
	Name string         // the called name as written, module prefix and all
	Args []any          // its positional arguments
	Kw   map[string]any // its keyword arguments (name=value, name: value)
}

// maxDepth bounds how deeply literals nest before the reader gives up.
const maxDepth = 32

// ParseValue reads one literal value of Python, JavaScript, Ruby or JSON
// at code[i:]: a string ('…', "…", `…` without interpolation), a number,
// true/false/True/False, null/None/nil/undefined (nil), a list or tuple
// ([]any), an object, dict or hash (map[string]any, with quoted, bare or
// Ruby symbol keys, ":" "=>" or "=" between key and value), or a call of
// a dotted name (Call). What it cannot read is nil. It returns where the
// value ends, and ok false where nothing was there to read.
func ParseValue(code string, i int) (v any, next int, ok bool) {
	return parseValue(code, i, 0)
}

func parseValue(c string, i, depth int) (any, int, bool) {
	i = skipSpace(c, i)
	if i >= len(c) || depth > maxDepth {
		return nil, i, false
	}
	switch ch := c[i]; {
	case ch == '\'' || ch == '"' || ch == '`':
		s, j, ok := parseString(c, i)
		if !ok {
			return nil, j, false
		}
		return s, j, true
	case ch == '[' || ch == '(':
		close := byte(']')
		if ch == '(' {
			close = ')'
		}
		l, _, j := parseList(c, i+1, close, depth+1)
		return l, j, true
	case ch == '{':
		m, j := parseMap(c, i+1, depth+1)
		return m, j, true
	case ch == '-' || ch >= '0' && ch <= '9':
		j := i + 1
		for j < len(c) && (c[j] >= '0' && c[j] <= '9' || c[j] == '.' || c[j] == '_' || c[j] == 'e') {
			j++
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(c[i:j], "_", ""), 64)
		if err != nil {
			return nil, j, true
		}
		return f, j, true
	case ch == ':' && i+1 < len(c) && isIdentByte(c[i+1]):
		j := i + 1 // a Ruby symbol: :host
		for j < len(c) && isIdentByte(c[j]) {
			j++
		}
		return c[i+1 : j], j, true
	case isIdentByte(ch) || ch == '$':
		j := i
		for j < len(c) && (isIdentByte(c[j]) || c[j] == '.' || c[j] == '$') {
			j++
		}
		name := c[i:j]
		if name == "new" || strings.HasPrefix(name, "new ") {
			return parseValue(c, j, depth+1) // new Docker(…)
		}
		switch name {
		case "true", "True":
			return true, j, true
		case "false", "False":
			return false, j, true
		case "null", "None", "nil", "undefined":
			return nil, j, true
		}
		k := skipSpace(c, j)
		if k < len(c) && c[k] == '(' {
			args, kw, end := parseList(c, k+1, ')', depth+1)
			return Call{Name: name, Args: args, Kw: kw}, end, true
		}
		if v, ok := boundValue(c, name, depth); ok {
			return v, j, true // a name assigned a literal (bound.go)
		}
		return nil, j, true // a variable whose value is not read
	}
	return nil, skipExpr(c, i), true
}

// parseList reads the elements of a list, a tuple or a call's arguments
// up to close, with the keyword arguments of a call apart; it returns
// where the list ends (after close).
func parseList(c string, i int, close byte, depth int) ([]any, map[string]any, int) {
	var l []any
	var kw map[string]any
	for n := 0; n < 1024; n++ {
		i = skipSpace(c, i)
		if i >= len(c) {
			return l, kw, i
		}
		if c[i] == close {
			return l, kw, i + 1
		}
		if c[i] == ',' {
			i++
			continue
		}
		if k, j, ok := keyword(c, i); ok {
			v, end, _ := parseValue(c, j, depth)
			if kw == nil {
				kw = map[string]any{}
			}
			kw[k] = v
			i = afterValue(c, end)
			continue
		}
		if strings.HasPrefix(c[i:], "**") && close == ')' {
			kw = mergeStar(c, i+2, kw, depth) // **kw: the dict the name holds (bound.go)
			i = skipExpr(c, i+2)
			continue
		}
		if strings.HasPrefix(c[i:], "...") || c[i] == '*' {
			i = skipExpr(c, i+1) // spread and star arguments: not read
			continue
		}
		v, end, ok := parseValue(c, i, depth)
		if !ok {
			return l, kw, end
		}
		l = append(l, v)
		i = afterValue(c, end)
	}
	return l, kw, i
}

// keyword reads "name=" (Python's keyword argument, not "==") or "name:"
// (Ruby's and Swift's) at c[i:], returning the name and where its value
// starts.
func keyword(c string, i int) (string, int, bool) {
	j := i
	for j < len(c) && isIdentByte(c[j]) {
		j++
	}
	if j == i || c[i] >= '0' && c[i] <= '9' {
		return "", i, false
	}
	k := skipSpace(c, j)
	if k < len(c) && c[k] == '=' && (k+1 >= len(c) || c[k+1] != '=' && c[k+1] != '>') {
		return c[i:j], k + 1, true
	}
	if k < len(c) && c[k] == ':' && (k+1 >= len(c) || c[k+1] != ':') {
		return c[i:j], k + 1, true
	}
	return "", i, false
}

// parseMap reads an object, dict or hash after its "{", returning where
// it ends (after "}").
func parseMap(c string, i, depth int) (map[string]any, int) {
	m := map[string]any{}
	for n := 0; n < 1024; n++ {
		i = skipSpace(c, i)
		if i >= len(c) {
			return m, i
		}
		switch c[i] {
		case '}':
			return m, i + 1
		case ',':
			i++
			continue
		}
		var key string
		switch {
		case c[i] == '\'' || c[i] == '"' || c[i] == '`':
			s, j, ok := parseString(c, i)
			if !ok {
				return m, j
			}
			key, i = s, j
		case c[i] == ':' && i+1 < len(c) && isIdentByte(c[i+1]):
			j := i + 1
			for j < len(c) && isIdentByte(c[j]) {
				j++
			}
			key, i = c[i+1:j], j
		case isIdentByte(c[i]):
			j := i
			for j < len(c) && isIdentByte(c[j]) {
				j++
			}
			key, i = c[i:j], j
		default:
			i = skipExpr(c, i)
			continue
		}
		i = skipSpace(c, i)
		switch {
		case strings.HasPrefix(c[i:], "=>"):
			i += 2
		case i < len(c) && (c[i] == ':' || c[i] == '='):
			i++
		default:
			i = afterValue(c, i) // {u}: a shorthand, its value not read
			continue
		}
		v, end, _ := parseValue(c, i, depth)
		m[key] = v
		i = afterValue(c, end)
	}
	return m, i
}

// afterValue skips what follows a value up to the next separator: a
// method called on it (.encode(), .to_json) and anything else not read.
func afterValue(c string, i int) int {
	i = skipSpace(c, i)
	if i < len(c) && c[i] != ',' && c[i] != ')' && c[i] != ']' && c[i] != '}' {
		return skipExpr(c, i)
	}
	return i
}

// parseString reads a quoted string at c[i:], with backslash escapes.
func parseString(c string, i int) (string, int, bool) {
	q := c[i]
	var b strings.Builder
	for j := i + 1; j < len(c); j++ {
		switch c[j] {
		case '\\':
			if j+1 < len(c) {
				j++
				switch c[j] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				default:
					b.WriteByte(c[j])
				}
			}
		case q:
			return b.String(), j + 1, true
		default:
			b.WriteByte(c[j])
		}
	}
	return "", len(c), false
}

// skipExpr skips an expression up to the separator or closer that ends
// it at its own level of nesting.
func skipExpr(c string, i int) int {
	depth := 0
	for ; i < len(c); i++ {
		switch ch := c[i]; ch {
		case '\'', '"', '`':
			_, j, _ := parseString(c, i)
			i = j - 1
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return i
			}
			depth--
		case ',', ';', '\n':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

func skipSpace(c string, i int) int {
	for i < len(c) && (c[i] == ' ' || c[i] == '\t' || c[i] == '\n' || c[i] == '\r') {
		i++
	}
	return i
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
