package shell

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// jq's and yq's filters write text too: an assignment of a literal
// (.scripts.postinstall = "curl … | sh", .jobs.ci.steps += [{"run": "…"}],
// .services.x = {…}) puts that literal at that path of the document they
// write, to a redirection's file or, with yq -i, back into the file. The
// rest of the document is what the file held, the user's own. So the text
// such a command writes is the document its assignments make, as JSON
// for jq and YAML for yq, which the readers of run-later files read as a
// Write's content; a --arg value an assignment uses ($s) is the literal
// it names, and so is a variable of the environment the line sets (jq's
// env.X, $ENV.X and $ENV["X"], yq's strenv(X) and env(X)). A filter in a file (-f) or one with no literal assigned
// writes nothing known.

// jqEditText returns the files a jq or yq command edits in place and the
// text its filter's assignments write, and whether it writes any.
// env gives the value of a variable the line sets, if known.
func jqEditText(name string, words []string, env func(string) (string, bool)) (inPlace []string, text string, ok bool) {
	switch name {
	case "jq", "gojq", "jaq", "yq":
	default:
		return nil, "", false
	}
	vars := map[string]string{}
	filter, haveFilter, yamlOut := "", false, name == "yq"
	var files []string
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--arg" || w == "--argjson":
			if i+2 < len(words) {
				vars[words[i+1]] = words[i+2]
				if w == "--argjson" {
					vars[words[i+1]] = "\x00" + words[i+2]
				}
			}
			i += 2
		case w == "--slurpfile" || w == "--rawfile":
			i += 2
		case w == "-f" || w == "--from-file":
			return nil, "", false // the filter is in a file
		case w == "--indent" || w == "-L" || w == "-o" || w == "--output-format" || w == "-p" || w == "--input-format" || w == "-I" ||
			w == "--front-matter" || w == "-s" || w == "--split-exp":
			if w == "-o" || w == "--output-format" {
				yamlOut = i+1 < len(words) && (words[i+1] == "yaml" || words[i+1] == "y")
			}
			i++
		case w == "--expression":
			if i+1 < len(words) {
				filter, haveFilter = words[i+1], true
			}
			i++
		case w == "-i" || w == "--inplace" || w == "--in-place":
			inPlace = []string{} // the files, once read
		case strings.HasPrefix(w, "--"):
		case strings.HasPrefix(w, "-") && len(w) > 1:
			if name == "yq" && strings.ContainsRune(w[1:], 'i') {
				inPlace = []string{}
			}
		case !haveFilter && name == "yq" && (w == "eval" || w == "e" || w == "eval-all" || w == "ea"):
		case !haveFilter:
			filter, haveFilter = w, true
		default:
			files = append(files, w)
		}
	}
	if !haveFilter {
		return nil, "", false
	}
	doc := jqAssignments(filter, vars, env)
	jqSetpaths(doc, filter) // jqliterals.go
	if whole, ok := jqWholeLiteral(strings.TrimSpace(filter)); ok && len(doc) == 0 {
		doc = whole // jq -n '{…}': the document itself
	}
	if len(doc) == 0 {
		return nil, "", false
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".json") {
			yamlOut = false
		}
	}
	if yamlOut {
		var b strings.Builder
		yamlBlock(&b, doc, 0)
		text = b.String()
	} else {
		out, err := json.Marshal(doc)
		if err != nil {
			return nil, "", false
		}
		text = string(out)
	}
	if inPlace != nil {
		inPlace = files
	}
	return inPlace, text, true
}

// jqAssignments returns the document the filter's assignments of literals
// make: each PATH = LITERAL (or +=, |=, //=) sets LITERAL at PATH.
func jqAssignments(filter string, vars map[string]string, env func(string) (string, bool)) map[string]any {
	doc := map[string]any{}
	for i := 0; i < len(filter); i++ {
		if filter[i] != '.' || i > 0 && (isJQWord(filter[i-1]) || filter[i-1] == ']' || filter[i-1] == '"') {
			continue
		}
		path, j := jqPath(filter, i)
		if len(path) == 0 {
			continue
		}
		k := jqSkipSpace(filter, j)
		op := ""
		for _, o := range []string{"//=", "+=", "|=", "="} {
			if strings.HasPrefix(filter[k:], o) && !strings.HasPrefix(filter[k:], "==") {
				op = o
				break
			}
		}
		if op == "" {
			i = j - 1
			continue
		}
		k = jqSkipSpace(filter, k+len(op))
		if op == "|=" && strings.HasPrefix(filter[k:], ".") {
			// .scripts |= . + {…}: the literal merged in is what is written
			if m := jqSkipSpace(filter, k+1); m < len(filter) && (filter[m] == '+' || filter[m] == '*') {
				k = jqSkipSpace(filter, m+1)
			}
		}
		var v any
		if val, e, ok := jqEnvRef(filter, k, env); ok {
			v, k = val, e
		} else if k < len(filter) && filter[k] == '$' {
			e := k + 1
			for e < len(filter) && isJQWord(filter[e]) {
				e++
			}
			s, found := vars[filter[k+1:e]]
			if !found {
				i = e - 1
				continue
			}
			if raw, isJSON := strings.CutPrefix(s, "\x00"); isJSON {
				if json.Unmarshal([]byte(raw), &v) != nil {
					v = raw
				}
			} else {
				v = s
			}
			k = e
		} else {
			lit, e, ok := jqLiteral(filter, k) // jqliterals.go
			if !ok {
				i = k - 1
				continue
			}
			v, k = lit, e
		}
		setPath(doc, path, v)
		i = k - 1
	}
	return doc
}

