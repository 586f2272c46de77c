package shell

import (
	"path"
	"strings"
)

// IPython's own syntax for the shell. Code given to ipython (-c, a script,
// its input) and a notebook's cells are Python with lines Python itself
// cannot parse: a line led by ! (or !!, or assigned from one: files =
// !ls, out, err = !cmd, self.out = !cmd) hands the rest of the line to the
// shell, as do the %system, %sx and %sc magics (with or without their %,
// which automagic leaves out; after any blank), an alias %alias defines
// when a line uses it, and the same magics called through get_ipython()
// (run_line_magic('system', CMD), run_cell_magic('bash', '', CELL)). A
// cell opened by %%bash, %%sh or %%script PROGRAM (its options before the
// program, the program by its path) runs its other lines as a shell
// script, or as the code of the interpreter it names (%%perl, %%ruby,
// %%python3, %%script perl), which is that interpreter fed the cell.
// A line ending in a backslash goes on on the next. Those lines are the
// commands they run.

// cellShells are the cell magics whose cell is a shell script.
var cellShells = [...]string{"bash", "sh", "zsh", "system", "sx", "!"}

// cellPrograms are the cell magics that feed their cell to an interpreter
// of that name.
var cellPrograms = [...]string{"perl", "ruby", "python", "python2", "python3", "pypy", "pypy3"}

// lineMagics are the line magics that run the rest of their line in the
// shell; automagic runs them without their %.
var lineMagics = [...]string{"system", "sx", "sc"}

// defaultAliases are the aliases IPython defines on a POSIX system
// (IPython/core/alias.py): "%rm -rf ~" runs rm, and by automagic so does
// "rm -rf ~", as a line magic does.
var defaultAliases = [...][2]string{{"rm", "rm"}, {"rmdir", "rmdir"}, {"mv", "mv"}, {"cp", "cp"}, {"cat", "cat"},
	{"mkdir", "mkdir"}, {"ls", "ls -F"}, {"ll", "ls -F -l"}, {"less", "less"}, {"man", "man"}}

// cellEnd closes the here-document a cell is fed to its interpreter in.
const cellEnd = "__IPYTHON_CELL__"

// IPythonShell returns the shell text IPython's syntax in code (a cell,
// a script, a -c string) runs, one command a line; "" when it has none.
func IPythonShell(code string) string {
	if strings.IndexByte(code, '!') < 0 && strings.IndexByte(code, '%') < 0 && !strings.Contains(code, "_magic(") && !strings.Contains(code, "sx") && !strings.Contains(code, "sc") && !strings.Contains(code, "system") &&
		!strings.Contains(code, "run_cell(") && !strings.Contains(code, "getoutput(") {
		return ""
	}
	var b strings.Builder
	ipythonLines(code, &b, 0)
	return b.String()
}

// ipythonLines writes the shell text of code's lines to b; depth bounds
// the magics called through get_ipython() that give more lines.
func ipythonLines(code string, b *strings.Builder, depth int) {
	lines := joinContinued(strings.Split(code, "\n"))
	var aliases map[string]string
	// the shell object's own calls (ip.system_raw(CMD)) only where the
	// code holds it: os.system(CMD) is Python's, read as Python
	ipython := strings.Contains(code, "get_ipython")
	var magicAliases map[string]string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if name, target, ok := aliasMagicLine(l); ok {
			if magicAliases == nil {
				magicAliases = map[string]string{}
			}
			magicAliases[name] = target
			continue
		}
		if magicAliases != nil {
			l = unaliasMagic(l, magicAliases) // %nuke rm -rf ~ after %alias_magic nuke system
		}
		if rest, ok := strings.CutPrefix(l, "%%"); ok {
			if cellShell(rest, lines[i+1:], b) {
				return // the rest of the cell
			}
			continue
		}
		if name, cmd, ok := aliasLine(l); ok {
			if aliases == nil {
				aliases = map[string]string{}
			}
			aliases[name] = cmd
			continue
		}
		l = timedStatement(l)
		if cmd, ok := bangLine(l); ok && cmd != "" {
			b.WriteString(interpolate(code, cmd))
			b.WriteByte('\n')
			continue
		}
		if first, rest, _ := strings.Cut(l, " "); aliases[first] != "" {
			b.WriteString(aliases[first] + " " + rest) // %alias nuke rm -rf ~, then nuke
			b.WriteByte('\n')
			continue
		}
		if depth == 0 && (strings.Contains(l, "_magic(") || ipython && (strings.Contains(l, "run_cell(") || strings.Contains(l, "system") || strings.Contains(l, "getoutput("))) {
			if more := magicCalls(code, l, ipython); more != "" {
				ipythonLines(more, b, depth+1)
			}
		}
	}
}

