package shell

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/internal/table"
)

// expander turns the words of one simple command into fields: quotes
// removed, known variables substituted, unquoted expansions split on blanks.
// Substitutions met on the way are walked (their commands reported) and
// remembered in subs so that the caller can link them to an interpreter.
type expander struct {
	s     *state
	f     frame
	words []string
	dyn   []bool
	subs  []span // ranges of s.out holding the commands of substitutions

	assigns   []string // assignments before the program
	procTexts []string // what process substitutions on the line print, when static
	procIn    []span   // commands of <(…) substitutions: their output is read
	procOut   []span   // commands of >(…) substitutions: what is written there is their input

	cur    field
	have   bool // the current field exists even if empty ("")
	curDyn bool
	homeAt []int // where in cur an unset $HOME the walk kept ends (homeBraces)

	alts   []string // variables read that may hold other values (scopes.go)
	noAlts bool     // this expansion is itself one of those values
}

// field is the field being built; unlike a strings.Builder its buffer is
// reused from one field to the next.
type field []byte

func (b *field) Reset()               { *b = (*b)[:0] }
func (b *field) Len() int             { return len(*b) }
func (b *field) WriteString(s string) { *b = append(*b, s...) }
func (b *field) String() string       { return string(*b) }

// span is a range of state.out.
type span struct{ start, end int }

// word expands w and appends its fields. With split false (assignment
// values, redirection targets) the whole word is one field.
func (e *expander) word(w *syntax.Word, split bool) {
	if split && hasBrace(w) {
		// Brace expansion ("{rm,-rf,/}", "r{m,}") makes several words,
		// as bash does before anything else.
		if ws := braceWords(w); len(ws) > 1 {
			for _, x := range ws {
				e.word(x, true)
			}
			return
		}
	}
	if len(w.Parts) == 1 {
		// Most words are one plain literal: no copy needed.
		if l, ok := w.Parts[0].(*syntax.Lit); ok && l.Value != "" && strings.IndexByte(l.Value, '\\') < 0 &&
			(l.Value[0] != '~' || tildeHome(l.Value)) {
			e.words, e.dyn = append(e.words, l.Value), append(e.dyn, false)
			return
		}
	}
	e.cur.Reset()
	e.have, e.curDyn, e.homeAt = false, false, e.homeAt[:0]
	if split && len(e.words) > 0 {
		if p := e.s.emptyDefaultArg(w); p != nil {
			// rm -rf "${TARGET_DIR:-}": the variable, unknown (emptydefault.go)
			e.text("$" + p.Param.Value)
			e.curDyn = true
			e.flush()
			return
		}
	}
	for i, part := range w.Parts {
		e.part(part, i == 0, split, false)
	}
	if e.have || e.cur.Len() > 0 {
		e.flush()
	}
}

// one expands w to a single string, as for an assignment value or a
// redirection target.
func (e *expander) one(w *syntax.Word) (string, bool) {
	n := len(e.words)
	e.word(w, false)
	if len(e.words) == n {
		return "", false
	}
	v, d := e.words[n], e.dyn[n]
	e.words, e.dyn = e.words[:n], e.dyn[:n]
	return v, d
}

func (e *expander) flush() {
	e.homeBraces()
	e.words = append(e.words, e.s.str(e.cur))
	e.dyn = append(e.dyn, e.curDyn)
	e.cur.Reset()
	e.have, e.curDyn = false, false
}

func (e *expander) text(s string) {
	if s != "" {
		e.have = true
	}
	e.cur.WriteString(s)
}

// homeBraces writes a kept $HOME that a name runs on after as ${HOME}
// ("${HOME}x", %USERPROFILE%x from cmd.exe): the home and the name, which
// as "$HOMEx" would read as another variable.
func (e *expander) homeBraces() {
	for k := len(e.homeAt) - 1; k >= 0; k-- {
		at := e.homeAt[k]
		if at < len(e.cur) && isNameByte(e.cur[at]) {
			rest := string(e.cur[at:])
			e.cur = append(append(e.cur[:at-len("$HOME")], "${HOME}"...), rest...)
		}
	}
	e.homeAt = e.homeAt[:0]
}

