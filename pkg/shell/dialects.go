package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Shells other than bash speak other languages: zsh's glob qualifiers,
// parameter flags and =cmd; fish's and elvish's (cmd) substitution and
// blocks closed by "end" or braces; csh's foreach, if (...) and setenv;
// nushell's ^cmd, $env.X and the builtins that read (open), write (save)
// and fetch or send (http get, http post). dialectText rewrites a script of
// such a shell into bash text with the same programs, words and data flows,
// so that the one parser reads it and every command it runs is judged as
// bash's would be. A construct it does not know is left as written (and may
// then not parse, which the caller treats as unknown).

// dialectText gives text, a script of the shell name, as bash text; the
// text itself when name speaks bash's language or nothing is rewritten.
func dialectText(name, text string) string {
	switch unversioned(name) {
	case "zsh":
		return zshText(zshPrecommands(text))
	case "fish":
		return dialectRewrite(text, &fishDialect, 0)
	case "csh", "tcsh":
		return dialectRewrite(text, &cshDialect, 0)
	case "elvish":
		return dialectRewrite(text, &elvishDialect, 0)
	case "nu", "nushell":
		return dialectRewrite(text, &nuDialect, 0)
	case "xonsh":
		return dialectRewrite(text, &xonshDialect, 0)
	}
	return text
}

// maxDialectDepth bounds the nesting of substitutions rewritten.
const maxDialectDepth = 8