// joinContinued joins each line ending in a backslash to the next.
func joinContinued(lines []string) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for strings.HasSuffix(l, "\\") && i+1 < len(lines) {
			i++
			l = l[:len(l)-1] + " " + strings.TrimLeft(lines[i], " \t")
		}
		out = append(out, l)
	}
	return out
}

// cellShell writes the shell text of a cell whose magic line (after %%)
// is magic and whose other lines are cell; false when the magic runs no
// program.
func cellShell(magic string, cell []string, b *strings.Builder) bool {
	words := strings.Fields(magic)
	if len(words) == 0 {
		return false
	}
	prog := words[0]
	if (prog == "writefile" || prog == "file") && len(words) > 1 {
		return cellWrite(words[1:], cell, b)
	}
	var progWords []string // %%script env bash: the program with its wrapper's words
	if prog == "script" {
		prog = ""
		for k := 1; k < len(words); k++ {
			w := words[k]
			if w == "--out" || w == "--err" || w == "--proc" {
				k++ // an option's value: a variable's name
				continue
			}
			if !strings.HasPrefix(w, "-") {
				prog = path.Base(w) // %%script /bin/bash, %%script --bg sh
				progWords = scriptCommand(words[k:])
				break
			}
		}
	}
	text := strings.Join(cell, "\n")
	switch {
	case prog == "":
		return false
	case len(progWords) > 1:
		// %%script env bash, %%script nice -n 5 sh: that command fed the cell
		b.WriteString(strings.Join(progWords, " ") + " <<'" + cellEnd + "'\n" + text + "\n" + cellEnd + "\n")
	case contains(cellShells[:], prog) || isShell(prog):
		b.WriteString(text)
	case contains(cellPrograms[:], prog) || prog != words[0]:
		// the interpreter fed the cell: %%perl, %%script ruby
		b.WriteString(prog + " <<'" + cellEnd + "'\n" + text + "\n" + cellEnd + "\n")
	default:
		return false // %%capture, %%timeit, %%writefile: Python's or a file's
	}
	return true
}

// aliasLine reads "%alias NAME CMD" (or "alias NAME CMD", by automagic).
func aliasLine(l string) (name, cmd string, ok bool) {
	rest, found := strings.CutPrefix(l, "%alias")
	if !found {
		return "", "", false
	}
	f := strings.Fields(rest)
	if len(f) < 2 || !identName(f[0]) {
		return "", "", false
	}
	return f[0], strings.Join(f[1:], " "), true
}

// bangLine gives the command of one line of IPython's shell syntax:
// "!cmd", "!!cmd", "x = !cmd", "a, b = !cmd", "%system cmd", "%sx cmd",
// "%sc -l x=cmd", and by automagic "sx cmd".
func bangLine(l string) (string, bool) {
	if name, rest, ok := strings.Cut(l, "="); ok && assignTargets(name) {
		if r := strings.TrimSpace(rest); strings.HasPrefix(r, "!") || strings.HasPrefix(r, "%") {
			l = r // files = !ls (not files != x: "!=" leaves name "files !")
		}
	}
	switch {
	case strings.HasPrefix(l, "!") && !strings.HasPrefix(l, "!="):
		return strings.TrimLeft(l, "!"), true
	case strings.HasPrefix(l, "%"):
		return magicLine(l[1:], false)
	}
	return magicLine(l, true)
}

// magicLine gives the command of a line magic that runs the shell (line
// without its %); automagic is true when the % was left out, and the
// line must then read as no Python (sx = 1, system(x) are Python's).
func magicLine(l string, automagic bool) (string, bool) {
	k := strings.IndexAny(l, " \t")
	if k < 0 {
		return "", false
	}
	name, cmd := l[:k], strings.TrimLeft(l[k:], " \t")
	alias := ""
	for _, a := range defaultAliases {
		if a[0] == name {
			alias = a[1]
		}
	}
	if alias == "" && !contains(lineMagics[:], name) {
		return "", false
	}
	if automagic && (cmd == "" || strings.IndexByte("=([.,:+-*/%<>!&|^@", cmd[0]) >= 0 && !strings.HasPrefix(cmd, "-")) {
		return "", false
	}
	if alias != "" {
		return alias + " " + cmd, true
	}
	if name == "sc" {
		// %sc [-l] [-v] VAR=CMD
		for strings.HasPrefix(cmd, "-") {
			_, cmd, _ = strings.Cut(cmd, " ")
			cmd = strings.TrimLeft(cmd, " \t")
		}
		if v, c, ok := strings.Cut(cmd, "="); ok && identName(strings.TrimSpace(v)) {
			cmd = c
		}
	}
	return cmd, true
}

