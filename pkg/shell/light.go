package shell

import (
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// lightParse builds the syntax tree of a line in the common subset the
// shell parser spends most of its time on: lists (;, &&, ||) of pipelines
// of simple commands whose words are plain bytes, globs, single quotes,
// double quotes, $NAME and ${NAME}, and command substitutions $(…) of the
// same subset (quoted or not), after literal assignments (A=1 cmd), with
// plain redirections (>, >>, <, >&, <&, &>, &>>, >|, <> with an optional
// descriptor number). The tree is the one mvdan.cc/sh's parser gives for
// the same text, node for node and position for position
// (TestLightParseMatchesParser, FuzzLightParse), so the walk cannot tell
// which built it. ok is false the moment the text steps out of the subset
// (a newline, a backslash, $1 or ${a:-b}, a backquote, a here-document, a
// keyword, an assignment of a quoted or expanded value, a subshell, a
// comment…): then only the parser can tell what it means.
func lightParse(src string) (f *syntax.File, ok bool) {
	return lightParseIn(src, new(lightNodes))
}

// lightParseIn is lightParse taking its nodes from nodes (lightnodes.go).
func lightParseIn(src string, nodes *lightNodes) (f *syntax.File, ok bool) {
	if len(src) > maxLightSource {
		return nil, false
	}
	l := lightParser{src: src, nodes: nodes}
	stmts := l.list(0)
	if l.failed || l.i != len(src) || len(stmts) == 0 {
		return nil, false
	}
	f = nodes.files.take(4)
	f.Stmts = stmts
	return f, true
}

// quotedText reports whether the text between quotes is valid UTF-8
// (the parser rejects anything else) with no control byte but the tab
// (the parser reads a NUL, a newline, a carriage return and the like its
// own way). Unquoted, only litByte's bytes are taken.
func quotedText(q string) bool {
	ascii := true
	for i := 0; i < len(q); i++ {
		if c := q[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return false
		} else if c >= 0x80 {
			ascii = false
		}
	}
	return ascii || utf8.ValidString(q)
}

// maxLightSource bounds the lines the light parser takes: longer ones are
// rare and may need positions past what a single line's columns hold.
const maxLightSource = 4096

// maxLightNesting bounds nested command substitutions.
const maxLightNesting = 16

// lightParser is one lightParse call: the text, where it is, and the
// arrays its nodes are taken from.
type lightParser struct {
	src    string
	i      int
	depth  int
	failed bool
	nodes  *lightNodes
}

// wordAlloc is a word with room for one part, callAlloc a command with
// room for four words: most need no more.
type wordAlloc struct {
	word  syntax.Word
	parts [1]syntax.WordPart
}

type callAlloc struct {
	call syntax.CallExpr
	args [4]*syntax.Word
}

// pos is the position of offset i: the text has a single line.
func (l *lightParser) pos(i int) syntax.Pos { return syntax.NewPos(uint(i), 1, uint(i)+1) }

func (l *lightParser) fail() { l.failed = true }

func (l *lightParser) blanks() {
	for l.i < len(l.src) && (l.src[l.i] == ' ' || l.src[l.i] == '\t') {
		l.i++
	}
}

// at reports whether the text at the current offset starts with s.
func (l *lightParser) at(s string) bool {
	return len(l.src)-l.i >= len(s) && l.src[l.i:l.i+len(s)] == s
}

func (l *lightParser) newStmt(at int) *syntax.Stmt {
	s := l.nodes.stmts.take(16)
	s.Position = l.pos(at)
	return s
}

func (l *lightParser) newLit(a, b int) *syntax.Lit {
	x := l.nodes.lits.take(32)
	x.ValuePos, x.ValueEnd, x.Value = l.pos(a), l.pos(b), l.src[a:b]
	return x
}

// list reads statements up to the end of the text or, inside a command
// substitution (stop ')'), up to its closing parenthesis.
func (l *lightParser) list(stop byte) []*syntax.Stmt {
	var stmts []*syntax.Stmt
	for !l.failed {
		l.blanks()
		if l.i >= len(l.src) || stop != 0 && l.src[l.i] == stop {
			break
		}
		st := l.andOr(stop)
		if l.failed {
			break
		}
		l.blanks()
		if l.i < len(l.src) && l.src[l.i] == ';' {
			st.Semicolon = l.pos(l.i)
			l.i++
			if l.i < len(l.src) && (l.src[l.i] == ';' || l.src[l.i] == '&' || l.src[l.i] == '|') {
				l.fail() // ;; ;& ;| end case items
				break
			}
		} else if l.i < len(l.src) && !(stop != 0 && l.src[l.i] == stop) {
			l.fail() // &, |&, a newline…
			break
		}
		if stmts == nil {
			a := l.nodes.lists.take(4) // no array of its own for one statement
			a[0] = st
			stmts = a[:]
			continue
		}
		stmts = append(stmts, st)
	}
	return stmts
}

// andOr reads pipelines joined by && and ||, left to right.
func (l *lightParser) andOr(stop byte) *syntax.Stmt {
	x := l.pipeline(stop)
	for !l.failed {
		l.blanks()
		var op syntax.BinCmdOperator
		switch {
		case l.at("&&"):
			op = syntax.AndStmt
		case l.at("||"):
			op = syntax.OrStmt
		default:
			return x
		}
		opAt := l.i
		l.i += 2
		l.blanks()
		x = l.binary(x, l.pipeline(stop), op, opAt)
	}
	return x
}

// binary joins two statements with an operator found at offset opAt, in
// a statement of its own placed where the first begins.
func (l *lightParser) binary(x, y *syntax.Stmt, op syntax.BinCmdOperator, opAt int) *syntax.Stmt {
	s := l.newStmt(0)
	s.Position = x.Position
	b := l.nodes.bins.take(8)
	*b = syntax.BinaryCmd{OpPos: l.pos(opAt), Op: op, X: x, Y: y}
	s.Cmd = b
	return s
}

// pipeline reads commands joined by |, nested to the left as the parser
// nests them: a | b | c is (a | b) | c.
func (l *lightParser) pipeline(stop byte) *syntax.Stmt {
	x := l.command(stop)
	for !l.failed {
		l.blanks()
		if !l.at("|") || l.at("||") {
			return x
		}
		if l.at("|&") {
			l.fail()
			return x
		}
		opAt := l.i
		l.i++
		l.blanks()
		x = l.binary(x, l.command(stop), syntax.Pipe, opAt)
	}
	return x
}

// command reads one simple command: words and redirections.
func (l *lightParser) command(stop byte) *syntax.Stmt {
	l.blanks()
	st := l.newStmt(l.i)
	ca := l.nodes.calls.take(8)
	call := &ca.call
	call.Args = ca.args[:0]
	for !l.failed && l.i < len(l.src) {
		c := l.src[l.i]
		switch {
		case c == ' ' || c == '\t':
			l.i++
			continue
		case c == ';' || c == '|' || c == '&' && !l.at("&>") || c == stop:
			return l.endCommand(st, call)
		}
		if (c == '<' || c == '>' || c == '&' || c >= '0' && c <= '9') && l.redirect(st, len(call.Args) == 0) {
			continue
		}
		first := len(call.Args) == 0
		if first {
			if as := l.assign(); as != nil {
				call.Assigns = append(call.Assigns, as)
				continue
			}
		}
		w := l.word(first)
		if l.failed {
			return st
		}
		call.Args = append(call.Args, w)
	}
	return l.endCommand(st, call)
}

// endCommand ends a command: some words or assignments, the latter alone
// with no words (nil, as the parser leaves them).
func (l *lightParser) endCommand(st *syntax.Stmt, call *syntax.CallExpr) *syntax.Stmt {
	if len(call.Args) == 0 {
		if len(call.Assigns) == 0 {
			l.fail() // a statement with no command
			return st
		}
		call.Args = nil
	}
	st.Cmd = call
	return st
}

// assign reads an assignment NAME=VALUE or NAME+=VALUE at the current
// offset when the whole word is literal bytes; nil when there is none (a
// word with an = that is no such assignment is then the program's, which
// checkProgram refuses).
func (l *lightParser) assign() *syntax.Assign {
	src, a := l.src, l.i
	if a >= len(src) || !nameStart(src[a]) {
		return nil
	}
	n := a + 1 // the name's end
	for n < len(src) && (nameStart(src[n]) || src[n] >= '0' && src[n] <= '9') {
		n++
	}
	eq, appends := n, false
	if eq+1 < len(src) && src[eq] == '+' && src[eq+1] == '=' {
		eq, appends = eq+1, true
	}
	if eq >= len(src) || src[eq] != '=' {
		return nil
	}
	e := eq + 1
	for e < len(src) && litByte[src[e]] {
		e++
	}
	if e < len(src) && !wordEnd(src[e]) {
		return nil
	}
	if e+1 < len(src) && src[e] == '&' && src[e+1] == '>' {
		return nil // A=1&>f: the word against a redirection
	}
	as := &syntax.Assign{Append: appends, Name: l.newLit(a, n)}
	if eq+1 < e {
		wa := l.nodes.words.take(32)
		wa.word.Parts = append(wa.parts[:0], l.newLit(eq+1, e))
		as.Value = &wa.word
	}
	l.i = e
	return as
}

// redirect reads a redirection at the current offset, if one starts
// there: an optional descriptor number, the operator and its word. A
// here-document or here-string, a process substitution or a {varname}
// descriptor is outside the subset.
func (l *lightParser) redirect(st *syntax.Stmt, first bool) bool {
	j := l.i
	for j < len(l.src) && l.src[j] >= '0' && l.src[j] <= '9' {
		j++
	}
	if j == len(l.src) || l.src[j] != '>' && l.src[j] != '<' && !(j == l.i && l.src[j] == '&') {
		return false
	}
	if first {
		l.fail() // a redirection before the program: the parser's own case
		return true
	}
	rest := l.src[j:]
	var op syntax.RedirOperator
	var n int
	switch {
	case len(rest) >= 3 && rest[:3] == "&>>":
		op, n = syntax.AppAll, 3
	case len(rest) >= 2 && rest[:2] == "&>":
		op, n = syntax.RdrAll, 2
	case rest[0] == '&':
		return false
	case len(rest) >= 2 && (rest[:2] == "<<" || rest[:2] == "<(" || rest[:2] == ">("):
		l.fail()
		return true
	case len(rest) >= 2 && rest[:2] == ">>":
		op, n = syntax.AppOut, 2
	case len(rest) >= 2 && rest[:2] == ">&":
		op, n = syntax.DplOut, 2
	case len(rest) >= 2 && rest[:2] == "<&":
		op, n = syntax.DplIn, 2
	case len(rest) >= 2 && rest[:2] == ">|":
		op, n = syntax.ClbOut, 2
	case len(rest) >= 2 && rest[:2] == "<>":
		op, n = syntax.RdrInOut, 2
	case rest[0] == '>':
		op, n = syntax.RdrOut, 1
	default:
		op, n = syntax.RdrIn, 1
	}
	if (op == syntax.RdrAll || op == syntax.AppAll) && j > l.i {
		l.fail()
		return true
	}
	r := &syntax.Redirect{Op: op, OpPos: l.pos(j)}
	if j > l.i {
		r.N = l.newLit(l.i, j)
	}
	l.i = j + n
	l.blanks()
	if l.i >= len(l.src) {
		l.fail()
		return true
	}
	if c := l.src[l.i]; c == ';' || c == '|' || c == '&' || c == '<' || c == '>' || c == ')' {
		l.fail()
		return true
	}
	r.Word = l.word(false)
	st.Redirs = append(st.Redirs, r)
	return true
}

// litByte marks the bytes an unquoted word may hold in the subset, as one
// literal: safeByte's, the home tilde, the glob characters * and ? and braces.
var litByte = func() (t [256]bool) {
	t = safeByte
	for _, c := range "~*?{}" {
		t[c] = true
	}
	return t
}()

// word reads one word: literal runs, quotes and command substitutions
// with nothing between them. The program's word (first) may be no
// keyword, no assignment and hold no brackets or braces.
func (l *lightParser) word(first bool) *syntax.Word {
	wa := l.nodes.words.take(32)
	w := &wa.word
	w.Parts = wa.parts[:0]
	start := l.i
	for !l.failed && l.i < len(l.src) {
		c := l.src[l.i]
		switch {
		case litByte[c] || c == '\\':
			a, i, src := l.i, l.i, l.src
			for i < len(src) {
				if litByte[src[i]] {
					i++
				} else if src[i] == '\\' && i+1 < len(src) && src[i+1] >= ' ' && src[i+1] < 0x7f {
					i += 2 // an escaped byte stays in the literal, backslash and all
				} else {
					break
				}
			}
			if i == a {
				l.fail()
				return w
			}
			l.i = i
			if i < len(src) && src[i] == '(' {
				l.fail() // an extended glob, a function
				return w
			}
			w.Parts = append(w.Parts, l.newLit(a, i))
		case c == '\'':
			end := indexByteFrom(l.src, l.i+1, '\'')
			if end < 0 {
				l.fail()
				return w
			}
			if !quotedText(l.src[l.i+1 : end]) {
				l.fail()
				return w
			}
			q := l.nodes.sgls.take(8)
			*q = syntax.SglQuoted{Left: l.pos(l.i), Right: l.pos(end), Value: l.src[l.i+1 : end]}
			w.Parts = append(w.Parts, q)
			l.i = end + 1
		case c == '"':
			q := l.dblQuoted()
			if l.failed {
				return w
			}
			w.Parts = append(w.Parts, q)
		case c == '$' && l.at("${") || c == '$' && l.i+1 < len(l.src) && nameStart(l.src[l.i+1]):
			pe := l.param()
			if l.failed {
				return w
			}
			w.Parts = append(w.Parts, pe)
		case c == '$' && l.at("$(") && !l.at("$(("):
			cs := l.cmdSubst()
			if l.failed {
				return w
			}
			w.Parts = append(w.Parts, cs)
		default:
			if len(w.Parts) == 0 || !wordEnd(c) || l.at("&>") {
				// $1, ${a:-b}, `…`, \x, (…), #, !, a newline…; a word against a
				// redirection may be its descriptor ({fd}>f, 2>f)
				l.fail()
			}
			if first {
				l.checkProgram(start)
			}
			return w
		}
	}
	if first && !l.failed {
		l.checkProgram(start)
	}
	return w
}

// dblQuoted reads a double-quoted string at the current offset: text
// with no backquote or backslash, $NAME, ${NAME} and $(…) of the subset.
func (l *lightParser) dblQuoted() *syntax.DblQuoted {
	q := &syntax.DblQuoted{Left: l.pos(l.i)}
	l.i++
	src := l.src
	for !l.failed {
		a := l.i
		for l.i < len(src) && src[l.i] != '"' && src[l.i] != '$' && src[l.i] != '`' && src[l.i] != '\\' {
			l.i++
		}
		if l.i >= len(src) || src[l.i] == '`' || src[l.i] == '\\' || !quotedText(src[a:l.i]) {
			l.fail()
			break
		}
		if l.i > a {
			q.Parts = append(q.Parts, l.newLit(a, l.i))
		}
		switch {
		case src[l.i] == '"':
			q.Right = l.pos(l.i)
			l.i++
			return q
		case l.at("$(") && !l.at("$(("):
			cs := l.cmdSubst()
			q.Parts = append(q.Parts, cs)
		case l.at("${") || l.i+1 < len(src) && nameStart(src[l.i+1]):
			pe := l.param()
			q.Parts = append(q.Parts, pe)
		default:
			l.fail() // $1, $@, $"…", $'…'…
		}
	}
	return q
}

// cmdSubst reads $(…) at the current offset.
func (l *lightParser) cmdSubst() *syntax.CmdSubst {
	if l.depth >= maxLightNesting {
		l.fail()
		return nil
	}
	left := l.i
	l.i += 2
	l.depth++
	stmts := l.list(')')
	l.depth--
	if l.failed || l.i >= len(l.src) || l.src[l.i] != ')' || len(stmts) == 0 {
		l.fail()
		return nil
	}
	cs := l.nodes.substs.take(4)
	cs.Left, cs.Right, cs.Stmts = l.pos(left), l.pos(l.i), stmts
	l.i++
	return cs
}

// param reads $NAME or ${NAME} at the current offset; any other
// parameter expansion is outside the subset.
func (l *lightParser) param() *syntax.ParamExp {
	pe := &syntax.ParamExp{Dollar: l.pos(l.i)}
	braced := l.at("${")
	a := l.i + 1
	if braced {
		a++
	}
	b := a
	if b < len(l.src) && nameStart(l.src[b]) {
		b++
		for b < len(l.src) && (nameStart(l.src[b]) || l.src[b] >= '0' && l.src[b] <= '9') {
			b++
		}
	}
	if b == a || b < len(l.src) && l.src[b] == '[' {
		l.fail()
		return pe
	}
	pe.Param = l.newLit(a, b)
	if !braced {
		pe.Short = true
		l.i = b
		return pe
	}
	if b >= len(l.src) || l.src[b] != '}' {
		l.fail() // ${a:-b}, ${a#b}…
		return pe
	}
	pe.Rbrace = l.pos(b)
	l.i = b + 1
	return pe
}

// nameStart reports whether c may start a variable's name.
func nameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// wordEnd reports whether c ends an unquoted word in the subset.
func wordEnd(c byte) bool {
	switch c {
	case ' ', '\t', ';', '|', '&', ')':
		return true
	}
	return false
}

// checkProgram fails on a program word the parser reads as something
// other than a command's first argument: a reserved word or declaration
// builtin, an assignment (NAME=…, NAME[…]=…) or a block's brace.
func (l *lightParser) checkProgram(start int) {
	w := l.src[start:l.i]
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '=', '[', ']', '{', '}':
			l.fail()
			return
		}
	}
	if len(w) <= maxLeadWord && leadWords.Get(w) {
		l.fail()
	}
}

// maxLeadWord is the length of the longest of leadWords ("function").
const maxLeadWord = 8

// indexByteFrom is the index of c in s from i on, or -1.
func indexByteFrom(s string, i int, c byte) int {
	for ; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
