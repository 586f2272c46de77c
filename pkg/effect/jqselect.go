package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a jq or yq expression prints of a secret's document it is given.
// It prints the secret when a stage names it (.data, .password, the
// document itself), when it reaches values by a construct that names no
// field (.., tostream, getpath, to_entries, del(.metadata): the rest), or
// when its program is read from a file nobody here reads; a stage that
// reduces what came before to names, counts or types (keys, length,
// type, has("password")) prints no value of it. Once a stage holds the
// secret, a later path into it (.data | .api) is the secret still.

// selectorPrintsSecret reports a jq or yq stage that prints the secret
// document it is given, or part of it.
func selectorPrintsSecret(d *shell.Command, fields ...string) bool {
	for _, a := range d.Args {
		if a == "-f" || a == "--from-file" || strings.HasPrefix(a, "--from-file=") || a == "--rawfile" || a == "--slurpfile" {
			return true // the program in a file, or values bound from one
		}
	}
	return jqPrintsSecret(selectorOf(d), fields...)
}

// sourceSecretFields are the fields a secret source's output holds its
// secret under where the name says nothing of it (vault token lookup's
// id is the token, any key under a Kubernetes Secret's data): the
// catalogue's secret-fields.
func sourceSecretFields(c *shell.Command) []string {
	e, _ := catalog.Default().Lookup(c.Name, c.Args)
	return fieldsOf(e)
}

// fieldsOf is an entry's secret-fields.
func fieldsOf(e *catalog.Entry) []string {
	if e == nil {
		return nil
	}
	if v := e.Prop("secret-fields"); v != "" {
		return strings.Split(v, ",")
	}
	return nil
}

// namesField reports a stage of an expression whose path goes through one
// of fields (.data.id, .data.DATABASE_URL for fields id, data).
func namesField(t string, fields []string) bool {
	if len(fields) == 0 {
		return false
	}
	for piece := range strings.FieldsFuncSeq(t, func(r rune) bool { return r > 0x7f || !nameByte(byte(r)) }) {
		if slices.Contains(fields, strings.ToLower(piece)) {
			return true
		}
	}
	return false
}

// jqPrintsSecret reports an expression that prints the secret document
// it is applied to, or part of it.
func jqPrintsSecret(expr string, fields ...string) bool {
	e := strings.TrimSpace(strings.Trim(expr, "'\" "))
	secret := false
	for _, st := range splitTop(e, '|') {
		t := strings.TrimSpace(st)
		switch {
		case jqReducer(t):
			secret = false // .data | keys: the names, not the values
		case t == "" || t == "." || strings.HasPrefix(t, ".[") || strings.Contains(t, "..") || jqOpaque(t):
			secret = true // the whole document, recursion, or a construct that names no field
		case namesSecret(stripBrackets(t)) || namesField(t, fields):
			secret = true
		}
	}
	return secret
}

// jqReducer reports a stage that turns what it is given into its names,
// its size or its type.
func jqReducer(t string) bool {
	t = strings.TrimSuffix(strings.TrimSpace(t), "[]")
	switch t {
	case "keys", "keys_unsorted", "length", "utf8bytelength", "type", "map(keys)", "map(length)", "map(type)":
		return true
	}
	return strings.HasPrefix(t, "has(") && strings.HasSuffix(t, ")") && !strings.Contains(t[4:len(t)-1], "|")
}

// jqNamedFunctions are the jq functions and keywords that select,
// compare or shape values by the fields a path names, and so print only
// what the paths beside them name.
var jqNamedFunctions = table.Map[string, bool]{Words: "select map has length keys keys_unsorted type not and or any all test startswith endswith contains " +
	"sort sort_by unique unique_by group_by first last empty tostring tonumber ascii_downcase ascii_upcase " +
	"if then else elif end true false null limit index join split ltrimstr rtrimstr min max reverse flatten " +
	"length utf8bytelength env as reduce foreach"}

// jqOpaque reports a stage that calls a function that is not among
// jqNamedFunctions (tostream, getpath, to_entries, del, paths, with_entries,
// $__loc__, input): one that reaches values without naming their field.
func jqOpaque(t string) bool {
	t = unquotedJQ(t)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c == '_') {
			continue
		}
		j := i
		for j < len(t) && (t[j] >= 'a' && t[j] <= 'z' || t[j] >= 'A' && t[j] <= 'Z' || t[j] >= '0' && t[j] <= '9' || t[j] == '_') {
			j++
		}
		word := t[i:j]
		prev := byte(0)
		if i > 0 {
			prev = t[i-1]
		}
		if prev != '.' && prev != '$' && prev != '@' && !(prev >= 'A' && prev <= 'Z') && !jqNamedFunctions.Get(word) {
			return true
		}
		i = j
	}
	return false
}

// unquotedJQ is a jq expression with its string literals emptied.
func unquotedJQ(t string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case in && c == '\\':
			i++
		case c == '"':
			in = !in
			b.WriteByte(c)
		case !in:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// stripBrackets takes the brackets that follow a path's name out of it
// (.data["pass"+"word"], .data[$k]), so the name is what is read.
func stripBrackets(t string) string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '[':
			if depth == 0 && i+1 < len(t) && (t[i+1] == '"' || t[i+1] == '\'') {
				// a quoted key alone is a path's segment (.data["tls.key"]): kept
				if k := strings.IndexByte(t[i:], ']'); k > 0 && !strings.ContainsAny(t[i+2:i+k-1], "+$(") {
					b.WriteString(t[i : i+k+1])
					i += k
					continue
				}
			}
			depth++
		case c == ']':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// splitTop splits s at sep where it stands outside brackets, parentheses
// and strings.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case in && c == '\\':
			i++
		case c == '"':
			in = !in
		case in:
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
