package shell

import (
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Loops in interpreter code over what is literally named: "for (const d of
// ['dist', 'coverage']) rmSync(d, …)" deletes each item of the list, and
// "for p in Path('.').rglob('__pycache__'): shutil.rmtree(p)" deletes what
// the walk finds, the directories its pattern names under its root. A
// delete whose argument (or receiver: p.unlink()) is such a loop's variable
// is read as a delete of each item or of the walk's pattern, judged as rm
// of it would be (~ walked is the home deleted). A walk whose root and
// pattern are literal and narrow (a named subdirectory, or a last segment
// with a literal name: __pycache__, *.pyc) no longer hides what the code
// deletes; one of the whole tree ('.', '*') still does.

// loopBinding is what a loop variable takes: the items of a literal list,
// or the pattern a walk lists.
type loopBinding struct {
	items   []string
	walk    bool // the items are a walk's pattern
	outside bool // a walk rooted at the home or an absolute directory: read for reads only
}

// loopScan is the loops of one piece of code, found on first use.
type loopScan struct {
	vars        map[string]loopBinding
	done        bool
	narrowWalks int // walks read whose pattern is literal and narrow
}

// loopVars finds the loops of the code whose variable takes literal
// items or a literal walk's pattern. A name bound twice, or also assigned,
// is not bound.
func (sc *scanner) loopVars() map[string]loopBinding {
	if sc.loops.done {
		return sc.loops.vars
	}
	sc.loops.done = true
	c := sc.code
	twice := map[string]bool{}
	bind := func(name string, b loopBinding) {
		if name == "" {
			return
		}
		if sc.loops.vars == nil {
			sc.loops.vars = map[string]loopBinding{}
		}
		if _, seen := sc.loops.vars[name]; seen || twice[name] {
			twice[name] = true
			delete(sc.loops.vars, name)
			return
		}
		sc.loops.vars[name] = b
	}
	for i := 0; i < len(c) && sc.work <= maxScan; i++ {
		switch {
		case strings.HasPrefix(c[i:], "for") && (i == 0 || !isIdent(c[i-1])):
			kw := 3
			if strings.HasPrefix(c[i:], "foreach") {
				kw = 7 // perl's and php's foreach
			}
			if i+kw >= len(c) || isIdent(c[i+kw]) {
				continue
			}
			name, at := sc.loopHeader(i + kw)
			if at < 0 {
				continue
			}
			if b, ok := sc.iterable(at, -1); ok {
				bind(name, b)
			}
		case c[i] == '.' && (strings.HasPrefix(c[i+1:], "forEach(") || strings.HasPrefix(c[i+1:], "each")):
			name := blockParam(c[i+1:])
			if name == "" {
				continue
			}
			if start := exprStart(c, i); start >= 0 {
				if b, ok := sc.iterable(start, i); ok {
					bind(name, b)
				}
			}
		}
	}
	for name, b := range sc.loops.vars {
		if _, assigned := sc.assignments()[name]; assigned {
			delete(sc.loops.vars, name)
		} else if b.walk && !b.outside {
			sc.loops.narrowWalks++
		}
	}
	return sc.loops.vars
}

// loopHeader reads a for loop's variable after the keyword, at i: Python's
// "for NAME in", JavaScript's "for (const NAME of", Perl's "for(each) my
// $NAME (". It returns the name and where the iterated expression starts,
// or -1.
func (sc *scanner) loopHeader(i int) (string, int) {
	c := sc.code
	j := skipSpace(c, i)
	paren := j < len(c) && c[j] == '('
	if paren {
		j = skipSpace(c, j+1)
	}
	for _, kw := range []string{"const ", "let ", "var ", "my ", "our "} {
		if strings.HasPrefix(c[j:], kw) {
			j = skipSpace(c, j+len(kw))
			break
		}
	}
	if j < len(c) && c[j] == '$' {
		j++
	}
	name := leadingIdent(c[j:])
	if name == "" {
		return "", -1
	}
	j = skipSpace(c, j+len(name))
	switch {
	case strings.HasPrefix(c[j:], "in ") || strings.HasPrefix(c[j:], "of "):
		return name, skipSpace(c, j+3)
	case sc.lang == "perl" && j < len(c) && c[j] == '(':
		return name, j
	}
	return "", -1
}

// blockParam reads the parameter of a block handed to forEach or each:
// ".forEach((d) =>", ".forEach(d =>", ".forEach(function (d)", ".each { |d|",
// ".each do |d|". It returns "" for anything else.
func blockParam(s string) string {
	if r, ok := strings.CutPrefix(s, "forEach("); ok {
		r = strings.TrimLeft(r, " \t")
		r = strings.TrimPrefix(r, "function")
		r = strings.TrimLeft(r, " \t(")
		name := leadingIdent(r)
		rest := strings.TrimLeft(strings.TrimLeft(r[len(name):], " \t)"), " \t")
		if name == "" || !strings.HasPrefix(rest, "=>") && !strings.HasPrefix(rest, "{") {
			return ""
		}
		return name
	}
	r := strings.TrimLeft(strings.TrimPrefix(s, "each"), " \t")
	if b, ok := strings.CutPrefix(r, "do"); ok {
		r = b
	} else if b, ok := strings.CutPrefix(r, "{"); ok {
		r = b
	} else {
		return ""
	}
	r = strings.TrimLeft(r, " \t")
	if !strings.HasPrefix(r, "|") {
		return ""
	}
	name := leadingIdent(strings.TrimLeft(r[1:], " \t"))
	if name == "" || !strings.HasPrefix(strings.TrimLeft(r[1+strings.Index(r[1:], name)+len(name):], " \t"), "|") {
		return ""
	}
	return name
}

// exprStart finds where the expression ending just before the "." at i
// starts: a bracketed list ("[…]", "%w[…]") or a call chain
// ("Dir.glob(…)", "Path('.').rglob(…)"). It returns -1 when it cannot tell.
func exprStart(c string, i int) int {
	j := i
	for n := 0; n < 8 && j > 0; n++ {
		close := c[j-1]
		if close != ')' && close != ']' {
			return -1
		}
		open := byte('(')
		if close == ']' {
			open = '['
		}
		depth := 0
		o := j - 1
		for ; o >= 0; o-- {
			if c[o] == close {
				depth++
			} else if c[o] == open {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if o < 0 {
			return -1
		}
		j = o
		if open == '[' && j >= 2 && (c[j-2:j] == "%w" || c[j-2:j] == "%W") {
			return j - 2
		}
		k := j
		for k > 0 && (isIdent(c[k-1]) || c[k-1] == '.') {
			k--
		}
		if k == j {
			return j // a list literal or a parenthesised expression
		}
		j = k
		if j == 0 || c[j-1] != ')' && c[j-1] != ']' {
			return j
		}
	}
	return -1
}

// walkOps name the calls that list a directory or a pattern, by how their
// arguments name what they list.
var walkOps = table.Map[string, struct{ root, pattern, children bool }]{Build: func() map[string]struct{ root, pattern, children bool } {
	return map[string]struct{ root, pattern, children bool }{
		"rglob":       {root: true, pattern: true}, // Path(X).rglob(P): X/**/P
		"glob":        {root: true, pattern: true}, // Path(X).glob(P): X/P; glob.glob(P), Dir.glob(P): P
		"iglob":       {pattern: true},
		"iterdir":     {root: true, children: true}, // Path(X).iterdir(): X/*
		"listdir":     {children: true},             // os.listdir(X): X/*
		"scandir":     {children: true},
		"readdirSync": {children: true},
		"globSync":    {pattern: true},
	}
}}

// iterable reads what a loop iterates at i: a literal list (its items) or
// a walk whose root and pattern are literal (its pattern). For a block
// handed to a method of it (.each, .forEach), block is where that method's
// "." is, and the walk must end there; otherwise block is -1.
func (sc *scanner) iterable(i, block int) (loopBinding, bool) {
	c := sc.code
	i = skipSpace(c, i)
	if i < len(c) && (c[i] == '[' || c[i] == '%' || c[i] == '(' || c[i] == 'q') {
		var v value
		var end int
		switch {
		case c[i] == '[':
			v, end = sc.list(i+1, ']') // (value would read ['a'].forEach as computed)
		case c[i] == '(':
			v, end = sc.list(i+1, ')') // a tuple, perl's list
		default:
			v, end, _ = sc.wordList(i) // %w[a b], qw(a b)
		}
		if after := skipSpace(c, end); v.list && v.known && strings.HasPrefix(c[after:], ".map(") {
			// ['dist', 'coverage'].map(d => path.join('web', d)): the
			// items the arrow makes of each (listmap.go)
			if items, next, ok := sc.mapItems(after, v.items); ok {
				v.items, end = items, next
			}
		}
		if after := skipSpace(c, end); v.list && (block >= 0 && after != block || block < 0 && after < len(c) && c[after] == '.') {
			// ['Documents', 'Desktop'].map(d => path.join(HOME, d)).forEach(…):
			// a method of the list computes other items
			return loopBinding{}, false
		}
		if v.list && v.known && len(v.items) > 0 {
			for _, it := range v.items {
				if it == "" || strings.ContainsAny(it, " \t\n$") {
					return loopBinding{}, false // an item the list read as several words, or computed
				}
			}
			return loopBinding{items: v.items}, true
		}
		if c[i] != '(' {
			return loopBinding{}, false
		}
	}
	// A call chain: NAME(ARGS)[.NAME(ARGS)]; the last call is the walk.
	root, haveRoot := "", false
	j := i
	if i < len(c) && (c[i] == '\'' || c[i] == '"') {
		// '~'.glob('.aws/*'): Path.home() as homeExpr left it, a root
		if v, end, ok := sc.str(i); ok && v.known && !v.list && end < len(c) && c[end] == '.' {
			root, haveRoot, j = v.str, true, end+1
		}
	}
	for n := 0; n < 4; n++ {
		k := j
		for k < len(c) && (isIdent(c[k]) || c[k] == '.') {
			k++
		}
		name := c[j:k]
		if name == "" {
			return loopBinding{}, false
		}
		if strings.HasPrefix(name, ".") {
			name = name[1:]
		}
		if k < len(c) && c[k] == '[' && name == "Dir" { // ruby's Dir["tmp/**/*"]
			v, next := sc.value(k + 1)
			if !v.known || v.list || skipSpace(c, next) >= len(c) || c[skipSpace(c, next)] != ']' {
				return loopBinding{}, false
			}
			return walkBinding("", v.str, false)
		}
		if k >= len(c) || c[k] != '(' {
			return loopBinding{}, false
		}
		args, end, ok := sc.call(k)
		if !ok {
			return loopBinding{}, false
		}
		op := name
		if d := strings.LastIndexByte(op, '.'); d >= 0 {
			op = op[d+1:]
		}
		if w, isWalk := walkOps.Lookup(op); isWalk && (!w.root || haveRoot || !strings.Contains(name, ".") || strings.HasPrefix(name, "glob.") || strings.HasPrefix(name, "Dir.") || strings.HasPrefix(name, "os.") || strings.HasPrefix(name, "fs.")) {
			if e := skipSpace(c, end); block >= 0 && e != block || block < 0 && e < len(c) && c[e] == '.' {
				return loopBinding{}, false // a method of the walk's result computes something else
			}
			switch {
			case w.children:
				dir := root
				if len(args) > 0 {
					if !args[0].known || args[0].list {
						return loopBinding{}, false
					}
					dir = args[0].str
				} else if !haveRoot {
					dir = "."
				}
				return walkBinding(dir, "*", false)
			case len(args) > 0 && args[0].known && !args[0].list:
				if haveRoot {
					return walkBinding(root, args[0].str, op == "rglob")
				}
				return walkBinding("", args[0].str, false)
			}
			return loopBinding{}, false
		}
		if len(args) == 0 && haveRoot && pathSame.Get(op) && end < len(c) && c[end] == '.' {
			j = end + 1 // Path('~/.ssh').expanduser().iterdir(): the same root
			continue
		}
		// A wrapping call standing for its literal root: Path('.'),
		// pathlib.Path('build').
		if len(args) != 1 || !args[0].known || args[0].list {
			return loopBinding{}, false
		}
		root, haveRoot = args[0].str, true
		if end >= len(c) || c[end] != '.' {
			return loopBinding{}, false
		}
		j = end + 1
	}
	return loopBinding{}, false
}

// pathSame are the methods of a path object that name the same place
// (Path('~/.ssh').expanduser(), .resolve(), .absolute()).
var pathSame = table.Map[string, bool]{Words: "expanduser resolve absolute"}

// walkBinding is the binding of a walk of pattern under root (recursive:
// at any depth), when it names less than the whole tree it starts from; a
// walk of the whole tree binds nothing, and what it deletes stays unread.
func walkBinding(root, pattern string, recursive bool) (loopBinding, bool) {
	p := pattern
	if recursive {
		p = "**/" + p
	}
	if root != "" {
		p = strings.TrimSuffix(root, "/") + "/" + p
	}
	if strings.ContainsAny(p, " \t\n$") {
		return loopBinding{}, false
	}
	if !narrowPattern(p) {
		if outsideWalk(p) {
			// Path.home().glob('.aws/*'): what a read of each item
			// reaches; a delete over it stays the tree walk it is
			return loopBinding{items: []string{p}, walk: true, outside: true}, true
		}
		return loopBinding{}, false
	}
	return loopBinding{items: []string{p}, walk: true}, true
}

// outsideWalk reports a walk's pattern rooted at the home or at an
// absolute directory that names a directory below that root (~/.aws/*,
// /etc/ssl/*.pem), not the root's whole tree (~/*, /**/*).
func outsideWalk(p string) bool {
	rest, ok := strings.CutPrefix(p, "~/")
	if !ok {
		rest, ok = strings.CutPrefix(p, "/")
	}
	if !ok {
		return false
	}
	first, _, more := strings.Cut(rest, "/")
	if more && first != "" && !strings.ContainsAny(first, "*?[") {
		return true
	}
	last := rest[strings.LastIndexByte(rest, '/')+1:]
	return strings.Trim(last, "*?.") != "" // ~/**/credentials: a name anywhere below
}

// narrowPattern reports a walk's pattern that names less than the whole
// tree it starts from: a directory named below it (tmp/cache/**/*), or a
// last segment with a literal name in it (**/__pycache__, *.pyc).
func narrowPattern(p string) bool {
	p = strings.TrimPrefix(p, "./")
	if p == "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "~") || strings.HasPrefix(p, "..") || strings.Contains(p, "/../") {
		return false
	}
	segs := strings.Split(p, "/")
	if last := segs[len(segs)-1]; strings.Trim(last, "*?.") != "" {
		return true
	}
	first := segs[0]
	return len(segs) > 1 && first != "." && !strings.ContainsAny(first, "*?[")
}

// loopArgs replaces a delete's arguments that are a bound loop variable
// by the items it takes.
func (sc *scanner) loopArgs(args []value, reads bool) []value {
	var out []value
	for k, a := range args {
		if a.known {
			if out != nil {
				out = append(out, a)
			}
			continue
		}
		b, ok := sc.loopVars()[strings.TrimPrefix(identityArg(strings.TrimSpace(a.raw)), "$")] // perl's and php's $d
		items := b.items
		if !ok {
			// os.path.join(os.getcwd(), t), f"build/{t}": the expression
			// read once for each item of the loop variable it uses
			items, ok = sc.loopExprItems(a.raw, reads)
		} else if b.outside && !reads {
			ok = false
		}
		if !ok {
			if out != nil {
				out = append(out, a)
			}
			continue
		}
		if out == nil {
			out = append(make([]value, 0, len(args)+len(items)), args[:k]...)
		}
		for _, it := range items {
			out = append(out, value{str: it, known: true, raw: it})
		}
	}
	if out == nil {
		return args
	}
	return out
}

// identityArg returns the one argument of an identity wrapper's call
// (Path(d), pathlib.Path(d), str(d), File.expand_path(d)), or raw as it
// is: rmtree(Path(d)) in a loop over literals deletes each item.
func identityArg(raw string) string {
	open := strings.IndexByte(raw, '(')
	if open <= 0 || !strings.HasSuffix(raw, ")") {
		return raw
	}
	name := raw[:open]
	if k := strings.LastIndexByte(name, '.'); k >= 0 {
		name = name[k+1:]
	}
	inner := strings.TrimSpace(raw[open+1 : len(raw)-1])
	if !identityWrappers.Get(name) || inner == "" || strings.ContainsAny(inner, "(),") {
		return raw
	}
	return inner
}

// receiverLoop returns the items of the loop variable a method named at
// code[k:] is called on (p.unlink()).
func (sc *scanner) receiverLoop(k int, reads bool) ([]string, bool) {
	c := sc.code
	if k < 2 || c[k-1] != '.' {
		return nil, false
	}
	j := k - 1
	for j > 0 && isIdent(c[j-1]) {
		j--
	}
	if j == k-1 || j > 0 && c[j-1] == '.' {
		return nil, false
	}
	b, ok := sc.loopVars()[c[j:k-1]]
	if b.outside && !reads {
		return nil, false
	}
	return b.items, ok
}

// walksAllNarrow reports whether every walk the code makes was read as a
// loop over a literal, narrow pattern.
func (sc *scanner) walksAllNarrow(walks []string) bool {
	sc.loopVars()
	// Calls counted once where names overlap (rglob( holds glob():
	// by where each ends.
	var ends [16]int
	n := 0
	for _, w := range walks {
		for at := 0; at < len(sc.code); {
			k := strings.Index(sc.code[at:], w)
			if k < 0 {
				break
			}
			e := at + k + len(strings.TrimSuffix(w, "("))
			at = e
			if slices.Contains(ends[:min(n, len(ends))], e) {
				continue
			}
			if n >= len(ends) {
				return false
			}
			ends[n] = e
			n++
		}
	}
	return n > 0 && n <= sc.loops.narrowWalks
}
