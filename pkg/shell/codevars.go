package shell

import (
	"strings"

	"rampart.dev/pkg/internal/substrs"
)

// Variables in interpreter code: "p = os.path.expanduser('~/.bashrc');
// open(p, 'a')" opens the file p names. The scanner records each simple
// assignment of a value it can read (a literal, a concatenation, a known
// wrapping call) and reads a later use of the name as that value. A name
// assigned twice, or assigned something it cannot read, stays unknown.

// variable reads a variable name at i that an assignment in the code gave
// a value.
func (sc *scanner) variable(i int) (value, int, bool) {
	c := sc.code
	j := i
	if j < len(c) && (c[j] == '$' || c[j] == '@' && sc.lang == "perl") && (sc.lang == "perl" || sc.lang == "php") {
		j++ // $x, perl's @list
	}
	start := j
	for j < len(c) && isIdent(c[j]) {
		j++
	}
	if j == start || c[start] >= '0' && c[start] <= '9' {
		return value{}, i, false
	}
	// Not a call, an attribute, an index or the assignment itself.
	if k := skipSpace(c, j); k < len(c) && (c[k] == '(' || c[k] == '.' || c[k] == '[' || c[k] == '=' && (k+1 >= len(c) || c[k+1] != '=')) {
		return value{}, i, false
	}
	vars := sc.assignments()
	v, ok := vars[c[i:j]]
	if !ok {
		return value{}, i, false
	}
	return v, j, true
}

// assignments finds "NAME = VALUE" (with const/let/var/my/local, and the
// sigil of perl and php) once per scanner.
func (sc *scanner) assignments() map[string]value {
	if sc.varsDone {
		return sc.vars
	}
	sc.varsDone = true
	if sc.depth >= maxCallNesting {
		return nil
	}
	c := sc.code
	twice := map[string]bool{}
	if sc.lang == "applescript" {
		sc.appleAssignments(twice)
	}
	for i := 0; i < len(c); i++ {
		op := 1
		if rArrow(sc.lang, c, i) {
			op = 2 // R's home <- Sys.getenv("HOME")
		} else if c[i] != '=' || i+1 < len(c) && (c[i+1] == '=' || c[i+1] == '~' || c[i+1] == '>') {
			continue
		} else if i > 0 && strings.IndexByte("=!<>+-*/%&|^:.", c[i-1]) >= 0 {
			continue // ==, !=, +=, := and the like
		}
		// The name before the "=".
		e := i
		for e > 0 && (c[e-1] == ' ' || c[e-1] == '\t') {
			e--
		}
		b := e
		for b > 0 && isIdent(c[b-1]) {
			b--
		}
		if b == e || c[b] >= '0' && c[b] <= '9' {
			continue
		}
		if b > 0 && (c[b-1] == '$' || c[b-1] == '@' && sc.lang == "perl") {
			b--
		}
		if sc.lang == "rust" || sc.lang == "swift" || sc.lang == "kotlin" || sc.lang == "scala" {
			if nb, ne, ok := annotatedName(c, b); ok {
				b, e = nb, ne // let d: &'static str = …: the name before the type
			}
		}
		// Only at a statement's start: after ; { ( newline, a keyword or
		// the start of the code (not a keyword argument f(mode='w')).
		p := b
		for p > 0 && (c[p-1] == ' ' || c[p-1] == '\t') {
			p--
		}
		for _, kw := range []string{"mut", "const", "let", "var", "my", "local", "our", "val", "final", "def", "Set", "Dim", "static", "pub"} {
			// (Rust's let mut, pub static: two keywords, read in turn)
			if strings.HasSuffix(c[:p], kw) && (p == len(kw) || !isIdent(c[p-len(kw)-1])) {
				p -= len(kw)
				for p > 0 && (c[p-1] == ' ' || c[p-1] == '\t') {
					p--
				}
				if kw != "mut" && kw != "static" {
					break
				}
			}
		}
		if p > 0 && strings.IndexByte(";{\n", c[p-1]) < 0 && (sc.lang == "csharp" || sc.lang == "java") {
			p = typedDeclStart(c, p) // C#'s and Java's const string cmd = …: the type and modifiers before the name
		}
		if p > 0 && strings.IndexByte(";{\n", c[p-1]) < 0 || p > 0 && c[p-1] == '{' && sc.lang == "lua" {
			continue // (Lua's braces make tables, not blocks: {args = a} assigns nothing)
		}
		sc.assign(c[b:e], i+op, twice)
	}
	return sc.vars
}