// unknown appends the source text of an expansion that cannot be resolved.
func (e *expander) unknown(n syntax.Node) {
	e.text(e.f.slice(n))
	e.curDyn = true
}

// value appends the value of an expansion, split on blanks when unquoted.
func (e *expander) value(v string, split bool) {
	if !split {
		e.have = true
		e.cur.WriteString(v)
		return
	}
	// A line that sets IFS splits on its characters too: "IFS=_;
	// c=rm_-rf_/; $c" runs rm. Splitting on the blanks as well over-reports
	// rather than hides.
	ifs := ""
	if x, ok := e.s.vars["IFS"]; ok && x.known {
		ifs = x.val
	}
	sep := func(b byte) bool { return isIFS(b) || ifs != "" && strings.IndexByte(ifs, b) >= 0 }
	for i := 0; i < len(v); {
		if sep(v[i]) {
			if e.have || e.cur.Len() > 0 {
				e.flush()
			}
			for i < len(v) && sep(v[i]) {
				i++
			}
			continue
		}
		j := i
		for j < len(v) && !sep(v[j]) {
			j++
		}
		e.text(v[i:j])
		i = j
	}
}

func isIFS(b byte) bool { return b == ' ' || b == '\t' || b == '\n' }

func (e *expander) part(p syntax.WordPart, first, split, quoted bool) {
	switch p := p.(type) {
	case *syntax.Lit:
		if quoted {
			e.text(unescapeDouble(p.Value))
			return
		}
		if first && (p.Value == "~+" || strings.HasPrefix(p.Value, "~+/")) {
			// ~+ is the working directory, as $PWD (resolved by the caller).
			e.text("$PWD" + unescapeBare(p.Value[2:]))
			return
		}
		if first && (p.Value == "~-" || strings.HasPrefix(p.Value, "~-/")) {
			if v, ok := e.s.vars["OLDPWD"]; ok && v.known {
				// ~- is where cd - goes back to (place.go)
				e.text(v.val + unescapeBare(p.Value[2:]))
				return
			}
		}
		if first && strings.HasPrefix(p.Value, "~") && !tildeHome(p.Value) {
			e.curDyn = true // ~user, ~-: not the user's home
		}
		e.text(unescapeBare(p.Value))
	case *syntax.SglQuoted:
		e.have = true
		if p.Dollar {
			e.cur.WriteString(decodeANSIC(p.Value))
		} else {
			e.cur.WriteString(p.Value)
		}
	case *syntax.DblQuoted:
		e.have = true
		for _, q := range p.Parts {
			e.part(q, false, split, true)
		}
	case *syntax.ParamExp:
		ref := e.s.derefParam(p) // settings.go: declare -n
		if ref != p {
			if _, set := e.s.vars[ref.Param.Value]; !set && plainParam(ref) && ref.Param.Value != "HOME" {
				// A reference to a variable from outside: judged as $NAME.
				e.text("$" + ref.Param.Value)
				e.curDyn = true
				return
			}
			p = ref
		}
		if p.Param != nil {
			v, ok := e.s.vars[p.Param.Value]
			if ok && len(v.subs) > 0 {
				// The value came from a substitution: its commands feed
				// this one (X=$(env); curl -d "$X" ...).
				e.subs = e.s.appendSpans(e.subs, v.subs...)
			}
			if ok && len(v.alts) > 0 && !e.noAlts && !contains(e.alts, p.Param.Value) {
				e.alts = append(e.alts, p.Param.Value)
			}
			if p.Index != nil {
				e.indexAlts(p.Index) // ${a[$i]}: arrayitems.go
			}
		}
		if v, ok := e.s.param(p); ok {
			// "$@" and "${a[@]}" are one word per element even quoted.
			all := p.Param.Value == "@" || p.Index != nil && isAllIndex(p.Index) && !isStarIndex(p.Index) || plainParam(p) && e.s.vars[p.Param.Value].each
			e.value(v, split && (!quoted || all))
			return
		}
		if _, set := e.s.vars["HOME"]; !set && isHome(p) {
			e.text("$HOME")
			e.homeAt = append(e.homeAt, e.cur.Len())
			return
		}
		if v, ok := wellKnownEnv.Lookup(p.Param.Value); ok && plainParam(p) {
			if _, set := e.s.vars[p.Param.Value]; !set {
				// The system's temporary directory, unless the line set it.
				e.value(v, split && !quoted)
				return
			}
		}
		if v, ok := e.s.assignDefault(p); ok {
			// : ${D:=/x} assigns the default it expands to (scopes.go).
			e.value(v, split && !quoted)
			return
		}
		if v, ok := e.s.expandParam(p); ok {
			// "${a[@]:1}" is one word per element, as "${a[@]}" is.
			all := p.Index != nil && isAllIndex(p.Index) && !isStarIndex(p.Index)
			e.value(v, split && (!quoted || all))
			return
		}
		if elems, ok := e.s.anyElement(p); ok && split && len(e.words) > 0 && e.cur.Len() == 0 {
			// "${a[$i]}" with i unknown, an argument of its own: each
			// element (arrayitems.go); as the program it stays unknown
			for _, el := range elems {
				e.text(el)
				e.flush()
			}
			return
		}
		if v, ok := e.s.vars[p.Param.Value]; ok && !v.known && strings.Contains(v.val, "$") && !strings.ContainsAny(v.val, "`()") && len(v.subs) == 0 && p.Param.Value != "HOME" && plainParam(p) && !p.Excl && p.Index == nil {
			// A value the line assigned from expansions it cannot
			// resolve (K=$GITHUB_TOKEN; U="https://h/?t=$K"): its text,
			// with the expansions it holds, is what the word expands
			// to. A literal value that is unknown because another may
			// hold instead (too many branches) stays unknown.
			e.text(v.val)
			e.curDyn = true
			return
		}
		if name, ok := e.s.indirectName(p); ok {
			// ${!ref} naming a variable from outside: judged as $NAME.
			e.text("$" + name)
			e.curDyn = true
			return
		}
		e.unknown(p)
	case *syntax.CmdSubst:
		e.subst(p.Stmts, p)
		if v, ok := e.s.echoSubst(p); ok {
			e.value(v, split && !quoted)
			return
		}
		if v, ok := e.s.pwdOutput(p.Stmts); ok {
			// $(pwd), $(cd ../.. && pwd): the working directory, or the
			// one cd names from it (pwdsubst.go)
			e.value(v, split && !quoted)
			return
		}
		if v, ok := e.s.pathPieceOutput(p.Stmts); ok {
			// $(dirname ~/.kube/x), $(realpath ../x): a piece of a
			// known path (pathpieces.go)
			e.value(v, split && !quoted)
			return
		}
		if v, ok := e.s.listingOutput(p.Stmts); ok {
			// $(ls ~/.ssh/id_* | head -1), $(find ~/.ssh -name 'id_*'):
			// paths the glob names (listing.go).
			e.value(v, split && !quoted)
			return
		}
		e.unknown(p)
	case *syntax.ProcSubst:
		// Its value is a /dev/fd path; what it prints is remembered for a
		// program that reads the path as a script or its input.
		n := len(e.subs)
		e.subst(p.Stmts, p)
		if len(e.subs) > n {
			if p.Op == syntax.CmdOut {
				e.procOut = append(e.procOut, e.subs[n])
			} else {
				e.procIn = append(e.procIn, e.subs[n])
			}
		}
		if out, ok := e.s.staticOutput(p.Stmts); ok {
			e.procTexts = append(e.procTexts, out)
			if p.Op != syntax.CmdOut {
				// sftp -b <(echo 'put …'), source <(echo …): a program
				// given the path reads the text as a file the line wrote
				e.s.recordFile(e.f.slice(p), out, false)
			}
		} else if p.Op != syntax.CmdOut && !e.s.generatorSubst(p.Stmts) {
			// bash <(pbpaste), source <(./gen): a program running the
			// path runs text nobody here can read (generators.go); bash
			// <(cat t.sh) runs t.sh, as cat t.sh | bash does
			e.s.copiedSubst(e.f.slice(p), p.Stmts)
		}
		e.text(e.f.slice(p))
	case *syntax.ArithmExp:
		e.s.walkNested(p, e.f)
		e.s.arithAssigns(p) // scopes.go: $((i=1))
		if v, ok := e.s.arithValue(p); ok {
			e.value(v, split && !quoted) // $((0xa9fea9fe)), $((n+1))
			return
		}
		e.unknown(p)
	default: // ExtGlob, BraceExp: patterns are kept as written
		e.text(e.f.slice(p))
	}
}