// assignTargets reports whether s is the left side of an assignment of
// names, attributes or a tuple of them (x, self.out, out, err).
func assignTargets(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, t := range strings.Split(s, ",") {
		for _, part := range strings.Split(strings.TrimSpace(t), ".") {
			if !identName(part) {
				return false
			}
		}
	}
	return true
}

// timedMagics are the line magics that run the rest of their line as
// IPython (%time !rm -rf ~ runs the shell line, timed).
var timedMagics = [...]string{"time", "timeit", "prun", "debug", "capture"}

// timedStatement returns the statement a timing or profiling line magic
// runs (%timeit -n1 -r1 !cmd is !cmd), or l.
func timedStatement(l string) string {
	for range 3 {
		rest, ok := strings.CutPrefix(l, "%")
		if !ok {
			return l
		}
		name, stmt, _ := strings.Cut(rest, " ")
		if !contains(timedMagics[:], name) {
			return l
		}
		stmt = strings.TrimLeft(stmt, " \t")
		for strings.HasPrefix(stmt, "-") {
			opt, more, _ := strings.Cut(stmt, " ")
			stmt = strings.TrimLeft(more, " \t")
			if (opt == "-n" || opt == "-r" || opt == "-o" || opt == "-s" || opt == "-T" || opt == "-D") && !strings.HasPrefix(stmt, "!") {
				_, stmt, _ = strings.Cut(stmt, " ") // the option's value
				stmt = strings.TrimLeft(stmt, " \t")
			}
		}
		l = stmt
	}
	return l
}