// annotatedName returns the name a type annotation follows (NAME: TYPE =,
// with the type ending at b): Rust's, Swift's, Kotlin's and Scala's typed
// bindings; ok is false when c[:b] ends in no annotation.
func annotatedName(c string, b int) (start, end int, ok bool) {
	k := b
	for k > 0 && (isIdent(c[k-1]) || strings.IndexByte(" \t&'<>[](),?*", c[k-1]) >= 0 || c[k-1] == ':' && k > 1 && c[k-2] == ':') {
		if c[k-1] == ':' {
			k-- // a path's :: (std::string::String)
		}
		k--
	}
	if k == 0 || c[k-1] != ':' || k > 1 && c[k-2] == ':' {
		return 0, 0, false
	}
	e := k - 1
	for e > 0 && (c[e-1] == ' ' || c[e-1] == '\t') {
		e--
	}
	s := e
	for s > 0 && isIdent(c[s-1]) {
		s--
	}
	if s == e || !identStart(c[s]) {
		return 0, 0, false
	}
	return s, e, true
}

// typedDeclStart returns where a typed declaration whose name starts
// after c[:p] begins: before its type (string, List<string>, var's
// string[]) and the modifiers before it (const, static, readonly, final,
// private, public, internal); p itself when no type stands there.
func typedDeclStart(c string, p int) int {
	t := p
	for t > 0 && (isIdent(c[t-1]) || strings.IndexByte("<>[]?.", c[t-1]) >= 0) {
		t--
	}
	if t == p || !identStart(c[t]) {
		return p
	}
	for {
		q := t
		for q > 0 && (c[q-1] == ' ' || c[q-1] == '\t') {
			q--
		}
		moved := false
		for _, kw := range [...]string{"const", "static", "readonly", "final", "private", "public", "internal", "protected"} {
			if strings.HasSuffix(c[:q], kw) && (q == len(kw) || !isIdent(c[q-len(kw)-1])) {
				t, moved = q-len(kw), true
				break
			}
		}
		if !moved {
			return q
		}
	}
}

// rArrow reports R's assignment arrow "<-" at code[i] (not "<<-", whose
// name is another scope's, nor "x < -1", written with a space).
func rArrow(lang, c string, i int) bool {
	return lang == "r" && c[i] == '<' && i+1 < len(c) && c[i+1] == '-' && (i == 0 || c[i-1] != '<')
}

// assign records name = the value at index at of the code; a name assigned
// twice is not known (which assignment holds depends on the run), nor is a
// list.
func (sc *scanner) assign(name string, at int, twice map[string]bool) {
	sc.depth++
	if k := skipSpace(sc.code, at); k < len(sc.code) && (sc.code[k] == '[' || sc.code[k] == '{' && sc.lang == "lua") {
		at = k // cmd = ['git', 'status'], local o = {…}: the list after the space
	}
	v, next := sc.value(at)
	sc.depth--
	if r := strings.TrimLeft(sc.code[min(next, len(sc.code)):], " \t"); v.list && r != "" && r[0] != '\n' && r[0] != ';' {
		v.known = false // ['rm', '-rf'] + [home]: more joined to the list
	}
	if sc.vars == nil {
		sc.vars = map[string]value{}
	}
	if _, seen := sc.vars[name]; seen || twice[name] {
		twice[name] = true
		delete(sc.vars, name)
		return
	}
	lua := sc.lang == "lua"
	if v.list && lua {
		v = sc.luaArgsField(name, v) // local o = {}; o.args = {…}
	}
	if v.list && (!v.known || !fixedList(sc.code, name, at, lua) || listChanged(sc.code, name, lua)) {
		v.known = false // a list grown, changed or handed round holds what the run gives it
	}
	sc.vars[name] = v
}

// fixedList reports a list assigned to name (at code[at:]) that the code
// then uses once, whole and unchanged: cmd = ['git', 'status'];
// subprocess.run(cmd), and perl's call without brackets (system @cmd). A
// list changed in place (cmd.append(home), cmd +=
// …, cmd[0] = …, *cmd), read in parts, or handed to more than one call
// (add_flags(cmd); run(cmd)) holds words the assignment does not show.
// With argsField, a Lua table's args field set (luaArgsField's) is no use.
func fixedList(code, name string, at int, argsField bool) bool {
	uses := 0
	for k := 0; ; {
		j := strings.Index(code[k:], name)
		if j < 0 {
			return uses <= 1
		}
		j += k
		k = j + len(name)
		if j > 0 && (isIdent(code[j-1]) || code[j-1] == '.' || code[j-1] == '$' || code[j-1] == '@') || k < len(code) && isIdent(code[k]) {
			continue
		}
		if r := strings.TrimLeft(code[k:], " \t"); strings.HasPrefix(r, "=") && !strings.HasPrefix(r, "==") && k <= at {
			continue // the assignment itself
		}
		before := strings.TrimRight(code[:j], " \t")
		after := strings.TrimLeft(code[k:], " \t")
		if r, ok := strings.CutPrefix(after, ".args"); ok && argsField && strings.HasPrefix(strings.TrimLeft(r, " \t"), "=") {
			continue // o.args = {…}: luaArgsField's
		}
		if argsField && strings.HasPrefix(after, "=") && !strings.HasPrefix(after, "==") && before != "" && (before[len(before)-1] == '{' || before[len(before)-1] == ',') {
			continue // {args = args}: a field's key, not the name
		}
		if argsField && strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(before, "="), " \t"), "args") && after != "" && (after[0] == '}' || after[0] == ',') {
			uses++ // spawn("git", {args = a}): the list handed whole
			continue
		}
		// system @cmd: perl's call without brackets takes the list whole
		// as its arguments, as system(@cmd) does
		bare := name[0] == '@' && before != "" && isIdent(before[len(before)-1]) && len(before) < j
		if bare && perlStatementEnd(after) {
			uses++ // system @cmd or die
			continue
		}
		if after == "" && !bare || after != "" && strings.IndexByte(",)\n;", after[0]) < 0 ||
			!bare && (before == "" || strings.IndexByte("(,", before[len(before)-1]) < 0 || strings.HasSuffix(before, "*")) {
			return false
		}
		uses++
	}
}

