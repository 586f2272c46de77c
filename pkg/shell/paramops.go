package shell

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// transformParam resolves bash's parameter transformations, ${X@OP}: the
// case changes (U, u, L) and escapes (E) of a known value, and its quoted
// form (Q). The others (P: prompt expansion, A and a: declarations and
// attributes, K and k: key-value pairs) depend on state the walk does not
// keep, so the word stays unresolved. The shell library panics on most of
// these operators; they never reach it.
func (s *state) transformParam(p *syntax.ParamExp) (string, bool) {
	base := *p
	base.Exp = nil
	v, ok := s.param(&base)
	if !ok {
		v, ok = s.expandParam(&base)
	}
	if !ok {
		return "", false
	}
	var out string
	if p.Exp.Word == nil {
		return "", false
	}
	switch p.Exp.Word.Lit() {
	case "U":
		out = strings.ToUpper(v)
	case "L":
		out = strings.ToLower(v)
	case "u":
		r, n := utf8.DecodeRuneInString(v)
		out = string(unicode.ToUpper(r)) + v[n:]
		if v == "" {
			out = ""
		}
	case "E":
		out = decodeANSIC(v)
	case "Q":
		q, err := syntax.Quote(v, syntax.LangBash)
		if err != nil {
			return "", false
		}
		out = q
	default:
		return "", false
	}
	if !s.spend(len(out)) {
		return "", false
	}
	return out, true
}

// literalIndex is an array index written as a number: N, or -N (counted
// from the end of the array).
func literalIndex(x syntax.ArithmExpr) (int, bool) {
	neg := false
	if u, ok := x.(*syntax.UnaryArithm); ok && u.Op == syntax.Minus && !u.Post {
		neg, x = true, u.X
	}
	w, ok := x.(*syntax.Word)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(w.Lit())
	if err != nil || n < 0 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// indirectName gives the variable ${!ref} stands for when ref's value is
// known and names a variable the line does not set: with v=GITHUB_TOKEN,
// "${!v}" is $GITHUB_TOKEN, whose value comes from outside.
func (s *state) indirectName(p *syntax.ParamExp) (string, bool) {
	if !p.Excl || p.Param == nil || p.Index != nil || p.Exp != nil || p.Slice != nil ||
		p.Repl != nil || p.Names != 0 || p.Length || p.Width {
		return "", false
	}
	v, ok := s.vars[p.Param.Value]
	if !ok || !v.known || v.val == "" {
		return "", false
	}
	if _, set := s.vars[v.val]; set {
		return "", false
	}
	for i := 0; i < len(v.val); i++ {
		c := v.val[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return "", false
		}
	}
	return v.val, true
}
