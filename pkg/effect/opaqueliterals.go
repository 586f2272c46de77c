package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// Code in a language nobody here scans (Raku, Elixir, Groovy, a Lisp,
// Erlang) that acts is asked about as a whole (opaqueCode). What it runs
// is often in plain sight all the same: a command line in one string
// (shell "rm -rf ~", os:cmd("…"), "…".execute()) or a program and its
// arguments as a list of strings (run "rm", "-rf", "/home/dev";
// System.cmd("rm", ["-rf", …]); (sh "rm" "-rf" …)). Such a command,
// when its first word is a program the catalogue knows, is judged as the
// command it is, so what it would do is what the code is judged by.

// literalCommandEffects judges each command line code spells in its
// literals whose program the catalogue knows, or is a shell, as command i
// running it.
func (a *analysis) literalCommandEffects(i int, code string) {
	for _, line := range shell.LiteralCommands(code) {
		res := shell.Parse(line)
		if res.Unparsed || len(res.Commands) == 0 {
			continue
		}
		name := path.Base(res.Commands[0].Name)
		if name == "" || strings.ContainsAny(name, " $") {
			continue
		}
		if e, _ := catalog.Default().Lookup(name, nil); e == nil && shell.InterpreterLang(name) != "shell" {
			continue
		}
		for _, x := range Of(&res, nil, a.env) {
			x.Cmd = i
			a.add(x)
		}
	}
}

// plainCallEffects judges the command each plain process call runs
// (shell.PlainProcessCalls) as command i running it, as the same line
// typed at the prompt would be: a call is a command whatever program it
// names. A line that does not parse is unknown code that acts.
func (a *analysis) plainCallEffects(i int, c *shell.Command, calls []shell.PlainCall) {
	for _, pc := range calls {
		res := shell.Parse(pc.Line)
		if res.Unparsed || len(res.Commands) == 0 {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " code that runs " + pc.Line})
			continue
		}
		for _, x := range Of(&res, nil, a.env) {
			x.Cmd = i
			a.add(x)
		}
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
