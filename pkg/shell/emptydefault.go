package shell

import "mvdan.cc/sh/v3/syntax"

// An argument that is nothing but a variable from outside with an empty
// default ("${TARGET_DIR:-}", ${OUT-}, "${1:-}") guards against an unset
// variable under set -u; it does not say the word is empty. Where the
// line runs the variable is most likely set, so the word is judged as
// the variable, unknown (rm -rf "${TARGET_DIR:-}" deletes something
// nobody here can name), not as the empty string, which would make the
// command do nothing. A word with more than the parameter in it
// ("${ROOT:-}/"*, "${BASE:-}/home/dev") keeps taking the default: the
// text around it is what the default leaves, and its worst reading.

// emptyDefaultArg returns the parameter expansion a command argument
// consists of when it is a variable the line never set with an empty
// default word, quoted or not; nil otherwise.
func (s *state) emptyDefaultArg(w *syntax.Word) *syntax.ParamExp {
	if len(w.Parts) != 1 {
		return nil
	}
	part := w.Parts[0]
	if q, ok := part.(*syntax.DblQuoted); ok {
		if len(q.Parts) != 1 {
			return nil
		}
		part = q.Parts[0]
	}
	p, ok := part.(*syntax.ParamExp)
	if !ok || p.Param == nil || p.Exp == nil || !defaultOp(p.Exp.Op) || p.Excl || p.Length || p.Width ||
		p.Index != nil || p.Slice != nil || p.Repl != nil || p.Names != 0 {
		return nil
	}
	if d := p.Exp.Word; d != nil && len(d.Parts) > 0 {
		if l, isLit := d.Parts[0].(*syntax.Lit); len(d.Parts) > 1 || !isLit || l.Value != "" {
			return nil
		}
	}
	if _, set := s.vars[p.Param.Value]; set {
		return nil
	}
	return p
}
