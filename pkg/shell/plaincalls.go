package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A process call of a language nobody here scans is plain when all it is
// given is literals: Elixir's System.cmd("git", ["status"]) and
// System.shell("ls -la"), Erlang's os:cmd("ls"), Crystal's system("…")
// and Process.run("ls", ["-la"], output: STDOUT), OCaml's Sys.command
// "make", Haskell's callProcess "ls" ["-la"], a Lisp's (system "ls") and
// (sh "git" "status"), Raku's run "ls", "-la". What such a call runs is
// on the line whole: it can be judged as the command it is, and the code
// around it judged without it (PlainProcessCalls).

// callStyle is how a process call's arguments follow its name.
type callStyle uint8

const (
	callParens callStyle = iota // NAME(args): Elixir, Erlang, Crystal
	callJuxta                   // NAME args: OCaml, Haskell, Raku (args by blanks or commas)
	callLisp                    // (NAME args): a Lisp; the name is written with its "("
)

// plainCallNames are the process calls of the opaque languages, by how
// their arguments follow. A name is matched where no letter, digit or _
// comes before it.
var plainCallNames = table.Map[string, callStyle]{Build: func() map[string]callStyle {
	m := map[string]callStyle{}
	for _, n := range strings.Fields("System.cmd System.shell :os.cmd os:cmd system Process.run Process.new Mix.shell().cmd") {
		m[n] = callParens
	}
	for _, n := range strings.Fields("Sys.command Unix.system callCommand callProcess readProcess readProcessWithExitCode spawnCommand spawnProcess rawSystem run shell") {
		m[n] = callJuxta
	}
	for _, n := range strings.Fields("(system (system* (sh (shell (clojure.java.shell/sh (babashka.process/shell (process/shell (shell/sh (uiop:run-program") {
		m[n] = callLisp
	}
	return m
}}

// plainCallMarks are substrings one of which code holds when it may make
// a plain process call: the cheap test before the walk.
var plainCallMarks = [...]string{"cmd(", "shell", "system", "Process.", "command", "Command", "Process ", "run ", "(sh ", ".execute()", ".!", "`"}

// plainCallMarked reports whether code holds one of plainCallMarks.
func plainCallMarked(code string) bool {
	for _, m := range plainCallMarks {
		if strings.Contains(code, m) {
			return true
		}
	}
	return false
}

// PlainCall is one plain process call: the command line it runs and
// where it is in the code.
type PlainCall struct {
	Line       string // the command line: one string as written, or a program and its arguments joined as words
	Start, End int    // the call's span in the code PlainProcessCalls read
}

// PlainProcessCalls returns the plain process calls code makes and the
// code with each of them blanked out ("nil" in its place). Literal names
// bound earlier (d = "_build") and the languages' spellings of the home
// are put in place first, as LiteralCommands does. A call given anything
// but literals (a variable, an interpolation, a concatenation, input) is
// not plain and stays in rest.
func PlainProcessCalls(code string) (calls []PlainCall, rest string) {
	if !plainCallMarked(code) {
		return nil, code
	}
	if strings.Contains(code, "HOME") || strings.Contains(code, "home") {
		code = opaqueHomes.Get().Replace(envHomes(code))
	}
	code = bindLiteralNames(code)
	var b strings.Builder
	done := 0
	for i := 0; i < len(code); {
		c := code[i]
		var words []string
		var end int
		var style callStyle
		var dir string
		if c == '"' || c == '\'' || c == '`' || c == '[' {
			var ok bool
			if words, end, ok = receiverCall(code, i); !ok {
				if c == '[' {
					i++
					continue
				}
				if end, ok = literalEnd(code, i); !ok {
					break
				}
				i = end
				continue
			}
		} else {
			name, st, ok := callNameAt(code, i)
			if !ok {
				i++
				continue
			}
			style = st
			words, end, ok = plainArgs(code, i+len(name), style, &dir)
			if !ok || len(words) == 0 {
				i += len(name)
				continue
			}
		}
		line := plainLine(words)
		if dir != "" {
			// System.cmd("rm", ["-rf", "."], cd: "/home/dev"): the command
			// runs in the directory the call names
			line = "cd " + homeWord(dir) + " && " + line
		}
		start := i
		for start > done && (isIdent(code[start-1]) || code[start-1] == '.') && style == callJuxta {
			start-- // System.Process.callCommand: the module's name goes with the call
		}
		calls = append(calls, PlainCall{Line: line, Start: start, End: end})
		b.WriteString(code[done:start])
		b.WriteString("nil")
		done, i = end, end
	}
	if len(calls) == 0 {
		return nil, code
	}
	b.WriteString(code[done:])
	return calls, b.String()
}

