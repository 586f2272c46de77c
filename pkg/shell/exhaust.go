package shell

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/internal/table"
)

// exhaust finds what starts processes without end: a function that runs
// itself in the background or in a pipeline (the classic fork bomb, under
// any name), and an endless loop that starts background jobs and never
// waits for them. Each is recorded in Result.Exhaust. src is the text f
// was parsed from.
func (s *state) exhaust(f *syntax.File, src string) {
	if !mayLoop(src) {
		return
	}
	var defs map[string]*syntax.Stmt
	defAt := map[string]uint{}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			if n.Name != nil && n.Body != nil {
				if defs == nil {
					defs = map[string]*syntax.Stmt{}
				}
				defs[n.Name.Value] = n.Body
				defAt[n.Name.Value] = n.Pos().Offset()
			}
		case *syntax.WhileClause:
			if endless(n) && spawnsWithoutWait(n.Do) && !paced(n.Do) {
				s.exhausts = append(s.exhausts, "an endless loop starts background jobs")
			}
		case *syntax.ForClause:
			if c, ok := n.Loop.(*syntax.CStyleLoop); ok && c.Cond == nil && spawnsWithoutWait(n.Do) && !paced(n.Do) {
				s.exhausts = append(s.exhausts, "an endless loop starts background jobs")
			}
		}
		return true
	})
	if why := argumentCycle(f, defs, defAt); why != "" {
		s.exhausts = append(s.exhausts, why)
	}
	for _, name := range sortedKeys(defs) {
		if via, ok := recursesConcurrently(name, defs); ok && calledWhenDefined(f, cycleOf(name, via, defs), defs, defAt) {
			why := "function " + name + " starts copies of itself"
			if via != name {
				why += " (through " + via + ")"
			}
			s.exhausts = append(s.exhausts, why)
		}
	}
}

// recursesConcurrently reports whether function name, defined in defs,
// runs a function in the background or as a pipeline stage that comes
// back to name (itself, or through other functions of defs, as in
// a(){ b & }; b(){ a; }), and names that function.
func recursesConcurrently(name string, defs map[string]*syntax.Stmt) (string, bool) {
	for _, g := range sortedKeys(defs) {
		if callsConcurrently(g, defs[name]) && reaches(g, name, defs) {
			return g, true
		}
	}
	return "", false
}

// cycleOf gives the functions of defs on the way from name through via
// and back to name.
func cycleOf(name, via string, defs map[string]*syntax.Stmt) []string {
	out := []string{name}
	for _, g := range sortedKeys(defs) {
		if g != name && reaches(via, g, defs) && reaches(g, name, defs) {
			out = append(out, g)
		}
	}
	return out
}

// calledWhenDefined reports whether the line calls one of funcs, outside
// any function's body, after all of them are defined: a call made before
// (first(){ second & }; first; second(){ first; }) finds the later
// function missing, and starts nothing more. A call of another function
// that reaches them (main(){ a; }; main) calls them, once it is defined
// too, and so does a builtin that runs its argument as a command (eval a,
// command a, trap a EXIT).
func calledWhenDefined(f *syntax.File, funcs []string, defs map[string]*syntax.Stmt, defAt map[string]uint) bool {
	var last uint
	for _, fn := range funcs {
		last = max(last, defAt[fn])
	}
	enters := func(name string, at uint) bool {
		if slices.Contains(funcs, name) {
			return true
		}
		return defs[name] != nil && defAt[name] < at && reaches(name, funcs[0], defs)
	}
	called := false
	// x=a; $x and for x in a; do $x; done: the names a variable holds.
	vars := map[string][]string{}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			return false
		case *syntax.ForClause:
			if it, ok := n.Loop.(*syntax.WordIter); ok && it.Name != nil {
				var items []string
				for _, w := range it.Items {
					items = append(items, wordText(w))
				}
				vars[it.Name.Value] = items
			}
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				for _, as := range n.Assigns {
					if as.Name != nil && as.Value != nil {
						vars[as.Name.Value] = []string{wordText(as.Value)}
					}
				}
			}
			at := n.Pos().Offset()
			for _, name := range calledNames(n.Args) {
				names := []string{name}
				if v, ok := vars[strings.Trim(name, "${}")]; ok && strings.HasPrefix(name, "$") {
					names = v
				}
				for _, name := range names {
					called = called || at > last && enters(name, at)
				}
			}
		}
		return !called
	})
	return called
}

