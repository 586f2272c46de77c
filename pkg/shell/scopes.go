package shell

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"
	"rampart.dev/pkg/internal/table"
)

// Where a value holds. The walk reads the line once, in order, but the
// shell does not keep every assignment it meets: what a subshell, a
// pipeline stage, a background job, a command substitution or a child
// shell (bash -c, ssh HOST CMD) assigns is gone when it ends, and what a
// branch that may not run (the right side of && or ||, an if, case or loop
// body) assigns may or may not hold after it. A local in a function is
// gone when the function returns. So "c=rm; (c=ls); $c -rf ~" runs rm, and
// "c=rm; false && c=ls; $c -rf ~" runs rm too.
//
// Assignments made inside such a scope are logged (undo); at its end an
// isolated scope puts the old values back, and a conditional one keeps
// both: the old value becomes an alternative of the new one, and a command
// whose words read a variable with alternatives is judged once more per
// alternative (altCalls). Functions defined in a scope are handled alike.

// scopeState is what the walk keeps to tell scopes apart.
type scopeState struct {
	depth  int        // subshells and branches being walked
	undo   []varUndo  // values before assignments in scopes
	fundo  []funcUndo // definitions before ones in scopes
	locals []varUndo  // values before a function's locals, restored when it returns
	inFunc int        // function bodies being walked
	// hiddenAssign is set when the line assigned a variable whose name
	// nobody knows (export "$X"): a ${V:-default} of an outside V may not
	// take its default.
	hiddenAssign bool
	// unknownPrompt is set while a read assigns a prompt variable.
	unknownPrompt bool
}

// maxAlts bounds the alternatives one variable keeps; more than that and
// its value is not known.
const maxAlts = 4

// varUndo is a variable's value before an assignment in a scope.
type varUndo struct {
	name string
	old  variable
	had  bool
}

// funcUndo is a function's definition before one in a scope.
type funcUndo struct {
	name string
	old  *funcDef
}

// logVar records name's value before it changes, inside a scope.
func (s *state) logVar(name string) {
	if s.scope.depth == 0 {
		return
	}
	old, had := s.vars[name]
	s.scope.undo = append(s.scope.undo, varUndo{name, old, had})
}

// logFunc records name's definition before it changes, inside a scope.
func (s *state) logFunc(name string) {
	if s.scope.depth == 0 {
		return
	}
	s.scope.fundo = append(s.scope.fundo, funcUndo{name, s.funcs[name]})
}

// isolated walks fn as a subshell or a child process: what it assigns or
// defines does not last.
func (s *state) isolated(fn func()) {
	mark, fmark := len(s.scope.undo), len(s.scope.fundo)
	dir, dirs, old, lost := s.dir, len(s.dirs), s.old, s.dirLost // a subshell's cd moves only the subshell
	up := s.shellID
	s.shellUp = append(s.shellUp, up)
	s.shellID = len(s.shellUp) // the commands walked in fn run in this shell (Command.Shell)
	s.scope.depth++
	fn()
	s.scope.depth--
	s.shellID = up
	s.dir, s.dirs, s.old, s.dirLost = dir, s.dirs[:min(dirs, len(s.dirs))], old, lost
	for i := len(s.scope.undo) - 1; i >= mark; i-- {
		u := s.scope.undo[i]
		if u.had {
			s.vars[u.name] = u.old
		} else {
			delete(s.vars, u.name)
		}
	}
	s.scope.undo = s.scope.undo[:mark]
	for i := len(s.scope.fundo) - 1; i >= fmark; i-- {
		u := s.scope.fundo[i]
		if u.old != nil {
			s.funcs[u.name] = u.old
		} else {
			delete(s.funcs, u.name)
		}
	}
	s.scope.fundo = s.scope.fundo[:fmark]
}

