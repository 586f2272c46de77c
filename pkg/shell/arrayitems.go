package shell

import (
	"mvdan.cc/sh/v3/syntax"
)

// Arrays read element by element. A for loop over a whole array,
// "for d in "${dirs[@]}"" (or "$@"), takes each element in turn, even
// quoted, so dirs=(dist "$HOME") deletes the home when the body is
// rm -rf "$d"; and an element picked by a subscript that reads a
// variable, "${dirs[$i]}" in "for i in 0 1", is each element the
// variable's values pick, so the variables of the subscript count as
// variables the word reads (their other values are walked, scopes.go).

// arrayItems gives the items a for loop's word stands for when the word
// reads a whole array, "${a[@]}" or "$@", quoted or not, and expands to
// known words: one item per word, as the shell gives them ("x${a[@]}" is
// x and the first element, then the others).
func (s *state) arrayItems(w *syntax.Word, f frame) ([]string, bool) {
	if !readsWholeArray(w) {
		return nil, false
	}
	x := &expander{s: s, f: f, noAlts: true}
	x.word(w, true)
	if len(x.words) == 0 {
		return nil, false
	}
	for _, d := range x.dyn {
		if d {
			return nil, false
		}
	}
	return x.words, true
}

// readsWholeArray reports a word with a part "${a[@]}" or "$@", in double
// quotes or not.
func readsWholeArray(w *syntax.Word) bool {
	var whole func(p syntax.WordPart) bool
	whole = func(p syntax.WordPart) bool {
		switch p := p.(type) {
		case *syntax.ParamExp:
			return p.Param != nil && !p.Excl && !p.Length && p.Repl == nil && p.Exp == nil && p.Names == 0 &&
				(p.Index == nil && p.Param.Value == "@" || p.Index != nil && isAllIndex(p.Index) && !isStarIndex(p.Index))
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if whole(q) {
					return true
				}
			}
		}
		return false
	}
	for _, p := range w.Parts {
		if whole(p) {
			return true
		}
	}
	return false
}

// indexAlts adds to e.alts the variables a subscript reads ($i, or a bare
// name in arithmetic) that may hold other values, so that the word is
// judged with each of them ("${dirs[$i]}" with i from "for i in 0 1").
func (e *expander) indexAlts(idx syntax.ArithmExpr) {
	if e.noAlts {
		return
	}
	if _, ok := literalIndex(idx); ok {
		return
	}
	// The closure escapes (syntax.Walk keeps no promise about it): it
	// captures the list and the variables, not e, which stays on its
	// caller's stack on every other path.
	alts, vars := e.alts, e.s.vars
	syntax.Walk(idx, func(n syntax.Node) bool {
		name := ""
		switch n := n.(type) {
		case *syntax.ParamExp:
			if n.Param != nil {
				name = n.Param.Value
			}
		case *syntax.Lit:
			if validName(n.Value) {
				name = n.Value // a bare name in arithmetic is the variable
			}
		}
		if name == "" {
			return true
		}
		if v, ok := vars[name]; ok && len(v.alts) > 0 && !contains(alts, name) {
			alts = append(alts, name)
		}
		return true
	})
	e.alts = alts
}

// anyElement gives the elements of a known array read through a subscript
// the walk cannot resolve ("${dirs[$i]}" with i unknown, as in a later
// turn of a loop that counts): the word is one of them, and is judged as
// each of them.
func (s *state) anyElement(p *syntax.ParamExp) ([]string, bool) {
	if p.Param == nil || p.Index == nil || isAllIndex(p.Index) || p.Excl || p.Length || p.Width ||
		p.Slice != nil || p.Repl != nil || p.Exp != nil || p.Names != 0 {
		return nil, false
	}
	v, ok := s.vars[p.Param.Value]
	if !ok || !v.known || v.elems == nil || len(v.alts) > 0 || len(v.elems) == 0 || len(v.elems) > maxAltCalls {
		return nil, false
	}
	return v.elems, true
}
