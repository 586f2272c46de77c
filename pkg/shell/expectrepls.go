package shell

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A line typed into an interpreter's or a database client's prompt is run
// as the code or the SQL it is, as the program's own option for code on
// its command line runs it: `spawn python3` then `send "import os;
// os.system(…)\r"` is python3 -c, `spawn sqlite3 dev.db` then `send
// ".shell …\r"` is sqlite3 dev.db ".shell …", and a line typed into a
// terminal multiplexer (tmux, screen) reaches the shell it started.

// typedCodeOptions are, by program, the option that gives it code on its
// command line ("" for a client that takes its commands as a last
// operand), and the program that option belongs to (irb's lines are
// Ruby's: ruby -e).
var typedCodeOptions = table.Map[string, [2]string]{Build: func() map[string][2]string {
	m := map[string][2]string{
		"node": {"node", "-e"}, "deno": {"deno", "eval"}, "bun": {"bun", "-e"},
		"irb": {"ruby", "-e"}, "ruby": {"ruby", "-e"}, "perl": {"perl", "-e"}, "php": {"php", "-r"},
		"lua": {"lua", "-e"}, "R": {"Rscript", "-e"}, "julia": {"julia", "-e"},
		"sqlite3": {"sqlite3", ""}, "duckdb": {"duckdb", "-c"}, "psql": {"psql", "-c"}, "mysql": {"mysql", "-e"}, "mariadb": {"mariadb", "-e"},
	}
	for _, p := range [...]string{"python", "python3", "python2", "ipython", "pypy3"} {
		m[p] = [2]string{p, "-c"}
	}
	return m
}}

// multiplexers start a shell in the terminal they hand on: what is typed
// into them is that shell's.
var multiplexers = table.Map[string, bool]{Words: "tmux screen byobu zellij"}

// typedIntoProgram gives the command line a line typed into a spawned
// interpreter, database client or multiplexer amounts to (see above).
func typedIntoProgram(spawned []string, typed string) (string, bool) {
	first := progName(spawned[0])
	if multiplexers.Get(first) {
		return quoteWords([]string{"sh", "-c", typed}), true
	}
	opt, ok := typedCodeOptions.Lookup(first)
	if !ok {
		return "", false
	}
	words := append([]string{opt[0]}, spawned[1:]...)
	if opt[1] != "" {
		words = append(words, opt[1])
	}
	return quoteWords(append(words, typed)), true
}

// tclBackslash gives what the backslash sequence at text[i] (text[i] ==
// '\\') stands for in a Tcl word, and the index after it: \r \n \t and the
// other letters of C, \xHH, \uHHHH, \UHHHHHHHH and up to three octal
// digits; any other character stands for itself.
func tclBackslash(text string, i int) (string, int) {
	if i+1 >= len(text) {
		return `\`, i + 1
	}
	c := text[i+1]
	switch c {
	case 'a':
		return "\a", i + 2
	case 'b':
		return "\b", i + 2
	case 'f':
		return "\f", i + 2
	case 'v':
		return "\v", i + 2
	case 'r', 'n', 't':
		return string(tclEscape(c)), i + 2
	case 'x', 'u', 'U':
		max := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
		n := 0
		for n < max && i+2+n < len(text) && isHex(text[i+2+n]) {
			n++
		}
		r, err := strconv.ParseUint(text[i+2:i+2+n], 16, 32)
		if n == 0 || err != nil {
			return string(c), i + 2
		}
		return string(rune(r)), i + 2 + n
	}
	if c >= '0' && c <= '7' {
		r, n := 0, 0
		for n < 3 && i+1+n < len(text) && text[i+1+n] >= '0' && text[i+1+n] <= '7' {
			r = r*8 + int(text[i+1+n]-'0')
			n++
		}
		return string(rune(r & 0xff)), i + 1 + n
	}
	return string(c), i + 2
}

// tclScriptBodies are the Tcl commands whose braced words are scripts run
// in place (a loop's, a condition's, a procedure's body).
var tclScriptBodies = table.Map[string, bool]{Words: "foreach for while if else elseif proc catch eval uplevel try after"}

// tclFlatten returns cmds with the commands of each script body
// (tclScriptBodies: foreach c {…} { send "$c\r" }, proc s {x} {…}) put in
// after the command that holds it, to depth 4: what a body sends is sent,
// whatever runs it, its variables left for the judge to see as unknown.
func tclFlatten(cmds [][]string, depth int) [][]string {
	if depth >= 4 {
		return cmds
	}
	var out [][]string
	for _, cmd := range cmds {
		out = append(out, cmd)
		if len(cmd) == 0 || !tclScriptBodies.Get(cmd[0]) {
			continue
		}
		for _, w := range cmd[1:] {
			if strings.ContainsAny(w, " \t\n;") {
				out = append(out, tclFlatten(tclScriptCommands(w), depth+1)...)
			}
		}
	}
	return out
}

// tclSubst replaces in word each $NAME and ${NAME} of a variable the
// script set to a literal (set c "rm -rf ~"; send "$c\r"); a variable it
// did not set is left as written, for the judge to see as unknown.
func tclSubst(word string, vars map[string]string) string {
	if len(vars) == 0 || strings.IndexByte(word, '$') < 0 {
		return word
	}
	var b strings.Builder
	for i := 0; i < len(word); i++ {
		if word[i] != '$' || i+1 >= len(word) {
			b.WriteByte(word[i])
			continue
		}
		name, end := "", i+1
		if word[i+1] == '{' {
			if j := strings.IndexByte(word[i+2:], '}'); j >= 0 {
				name, end = word[i+2:i+2+j], i+3+j
			}
		} else {
			for end < len(word) && isIdent(word[end]) {
				end++
			}
			name = word[i+1 : end]
		}
		if v, ok := vars[name]; ok && name != "" {
			b.WriteString(v)
			i = end - 1
			continue
		}
		b.WriteByte('$')
	}
	return b.String()
}