// jqPath reads a path (.a.b, ."x-y", .a[0], .a[], .["k"]) at filter[i],
// returning its keys ("" for an index) and the index after it.
func jqPath(filter string, i int) ([]string, int) {
	var path []string
	for i < len(filter) {
		switch {
		case filter[i] == '.' && i+1 < len(filter) && filter[i+1] == '"':
			s, e, ok := jqString(filter, i+1)
			if !ok {
				return path, i
			}
			path, i = append(path, s), e
		case filter[i] == '.' && i+1 < len(filter) && isJQWord(filter[i+1]):
			e := i + 1
			for e < len(filter) && isJQWord(filter[e]) {
				e++
			}
			path, i = append(path, filter[i+1:e]), e
		case filter[i] == '[' || filter[i] == '.' && i+1 < len(filter) && filter[i+1] == '[':
			if filter[i] == '.' {
				i++
			}
			e := strings.IndexByte(filter[i:], ']')
			if e < 0 {
				return path, i
			}
			in := strings.TrimSpace(filter[i+1 : i+e])
			if s, err := strconv.Unquote(in); err == nil {
				path = append(path, s)
			} else {
				path = append(path, "")
			}
			i += e + 1
		default:
			return path, i
		}
	}
	return path, i
}

// jqString reads a double-quoted string at filter[i].
func jqString(filter string, i int) (string, int, bool) {
	for e := i + 1; e < len(filter); e++ {
		if filter[e] == '\\' {
			e++
			continue
		}
		if filter[e] == '"' {
			s, err := strconv.Unquote(filter[i : e+1])
			return s, e + 1, err == nil
		}
	}
	return "", len(filter), false
}

func isJQWord(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func jqSkipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	return i
}

// setPath sets v at path in doc; an index ("") makes a list of one.
func setPath(doc map[string]any, path []string, v any) {
	for n := len(path) - 1; n > 0; n-- {
		if path[n] == "" {
			v = []any{v}
		} else {
			v = map[string]any{path[n]: v}
		}
	}
	key := path[0]
	if key == "" {
		key = "0"
	}
	if m, ok := doc[key].(map[string]any); ok {
		if mv, ok := v.(map[string]any); ok {
			mergeInto(m, mv)
			return
		}
	}
	doc[key] = v
}

// mergeInto merges src into dst, map by map.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if dm, ok := dst[k].(map[string]any); ok {
			if sm, ok := v.(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// yamlBlock writes v as block YAML, its strings double-quoted.
func yamlBlock(b *strings.Builder, v any, indent int) {
	pad := strings.Repeat(" ", indent)
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			b.WriteString(pad + k + ":")
			yamlValue(b, x[k], indent)
		}
	case []any:
		for _, e := range x {
			b.WriteString(pad + "-")
			yamlValue(b, e, indent)
		}
	}
}

// yamlValue writes a value after its key or dash: a scalar on the line, a
// map or list below it.
func yamlValue(b *strings.Builder, v any, indent int) {
	switch v.(type) {
	case map[string]any, []any:
		b.WriteByte('\n')
		yamlBlock(b, v, indent+2)
	default:
		if str, ok := v.(string); ok && yamlPlain(str) {
			b.WriteString(" " + str + "\n") // as a person writes a step's command
			return
		}
		out, _ := json.Marshal(v)
		b.WriteString(" " + string(out) + "\n")
	}
}

// yamlPlain reports a string YAML reads back as itself unquoted.
func yamlPlain(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n\t") || strings.Contains(s, ": ") || strings.Contains(s, " #") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") || strings.HasPrefix(s, " ") {
		return false
	}
	return !strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0]))
}

// jqEnvRefs are the spellings of a variable of the environment in jq's
// and yq's filters, each with what closes it: env.X, $ENV.X, $ENV["X"],
// strenv(X), env(X).
var jqEnvRefs = [...]struct{ open, close string }{
	{"env.", ""}, {"$ENV.", ""}, {`$ENV["`, `"]`}, {"strenv(", ")"}, {"env(", ")"},
}

// jqEnvRef reads a reference to an environment variable at filter[k] and
// returns the value env gives it and the index after it.
func jqEnvRef(filter string, k int, env func(string) (string, bool)) (string, int, bool) {
	if env == nil || k >= len(filter) {
		return "", k, false
	}
	for _, r := range jqEnvRefs {
		if !strings.HasPrefix(filter[k:], r.open) {
			continue
		}
		b := k + len(r.open)
		e := b
		for e < len(filter) && isJQWord(filter[e]) {
			e++
		}
		if e == b || !strings.HasPrefix(filter[e:], r.close) {
			return "", k, false
		}
		val, ok := env(filter[b:e])
		if !ok {
			return "", k, false
		}
		return val, e + len(r.close), true
	}
	return "", k, false
}
