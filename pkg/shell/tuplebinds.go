package shell

import "strings"

// Several names are bound in one statement: Go's "prog, flag := "rm",
// "-rf"" and "var a, b = "sh", "-c"", its "h, err := os.UserHomeDir()"
// (one value, the others an error or a flag), and C#'s and Java's "string
// sh = "/bin/sh", args = "-c …";" (declarators after the first). The
// binders (literalnames.go, codevars.go) read one name bound per
// statement; tupleBindings writes each such statement as one statement per
// name, so that each name holds its own value. Go's := is written as =,
// the binding the scanner's assignments read.

// tupleBindings returns code with its statements that bind several names
// written one name a statement (see above).
func tupleBindings(lang, code string) string {
	if !strings.Contains(code, ",") || !strings.Contains(code, "=") {
		return code
	}
	lines := strings.Split(code, "\n")
	changed := false
	for k, l := range lines {
		if out, ok := splitTuple(lang, l); ok {
			lines[k], changed = out, true
		}
	}
	if !changed {
		return code
	}
	return strings.Join(lines, "\n")
}

// tupleErrNames are the names a Go call's second result is bound to when
// the first is the value: an error or a flag.
func tupleErrName(n string) bool {
	switch n {
	case "_", "err", "ok", "e", "error", "found":
		return true
	}
	return false
}

// splitTuple writes one line binding several names as one statement per
// name; ok is false for a line that binds no more than one.
func splitTuple(lang, l string) (string, bool) {
	op := "="
	k := strings.Index(l, ":=")
	if k >= 0 && lang == "go" {
		op = ":="
	} else {
		k = strings.Index(l, "=")
		if k <= 0 || k+1 < len(l) && (l[k+1] == '=' || l[k+1] == '>') || strings.IndexByte("!<>+-*/%&|^:.", l[k-1]) >= 0 {
			return "", false
		}
	}
	left, right := l[:k], strings.TrimSpace(l[k+len(op):])
	if strings.ContainsAny(left, "\"'`([{") {
		return "", false // f(a, b = 1), a literal before the =: no binding of names
	}
	indent := left[:len(left)-len(strings.TrimLeft(left, " \t"))]
	left = strings.TrimSpace(left)
	kw := ""
	for _, w := range [...]string{"var ", "const ", "let "} {
		if strings.HasPrefix(left, w) {
			kw, left = w, strings.TrimSpace(left[len(w):])
		}
	}
	semi := ""
	if strings.HasSuffix(right, ";") {
		semi, right = ";", strings.TrimSuffix(right, ";")
	}
	values := topLevelSplit(right)
	bind := op
	if lang == "go" && op == ":=" {
		bind = "=" // the scanner binds NAME = VALUE
	}
	names := strings.Split(left, ",")
	if len(names) >= 2 {
		for n := range names {
			names[n] = strings.TrimSpace(names[n])
			if !identName(names[n]) {
				return "", false
			}
		}
		var parts []string
		switch {
		case len(values) == len(names):
			for n, name := range names {
				if name != "_" {
					parts = append(parts, kw+name+" "+bind+" "+values[n])
				}
			}
		case len(values) == 1 && lang == "go":
			for _, name := range names[1:] {
				if !tupleErrName(name) {
					return "", false
				}
			}
			parts = append(parts, kw+names[0]+" "+bind+" "+values[0])
		default:
			return "", false
		}
		return indent + strings.Join(parts, "; ") + semi, true
	}
	// TYPE a = "x", b = "y": the declarators after the first
	if len(values) < 2 || lang == "go" {
		return "", false
	}
	f := strings.Fields(left)
	if len(f) < 2 && kw == "" {
		return "", false
	}
	typ := strings.Join(f[:len(f)-1], " ")
	if typ == "" {
		typ = strings.TrimSpace(kw) // let a = "x", b = "y"
	}
	parts := []string{left + " = " + values[0]}
	for _, v := range values[1:] {
		name, val, found := strings.Cut(v, "=")
		if !found || !identName(strings.TrimSpace(name)) || strings.HasPrefix(val, "=") {
			return "", false
		}
		parts = append(parts, typ+" "+strings.TrimSpace(name)+" = "+strings.TrimSpace(val))
	}
	return indent + kw + strings.Join(parts, "; ") + semi, true
}

// topLevelSplit cuts s at its commas outside strings and brackets, each
// part trimmed.
func topLevelSplit(s string) []string { return topLevelCut(s, ',') }