// perlStatementEnd reports what may follow the last argument of perl's
// call without brackets: the code's end, a statement's end, or a
// low-precedence operator starting a new expression (system @cmd or die,
// system @cmd and print "ok", … if $go, || exit 1).
func perlStatementEnd(after string) bool {
	if after == "" || after[0] == ';' || after[0] == '\n' || after[0] == '}' ||
		strings.HasPrefix(after, "||") || strings.HasPrefix(after, "&&") {
		return true
	}
	for _, kw := range []string{"or", "and", "if", "unless"} {
		if r, ok := strings.CutPrefix(after, kw); ok && r != "" && (r[0] == ' ' || r[0] == '\t') {
			return true
		}
	}
	return false
}

// luaArgsField adds to a Lua table a name holds the items of the args
// field the code sets on it later (o.args = {"-rf", "build"}), as the
// table's own {args = …} is read (list): luv's spawn options. An args
// field set twice, or to what the scan cannot read, leaves the table
// computed.
func (sc *scanner) luaArgsField(name string, v value) value {
	set := name + ".args"
	k := strings.Index(sc.code, set)
	if k < 0 {
		return v
	}
	at := skipSpace(sc.code, k+len(set))
	if at >= len(sc.code) || sc.code[at] != '=' || strings.Contains(sc.code[at:], set) {
		v.known = false
		return v
	}
	sc.depth++
	f, _ := sc.value(skipSpace(sc.code, at+1))
	sc.depth--
	if !f.list {
		v.known = false
		return v
	}
	v.items = append(v.items[:len(v.items):len(v.items)], f.items...)
	v.known = v.known && f.known
	return v
}

// listChanged reports whether code changes the list a name holds after
// assigning it: a method that grows it (append, push, extend, insert,
// concat, unshift, <<), an item or field set (NAME[i] = …, NAME.f = …),
// +=, table.insert(NAME, …), perl's push @NAME. With argsField, a Lua
// table's args field set (luaArgsField's) is no change.
func listChanged(code, name string, argsField bool) bool {
	for k := range substrs.Occurrences(code, name) {
		at := k + len(name)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || at < len(code) && isIdent(code[at]) {
			continue
		}
		before := strings.TrimRight(code[:k], " \t")
		if strings.HasSuffix(before, "table.insert(") || strings.HasSuffix(before, "push") || strings.HasSuffix(before, "push(") {
			return true
		}
		rest := code[at:]
		switch {
		case strings.HasPrefix(rest, "["), strings.HasPrefix(strings.TrimLeft(rest, " \t"), "+="),
			strings.HasPrefix(strings.TrimLeft(rest, " \t"), "<<"):
			return true
		case strings.HasPrefix(rest, "."):
			f := rest[1:]
			e := 0
			for e < len(f) && isIdent(f[e]) {
				e++
			}
			switch f[:e] {
			case "append", "push", "extend", "insert", "concat", "unshift", "add", "addAll", "splice":
				return true
			}
			if r := strings.TrimLeft(f[e:], " \t"); strings.HasPrefix(r, "=") && !strings.HasPrefix(r, "==") && !(argsField && f[:e] == "args") {
				return true // o.args = {…}
			}
		}
	}
	return false
}

// appleAssignments finds AppleScript's "set NAME to VALUE" at the start of
// a line (osascript's -e statements are lines), as assignments does NAME =
// VALUE; a name set twice is not known.
func (sc *scanner) appleAssignments(twice map[string]bool) {
	c := sc.code
	for i := 0; i < len(c); i++ {
		if i > 0 && c[i-1] != '\n' || !strings.HasPrefix(c[i:], "set ") {
			continue
		}
		b := skipSpace(c, i+4)
		e := b
		for e < len(c) && isIdent(c[e]) {
			e++
		}
		if e == b || !strings.HasPrefix(c[e:], " to ") {
			continue
		}
		sc.assign(c[b:e], e+4, twice)
	}
}
