package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A console that reads its own commands on standard input (the
// catalogue's "commands-stdin": bconsole) does what the lines piped or
// written into it say: echo "delete volume=Full-0001 yes" | bconsole
// deletes a backup volume as the command "bconsole delete volume=…"
// would. Each line of the text known to reach its standard input is
// judged as the program given that line's words; its effects are the
// line's own.

// maxStdinCommands bounds the lines read from one command's input.
const maxStdinCommands = 32

// stdinCommands adds the effects of the commands in text, one a line
// (a printf's \n written out separates lines too), run by the program
// name.
func (a *analysis) stdinCommands(i int, name, text string) {
	text = strings.ReplaceAll(text, `\n`, "\n")
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimRight(line, ";"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if n++; n > maxStdinCommands {
			return
		}
		res := shell.Parse(name + " " + line)
		if !res.Unparsed {
			for _, x := range Of(&res, nil, a.env) {
				x.Cmd = i
				a.add(x)
			}
		}
		shell.Release(&res)
	}
}