// argumentCycle finds a function that starts, in the background or in a
// pipeline, the command its argument names, called with the name of a
// function that comes back to it (f(){ $1 $1 & $1 $1; }; f f): the
// argument closes a cycle the definitions alone do not show. It returns
// why, or "".
func argumentCycle(f *syntax.File, defs map[string]*syntax.Stmt, defAt map[string]uint) string {
	why := ""
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.FuncDecl:
			return false
		case *syntax.CallExpr:
			if len(n.Args) < 2 {
				return true
			}
			name := n.Args[0].Lit()
			body := defs[name]
			if body == nil || defAt[name] > n.Pos().Offset() {
				return true
			}
			for k := 1; k < len(n.Args) && why == ""; k++ {
				g := n.Args[k].Lit()
				if defs[g] == nil || defAt[g] > n.Pos().Offset() || g != name && !reaches(g, name, defs) {
					continue
				}
				param := "$" + strconv.Itoa(k)
				if !callsConcurrently(param, body) {
					continue
				}
				// The name must come round again: f(){ $1 $1 & }; f f hands
				// f its own name; g(){ f x g; } hands it g's.
				again := g != name && callsWith(defs[g], name, k, g)
				if g == name {
					again = callsWith(body, param, k, param)
				}
				if again {
					why = "function " + name + " starts copies of the function its argument names (" + g + ")"
				}
			}
		}
		return why == ""
	})
	return why
}

// runsArgument names the builtins that run a command their arguments
// give: eval's words, command's and builtin's, trap's action.
var runsArgument = table.Map[string, bool]{Words: "eval command builtin exec trap time nohup"}

// shellsRunning names the shells whose -c text, once a function is
// exported to them (export -f f; bash -c f), may call it.
var shellsRunning = table.Map[string, bool]{Words: "bash sh zsh"}

// calledNames gives the names a simple command may call as functions: its
// first word, and the first word of what a builtin that runs its argument
// (or a shell's -c) is given.
func calledNames(args []*syntax.Word) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		text := wordText(args[i])
		if p := wholeParam(args[i]); p != "" {
			text = "$" + p // $x or "$x", x holding a function's name
		}
		if i > 0 {
			// The first word of the command text an argument holds.
			if fs := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(" \t\n;&|", r) }); len(fs) > 0 {
				text = fs[0]
			}
		}
		out = append(out, text)
		if shellsRunning.Get(text) && i+2 < len(args) && args[i+1].Lit() == "-c" {
			i++ // bash -c f: the text's first word
			continue
		}
		if !runsArgument.Get(text) || strings.HasPrefix(text, "-") {
			break
		}
		for i+1 < len(args) && strings.HasPrefix(args[i+1].Lit(), "-") {
			i++
		}
	}
	return out
}

// reaches reports whether function from, defined in defs, calls to
// (directly or through other functions of defs).
func reaches(from, to string, defs map[string]*syntax.Stmt) bool {
	seen := map[string]bool{}
	queue := []string{from}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		if f == to {
			return true
		}
		if seen[f] || defs[f] == nil {
			continue
		}
		seen[f] = true
		for g := range defs {
			if containsCall(defs[f], g) {
				queue = append(queue, g)
			}
		}
	}
	return false
}

