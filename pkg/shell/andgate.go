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
// another's.

// andGate is the Gate of the commands on the right of "X && …": 1 + the
// index of X's last command when X's status is that command's, else 0.
// start is len(s.out) before X was walked.
func (s *state) andGate(x *syntax.Stmt, start, depth int) int {
	n := len(s.out)
	if n <= start || !gatingStmt(x) || s.out[n-1].Depth != depth {
		return 0
	}
	return n
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