// maybe walks fn as a branch that may not run: a value it assigns over
// another is one of two the variable may hold afterwards, a function it
// redefines may be either body.
func (s *state) maybe(fn func()) {
	mark, fmark := len(s.scope.undo), len(s.scope.fundo)
	s.scope.depth++
	fn()
	s.scope.depth--
	for i := mark; i < len(s.scope.undo); i++ {
		u := s.scope.undo[i]
		if loggedBetween(s.scope.undo[mark:i], u.name) {
			continue
		}
		cur, ok := s.vars[u.name]
		if !u.had {
			// Unset before: afterwards it may still be, which "" stands
			// for (${c:-rm} then takes its default).
			if ok && cur.known && cur.elems == nil && cur.val != "" && !contains(cur.alts, "") {
				cur.alts = append(cur.alts, "")
				s.vars[u.name] = cur
			}
			continue
		}
		switch {
		case !ok:
			s.vars[u.name] = u.old
		case !u.old.known || !cur.known || u.old.elems != nil || cur.elems != nil:
			if !sameValue(u.old, cur) {
				cur.known, cur.alts, cur.elems = false, nil, nil
				s.vars[u.name] = cur
			}
		case u.old.val != cur.val || len(u.old.alts) > 0:
			alts := make([]string, 0, len(cur.alts)+1+len(u.old.alts))
			alts = append(alts, cur.alts...)
			for _, a := range append([]string{u.old.val}, u.old.alts...) {
				if a != cur.val && !contains(alts, a) {
					alts = append(alts, a)
				}
			}
			if len(alts) > maxAlts {
				cur.known, alts = false, nil
			}
			cur.alts = alts
			s.vars[u.name] = cur
		}
	}
	for i := fmark; i < len(s.scope.fundo); i++ {
		u := s.scope.fundo[i]
		if u.old == nil || loggedFuncBetween(s.scope.fundo[fmark:i], u.name) {
			continue
		}
		if cur := s.funcs[u.name]; cur != nil && cur != u.old {
			// Either body may run: the old one is walked with the new.
			n := *cur
			n.alt = u.old
			s.funcs[u.name] = &n
		}
	}
	if s.scope.depth == 0 {
		s.scope.undo, s.scope.fundo = s.scope.undo[:0], s.scope.fundo[:0]
	}
}

func sameValue(a, b variable) bool {
	if a.known != b.known || a.val != b.val || len(a.elems) != len(b.elems) {
		return false
	}
	for i := range a.elems {
		if a.elems[i] != b.elems[i] {
			return false
		}
	}
	return true
}

func loggedBetween(us []varUndo, name string) bool {
	for _, u := range us {
		if u.name == name {
			return true
		}
	}
	return false
}

func loggedFuncBetween(us []funcUndo, name string) bool {
	for _, u := range us {
		if u.name == name {
			return true
		}
	}
	return false
}

// altCalls judges a command again with the alternative values of the
// variables its words read.
func (s *state) altCalls(c *syntax.CallExpr, redirs []*syntax.Redirect, f frame, names []string) {
	// Every combination of the variables' values (the values together
	// make the command: c=rm with d=/home/dev), up to maxAltCalls.
	type choice struct {
		name string
		old  variable
		vals []string
	}
	var cs []choice
	total := 1
	for _, n := range names {
		v, ok := s.vars[n]
		if !ok || len(v.alts) == 0 {
			continue
		}
		vals := append([]string{v.val}, v.alts...)
		if total*len(vals) > maxAltCalls {
			// Too many combinations to walk: the command is one nobody
			// can tell.
			s.markUnknown(len(s.out)-1, "its words read variables that may hold any of many values")
			break
		}
		total *= len(vals)
		cs = append(cs, choice{n, v, vals})
	}
	for combo := 1; combo < total; combo++ { // 0 is the walk's own
		if len(s.out) >= MaxCommands {
			s.truncated = true
			break
		}
		k := combo
		for _, ch := range cs {
			s.vars[ch.name] = variable{val: ch.vals[k%len(ch.vals)], known: true}
			k /= len(ch.vals)
		}
		e := &expander{s: s, f: f, noAlts: true}
		for _, w := range c.Args {
			e.word(w, true)
		}
		s.finish(e, redirs)
	}
	for _, ch := range cs {
		s.vars[ch.name] = ch.old
	}
}

// maxAltCalls bounds the combinations of alternative values one command
// is walked with.
const maxAltCalls = 16