// subst walks the statements of a substitution one level deeper and
// records the commands it produced.
func (e *expander) subst(stmts []*syntax.Stmt, n syntax.Node) {
	start := len(e.s.out)
	e.s.isolated(func() { e.s.walkStmts(stmts, e.f.deeper()) }) // a subshell (scopes.go)
	if len(e.s.out) > start {
		e.subs = e.s.appendSpans(e.subs, span{start, len(e.s.out)})
	}
}

// tildeHome reports whether a word starting with ~ names the user's home
// (~ or ~/...), which the caller expands itself.
func tildeHome(s string) bool { return len(s) == 1 || s[1] == '/' }

// isHome reports whether p is $HOME or ${HOME}.
func isHome(p *syntax.ParamExp) bool {
	return p.Param != nil && p.Param.Value == "HOME" && plainParam(p)
}

func plainParam(p *syntax.ParamExp) bool {
	return !p.Excl && !p.Length && !p.Width && p.Index == nil && p.Slice == nil &&
		p.Repl == nil && p.Names == 0 && p.Exp == nil
}

// param resolves a parameter expansion against the variables assigned so
// far on this line.
func (s *state) param(p *syntax.ParamExp) (string, bool) {
	if p.Param == nil || p.Excl || p.Length || p.Width ||
		p.Slice != nil || p.Repl != nil || p.Names != 0 {
		return "", false
	}
	if p.Index != nil && p.Exp == nil {
		if k, ok := indexKey(p.Index); ok {
			if v, ok := s.vars[s.refName(p.Param.Value)+"["+k+"]"]; ok && v.known && s.spend(len(v.val)) {
				return v.val, true // m=([k]=v); ${m[k]}
			}
		}
	}
	v, known := s.vars[p.Param.Value]
	if !known || !v.known {
		return "", false
	}
	if p.Param.Value == "*" && p.Index == nil && v.elems != nil {
		v.val = strings.Join(v.elems, s.ifsFirst()) // "$*" as "${a[*]}"
	}
	if p.Index != nil {
		// Arrays assigned on the line: ${a[@]}, ${a[*]}, ${a[N]}.
		if v.elems == nil {
			return "", false
		}
		if isAllIndex(p.Index) {
			v.val = strings.Join(v.elems, s.starSep(p.Index))
		} else if n, ok := literalIndex(p.Index); ok {
			if n < 0 {
				n += len(v.elems) // ${a[-1]}: counted from the end
			}
			if n < 0 || n >= len(v.elems) {
				return "", false
			}
			v.val = v.elems[n]
		} else {
			return "", false
		}
	}
	if p.Exp != nil {
		switch p.Exp.Op {
		case syntax.DefaultUnset, syntax.DefaultUnsetOrNull,
			syntax.AssignUnset, syntax.AssignUnsetOrNull:
			if v.val == "" && p.Exp.Op != syntax.DefaultUnset && p.Exp.Op != syntax.AssignUnset {
				return "", false
			}
		default:
			return "", false
		}
	}
	if !s.spend(len(v.val)) {
		return "", false
	}
	return v.val, true
}