// zshText rewrites what zsh reads differently from bash and the parser
// would reject or misread: glob qualifiers ("*.go(.N)", "~/*(D)") are
// dropped, leaving the glob; parameter flags ("${(f)X}") are dropped, and a
// nested expansion ("${(u)${(f)"$(cmd)"}}") stands for its inner one; a
// word "=cmd" is the program cmd, and "=(cmd)" a file of cmd's output, as
// "<(cmd)" is; a glob's exclusion "A~B" stands for A.
func zshText(s string) string {
	if !strings.ContainsAny(s, "(=") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	sq, dq := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if sq {
			if c == '\'' {
				sq = false
			}
			b.WriteByte(c)
			continue
		}
		switch {
		case c == '\\' && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i++
			continue
		case c == '\'' && !dq:
			sq = true
		case c == '"':
			dq = !dq
		case c == '$' && i+1 < len(s) && s[i+1] == '{':
			if end, inner, ok := zshParam(s, i); ok {
				b.WriteString(inner)
				i = end
				continue
			}
		case c == '~' && !dq && !wordStart(s, i) && strings.IndexByte("=:", s[i-1]) < 0:
			// A~B: the files of A but B's (extendedglob); A stands for them
			for i+1 < len(s) && strings.IndexByte(" \t\n;|&)", s[i+1]) < 0 && !zshQualifier(s, i+1) {
				i++
			}
			continue
		case c == '(' && !dq && zshQualifier(s, i):
			i += strings.IndexByte(s[i:], ')')
			continue
		case c == '=' && !dq && wordStart(s, i) && i+1 < len(s):
			if s[i+1] == '(' {
				b.WriteByte('<') // =(cmd): a file holding cmd's output
				continue
			}
			if isNameStart(s[i+1]) {
				continue // =cmd: the program's path
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// zshParam reads the expansion "${...}" at s[i]: its flags "(…)" and zsh's
// markers (= ~ ^ +) dropped, and a nested expansion or string in place of
// the name standing for the whole. end is the index of the last byte read.
func zshParam(s string, i int) (end int, text string, ok bool) {
	j := i + 2
	flags := false
	if j < len(s) && s[j] == '(' {
		k := strings.IndexByte(s[j:], ')')
		if k < 0 {
			return 0, "", false
		}
		j += k + 1
		flags = true
	}
	m := j
	for m < len(s) && strings.IndexByte("=~^+", s[m]) >= 0 {
		m++
	}
	hash := m < len(s) && s[m] == '#'
	if hash {
		m++
	}
	if m < len(s) && (s[m] == '$' || s[m] == '"') {
		close := closingBrace(s, i+1)
		if close < 0 {
			return 0, "", false
		}
		return close, zshText(s[m:close]), true
	}
	if !flags && m == j+boolInt(hash) {
		return 0, "", false // a plain ${X} or ${#X}: as bash reads it
	}
	head := "${"
	if hash {
		head = "${#"
	}
	return m - 1, head, true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// zshQualifier reports whether the "(" at s[i] opens a glob qualifier: it
// follows a word's character, holds no blank, quote or operator, and its
// ")" ends the word.
func zshQualifier(s string, i int) bool {
	if i == 0 || strings.IndexByte(" \t\n;|&(<>$=@!+`", s[i-1]) >= 0 {
		return false
	}
	k := strings.IndexByte(s[i:], ')')
	if k <= 1 {
		return false
	}
	if strings.ContainsAny(s[i+1:i+k], " \t\n'\"(|;&$`<>{}") {
		return false
	}
	after := i + k + 1
	return after == len(s) || strings.IndexByte(" \t\n;|&)", s[after]) >= 0
}

// wordStart reports whether s[i] begins a word.
func wordStart(s string, i int) bool {
	return i == 0 || strings.IndexByte(" \t\n;|&(", s[i-1]) >= 0
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// closingBrace gives the index of the "}" closing the "{" at s[open], -1
// when there is none; quotes are skipped.
func closingBrace(s string, open int) int {
	depth := 0
	sq, dq := false, false
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case sq:
			sq = c != '\''
		case c == '\\':
			i++
		case c == '\'' && !dq:
			sq = true
		case c == '"':
			dq = !dq
		case c == '{':
			depth++
		case c == '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// A dialect says how one shell's script reads as bash: which brackets are
// substitutions, what a word means, what a command position holds, and
// what its block keywords open and close.
type dialect struct {
	subst   bool                                                                        // (cmd) is a command substitution
	closure bool                                                                        // { |x| … } is code it runs
	word    func(w string) string                                                       // a word's own rewrite
	stage   func(words []string) []string                                               // a command position's rewrite
	keyword func(d *dialect, words []string, stack *[]string, depth int) (string, bool) // a statement's keyword
}

// dialectRewrite rewrites text statement by statement; text is returned
// as written when a statement holds a construct the dialect cannot give.
func dialectRewrite(text string, d *dialect, depth int) string {
	if depth > maxDialectDepth {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	var stack []string
	for _, st := range dialectStatements(text) {
		words := dialectWords(st)
		if len(words) == 0 {
			continue
		}
		for i, w := range words {
			words[i] = d.rewriteWord(w, depth)
		}
		if d.stage != nil {
			words = d.stages(words)
		}
		line := strings.Join(words, " ")
		if d.keyword != nil {
			out, ok := d.keyword(d, words, &stack, depth)
			if !ok {
				return text
			}
			if out != "" {
				line = out
			}
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	if len(stack) > 0 {
		return text // a block left open
	}
	return b.String()
}

// stages applies the command-position rewrite to each stage of a pipeline
// or list.
func (d *dialect) stages(words []string) []string {
	out := make([]string, 0, len(words)+2)
	start := 0
	for i := 0; i <= len(words); i++ {
		if i < len(words) && !listOperator(words[i]) {
			continue
		}
		if start < i {
			out = append(out, d.stage(words[start:i:i])...)
		}
		if i < len(words) {
			out = append(out, words[i])
		}
		start = i + 1
	}
	return out
}

func listOperator(w string) bool {
	return w == "|" || w == "&&" || w == "||" || w == "&" || w == "|&"
}

// rewriteWord rewrites a word's substitutions "(cmd)" (as "$(cmd)", the
// inner text rewritten in the same dialect) and closures, then the
// dialect's own word rewrite.
func (d *dialect) rewriteWord(w string, depth int) string {
	if d.closure && strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") {
		if body, ok := closureBody(w[1 : len(w)-1]); ok {
			return "$(" + strings.TrimSpace(dialectRewrite(body, d, depth+1)) + ")"
		}
		return quoteWord(w) // a record: data
	}
	if d.closure && strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]") {
		return quoteWord(w) // a list: data
	}
	if d.subst && strings.IndexByte(w, '(') >= 0 {
		w = d.substitutions(w, depth)
	}
	if d.word != nil {
		w = d.word(w)
	}
	return w
}

// closureBody gives the code of a closure "{ |x| BODY }" or "{ BODY }";
// a record "{name: v}" is no code.
func closureBody(inner string) (string, bool) {
	t := strings.TrimSpace(inner)
	if strings.HasPrefix(t, "|") {
		if k := strings.IndexByte(t[1:], '|'); k >= 0 {
			return t[k+2:], true
		}
		return "", false
	}
	first, _, _ := strings.Cut(t, " ")
	if strings.HasSuffix(first, ":") || t == "" {
		return "", false
	}
	return t, true
}

// substitutions rewrites the unquoted "(cmd)" of w as "$(cmd)".
func (d *dialect) substitutions(w string, depth int) string {
	var b strings.Builder
	sq, dq := false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case sq:
			sq = c != '\''
		case c == '\\' && i+1 < len(w):
			b.WriteString(w[i : i+2])
			i++
			continue
		case c == '\'' && !dq:
			sq = true
		case c == '"':
			dq = !dq
		case c == '(' && !dq:
			end := closingParen(w, i)
			if end < 0 {
				break
			}
			if i == 0 || w[i-1] != '$' {
				b.WriteByte('$')
			}
			b.WriteByte('(')
			b.WriteString(strings.TrimSpace(dialectRewrite(w[i+1:end], d, depth+1)))
			b.WriteByte(')')
			i = end
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// closingParen gives the index of the ")" closing the "(" at s[open].
func closingParen(s string, open int) int {
	depth := 0
	sq, dq := false, false
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case sq:
			sq = c != '\''
		case c == '\\':
			i++
		case c == '\'' && !dq:
			sq = true
		case c == '"':
			dq = !dq
		case c == '(' && !dq:
			depth++
		case c == ')' && !dq:
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// dialectStatements splits text at the unquoted ";" and newlines that
// stand outside brackets.
func dialectStatements(text string) []string {
	return splitTopLevel(text, func(c byte) bool { return c == ';' || c == '\n' }, true)
}

// dialectWords splits a statement at unquoted blanks outside brackets,
// keeping each word's quotes and brackets.
func dialectWords(st string) []string {
	return splitTopLevel(st, func(c byte) bool { return c == ' ' || c == '\t' }, false)
}

// splitTopLevel splits text at the bytes sep reports that stand outside
// quotes, backquotes and brackets; empty pieces are kept only when
// keepEmpty is true.
func splitTopLevel(text string, sep func(c byte) bool, keepEmpty bool) []string {
	var out []string
	depth := 0
	sq, dq, bq := false, false, false
	start := 0
	cut := func(end int) {
		if keepEmpty || end > start {
			out = append(out, text[start:end])
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case sq:
			sq = c != '\''
		case c == '\\':
			i++
		case c == '\'' && !dq:
			sq = true
		case c == '"':
			dq = !dq
		case c == '`':
			bq = !bq
		case dq || bq:
		case c == '(' || c == '{' || c == '[':
			depth++
		case (c == ')' || c == '}' || c == ']') && depth > 0:
			depth--
		case depth == 0 && sep(c):
			cut(i)
			start = i + 1
		}
	}
	cut(len(text))
	return out
}

// assignWords gives "NAME=VALUE" for a shell's set NAME VALUE…, with
// export when exported; several values make an array.
func assignWords(name string, values []string, export bool) string {
	v := ""
	switch len(values) {
	case 0:
	case 1:
		v = values[0]
	default:
		v = "(" + strings.Join(values, " ") + ")"
	}
	if export {
		return "export " + name + "=" + v
	}
	return name + "=" + v
}

// fishDialect: (cmd) substitution; for/while/if/begin/function blocks
// closed by end; and, or, not; set NAME VALUE… as an assignment; source
// with no file runs its input, as "sh" does.
var fishDialect = dialect{subst: true, word: fishWord, stage: fishStage, keyword: fishKeyword}

// fishWord gives fish's brace of one variable ({$HOME}, {$HOME,}) and a
// variable's list index ($HOME[1]) as the variable: the value it expands
// to (bash would read a literal brace and a glob).
func fishWord(w string) string {
	if !strings.Contains(w, "$") || !strings.ContainsAny(w, "{[") {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] == '{' && i+1 < len(w) && w[i+1] == '$' {
			// {$HOME}, {$HOME/}, {$HOME,}: one item (and an empty one)
			if k := strings.IndexAny(w[i+1:], "{},"); k > 0 {
				item, end := w[i+1:i+1+k], i+1+k
				if w[end] == ',' && end+1 < len(w) && w[end+1] == '}' {
					end++
				}
				if w[end] == '}' {
					b.WriteString(item)
					i = end
					continue
				}
			}
		}
		if w[i] == '[' && i > 0 && isNameByte(w[i-1]) && strings.LastIndexByte(w[:i], '$') >= 0 {
			if k := strings.IndexByte(w[i:], ']'); k > 1 && strings.Trim(w[i+1:i+k], "0123456789.-") == "" {
				i += k // $HOME[1], $argv[2..-1]: the list's items
				continue
			}
		}
		b.WriteByte(w[i])
	}
	return b.String()
}

func fishStage(words []string) []string {
	switch words[0] {
	case "and", "or":
		if len(words) > 1 {
			return fishStage(words[1:])
		}
	case "not", "!":
		if len(words) > 1 {
			return append([]string{"!"}, fishStage(words[1:])...)
		}
	case "source", ".":
		if len(words) == 1 || words[1] == "-" {
			return []string{"sh"} // the input is the script
		}
	case "set":
		export, erase := false, false
		i := 1
		for ; i < len(words) && strings.HasPrefix(words[i], "-"); i++ {
			switch {
			case words[i] == "--export" || !strings.HasPrefix(words[i], "--") && strings.IndexByte(words[i], 'x') > 0:
				export = true
			case words[i] == "--erase" || !strings.HasPrefix(words[i], "--") && strings.IndexByte(words[i], 'e') > 0:
				erase = true
			case words[i] == "--query" || !strings.HasPrefix(words[i], "--") && strings.IndexByte(words[i], 'q') > 0:
				return words
			}
		}
		if i >= len(words) || !isNameStart(words[i][0]) {
			return words
		}
		if erase {
			return []string{"unset", words[i]}
		}
		return []string{assignWords(words[i], words[i+1:], export)}
	}
	return words
}

func fishKeyword(d *dialect, words []string, stack *[]string, depth int) (string, bool) {
	rest := strings.Join(words[1:], " ")
	switch words[0] {
	case "for":
		if len(words) < 3 || words[2] != "in" {
			return "", false
		}
		*stack = append(*stack, "done")
		return "for " + rest + "; do", true
	case "while":
		*stack = append(*stack, "done")
		return "while " + rest + "; do", true
	case "if":
		*stack = append(*stack, "fi")
		return "if " + rest + "; then", true
	case "else":
		if len(words) > 1 && words[1] == "if" {
			return "elif " + strings.Join(words[2:], " ") + "; then", true
		}
		return "else", true
	case "begin":
		*stack = append(*stack, "}")
		if len(words) > 1 {
			return "{ " + rest, true
		}
		return "{", true
	case "function":
		if len(words) < 2 {
			return "", false
		}
		*stack = append(*stack, "}")
		return words[1] + "() {", true
	case "end":
		return popBlock(stack, words)
	case "switch", "case":
		return "", false
	}
	return "", true
}

// popBlock closes the innermost open block; what follows "end" on its
// statement (end | sort) follows the closer.
func popBlock(stack *[]string, words []string) (string, bool) {
	if len(*stack) == 0 {
		return "", false
	}
	closer := (*stack)[len(*stack)-1]
	*stack = (*stack)[:len(*stack)-1]
	if len(words) > 1 {
		closer += " " + strings.Join(words[1:], " ")
	}
	return closer, true
}

// cshDialect: foreach/while/if blocks closed by end or endif; the one-line
// if (EXPR) CMD; set NAME = VALUE and setenv NAME VALUE as assignments;
// $home as $HOME.
var cshDialect = dialect{word: cshWord, stage: cshStage, keyword: cshKeyword}

func cshWord(w string) string {
	if strings.Contains(w, "$home") {
		w = strings.ReplaceAll(w, "${home}", "${HOME}")
		var b strings.Builder
		for i := 0; i < len(w); i++ {
			if strings.HasPrefix(w[i:], "$home") && (i+5 == len(w) || !isNameByte(w[i+5])) {
				b.WriteString("$HOME")
				i += 4
				continue
			}
			b.WriteByte(w[i])
		}
		w = b.String()
	}
	for _, m := range [...]string{":q", ":x"} {
		// $home:q, ${x}:x: csh's quoting modifiers, the value unchanged
		for k := strings.Index(w, m); k > 0; k = strings.Index(w, m) {
			if end := k + 2; (w[k-1] == '}' || isNameByte(w[k-1])) && strings.LastIndexByte(w[:k], '$') >= 0 && (end == len(w) || !isNameByte(w[end])) {
				w = w[:k] + w[end:]
				continue
			}
			break
		}
	}
	return w
}

func isNameByte(c byte) bool { return isNameStart(c) || c >= '0' && c <= '9' }

func cshStage(words []string) []string {
	switch words[0] {
	case "setenv":
		if len(words) >= 2 && isNameStart(words[1][0]) {
			return []string{assignWords(words[1], words[2:], true)}
		}
	case "unsetenv":
		return append([]string{"unset"}, words[1:]...)
	case "set", "@":
		// set NAME = VALUE, set NAME=VALUE, set NAME = ( a b )
		if len(words) < 2 {
			return words
		}
		name, value, ok := strings.Cut(words[1], "=")
		vals := words[2:]
		if !ok && len(words) >= 3 && words[2] == "=" {
			vals = words[3:]
		} else if ok {
			vals = append([]string{value}, vals...)
			if value == "" {
				vals = words[2:]
			}
		}
		if name == "" || !isNameStart(name[0]) {
			return words
		}
		if len(vals) == 1 && strings.HasPrefix(vals[0], "(") && strings.HasSuffix(vals[0], ")") {
			return []string{name + "=" + vals[0]}
		}
		return []string{assignWords(name, vals, false)}
	}
	return words
}

func cshKeyword(d *dialect, words []string, stack *[]string, depth int) (string, bool) {
	switch words[0] {
	case "foreach":
		if len(words) < 3 || !strings.HasPrefix(words[2], "(") || !strings.HasSuffix(words[2], ")") {
			return "", false
		}
		*stack = append(*stack, "done")
		return "for " + words[1] + " in " + strings.TrimSpace(words[2][1:len(words[2])-1]) + "; do", true
	case "while":
		*stack = append(*stack, "done")
		return "while " + cshTest(words[1:]) + "; do", true
	case "if":
		if len(words) < 2 {
			return "", false
		}
		if len(words) == 3 && words[2] == "then" {
			*stack = append(*stack, "fi")
			return "if " + cshTest(words[1:2]) + "; then", true
		}
		// if (EXPR) CMD: CMD may run
		return cshTest(words[1:2]) + "; " + strings.Join(cshStage(words[2:]), " "), len(words) > 2
	case "else":
		if len(words) >= 4 && words[1] == "if" {
			return "elif " + cshTest(words[2:3]) + "; then", true
		}
		return "else", true
	case "end", "endif":
		return popBlock(stack, words)
	case "switch", "case", "breaksw", "endsw", "goto":
		return "", false
	}
	return "", true
}

// cshTest gives a csh expression as a command: ":" with the commands it
// substitutes (backquotes) kept as its words.
func cshTest(words []string) string {
	var b strings.Builder
	b.WriteString(":")
	for _, w := range words {
		for {
			i := strings.IndexByte(w, '`')
			if i < 0 {
				break
			}
			j := strings.IndexByte(w[i+1:], '`')
			if j < 0 {
				break
			}
			b.WriteString(" \"$(" + w[i+1:i+1+j] + ")\"")
			w = w[i+j+2:]
		}
	}
	return b.String()
}

// elvishDialect: (cmd) output capture; for VAR [LIST] { BODY }; $E:NAME
// as $NAME; slurp reads its input out as cat does; var and set as
// assignments.
var elvishDialect = dialect{subst: true, word: elvishWord, stage: elvishStage, keyword: elvishKeyword}

func elvishWord(w string) string {
	if strings.Contains(w, "$E:") {
		w = strings.ReplaceAll(w, "$E:", "$")
	}
	return w
}

func elvishStage(words []string) []string {
	switch words[0] {
	case "slurp", "from-lines", "from-json":
		return append([]string{"cat"}, words[1:]...)
	case "os:remove-all":
		return append([]string{"rm", "-rf", "--"}, words[1:]...) // elvish's os module
	case "os:remove":
		return append([]string{"rm", "-f", "--"}, words[1:]...)
	case "os:rename":
		return append([]string{"mv", "--"}, words[1:]...)
	case "use":
		return []string{"true"} // a module imported
	case "put":
		return append([]string{"echo"}, words[1:]...)
	case "var", "set":
		if len(words) >= 4 && words[2] == "=" && isNameStart(words[1][0]) {
			return []string{assignWords(words[1], words[3:], false)}
		}
	}
	return words
}

func elvishKeyword(d *dialect, words []string, stack *[]string, depth int) (string, bool) {
	if words[0] != "for" {
		return "", true
	}
	if len(words) != 4 || !strings.HasPrefix(words[2], "[") || !strings.HasPrefix(words[3], "{") {
		return "", false
	}
	list := strings.TrimSuffix(words[2][1:], "]")
	body := strings.TrimSuffix(words[3][1:], "}")
	return "for " + words[1] + " in " + list + "; do\n" + dialectRewrite(body, d, depth+1) + "\ndone", true
}

// nuDialect: (cmd) subexpressions and closures are code it runs; ^cmd is
// the program cmd; $env.NAME is $NAME; open reads a file out (cat), save
// writes its input (tee), http get and http post fetch and send (curl),
// with $in, the stage's input, sent as curl's -d @- does; let as an
// assignment; a value (a string, list, variable, number or subexpression)
// at a pipeline's head is echoed; > and < compare.
var nuDialect = dialect{subst: true, closure: true, word: nuWord, stage: nuStage}

func nuWord(w string) string {
	switch {
	case w == ">" || w == "<" || w == ">=" || w == "<=" || w == "<<" || w == ">>":
		return "'" + w + "'" // a comparison, not a redirection
	case w == "o>" || w == "out>":
		return ">"
	case w == "o>>" || w == "out>>":
		return ">>"
	case w == "e>" || w == "err>":
		return "2>"
	case w == "e>>" || w == "err>>":
		return "2>>"
	case w == "o+e>" || w == "out+err>":
		return "&>"
	case w == "$in":
		return "$(cat)"
	case w == "$env":
		return "$(env)"
	}
	if strings.Contains(w, "$nu.home-path") {
		w = strings.ReplaceAll(w, "$nu.home-path", "$HOME")
	}
	if strings.Contains(w, "$env.") {
		var b strings.Builder
		for i := 0; i < len(w); i++ {
			if strings.HasPrefix(w[i:], "$env.") {
				j := i + 5
				for j < len(w) && isNameByte(w[j]) {
					j++
				}
				b.WriteString("${" + w[i+5:j] + "}")
				i = j - 1
				continue
			}
			b.WriteByte(w[i])
		}
		w = b.String()
	}
	if strings.HasPrefix(w, "$\"") {
		// $"…($in)…": an interpolated string, its parts substituted
		w = strings.ReplaceAll(w[1:], "($in)", "$(cat)")
		var b strings.Builder
		for i := 0; i < len(w); i++ {
			if w[i] == '(' && (i == 0 || w[i-1] != '$') {
				b.WriteByte('$')
			}
			b.WriteByte(w[i])
		}
		w = b.String()
	}
	return w
}

// nuHTTPValues are http's options that take a value.
var nuHTTPValues = table.Map[string, bool]{Words: `--content-type -t --headers -H --user -u
	--password -p --max-time -m --redirect-mode -R`}

func nuStage(words []string) []string {
	head := strings.TrimPrefix(words[0], "^")
	switch {
	case head == "$(env)":
		return append([]string{"env"}, words[1:]...)
	case head == "open":
		out := []string{"cat"}
		for _, w := range words[1:] {
			if !strings.HasPrefix(w, "-") {
				out = append(out, w)
			}
		}
		return out
	case head == "save":
		out := []string{"tee"}
		for _, w := range words[1:] {
			switch {
			case w == "--append" || w == "-a":
				out = append(out, "-a")
			case !strings.HasPrefix(w, "-"):
				out = append(out, w)
			}
		}
		return out
	case head == "http" && len(words) > 1:
		var args []string
		for i := 2; i < len(words); i++ {
			if nuHTTPValues.Get(words[i]) {
				i++
				continue
			}
			if !strings.HasPrefix(words[i], "-") {
				args = append(args, words[i])
			}
		}
		if len(args) == 0 {
			return words
		}
		out := []string{"curl", "-s", "-X", strings.ToUpper(words[1])}
		if len(args) == 1 && words[1] != "get" && words[1] != "head" && words[1] != "delete" && words[1] != "options" {
			// open f | http post URL: the body is the pipeline's input
			out = append(out, "--data-binary", "@-")
		}
		if len(args) > 1 {
			if args[1] == "$(cat)" {
				out = append(out, "--data-binary", "@-")
			} else {
				out = append(out, "--data-binary", args[1])
			}
		}
		return append(out, args[0])
	case head == "let" || head == "mut":
		if len(words) >= 4 && words[2] == "=" && isNameStart(words[1][0]) {
			return []string{assignWords(words[1], words[3:], false)}
		}
	case strings.HasPrefix(head, "\"") || strings.HasPrefix(head, "'") || strings.HasPrefix(head, "[") ||
		strings.HasPrefix(head, "$") || head != "" && head[0] >= '0' && head[0] <= '9':
		return append([]string{"echo"}, words...)
	}
	if head != words[0] {
		return append([]string{head}, words[1:]...)
	}
	return words
}

// xonshDialect: $NAME = VALUE sets the environment; @($NAME) is $NAME, and
// @(p"PATH") or @("TEXT") the literal it holds.
var xonshDialect = dialect{word: xonshWord, stage: xonshStage}

func xonshWord(w string) string {
	for _, pre := range [...]string{`@(p"`, `@(pf"`, `@("`, `@(p'`, `@('`} {
		// @(p"~/x"), @("x"): a path or string literal, the word it gives
		if i := strings.Index(w, pre); i >= 0 {
			q := pre[len(pre)-1]
			start := i + len(pre)
			j := strings.IndexByte(w[start:], q)
			if j >= 0 && start+j+1 < len(w) && w[start+j+1] == ')' {
				lit := w[start : start+j]
				if strings.ContainsAny(lit, " \t") {
					lit = quoteWord(lit)
				}
				w = w[:i] + lit + w[start+j+2:]
			}
		}
	}
	for {
		i := strings.Index(w, "@($")
		if i < 0 {
			break
		}
		j := strings.IndexByte(w[i:], ')')
		if j < 0 || strings.ContainsAny(w[i+3:i+j], " (\"'+") {
			break
		}
		w = w[:i] + "${" + w[i+3:i+j] + "}" + w[i+j+1:]
	}
	if i := strings.Index(w, "@("); i >= 0 {
		// @(any Python expression): a value nobody here computes
		return w[:i] + "${XONSH_PYTHON_VALUE}"
	}
	if strings.HasPrefix(w, "!(") {
		return "$(" + w[2:] // !(cmd): a captured subprocess, as $(cmd)
	}
	return w
}

func xonshStage(words []string) []string {
	if h := words[0]; (strings.HasPrefix(h, "![") || strings.HasPrefix(h, "$[")) && strings.HasSuffix(words[len(words)-1], "]") {
		// ![cmd], $[cmd]: the subprocess cmd, run in the foreground
		out := append([]string{h[2:]}, words[1:]...)
		if h[2:] == "" {
			out = out[1:]
		}
		if len(out) > 0 {
			last := len(out) - 1
			out[last] = strings.TrimSuffix(out[last], "]")
			if out[last] == "" {
				out = out[:last]
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	if len(words) >= 3 && words[1] == "=" && strings.HasPrefix(words[0], "$") && len(words[0]) > 1 && isNameStart(words[0][1]) {
		return []string{assignWords(words[0][1:], words[2:], true)}
	}
	return words
}

// dialectScript gives the code a shell named name runs as bash text
// (dialectText), with zsh's glob qualifiers read first (zshqualifiers.go),
// and why part of it could not be read ("" when all of it was).
func dialectScript(name, code string) (string, string) {
	if unversioned(name) == "zsh" {
		out, _, unread := zshUnqualified(zshPrecommands(code))
		if unread {
			return zshText(out), "a zsh glob qualifier that rewrites its words"
		}
		return zshText(out), ""
	}
	return dialectText(name, code), ""
}

// zshBuiltins are the zsh/files module's builtins, named for the programs
// they stand in for (zf_rm -rf is rm -rf).
var zshBuiltins = [...]string{"zf_rm", "zf_mv", "zf_ln", "zf_chmod", "zf_chown", "zf_chgrp", "zf_mkdir", "zf_rmdir", "zf_sync"}

// zshPrecommands rewrites what zsh runs at a command's start that bash
// would take for another program: the "-" precommand modifier (- rm runs
// rm) and the zsh/files builtins (zf_rm runs as rm).
func zshPrecommands(s string) string {
	if !strings.Contains(s, "- ") && !strings.Contains(s, "zf_") {
		return s
	}
	var b strings.Builder
	var q byte
	start := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\\':
			b.WriteByte(c)
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
			start = false
			continue
		case c == '\'' || c == '"':
			q = c
			start = false
		case c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == '{':
			start = true
		case c == ' ' || c == '\t':
		default:
			if start {
				start = false
				if strings.HasPrefix(s[i:], "- ") {
					i++ // the "-" modifier and its blank: the next word is the command
					start = true
					continue
				}
				replaced := false
				for _, z := range zshBuiltins {
					if rest, ok := strings.CutPrefix(s[i:], z); ok && (rest == "" || rest[0] == ' ') {
						b.WriteString(z[3:])
						i += len(z) - 1
						replaced = true
						break
					}
				}
				if replaced {
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