// interpolate writes the Python values a shell line names as IPython
// does: {name} and $name become the string literal code assigns to name,
// and any other {expression} a value nobody here knows ($IPYTHON_VALUE).
func interpolate(code, cmd string) string {
	if strings.IndexByte(cmd, '{') < 0 && strings.IndexByte(cmd, '$') < 0 {
		return cmd
	}
	var b strings.Builder
	for i := 0; i < len(cmd); i++ {
		c := cmd[i]
		switch {
		case c == '$' && i+1 < len(cmd) && cmd[i+1] == '{':
			// ${IFS}, ${HOME:-x}: the shell's own expansion
			end := strings.IndexByte(cmd[i:], '}')
			if end < 0 {
				end = len(cmd) - i - 1
			}
			b.WriteString(cmd[i : i+end+1])
			i += end
		case c == '{' && i+1 < len(cmd) && cmd[i+1] == '{':
			b.WriteByte('{') // {{ is a literal brace
			i++
		case c == '{':
			end := strings.IndexByte(cmd[i:], '}')
			if end < 0 || strings.Contains(cmd[i+1:i+end], ",") {
				b.WriteByte(c) // the shell's own braces: {a,b}
				continue
			}
			b.WriteString(pythonValue(code, strings.TrimSpace(cmd[i+1:i+end])))
			i += end
		case c == '$' && i+1 < len(cmd) && identStart(cmd[i+1]):
			k := i + 1
			for k < len(cmd) && identByte(cmd[k]) {
				k++
			}
			if v := pythonLiteral(code, cmd[i+1:k]); v != "" {
				b.WriteString(v)
				i = k - 1
				continue
			}
			b.WriteByte(c) // a shell variable
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// pythonValue is the text IPython puts for {expr}: the literal code
// assigns to a plain name, else a value nobody here knows.
func pythonValue(code, expr string) string {
	if identName(expr) {
		if v := pythonLiteral(code, expr); v != "" {
			return v
		}
	}
	return "$IPYTHON_VALUE"
}

// pythonLiteral returns the string literal code assigns to name, when
// every assignment to it is that one literal and it is one shell word;
// "" when it is no such literal.
func pythonLiteral(code, name string) string {
	lit, ok := pythonString(code, name)
	if !ok {
		return ""
	}
	if strings.ContainsAny(lit, " \t\n;&|<>`$'\"(){}") {
		return "$IPYTHON_VALUE" // a value that would be more than one word
	}
	return lit
}

// pythonString returns the string literal code assigns to name, when
// every assignment to it is that one literal.
func pythonString(code, name string) (string, bool) {
	values, compound := AssignedValues(code, name)
	if compound || len(values) == 0 {
		return "", false
	}
	lit := ""
	for i, v := range values {
		args := pyStringArgs(v, 1)
		if len(args) != 1 || i > 0 && args[0] != lit {
			return "", false
		}
		lit = args[0]
	}
	return lit, true
}

// identStart reports a byte that may start an identifier.
func identStart(c byte) bool { return identByte(c) && (c < '0' || c > '9') }

// magicCalls gives, as IPython lines, the magics and shell calls a line
// makes through get_ipython(): run_line_magic('system', CMD) is "%system
// CMD", run_cell_magic('bash', LINE, CELL) is "%%bash LINE" and the cell,
// system(CMD), system_raw(CMD) and getoutput(CMD) are "!CMD", and
// run_cell(CELL) is the cell's lines (those four only where ipython: the
// code holds get_ipython()).
func magicCalls(code, l string, ipython bool) string {
	var b strings.Builder
	for _, call := range [...]string{".system(", ".system_raw(", ".system_piped(", ".getoutput(", ".run_cell("} {
		if !ipython {
			break
		}
		for at := 0; at < len(l); {
			k := strings.Index(l[at:], call)
			if k < 0 {
				break
			}
			at += k + len(call)
			arg := "$IPYTHON_VALUE" // a cell or a command nobody here knows
			if args := pyStringArgs(l[at:], 1); len(args) == 1 {
				arg = args[0]
			} else if name := strings.TrimSpace(l[at:]); name != "" {
				if end := strings.IndexAny(name, ",)"); end > 0 && identName(strings.TrimSpace(name[:end])) {
					if v, ok := pythonString(code, strings.TrimSpace(name[:end])); ok {
						arg = v // x = '!git status'; run_cell(x)
					}
				}
			}
			if call == ".run_cell(" {
				if arg == "$IPYTHON_VALUE" {
					arg = "!" + arg
				}
				b.WriteString(arg + "\n")
			} else {
				b.WriteString("!" + arg + "\n")
			}
		}
	}
	for _, call := range [...]string{"run_line_magic(", "run_cell_magic("} {
		for at := 0; at < len(l); {
			k := strings.Index(l[at:], call)
			if k < 0 {
				break
			}
			at += k + len(call)
			args := pyKeywordArgs(l[at:], "magic_name", "line", "cell")
			switch {
			case call == "run_line_magic(" && len(args) >= 2:
				b.WriteString("%" + args[0] + " " + args[1] + "\n")
			case call == "run_cell_magic(" && len(args) >= 3:
				b.WriteString("%%" + args[0] + " " + args[1] + "\n" + args[2] + "\n")
			}
		}
	}
	return b.String()
}

// pyStringArgs reads up to n leading arguments of a call that are Python
// string literals ('x', "x", with \\ \' \" \n \t escapes), stopping at the
// first that is not one.
func pyStringArgs(s string, n int) []string {
	var out []string
	i := 0
	for len(out) < n {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
			i++
		}
		if i >= len(s) || s[i] != '\'' && s[i] != '"' {
			break
		}
		q := s[i]
		var b strings.Builder
		j := i + 1
		for ; j < len(s) && s[j] != q; j++ {
			if s[j] == '\\' && j+1 < len(s) {
				j++
				switch s[j] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				default:
					b.WriteByte(s[j])
				}
				continue
			}
			b.WriteByte(s[j])
		}
		if j >= len(s) {
			break
		}
		out = append(out, b.String())
		i = j + 1
	}
	return out
}

// aliasMagicLine reads "%alias_magic [-l] [-c] [-p PARAMS] NAME TARGET"
// (or without its %, by automagic): NAME then runs the magic TARGET.
func aliasMagicLine(l string) (name, target string, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimPrefix(l, "%"), "alias_magic")
	if !found || rest == "" || rest[0] != ' ' && rest[0] != '\t' {
		return "", "", false
	}
	f := strings.Fields(rest)
	var names []string
	for k := 0; k < len(f); k++ {
		switch {
		case f[k] == "-p" || f[k] == "--params":
			k++ // the parameters given to the target
		case strings.HasPrefix(f[k], "-"):
		default:
			names = append(names, f[k])
		}
	}
	if len(names) != 2 {
		return "", "", false
	}
	return strings.TrimLeft(names[0], "%"), strings.TrimLeft(names[1], "%"), true
}

// unaliasMagic writes a line that uses an aliased magic (%%NAME, %NAME,
// or NAME by automagic) with the magic the alias stands for.
func unaliasMagic(l string, aliases map[string]string) string {
	prefix := ""
	for _, p := range [...]string{"%%", "%"} {
		if strings.HasPrefix(l, p) {
			prefix = p
			break
		}
	}
	name, rest, _ := strings.Cut(l[len(prefix):], " ")
	target, ok := aliases[name]
	if !ok {
		return l
	}
	if prefix == "" {
		prefix = "%" // automagic
	}
	return prefix + target + " " + rest
}