// isAllIndex reports whether an array index is @ or *.
func isAllIndex(x syntax.ArithmExpr) bool {
	w, ok := x.(*syntax.Word)
	return ok && (w.Lit() == "@" || w.Lit() == "*")
}

// isStarIndex reports whether an array index is *: quoted, "${a[*]}" is
// one word, its elements joined by IFS's first character.
func isStarIndex(x syntax.ArithmExpr) bool {
	w, ok := x.(*syntax.Word)
	return ok && w.Lit() == "*"
}

// starSep is what joins an array's elements under index x: IFS's first
// character for ${a[*]} when the line set IFS ("" when it set it empty:
// IFS=; "${a[*]}" of (r m) is rm), else a blank.
func (s *state) starSep(x syntax.ArithmExpr) string {
	if !isStarIndex(x) {
		return " "
	}
	return s.ifsFirst()
}

// ifsFirst is IFS's first character as the line set it, "" when it set
// it empty, or a blank.
func (s *state) ifsFirst() string {
	if v, ok := s.vars["IFS"]; ok && v.known {
		if len(v.val) > 1 {
			return v.val[:1]
		}
		return v.val
	}
	return " "
}

// spend charges n bytes of expansion to the budget.
func (s *state) spend(n int) bool {
	s.expanded += n
	if s.expanded > MaxExpandBytes {
		s.truncated = true
		return false
	}
	return true
}

