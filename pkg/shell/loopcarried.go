package shell

import "mvdan.cc/sh/v3/syntax"

// Values a loop carries from one turn to the next. A loop's body is walked
// once, with the values its variables have on entry; but a later turn
// reads what an earlier one left: in "i=0; while [ $i -lt 2 ]; do rm -rf
// "${dirs[$i]}"; i=$((i+1)); done" the second turn deletes ${dirs[1]}.
// When the body sets variables, it is walked once more with those
// variables unknown (what a later turn reads cannot be told), and the
// variables are then put back as the first walk left them, so that what
// follows the loop is judged as before.

// loopBody walks the body of a loop that may run any number of times.
func (s *state) loopBody(body []*syntax.Stmt, f frame) {
	var names []string
	s.maybe(func() {
		mark := len(s.scope.undo)
		s.walkStmts(body, f)
		if s.loopAgain {
			return // already a later turn of an outer loop: one more walk is enough
		}
		for _, u := range s.scope.undo[mark:] {
			if !contains(names, u.name) {
				names = append(names, u.name)
			}
		}
	})
	if len(names) == 0 || len(s.out) >= MaxCommands {
		return
	}
	type saved struct {
		name string
		v    variable
		ok   bool
	}
	keep := make([]saved, 0, len(names))
	for _, n := range names {
		v, ok := s.vars[n]
		keep = append(keep, saved{n, v, ok})
		if ok && v.known {
			s.vars[n] = variable{val: v.val} // known false: a later turn's value
		}
	}
	s.loopAgain = true
	s.maybe(func() { s.walkStmts(body, f) })
	s.loopAgain = false
	for _, k := range keep {
		if k.ok {
			s.vars[k.name] = k.v
		} else {
			delete(s.vars, k.name)
		}
	}
}