// sortedKeys gives the names of defs in order, so that reports are stable.
func sortedKeys(defs map[string]*syntax.Stmt) []string {
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// mayLoop reports whether src can hold a function definition or a loop:
// a keyword that starts one ("function", "for", "select", "while",
// "until"), or parentheses with only blanks between them ("f() { ...").
// A backslash-newline, which the shell removes before reading words
// ("wh\<newline>ile"), could hide either, so it counts too. Without any of
// them the tree holds no node exhaust looks at, and is not walked.
func mayLoop(src string) bool {
	if strings.Contains(src, "\\\n") {
		return true
	}
	for _, w := range [...]string{"function", "for", "select", "while", "until"} {
		if strings.Contains(src, w) {
			return true
		}
	}
	for i := 0; i < len(src); i++ {
		if src[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < len(src) && src[j] == ')' {
			return true
		}
	}
	return false
}

// callsConcurrently reports whether body calls name in the background
// or as a pipeline stage.
func callsConcurrently(name string, body *syntax.Stmt) bool {
	found := false
	syntax.Walk(body, func(n syntax.Node) bool {
		st, ok := n.(*syntax.Stmt)
		if !ok || found {
			return !found
		}
		if b, ok := st.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) {
			if isCall(b.X, name) || isCall(b.Y, name) {
				found = true
			}
		}
		if st.Background && (isCall(st, name) || containsCall(st, name)) {
			found = true
		}
		return true
	})
	return found
}

// callsWith reports whether body calls name with arg as its k-th
// argument (a parameter's name, "$1", for that parameter).
func callsWith(body *syntax.Stmt, name string, k int, arg string) bool {
	found := false
	syntax.Walk(body, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && len(c.Args) > k && callsName(c.Args[0], name) && callsName(c.Args[k], arg) {
			found = true
		}
		return !found
	})
	return found
}

// isCall reports whether st is a call of name; a name "$1" is a call of
// the parameter ($1, "$1", ${1}).
func isCall(st *syntax.Stmt, name string) bool {
	c, ok := st.Cmd.(*syntax.CallExpr)
	return ok && len(c.Args) > 0 && callsName(c.Args[0], name)
}

func callsName(w *syntax.Word, name string) bool {
	if p, ok := strings.CutPrefix(name, "$"); ok {
		return wholeParam(w) == p
	}
	return w.Lit() == name
}

// wholeParam gives the parameter a word is, whole and unchanged ($x,
// ${x}, "$x", "${x}"), or "".
func wholeParam(w *syntax.Word) string {
	if len(w.Parts) != 1 {
		return ""
	}
	part := w.Parts[0]
	if dq, ok := part.(*syntax.DblQuoted); ok && len(dq.Parts) == 1 {
		part = dq.Parts[0]
	}
	pe, ok := part.(*syntax.ParamExp)
	if !ok || pe.Param == nil || pe.Length || pe.Excl || pe.Exp != nil || pe.Repl != nil || pe.Slice != nil || pe.Index != nil {
		return ""
	}
	return pe.Param.Value
}

func containsCall(st *syntax.Stmt, name string) bool {
	found := false
	syntax.Walk(st, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && len(c.Args) > 0 && callsName(c.Args[0], name) {
			found = true
		}
		return !found
	})
	return found
}

// endless reports whether a while or until loop's condition never ends it:
// a condition whose status is known without running anything (true, :,
// false, ((1)), [[ x ]], and [ or test over literal words) and keeps the
// loop going.
func endless(w *syntax.WhileClause) bool {
	if len(w.Cond) != 1 {
		return false
	}
	ok, known := constantStatus(w.Cond[0])
	return known && ok != w.Until
}

// constantStatus gives the status of a condition that holds only literal
// words: whether it succeeds, and whether that is known.
func constantStatus(st *syntax.Stmt) (ok, known bool) {
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		if len(c.Assigns) > 0 || len(c.Args) == 0 {
			return false, false
		}
		args := make([]string, len(c.Args))
		for i, a := range c.Args {
			v, lit := literalWord(a)
			if !lit {
				return false, false
			}
			args[i] = v
		}
		name := args[0]
		if i := strings.LastIndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		}
		switch name {
		case "true", ":":
			return true, true
		case "false":
			return false, true
		case "test":
			return testStatus(args[1:])
		case "[":
			if args[len(args)-1] != "]" {
				return false, false
			}
			return testStatus(args[1 : len(args)-1])
		}
	case *syntax.ArithmCmd:
		if l, isWord := c.X.(*syntax.Word); isWord {
			switch v := l.Lit(); {
			case v == "":
			case strings.Trim(v, "0") == "":
				return false, true
			case strings.Trim(v, "0123456789") == "":
				return true, true
			}
		}
	case *syntax.TestClause:
		if l, isWord := c.X.(*syntax.Word); isWord {
			if v, lit := literalWord(l); lit {
				return v != "", true
			}
		}
	}
	return false, false
}