// echoSubst resolves $(echo WORDS) and $(printf FORMAT WORDS) when every word
// is static, giving the text the substitution would produce.
func (s *state) echoSubst(c *syntax.CmdSubst) (string, bool) {
	return s.staticOutput(c.Stmts)
}

// staticOutput is what statements print when they are one echo or printf
// of static words, or "which X" / "command -v X" / "type -P X" (the
// program's own name, which the walk resolves as X).
func (s *state) staticOutput(stmts []*syntax.Stmt) (string, bool) {
	if len(stmts) != 1 {
		return "", false
	}
	st := stmts[0]
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || st.Negated || st.Background || len(st.Redirs) > 0 || len(call.Assigns) > 0 || len(call.Args) == 0 {
		return "", false
	}
	words, ok := s.staticWords(call.Args)
	if !ok {
		return "", false
	}
	if prog, ok := whichName(words); ok {
		return prog, true
	}
	out, ok := s.echoText(words)
	if !ok {
		return "", false
	}
	out = strings.TrimRight(out, "\n")
	return out, s.spend(len(out))
}

// staticWords gives the values of words made only of literals, quotes and
// known variables (staticWord), or false when one is not.
func (s *state) staticWords(ws []*syntax.Word) ([]string, bool) {
	words := s.strs(len(ws))
	for _, w := range ws {
		v, ok := s.staticWord(w)
		if !ok {
			return nil, false
		}
		words = append(words, v)
	}
	return words, true
}

// staticWord gives the value of a word made only of literals, quotes and
// known variables, without walking anything. A word of one part (most
// are: ls, '{print $1}', "$HOME") is that part's value, built without a
// buffer; a longer one is its parts' values joined.
func (s *state) staticWord(w *syntax.Word) (string, bool) {
	if len(w.Parts) == 1 {
		switch p := w.Parts[0].(type) {
		case *syntax.Lit:
			return unescapeBare(p.Value), true
		case *syntax.SglQuoted:
			if p.Dollar {
				return decodeANSIC(p.Value), true
			}
			return p.Value, true
		}
	}
	var b strings.Builder
	for _, p := range w.Parts {
		if !s.staticPart(&b, p, false) {
			return "", false
		}
	}
	return b.String(), true
}

// staticPart adds the value of one part of a word to b (staticWord),
// inside double quotes when quoted; it is false for a part whose value is
// not known without walking (a substitution, an unset variable).
func (s *state) staticPart(b *strings.Builder, p syntax.WordPart, quoted bool) bool {
	switch p := p.(type) {
	case *syntax.Lit:
		if quoted {
			b.WriteString(unescapeDouble(p.Value))
		} else {
			b.WriteString(unescapeBare(p.Value))
		}
	case *syntax.SglQuoted:
		if p.Dollar {
			b.WriteString(decodeANSIC(p.Value))
		} else {
			b.WriteString(p.Value)
		}
	case *syntax.DblQuoted:
		for _, q := range p.Parts {
			if !s.staticPart(b, q, true) {
				return false
			}
		}
	case *syntax.ParamExp:
		v, ok := s.param(p)
		if !ok {
			if _, set := s.vars["HOME"]; !set && isHome(p) {
				b.WriteString("$HOME") // kept for the caller, as the expander does
				return true
			}
			return false
		}
		b.WriteString(v)
	default:
		return false
	}
	return true
}

