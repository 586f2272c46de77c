package shell

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// A substitution that prints a piece of a path it is given: $(dirname P),
// $(basename P), $(realpath P), $(readlink -f P). What it prints is known
// from P alone (realpath's links aside, which name the same file), so a
// path built on it (cat "$(dirname ~/.kube/x)/config") is judged as the
// path it names, not as a word nobody can read. P may itself be such a
// substitution, or one pwdOutput reads ($(dirname "$(pwd)")).

// pathRoots are the words a path may start with that the caller resolves
// later: dirname of the root itself is its parent, never ".".
var pathRoots = [...]string{"$PWD", "${PWD}", "$HOME", "${HOME}", "~"}

// pathPieceOutput returns what statements that are one dirname,
// basename, realpath or readlink -f/-e/-m of a known path print.
func (s *state) pathPieceOutput(stmts []*syntax.Stmt) (string, bool) {
	if len(stmts) != 1 {
		return "", false
	}
	st := stmts[0]
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || st.Negated || st.Background || len(st.Redirs) > 0 || len(call.Assigns) > 0 || len(call.Args) < 2 {
		return "", false
	}
	prog, ok := s.staticWord(call.Args[0])
	if !ok {
		return "", false
	}
	if k := strings.LastIndexByte(prog, '/'); k >= 0 {
		prog = prog[k+1:]
	}
	var operand string
	n, canon := 0, prog == "realpath"
	for _, w := range call.Args[1:] {
		v, ok := s.pathOperand(w)
		if !ok {
			return "", false
		}
		switch {
		case v == "--" || v == "":
			continue
		case strings.HasPrefix(v, "-") && n == 0:
			switch prog {
			case "readlink":
				if strings.Trim(v[1:], "femnqsv") != "" {
					return "", false
				}
				canon = canon || strings.ContainsAny(v, "fem")
			case "realpath":
				if strings.Trim(v[1:], "emsqLP") != "" {
					return "", false // --relative-to, -z: another text
				}
			default:
				return "", false // basename -a/-s, dirname -z
			}
			continue
		}
		n++
		operand = v
	}
	if n != 1 || strings.ContainsAny(operand, "`*?[\n") {
		return "", false
	}
	var out string
	switch prog {
	case "dirname":
		out = dirOf(operand)
	case "basename":
		if isPathRoot(operand) {
			return "", false
		}
		out = path.Base(operand)
	case "realpath", "readlink":
		if !canon {
			return "", false // readlink alone prints the link's target
		}
		out = operand
		if out[0] != '/' && out[0] != '~' && out[0] != '$' {
			out = "$PWD/" + out // the working directory, resolved by the caller
		}
	default:
		return "", false
	}
	return out, s.spend(len(out))
}

// pathOperand is the value of a word given to a path program: a static
// word, or a substitution that itself prints a known path.
func (s *state) pathOperand(w *syntax.Word) (string, bool) {
	if v, ok := s.staticWord(w); ok {
		return v, true
	}
	parts := w.Parts
	if len(parts) == 1 {
		if dq, ok := parts[0].(*syntax.DblQuoted); ok {
			parts = dq.Parts
		}
	}
	if len(parts) != 1 {
		return "", false
	}
	c, ok := parts[0].(*syntax.CmdSubst)
	if !ok {
		return "", false
	}
	if v, ok := s.pathPieceOutput(c.Stmts); ok {
		return v, true
	}
	return s.pwdOutput(c.Stmts)
}

// isPathRoot reports a path that is one of pathRoots alone.
func isPathRoot(p string) bool {
	p = strings.TrimSuffix(p, "/")
	for _, r := range pathRoots {
		if p == r {
			return true
		}
	}
	return false
}

// dirOf is what dirname prints for p: all but its last element, or the
// parent of a root the caller resolves ($PWD, ~).
func dirOf(p string) string {
	if isPathRoot(p) {
		return strings.TrimSuffix(p, "/") + "/.."
	}
	return path.Dir(p)
}
