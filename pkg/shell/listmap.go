package shell

import "strings"

// A literal list mapped by an arrow before it is looped over:
// ["Documents", "Desktop"].map(d => path.join(HOME, d)).forEach(v =>
// rmSync(v)) deletes ~/Documents and ~/Desktop, and ["dist",
// "coverage"].map(d => path.join("web", d)) names web/dist and
// web/coverage. The arrow's body is read once for each item, with the
// parameter standing for that item; a body the scanner cannot read to one
// known text (a block, a call it does not know) binds nothing, and the
// delete stays one with computed arguments.

// mapItems reads the call ".map(PARAM => BODY)" at code[i:] over items,
// and returns what BODY makes of each item, and where the call ends.
func (sc *scanner) mapItems(i int, items []string) ([]string, int, bool) {
	c := sc.code
	open := i + len(".map")
	j := skipSpace(c, open+1)
	paren := j < len(c) && c[j] == '('
	if paren {
		j = skipSpace(c, j+1)
	}
	param := leadingIdent(c[j:])
	if param == "" {
		return nil, i, false
	}
	j += len(param)
	if paren {
		if j = skipSpace(c, j); j >= len(c) || c[j] != ')' {
			return nil, i, false
		}
		j++
	}
	j = skipSpace(c, j)
	if !strings.HasPrefix(c[j:], "=>") {
		return nil, i, false
	}
	close := closingParen(c, open)
	if close < 0 {
		return nil, i, false
	}
	body := strings.TrimSpace(c[j+2 : close])
	if body == "" || body[0] == '{' || len(body) > 512 {
		return nil, i, false // a block body: statements, not one expression
	}
	vars := sc.assignments()
	out := make([]string, 0, len(items))
	for _, it := range items {
		expr := replaceIdent(body, param, `"`+it+`"`)
		sub := &scanner{lang: sc.lang, code: expr, depth: sc.depth, vars: vars, varsDone: true}
		v, end := sub.value(0)
		if !v.known || v.list || skipSpace(expr, end) != len(expr) || strings.ContainsAny(v.str, " \t\n$") {
			return nil, i, false
		}
		out = append(out, v.str)
	}
	return out, close + 1, true
}

// replaceIdent replaces each use of the identifier name in code (not part
// of a longer name, nor a property after ".") with text.
func replaceIdent(code, name, text string) string {
	var b strings.Builder
	for {
		k := strings.Index(code, name)
		if k < 0 {
			b.WriteString(code)
			return b.String()
		}
		end := k + len(name)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || end < len(code) && isIdent(code[end]) {
			b.WriteString(code[:end])
		} else {
			b.WriteString(code[:k])
			b.WriteString(text)
		}
		code = code[end:]
	}
}

// loopExprItems reads an argument's expression that uses one loop
// variable bound to literal items (not a walk's pattern) once for each
// item: rmtree(os.path.join(os.getcwd(), t)) in "for t in ['target',
// 'out']" deletes ./target and ./out.
func (sc *scanner) loopExprItems(raw string, reads bool) ([]string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 512 {
		return nil, false
	}
	var name string
	for n := range sc.loopVars() {
		if replaceIdent(raw, n, "") != raw {
			if name != "" {
				return nil, false // two loops' variables: their product is not read
			}
			name = n
		}
	}
	if b, ok := sc.loopVars()[name]; ok && !b.walk && !(b.outside && !reads) {
		vars := sc.assignments()
		out := make([]string, 0, len(b.items))
		for _, it := range b.items {
			// interpolated in a string (f"build/{t}", `web/${d}`, "tmp/#{d}"): the item's text
			expr := strings.NewReplacer("${"+name+"}", it, "#{"+name+"}", it, "{"+name+"}", it).Replace(raw)
			expr = replaceIdent(expr, name, `"`+it+`"`)
			sub := &scanner{lang: sc.lang, code: expr, depth: sc.depth, vars: vars, varsDone: true}
			v, end := sub.value(0)
			if !v.known || v.list || skipSpace(expr, end) != len(expr) || strings.ContainsAny(v.str, " \t\n$") {
				return nil, false
			}
			out = append(out, v.str)
		}
		return out, true
	}
	return nil, false
}
