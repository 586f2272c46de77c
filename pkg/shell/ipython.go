package shell

import "strings"

// IPython's own syntax for the shell. Code given to ipython (-c, a script,
// its input) and a notebook's cells are Python with lines Python itself
// cannot parse: a line led by ! (or !!, or assigned from one: files =
// !ls) hands the rest of the line to the shell, as do the %system and %sx
// magics, and a cell opened by %%bash, %%sh or %%script sh runs its other
// lines as a shell script. Those lines are the commands they run.

// shellCells are the cell magics whose cell is a shell script.
var shellCells = [...]string{"%%bash", "%%sh", "%%zsh", "%%script bash", "%%script sh", "%%script zsh", "%%system", "%%sx", "%%!"}

// IPythonShell returns the shell text IPython's syntax in code (a cell,
// a script, a -c string) runs, one command a line; "" when it has none.
func IPythonShell(code string) string {
	if strings.IndexByte(code, '!') < 0 && !strings.Contains(code, "%s") && !strings.Contains(code, "%%") {
		return ""
	}
	var b strings.Builder
	lines := strings.Split(code, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		for _, m := range shellCells {
			if l == m || strings.HasPrefix(l, m+" ") {
				b.WriteString(strings.Join(lines[i+1:], "\n"))
				return b.String() // the rest of the cell
			}
		}
		if cmd, ok := bangLine(l); ok && cmd != "" {
			b.WriteString(cmd)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// bangLine gives the command of one line of IPython's shell syntax:
// "!cmd", "!!cmd", "x = !cmd", "%system cmd", "%sx cmd".
func bangLine(l string) (string, bool) {
	if name, rest, ok := strings.Cut(l, "="); ok && identName(strings.TrimSpace(name)) {
		if r := strings.TrimSpace(rest); strings.HasPrefix(r, "!") || strings.HasPrefix(r, "%sx ") || strings.HasPrefix(r, "%system ") {
			l = r // files = !ls (not files != x: "!=" leaves name "files !")
		}
	}
	switch {
	case strings.HasPrefix(l, "!") && !strings.HasPrefix(l, "!="):
		return strings.TrimLeft(l, "!"), true
	case strings.HasPrefix(l, "%system "), strings.HasPrefix(l, "%sx "):
		_, cmd, _ := strings.Cut(l, " ")
		return cmd, true
	}
	return "", false
}