// echoText is what "echo ARGS" or "printf FORMAT ARGS" prints, for the
// common forms; ok is false when it cannot tell.
func (s *state) echoText(words []string) (string, bool) {
	if len(words) == 0 {
		return "", false
	}
	args := words[1:]
	switch words[0] {
	case "echo":
		nl, esc := true, false
		for len(args) > 0 && isEchoFlag(args[0]) {
			if strings.Contains(args[0], "n") {
				nl = false
			}
			esc = esc || strings.Contains(args[0], "e")
			args = args[1:]
		}
		if !esc && nl {
			return s.joinLine(args), true // the words and the newline, in the line's bytes
		}
		out := strings.Join(args, " ")
		if esc {
			var ok bool
			if out, ok = decodeEscapes(out); !ok {
				return "", false
			}
		}
		if nl {
			out += "\n"
		}
		return out, true
	case "printf":
		if len(args) == 0 {
			return "", false
		}
		return printfText(args[0], args[1:])
	case "awk", "gawk", "mawk", "nawk":
		return awkBeginText(args) // awkprint.go
	case "yes", "jq", "gojq", "jaq":
		return argPrinterText(words[0], args) // argprinters.go
	}
	if len(args) > 1 && args[0] != "" && args[0][0] == '-' {
		return codePrintText(words) // codeprint.go: python3 -c 'print("…")'
	}
	return "", false
}

// joinLine is strings.Join(words, " ") + "\n", written in the line's
// bytes (str): no allocation of its own.
func (s *state) joinLine(words []string) string {
	n := max(len(words), 1) // the spaces between, and the newline
	for _, w := range words {
		n += len(w)
	}
	if n == 1 {
		return "\n" // no words, or one empty word
	}
	if cap(s.byteArena)-len(s.byteArena) < n {
		s.byteArena = make([]byte, 0, max(n, arenaChunk*16))
	}
	i := len(s.byteArena)
	for k, w := range words {
		if k > 0 {
			s.byteArena = append(s.byteArena, ' ')
		}
		s.byteArena = append(s.byteArena, w...)
	}
	s.byteArena = append(s.byteArena, '\n')
	return unsafe.String(&s.byteArena[i], n)
}

func isEchoFlag(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for _, c := range s[1:] {
		if c != 'n' && c != 'e' && c != 'E' {
			return false
		}
	}
	return true
}

// PrintfText is printf's output for its format and arguments, when
// printfText resolves it.
func PrintfText(format string, args []string) (string, bool) { return printfText(format, args) }

// printfText formats the %s, %b and %% directives of format, the only ones
// a command name is written with, and its backslash escapes; anything else
// is not resolved. Like printf, the format is used again while arguments
// remain: printf '%s' rm ' -rf /' prints "rm -rf /".
func printfText(format string, args []string) (string, bool) {
	var b strings.Builder
	for round := 0; ; round++ {
		used := false
		for i := 0; i < len(format); i++ {
			c := format[i]
			switch {
			case c == '%' && i+1 < len(format):
				i++
				switch format[i] {
				case '%':
					b.WriteByte('%')
				case 'd', 'i', 'x', 'X', 'o', 'u', 'c':
					// Numbers and characters: printf '%d.%d.%d.%d' 169 254 169 254.
					used = true
					if len(args) > 0 {
						n, err := strconv.ParseInt(strings.TrimSpace(args[0]), 0, 64)
						if err != nil && format[i] != 'c' {
							return "", false
						}
						switch format[i] {
						case 'x':
							b.WriteString(strconv.FormatInt(n, 16))
						case 'X':
							b.WriteString(strings.ToUpper(strconv.FormatInt(n, 16)))
						case 'o':
							b.WriteString(strconv.FormatInt(n, 8))
						case 'c':
							if args[0] != "" {
								b.WriteByte(args[0][0])
							}
						default:
							b.WriteString(strconv.FormatInt(n, 10))
						}
						args = args[1:]
					}
				case 's', 'b':
					used = true
					if len(args) > 0 {
						a := args[0]
						if format[i] == 'b' {
							a, _ = decodeEscapes(a)
						}
						b.WriteString(a)
						args = args[1:]
					}
				default:
					return "", false
				}
			case c == '\\' && i+1 < len(format):
				n, ok := escapeAt(format, i, &b)
				if !ok {
					return "", false
				}
				i += n - 1
			case c == '%' || c == '\\':
				return "", false
			default:
				b.WriteByte(c)
			}
		}
		if len(args) == 0 || !used || round > 64 || b.Len() > 1<<16 {
			break
		}
	}
	if len(args) > 0 {
		return "", false
	}
	return b.String(), true
}