// testStatus evaluates test's operands when they are literal strings (the
// POSIX rules by count): none is false, one is true when it is not empty,
// "! X", "-n X", "-z X", "X = Y" and "X != Y" as written. Anything else
// (a file test, a number) is not known.
func testStatus(args []string) (ok, known bool) {
	switch len(args) {
	case 0:
		return false, true
	case 1:
		return args[0] != "", true
	case 2:
		switch args[0] {
		case "!":
			return args[1] == "", true
		case "-n":
			return args[1] != "", true
		case "-z":
			return args[1] == "", true
		}
	case 3:
		switch args[1] {
		case "=", "==":
			return args[0] == args[2], true
		case "!=":
			return args[0] != args[2], true
		}
	}
	return false, false
}

// literalWord gives a word's value when it holds only literal text and
// quotes around literal text.
func literalWord(w *syntax.Word) (string, bool) {
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			if p.Dollar {
				return "", false
			}
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				l, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				b.WriteString(l.Value)
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}

// spawnsWithoutWait reports whether statements start background jobs and
// never wait for them. A wait, break, exit or return counts only where it
// runs in the loop's own shell: not in a branch whose condition is known
// false (if false; then wait; fi), nor in a subshell, whose wait does not
// wait for the loop's jobs. A subshell that starts background jobs and does
// not wait for them itself, (job &), leaves them to nobody.
func spawnsWithoutWait(stmts []*syntax.Stmt) bool {
	var bg, bgSub, wait, ends, disowned bool
	var visit func(root syntax.Node)
	visit = func(root syntax.Node) {
		syntax.Walk(root, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.Subshell:
				bgSub = bgSub || spawnsWithoutWait(n.Stmts)
				return false
			case *syntax.IfClause:
				if len(n.Cond) == 1 {
					if ok, known := constantStatus(n.Cond[0]); known && !ok {
						if n.Else != nil {
							visit(n.Else)
						}
						return false
					}
				}
			case *syntax.Stmt:
				bg = bg || n.Background
			case *syntax.CallExpr:
				if len(n.Args) > 0 {
					switch n.Args[0].Lit() {
					case "wait":
						wait = true // the loop waits for its jobs
					case "break", "exit", "return":
						ends = true // the loop ends
					case "disown":
						disowned = true // its jobs are no longer waited for
					}
				}
			}
			return true
		})
	}
	for _, st := range stmts {
		visit(st)
	}
	return bgSub || bg && !ends && (!wait || disowned)
}

// paced reports whether a loop's body waits a second or more each time
// round, in its own shell, before it can start anything again: a sleep of
// a literal duration of at least one second as one of the body's own
// statements (not in a branch, a subshell or the background). Such a
// loop starts at most one round of jobs a second, as a watchdog that
// restarts a dead server does (while true; do pgrep -f app || ./app &
// sleep 5; done): no fork bomb. A sleep backgrounded or of less than a
// second (sleep 0.1, sleep 0) paces nothing.
func paced(stmts []*syntax.Stmt) bool {
	for _, st := range stmts {
		c, ok := st.Cmd.(*syntax.CallExpr)
		if !ok || st.Background || st.Negated || len(c.Args) != 2 || len(st.Redirs) > 0 {
			continue
		}
		if name, _ := literalWord(c.Args[0]); name != "sleep" {
			continue
		}
		d, lit := literalWord(c.Args[1])
		if !lit {
			continue
		}
		d = strings.TrimRight(d, "smhd")
		if n, err := strconv.Atoi(d); err == nil && n >= 1 {
			return true
		}
	}
	return false
}