// cellWrite writes the shell text of a %%writefile cell: the cell written
// to its file (appended with -a), as cat > FILE with the cell for its
// input would.
func cellWrite(args, cell []string, b *strings.Builder) bool {
	op, file := ">", ""
	for _, w := range args {
		switch {
		case w == "-a" || w == "--append":
			op = ">>"
		case !strings.HasPrefix(w, "-") && file == "":
			file = w
		}
	}
	if file == "" {
		return false
	}
	b.WriteString("cat " + op + " " + file + " <<'" + cellEnd + "'\n" + strings.Join(cell, "\n") + "\n" + cellEnd + "\n")
	return true
}

// pyKeywordArgs reads the leading string literal arguments of a call, as
// pyStringArgs does, each given by position or by its keyword (names, in
// the call's order: run_line_magic(magic_name='system', line='ls')).
func pyKeywordArgs(s string, names ...string) []string {
	out := make([]string, 0, len(names))
	set := make([]bool, len(names))
	i := 0
	for n := 0; n < len(names); n++ {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
			i++
		}
		slot := n
		if k := strings.IndexByte(s[i:], '='); k > 0 && identName(strings.TrimSpace(s[i:i+k])) {
			key := strings.TrimSpace(s[i : i+k])
			slot = -1
			for j, nm := range names {
				if nm == key {
					slot = j
				}
			}
			if slot < 0 {
				break
			}
			i += k + 1
		}
		lit := pyStringArgs(s[i:], 1)
		if len(lit) == 0 {
			break
		}
		for len(out) <= slot {
			out = append(out, "")
		}
		out[slot], set[slot] = lit[0], true
		i += len(s[i:]) - len(afterPyString(s[i:]))
	}
	for k := range out {
		if !set[k] {
			return out[:k] // a gap: only what came before it is known
		}
	}
	return out
}

// afterPyString returns s after its leading blanks, commas and first
// string literal.
func afterPyString(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
		i++
	}
	if i >= len(s) || s[i] != '\'' && s[i] != '"' {
		return s[i:]
	}
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if s[j] == q {
			return s[j+1:]
		}
	}
	return ""
}

// scriptCommand returns the command of a %%script line from its program
// on, without the magic's own options, which IPython takes from anywhere
// on the line (--no-raise-error and its abbreviations, --bg; --proc,
// --out and --err with their values).
func scriptCommand(words []string) []string {
	var out []string
	for k := 0; k < len(words); k++ {
		w := words[k]
		switch {
		case w == "--out" || w == "--err" || w == "--proc":
			k++
		case w == "--bg" || strings.HasPrefix(w, "--no-r") && strings.HasPrefix("--no-raise-error", w):
		default:
			out = append(out, w)
		}
	}
	return out
}

// ipythonAppCode gives the code IPython runs from its configuration
// options on the command line: --TerminalIPythonApp.code_to_run=CODE (and
// InteractiveShellApp's, and Jupyter console's ZMQTerminalIPythonApp's)
// as -c CODE does, and --InteractiveShellApp.exec_lines=[…] (and
// exec_lines of the other apps), a list of lines each run at start-up.
// It reads ipython's words and jupyter console's.
func ipythonAppCode(name string, words []string) (string, bool) {
	if name != "ipython" && name != "ipython3" && !(name == "jupyter" && len(words) > 1 && (words[1] == "console" || words[1] == "qtconsole")) {
		return "", false
	}
	var lines []string
	for i := 1; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "--") || !strings.Contains(w, ".") {
			continue // (the cheap gate: a configurable's option is --App.trait)
		}
		opt, val, eq := strings.Cut(w[2:], "=")
		if !eq && i+1 < len(words) {
			i++
			val = words[i]
		}
		_, trait, _ := strings.Cut(opt, ".")
		switch trait {
		case "code_to_run":
			lines = append(lines, val)
		case "exec_lines":
			lines = append(lines, pyStringItems(val)...)
		}
	}
	return strings.Join(lines, "\n"), len(lines) > 0
}

// pyStringItems returns the string literals of a Python or JSON list of
// strings (['a', "b"]), their backslash escapes of quotes undone.
func pyStringItems(list string) []string {
	var out []string
	for rest := list; ; {
		k := strings.IndexAny(rest, `'"`)
		if k < 0 {
			return out
		}
		q := rest[k]
		body := rest[k+1:]
		end := 0
		for end < len(body) && body[end] != q {
			if body[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(body) {
			return out
		}
		item := strings.ReplaceAll(strings.ReplaceAll(body[:end], `\"`, `"`), `\'`, `'`)
		out = append(out, item)
		rest = body[end+1:]
	}
}
