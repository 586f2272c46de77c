package shell

import "mvdan.cc/sh/v3/syntax"

// walkIfCond walks the condition of one branch of an if and returns the
// Gate of its body: "if cd build; then rm -rf ./*; fi" runs the body only
// after cd succeeded, as "cd build && rm -rf ./*" does (andgate.go), when
// the condition's last statement is one whose status is its last
// command's. "if ! cd build; then exit 1; fi", the first branch with
// no other, is "cd build || exit 1": a failing cd ends the script
// (Command.Halts, errexit.go).
func (s *state) walkIfCond(ic *syntax.IfClause, f frame) int {
	n := len(ic.Cond)
	if n == 0 {
		return f.gate
	}
	s.walkStmts(ic.Cond[:n-1], f)
	last := ic.Cond[n-1]
	if last.Negated && n == 1 && ic.Else == nil && len(ic.Then) > 0 && s.exitStmt(ic.Then[len(ic.Then)-1]) && !last.Background {
		st := *last
		st.Negated = false
		g := f
		g.orExit = true
		s.walkStmt(&st, g)
		return f.gate
	}
	start := len(s.out)
	s.walkStmt(last, f)
	if g := s.andGate(last, start, f.depth); g > 0 {
		return g
	}
	return f.gate
}