// decodeEscapes decodes the backslash escapes of echo -e and printf %b.
func decodeEscapes(s string) (string, bool) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		n, ok := escapeAt(s, i, &b)
		if !ok {
			return "", false
		}
		i += n - 1
	}
	return b.String(), true
}

// escapeAt decodes the escape at s[i] (a backslash) into b and reports how
// many bytes it took: \n \t \r \a \b \e \f \v \\, \xHH, \NNN and
// \0NNN octal, \uHHHH and \UHHHHHHHH.
func escapeAt(s string, i int, b *strings.Builder) (int, bool) {
	c := s[i+1]
	if r, ok := simpleEscapes.Lookup(c); ok {
		b.WriteByte(r)
		return 2, true
	}
	digits := func(start, max, base int) (int, int) {
		v, n := 0, 0
		for n < max && start+n < len(s) {
			d := strings.IndexByte("0123456789abcdef"[:base], lowerByte(s[start+n]))
			if d < 0 {
				break
			}
			v = v*base + d
			n++
		}
		return v, n
	}
	switch {
	case c == 'x':
		v, n := digits(i+2, 2, 16)
		if n == 0 {
			return 0, false
		}
		b.WriteByte(byte(v))
		return 2 + n, true
	case c == 'u' || c == 'U':
		max := 4
		if c == 'U' {
			max = 8
		}
		v, n := digits(i+2, max, 16)
		if n == 0 {
			return 0, false
		}
		b.WriteRune(rune(v))
		return 2 + n, true
	case c >= '0' && c <= '7':
		start, max := i+1, 3
		if c == '0' {
			start, max = i+2, 3
		}
		v, n := digits(start, max, 8)
		b.WriteByte(byte(v))
		return start - i + n, true
	}
	return 0, false
}

// simpleEscapes are the one-letter escapes and what they stand for.
var simpleEscapes = table.Map[byte, byte]{Build: func() map[byte]byte {
	return map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', 'a': 7, 'b': 8, 'e': 27, 'f': 12, 'v': 11, '\\': '\\', '"': '"', '\'': '\''}
}}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// unescapeBare removes the backslashes of an unquoted literal: \x is x.
// (The parser has already dropped backslash-newline pairs.)
func unescapeBare(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescapeDouble removes the backslashes that are special inside double
// quotes: before $, `, ", \ and newline.
func unescapeDouble(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '$', '`', '"', '\\':
				i++
			case '\n':
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// decodeANSIC decodes the body of a $'...' string.
func decodeANSIC(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'e', 'E':
			b.WriteByte(0x1b)
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\', '\'', '"', '?':
			b.WriteByte(c)
		case 'c':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i] & 0x1f)
			}
		case 'x', 'u', 'U':
			max := 2
			if c == 'u' {
				max = 4
			} else if c == 'U' {
				max = 8
			}
			j := i + 1
			for j < len(s) && j-i-1 < max && isHex(s[j]) {
				j++
			}
			if j == i+1 {
				b.WriteByte('\\')
				b.WriteByte(c)
				continue
			}
			n, _ := strconv.ParseUint(s[i+1:j], 16, 32)
			if c == 'x' {
				b.WriteByte(byte(n))
			} else if utf8.ValidRune(rune(n)) {
				b.WriteRune(rune(n))
			}
			i = j - 1
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j-i < 3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseUint(s[i:j], 8, 16)
			b.WriteByte(byte(n))
			i = j - 1
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