// arithAssigns makes the variables an arithmetic expression assigns
// (i++, --i, i=1, i+=2) values nobody knows: the walk does not compute them.
func (s *state) arithAssigns(n syntax.Node) {
	syntax.Walk(n, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.UnaryArithm:
			if x.Op == syntax.Inc || x.Op == syntax.Dec {
				s.arithVar(x.X)
			}
		case *syntax.BinaryArithm:
			switch x.Op {
			case syntax.Assgn, syntax.AddAssgn, syntax.SubAssgn, syntax.MulAssgn, syntax.QuoAssgn,
				syntax.RemAssgn, syntax.AndAssgn, syntax.OrAssgn, syntax.XorAssgn, syntax.ShlAssgn, syntax.ShrAssgn:
				s.arithVar(x.X)
			}
		case *syntax.Word:
			// let "c=1": a quoted expression is text the parser did not
			// read as arithmetic.
			if lit := x.Lit(); lit == "" {
				if m := quotedArith.Get().FindStringSubmatch(wordText(x)); m != nil {
					s.setVar(m[1]+m[2], "", false)
				}
			}
		}
		return true
	})
}

// quotedArith matches an assignment at the start of arithmetic text.
var quotedArith = table.Regexp{Expr: `^\s*(?:\+\+|--)?\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^]]*\])?\s*(?:[-+*/%&|^]|<<|>>)?=[^=]|^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\+\+|--)`}

func (s *state) arithVar(x syntax.ArithmExpr) {
	w, ok := x.(*syntax.Word)
	if !ok {
		return
	}
	name := w.Lit()
	if i := strings.IndexByte(name, '['); i > 0 {
		name = name[:i]
	}
	if name != "" && validName(name) {
		s.setVar(name, "", false)
	}
}

// wordText is the literal text of a word's quoted and unquoted parts.
func wordText(w *syntax.Word) string {
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					b.WriteString(l.Value)
				}
			}
		}
	}
	return b.String()
}

func validName(n string) bool {
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return n != ""
}

// testAssigns records what a [[ ]] test assigns: a regular expression
// match sets BASH_REMATCH to text the walk does not compute.
func (s *state) testAssigns(n syntax.Node) {
	syntax.Walk(n, func(n syntax.Node) bool {
		if b, ok := n.(*syntax.BinaryTest); ok && b.Op == syntax.TsReMatch {
			s.setVar("BASH_REMATCH", "", false)
		}
		return true
	})
}

// declAssign records an assignment that declare, export, local, readonly
// or typeset make from a word the parser did not read as one
// (declare "c=rm", export $(echo D=x)): NAME=VALUE after expansion.
func (s *state) declAssign(field string, dyn bool) {
	name, val, ok := strings.Cut(field, "=")
	if !ok {
		return
	}
	name = strings.TrimSuffix(name, "+")
	if !validName(name) {
		if dyn {
			s.scope.hiddenAssign = true // some name was assigned: which, nobody knows
		}
		return
	}
	s.setVar(name, val, !dyn)
}

// assignDefault expands ${X:=WORD} and ${X=WORD} of a variable the line
// never set, as the shell does: X takes WORD's value, which is also what
// the expansion gives.
func (s *state) assignDefault(p *syntax.ParamExp) (string, bool) {
	if p.Exp == nil || p.Exp.Op != syntax.AssignUnset && p.Exp.Op != syntax.AssignUnsetOrNull || p.Index != nil || p.Excl {
		return "", false
	}
	if _, set := s.vars[p.Param.Value]; set {
		return "", false
	}
	q := *p
	exp := *p.Exp
	exp.Op = syntax.DefaultUnsetOrNull
	q.Exp = &exp
	v, ok := s.expandParam(&q)
	if ok {
		s.setVar(p.Param.Value, v, true)
	}
	return v, ok
}

// valueAlts gives the other values an assignment's value would have with
// the alternatives of the variables it reads, the assigned one too (c=${c:-rm}).
func (s *state) valueAlts(e *expander, a *syntax.Assign, val string) []string {
	var alts []string
	for k, n := range e.alts {
		if k == 2 {
			break
		}
		v, ok := s.vars[n]
		if !ok {
			continue
		}
		for _, alt := range v.alts {
			s.vars[n] = variable{val: alt, known: true}
			x := &expander{s: s, f: e.f, noAlts: true}
			if got, dyn := x.one(a.Value); !dyn && got != val && !contains(alts, got) {
				alts = append(alts, got)
			}
		}
		s.vars[n] = v
	}
	return alts
}

// declGlobal reports declare -g: its assignments are global even in a
// function.
func declGlobal(c *syntax.DeclClause) bool {
	for _, a := range c.Args {
		if a.Naked && a.Value != nil {
			if l := a.Value.Lit(); strings.HasPrefix(l, "-") && strings.Contains(l, "g") {
				return true
			}
		}
	}
	return false
}