// plainLine joins a call's words into the command line it runs: one
// string as it is; a first string holding a blank (babashka's shell "rm
// -rf" …) as the start of a command line; the words after it quoted, but
// for the home ("~", "~/…", which the languages' home lookups were read
// as), left to mean the home.
func plainLine(words []string) string {
	var b strings.Builder
	for k, w := range words {
		switch {
		case k == 0 && (len(words) == 1 || strings.ContainsAny(w, " \t")):
			// a home lookup interpolated into the string ("cat
			// $System.env.HOME/…") was read as '~': there it is the home
			b.WriteString(strings.ReplaceAll(w, "'~'", "~"))
		default:
			b.WriteString(homeWord(w))
		}
		if k < len(words)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// homeWord quotes w as a shell word, but for the home ("~", "~/…", which
// the languages' home lookups were read as), left to mean the home.
func homeWord(w string) string {
	switch {
	case w == "~":
		return w
	case strings.HasPrefix(w, "~/"):
		return "~" + quoteWord(w[1:])
	}
	return quoteWord(w)
}

// OpaqueCallLines returns the command lines of the plain process calls in
// code the catalogue reads as opaque (PlainProcessCalls): the walk parses
// each as a command the line runs.
func OpaqueCallLines(code string) []string {
	calls, _ := PlainProcessCalls(code)
	out := make([]string, 0, len(calls))
	for _, c := range calls {
		out = append(out, c.Line)
	}
	return out
}

// callNameAt returns the process call named at code[i], if any.
func callNameAt(code string, i int) (string, callStyle, bool) {
	c := code[i]
	if c != '(' && c != ':' && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') {
		return "", 0, false
	}
	if c != '(' && i > 0 && isIdent(code[i-1]) {
		return "", 0, false
	}
	j := i + 1
	for j < len(code) && (isIdent(code[j]) || code[j] == '.' || code[j] == ':' || code[j] == '/' || code[j] == '-' || code[j] == '*' ||
		code[j] == '(' && j+1 < len(code) && code[j+1] == ')') {
		if code[j] == '(' {
			j += 2 // Mix.shell().cmd
			continue
		}
		j++
	}
	name := code[i:j]
	if k := strings.LastIndexAny(name, ".:/"); k >= 0 && c != '(' {
		// System.Process.callCommand, Prelude-qualified names: the last part
		// when the whole is not itself a name of the table
		if _, ok := plainCallNames.Lookup(name); !ok {
			if _, ok := plainCallNames.Lookup(name[k+1:]); ok {
				return "", 0, false // matched again at its last part
			}
		}
	}
	s, ok := plainCallNames.Lookup(name)
	return name, s, ok
}

// plainArgs reads a call's arguments from code[i] (just past its name)
// when they are all literals: strings, lists of strings, Elixir's ~w()
// word lists, and, after the command, options naming constants
// (output: STDOUT, into: IO.stream(), stderr_to_stdout: true) or the
// directory it runs in (cd: "apps/web", set in dir). It returns the
// command's words and where the call ends.
func plainArgs(code string, i int, style callStyle, dir *string) (words []string, end int, ok bool) {
	switch style {
	case callParens:
		if i >= len(code) || code[i] != '(' {
			return nil, 0, false
		}
		words, j, ok := literalArgs(code, i+1, ")", dir)
		if !ok || j >= len(code) || code[j] != ')' {
			return nil, 0, false
		}
		return words, j + 1, true
	case callLisp:
		words, j, ok := literalArgs(code, i, ")", dir)
		if !ok || j >= len(code) || code[j] != ')' {
			return nil, 0, false
		}
		return words, j + 1, true
	}
	// NAME "…" / NAME ("…") / NAME "p" ["a", …] "": ends where the
	// expression goes on with no operator joining it (a ;, a ), in, >>=)
	j := skipBlanks(code, i)
	if j == i {
		return nil, 0, false
	}
	if j < len(code) && code[j] == '(' {
		words, k, ok := literalArgs(code, j+1, ")", dir)
		if !ok || k >= len(code) || code[k] != ')' {
			return nil, 0, false
		}
		return words, k + 1, statementGoesOn(code[k+1:])
	}
	words, k, ok := juxtaArgs(code, j)
	if !ok {
		return nil, 0, false
	}
	return words, k, statementGoesOn(code[k:])
}

// receiverCalls are the methods that run the string or list they are
// called on: Groovy's "…".execute(), Scala's "…".! and "…".!!.
var receiverCalls = [...]string{".execute()", ".!!", ".!"}

// receiverCall reads a command run by a method of its literal (Groovy's
// "git status".execute(), ["git", "log"].execute(), Scala's "…".!) or a
// command in backquotes with nothing interpolated (Crystal's `git
// status`), at code[i]; it returns the command's words and its end.
func receiverCall(code string, i int) (words []string, end int, ok bool) {
	switch code[i] {
	case '`':
		end, ok = literalEnd(code, i)
		body := code[i+1 : max(end-1, i+1)]
		if !ok || strings.ContainsAny(body, "$#\\") || strings.TrimSpace(body) == "" {
			return nil, 0, false
		}
		return []string{body}, end, true
	case '[':
		if end, ok = stringList(code, i+1, &words); !ok || len(words) == 0 {
			return nil, 0, false
		}
	default:
		var s string
		if s, end, ok = stringLiteral(code, i); !ok {
			return nil, 0, false
		}
		words = []string{s}
	}
	for _, m := range receiverCalls {
		if strings.HasPrefix(code[end:], m) {
			return words, end + len(m), true
		}
	}
	return nil, 0, false
}

// statementGoesOn reports whether what follows a call whose arguments
// are not bracketed leaves them whole: the end of the code or of a
// statement, a closing bracket, or a combinator that takes the call's
// result (>>=, >>, |>, OCaml's in).
func statementGoesOn(s string) bool {
	t := strings.TrimLeft(s, " \t")
	if t == "" {
		return true
	}
	for _, p := range [...]string{")", ";", ",", "\n", "}", "]", ">>", "|>", "in ", "in\n"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// literalArgs reads literals from code[i]: strings, [lists] of strings,
// ~w(…) word lists, separated by blanks and commas, until a byte of stop
// (or, with stop "", anything else). Options after the first literal
// (key: Constant) are skipped. It fails on anything else: a name, an
// interpolation, a concatenation.
func literalArgs(code string, i int, stop string, dir *string) (words []string, end int, ok bool) {
	j := i
	for j < len(code) {
		j = skipSeps(code, j)
		if j >= len(code) {
			break
		}
		c := code[j]
		switch {
		case stop != "" && strings.IndexByte(stop, c) >= 0:
			return words, j, len(words) > 0
		case c == '"' || c == '\'':
			s, k, ok := stringLiteral(code, j)
			if !ok {
				return nil, 0, false
			}
			words = append(words, s)
			j = k
		case c == '~' && j+2 < len(code) && (code[j+1] == 'c' || code[j+1] == 'C' || code[j+1] == 's' || code[j+1] == 'S') && (code[j+2] == '"' || code[j+2] == '\''):
			s, k, ok := stringLiteral(code, j+2) // Elixir's ~c"ls", ~s"…"
			if !ok {
				return nil, 0, false
			}
			words = append(words, s)
			j = k
		case c == '~' && j+2 < len(code) && code[j+1] == 'w':
			close, ok := bracketClose(code[j+2])
			if !ok {
				return nil, 0, false
			}
			k := strings.IndexByte(code[j+3:], close)
			if k < 0 || strings.Contains(code[j+3:j+3+k], "#{") {
				return nil, 0, false
			}
			words = append(words, strings.Fields(code[j+3:j+3+k])...)
			j += 3 + k + 1
		case c == '[':
			if len(words) == 0 {
				return nil, 0, false
			}
			k, ok := stringList(code, j+1, &words)
			if !ok {
				return nil, 0, false
			}
			j = k
		case isIdent(c) && len(words) > 0:
			k, ok := callOption(code, j, dir)
			if !ok {
				return nil, 0, false
			}
			j = k
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// juxtaArgs reads the arguments of a call that takes them unbracketed:
// a string (OCaml's Sys.command "…", Haskell's callCommand "…"), a
// program and a [list] (callProcess "ls" ["-la"], with readProcess's
// input string after it), or strings separated by commas (Raku's run
// "ls", "-la"). It returns the command's words and where they end.
func juxtaArgs(code string, j int) (words []string, end int, ok bool) {
	if j >= len(code) || code[j] != '"' && code[j] != '\'' {
		return nil, 0, false
	}
	s, k, ok := stringLiteral(code, j)
	if !ok {
		return nil, 0, false
	}
	words = append(words, s)
	n := skipBlanks(code, k)
	switch {
	case n < len(code) && code[n] == '[':
		k, ok = stringList(code, n+1, &words)
		if !ok {
			return nil, 0, false
		}
		if n = skipBlanks(code, k); n < len(code) && (code[n] == '"' || code[n] == '\'') {
			_, k, ok = stringLiteral(code, n) // readProcess's input
			if !ok {
				return nil, 0, false
			}
		}
	case n < len(code) && code[n] == ',':
		for n < len(code) && code[n] == ',' {
			m := skipBlanks(code, n+1)
			if m >= len(code) || code[m] != '"' && code[m] != '\'' {
				return nil, 0, false
			}
			if s, k, ok = stringLiteral(code, m); !ok {
				return nil, 0, false
			}
			words = append(words, s)
			n = skipBlanks(code, k)
		}
	}
	return words, k, true
}

// stringList reads the strings of a list up to its "]" into words.
func stringList(code string, j int, words *[]string) (int, bool) {
	for j < len(code) {
		j = skipSeps(code, j)
		if j >= len(code) {
			return 0, false
		}
		switch code[j] {
		case ']':
			return j + 1, true
		case '"', '\'':
			s, k, ok := stringLiteral(code, j)
			if !ok {
				return 0, false
			}
			*words = append(*words, s)
			j = k
		default:
			return 0, false
		}
	}
	return 0, false
}

// dirOptions are the options of a process call that name the directory
// the command runs in (Elixir's cd:, Crystal's chdir:).
var dirOptions = table.Map[string, bool]{Words: "cd chdir dir cwd"}

// callOption reads an option after a call's arguments: one naming the
// directory the command runs in must be a literal, which is set in dir
// (a computed one, cd: System.user_home, leaves what runs unknown); any
// other must name a constant (constantOption).
func callOption(code string, j int, dir *string) (int, bool) {
	k := j
	for k < len(code) && isIdent(code[k]) {
		k++
	}
	if !dirOptions.Get(code[j:k]) {
		return constantOption(code, j)
	}
	if k >= len(code) || code[k] != ':' {
		return 0, false
	}
	v := skipBlanks(code, k+1)
	if v >= len(code) || code[v] != '"' && code[v] != '\'' {
		return 0, false
	}
	s, end, ok := stringLiteral(code, v)
	if !ok || s == "" {
		return 0, false
	}
	*dir = s
	return end, true
}

// constantOption skips an option naming a constant (output: STDOUT, into:
// IO.stream(), shell: true) and returns where it ends.
func constantOption(code string, j int) (int, bool) {
	k := j
	for k < len(code) && isIdent(code[k]) {
		k++
	}
	if k >= len(code) || code[k] != ':' {
		return 0, false
	}
	k = skipBlanks(code, k+1)
	v := k
	for k < len(code) && (isIdent(code[k]) || code[k] == '.' || code[k] == ':') {
		k++
	}
	if strings.HasPrefix(code[k:], "()") {
		k += 2
	}
	return k, k > v
}

// stringLiteral reads a string literal at code[j] with no interpolation
// in it, and returns its text (backslash escapes taken) and its end.
func stringLiteral(code string, j int) (string, int, bool) {
	end, ok := literalEnd(code, j)
	if !ok {
		return "", 0, false
	}
	body := code[j+1 : end-1]
	if interpolates(body, code[j]) {
		return "", 0, false
	}
	if !strings.Contains(body, `\`) {
		return body, end, true
	}
	var b strings.Builder
	for k := 0; k < len(body); k++ {
		if body[k] == '\\' && k+1 < len(body) {
			k++
			switch body[k] {
			case 'n':
				b.WriteByte('\n')
				continue
			case 't':
				b.WriteByte('\t')
				continue
			}
		}
		b.WriteByte(body[k])
	}
	return b.String(), end, true
}

// interpolates reports whether a literal's body, opened by quote q, holds
// what some language puts a value in: #{…} in any quotes (Elixir's
// charlists interpolate as its strings do), and in double quotes a sigil
// before a name, a bracket or a quote ($h, $*HOME, ${…}, $(…), Groovy's
// $a.b, whose home lookup was read as '~') or
// Raku's {…} closure. A backslash before the mark keeps it literal.
func interpolates(body string, q byte) bool {
	if strings.Contains(body, "#{") {
		return true
	}
	if q != '"' || !strings.ContainsAny(body, "${") {
		return false
	}
	for k := 0; k < len(body); k++ {
		switch body[k] {
		case '\\':
			k++
		case '{':
			if k+1 < len(body) && body[k+1] != '}' {
				return true
			}
		case '$':
			if k+1 < len(body) {
				if c := body[k+1]; identStart(c) || strings.IndexByte("*!{(@'\"", c) >= 0 {
					return true
				}
			}
		}
	}
	return false
}

func skipSeps(code string, j int) int {
	for j < len(code) && (code[j] == ' ' || code[j] == '\t' || code[j] == ',' || code[j] == '\n') {
		j++
	}
	return j
}
