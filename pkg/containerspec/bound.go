package containerspec

import "strings"

// Options kept in a name before the call that creates a container:
// "kw = {'privileged': True}; containers.run('alpine', **kw)", "opts =
// dict(volumes=['/:/h'])", "const opts = {HostConfig: {…}};
// d.createContainer(opts)", and items set on the name later (kw['volumes']
// = […]). The name's literal is read as if written at the call; a name
// assigned twice, or never to a literal, stays unread.

// boundValue gives the literal a name is assigned in code (NAME = …,
// const/let/var NAME = …, at a statement's start), with the items set on
// it later by NAME['key'] = … merged into a dict or object.
func boundValue(c, name string, depth int) (any, bool) {
	if depth > maxDepth/2 || name == "" || strings.ContainsAny(name, ".$") {
		return nil, false
	}
	var v any
	found := false
	for at := 0; at < len(c); {
		k := strings.Index(c[at:], name)
		if k < 0 {
			break
		}
		k += at
		at = k + len(name)
		if k > 0 && isIdentByte(c[k-1]) || at < len(c) && isIdentByte(c[at]) || !statementStart(c, k) {
			continue
		}
		j := skipSpace(c, at)
		if j >= len(c) || c[j] != '=' || j+1 < len(c) && (c[j+1] == '=' || c[j+1] == '>') {
			continue
		}
		if found {
			return nil, false // assigned twice: which holds depends on the run
		}
		x, _, ok := parseValue(c, j+1, depth+1)
		if !ok {
			return nil, false
		}
		if call, isCall := x.(Call); isCall && call.Name == "dict" && len(call.Args) == 0 {
			x = call.Kw // dict(privileged=True)
			if x == nil {
				x = map[string]any{}
			}
		}
		v, found = x, true
	}
	if m, ok := v.(map[string]any); ok && found {
		setItems(c, name, m, depth)
	}
	return v, found && v != nil
}

// setItems merges into m the items code sets on name after assigning it:
// NAME['key'] = value, NAME["key"] = value.
func setItems(c, name string, m map[string]any, depth int) {
	for at := 0; at < len(c); {
		k := strings.Index(c[at:], name+"[")
		if k < 0 {
			return
		}
		k += at
		at = k + len(name) + 1
		if k > 0 && isIdentByte(c[k-1]) {
			continue
		}
		if at >= len(c) || c[at] != '\'' && c[at] != '"' {
			continue
		}
		s, end, ok := parseString(c, at)
		if !ok {
			continue
		}
		j := skipSpace(c, end)
		if j >= len(c) || c[j] != ']' {
			continue
		}
		j = skipSpace(c, j+1)
		if j >= len(c) || c[j] != '=' || j+1 < len(c) && c[j+1] == '=' {
			continue
		}
		if x, _, ok := parseValue(c, j+1, depth+1); ok {
			m[s] = x
		}
	}
}

// statementStart reports whether code[k:] starts a statement: at the
// start, after a newline, ';' or '{', or after const, let, var.
func statementStart(c string, k int) bool {
	p := k
	for p > 0 && (c[p-1] == ' ' || c[p-1] == '\t') {
		p--
	}
	for _, kw := range []string{"const", "let", "var"} {
		if strings.HasSuffix(c[:p], kw) && (p == len(kw) || !isIdentByte(c[p-len(kw)-1])) {
			p -= len(kw)
			for p > 0 && (c[p-1] == ' ' || c[p-1] == '\t') {
				p--
			}
			break
		}
	}
	return p == 0 || strings.IndexByte("\n;{", c[p-1]) >= 0
}

// mergeStar merges into kw the dict a **NAME argument unpacks.
func mergeStar(c string, i int, kw map[string]any, depth int) map[string]any {
	j := i
	for j < len(c) && isIdentByte(c[j]) {
		j++
	}
	v, ok := boundValue(c, c[i:j], depth)
	if !ok {
		return kw
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		return kw
	}
	if kw == nil {
		kw = map[string]any{}
	}
	for k, x := range m {
		if _, set := kw[k]; !set {
			kw[k] = x
		}
	}
	return kw
}
