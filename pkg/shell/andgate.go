package shell

import "mvdan.cc/sh/v3/syntax"

// Commands gated by another's success: in "a && b" b runs only if a
// succeeded, so what b finds may rest on what a did ("ssh-keygen -f k &&
// cat k" reads the key ssh-keygen just wrote; after "ssh-keygen -f k; cat
// k" the key may be one that was there, ssh-keygen having refused to
// overwrite it). Command.Gate names the command; it is set only when the
// left side's status is that one command's: a plain command, a pipeline
// (its last stage) or a chain of &&, not negated, not in the background,
// and not "x || y", an if, a block or a subshell, whose status may be
// another's. A call of a function the line defined, or of eval with a
// static string, has its body's last command's status when that body ends
// in such a statement. The body of "if X; then …" runs only after X
// succeeded, and is gated on X as the right of "X && …" is.

// andGate is the Gate of the commands on the right of "X && …": 1 + the
// index of X's last command when X's status is that command's, else 0.
// start is len(s.out) before X was walked.
func (s *state) andGate(x *syntax.Stmt, start, depth int) int {
	n := len(s.out)
	if n <= start || !gatingStmt(x) || s.out[n-1].Depth != depth && !s.passesStatus(x, depth) {
		return 0
	}
	return n
}

// passesStatus reports whether x, a gating statement whose last command
// ran more commands one level down, has the status of the last of them:
// x ends in a call of a function the line defined (one body, not a
// redefinition on a branch) whose body ends in a gating statement
// (cdb() { cd build; }; cdb && …), or of the shell's own eval with one
// static string that does (eval 'cd build' && …). The last command walked
// must sit at that level: one further down belongs to a call in the body.
func (s *state) passesStatus(x *syntax.Stmt, depth int) bool {
	if s.out[len(s.out)-1].Depth != depth+1 {
		return false
	}
	call := lastCall(x)
	if call == nil {
		return false
	}
	name := call.Args[0].Lit()
	if fn, ok := s.funcs[name]; ok {
		if _, alias := s.aliases[name]; alias || fn.alt != nil || fn.body == nil {
			return false
		}
		if b, ok := fn.body.Cmd.(*syntax.Block); ok && len(b.Stmts) > 0 {
			return gatingStmt(b.Stmts[len(b.Stmts)-1])
		}
		return false
	}
	if name != "eval" || len(call.Args) != 2 || s.shadowed("eval") {
		return false
	}
	text, ok := s.staticWord(call.Args[1])
	if !ok {
		return false
	}
	file, ok := s.parse(text)
	return ok && len(file.Stmts) > 0 && gatingStmt(file.Stmts[len(file.Stmts)-1])
}

// lastCall is the simple command whose status a gating statement has: the
// statement's own call, a pipeline's last stage, an && chain's last.
func lastCall(st *syntax.Stmt) *syntax.CallExpr {
	for st != nil {
		switch c := st.Cmd.(type) {
		case *syntax.CallExpr:
			if len(c.Args) == 0 {
				return nil
			}
			return c
		case *syntax.BinaryCmd:
			st = c.Y
		default:
			return nil
		}
	}
	return nil
}

// gatingStmt reports a statement whose exit status is its last command's,
// and which that command ran to: a plain command, a pipeline, or a chain of
// && of those.
func gatingStmt(st *syntax.Stmt) bool {
	if st == nil || st.Negated || st.Background || st.Coprocess {
		return false
	}
	switch c := st.Cmd.(type) {
	case *syntax.CallExpr:
		return len(c.Args) > 0
	case *syntax.BinaryCmd:
		switch c.Op {
		case syntax.AndStmt:
			return gatingStmt(c.X) && gatingStmt(c.Y)
		case syntax.Pipe, syntax.PipeAll:
			return gatingStmt(c.Y)
		}
	}
	return false
}

// GatedOn reports whether command j of res runs only after command g
// succeeded: g is on the chain of Gates from j.
func GatedOn(res *Result, j, g int) bool {
	for k := 0; j >= 0 && j < len(res.Commands) && k < len(res.Commands); k++ {
		j = res.Commands[j].Gate - 1
		if j == g {
			return true
		}
		if j < 0 {
			return false
		}
	}
	return false
}
