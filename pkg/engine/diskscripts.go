package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A line that runs a script it did not write (bash notes.txt, ./setup,
// python3 tools/sync.py, . ./env.sh) runs whatever the file holds now,
// which an earlier call may have put there under any name. When the
// caller lets the engine read files (Env.ScriptText), such a script is
// judged by its text as a written one is (scriptwrites.go): what would be
// denied outright is denied; the rest of what a project's scripts do
// (builds, deploys, publishes) is left to them. A script's own runs of
// other scripts are followed maxDiskDepth deep, and at most
// maxDiskScripts files are read for one call.
const (
	maxDiskDepth   = 2
	maxDiskScripts = 8
)

// shellRunners are the programs that run a file's text as shell lines.
var shellRunners = table.Map[string, bool]{Words: "sh bash zsh dash ksh source ."}

// judgeDiskScripts judges the scripts res runs that the line did not
// write, by their text on disk; cwds are the directories its commands
// run in (after a cd on the line).
func (ev *evaluation) judgeDiskScripts(res *shell.Result, cwds []string) {
	read := ev.e.env.ScriptText
	if read == nil || ev.diskDepth >= maxDiskDepth || ev.denied() {
		return
	}
	ev.diskDepth++
	defer func() { ev.diskDepth-- }()
	cat := catalog.Default()
	for i := range res.Commands {
		c := &res.Commands[i]
		if len(c.Runs) == 0 && !strings.Contains(c.Program, "/") || cat.Dry(c.Name, c.Args) {
			continue // runs no file, or rehearses (make -n)
		}
		cwd := ev.c.Cwd
		if i < len(cwds) && cwds[i] != "" {
			cwd = cwds[i]
		}
		for _, p := range c.Runs {
			ev.judgeDiskScript(res, read, c.Name, p, cwd)
		}
		if strings.Contains(c.Program, "/") {
			ev.judgeDiskScript(res, read, "", c.Program, cwd) // ./setup, bin/deploy
		}
	}
}

// judgeDiskScript judges the file p that runner runs ("" for a file run
// by its path), unless the line wrote it (its text is then the line's)
// or the call has read its share of files.
func (ev *evaluation) judgeDiskScript(res *shell.Result, read func(string) (string, ScriptFound), runner, p, cwd string) {
	if ev.denied() || ev.diskRead >= maxDiskScripts || p == "" || p == "-" || strings.ContainsAny(p, "$`*?[") {
		return
	}
	abs := match.CleanPath(p, cwd, ev.e.env.Home)
	for range ev.shownTexts(res, abs) { // laterwrites.go
		return // the line wrote it: its text is the line's
	}
	ev.diskRead++
	text, found := read(abs)
	switch {
	case found == ScriptBinary && runner == "":
		// a compiled program run by its path (/usr/bin/git, ./target/app):
		// the system runs it, not a shell (bash refuses a file whose first
		// line holds a NUL as a script), and it is judged by its name as
		// any program is
		return
	case found == ScriptBinary:
		// a compiled file handed to an interpreter (python3 app.pyc):
		// code nobody here can read
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "code", Word: p + ", a compiled file " + runner + " runs"}, call.ToolExec)
		return
	case found == ScriptTooLarge:
		// padded past what is read: what it runs is code nobody saw
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "code", Word: p + ", a script too large to read"}, call.ToolExec)
		return
	}
	if found != ScriptRead || len(text) < 2 {
		return
	}
	for _, l := range diskScriptLines(runner, abs, text) {
		ev.judgeLater(l, scriptKeep(l)) // scriptkeep.go
	}
}

// fileRunners are the runners of other languages' script files, with the
// one-liner that runs a file's text as they would (awk -f p.awk, Rscript
// x.R, julia x.jl, lua5.4 x.lua, osascript x.scpt), versions trimmed.
var fileRunners = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"awk": "awk", "gawk": "awk", "mawk": "awk", "nawk": "awk",
		"Rscript": "Rscript -e", "rscript": "Rscript -e", "R": "Rscript -e", "r": "Rscript -e", "julia": "julia -e",
		"lua": "lua -e", "luajit": "lua -e", "texlua": "lua -e", "osascript": "osascript -e",
	}
}}

// tclRunners run Tcl, whose exec and spawn lines run commands.
var tclRunners = table.Map[string, bool]{Words: "tclsh wish expect"}

// tclExecLines returns the command lines a Tcl script's exec, spawn and
// system lines run (exec rm -rf ~), or a line that runs nothing when it
// has none.
func tclExecLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		for _, k := range [...]string{"exec ", "spawn ", "system "} {
			if rest, ok := strings.CutPrefix(l, k); ok {
				out = append(out, strings.Trim(rest, "[]"))
			}
		}
	}
	return out
}

// diskScriptLines returns the command line that runs text as runner
// would: a shell's as its lines, an interpreter's as its one-liner, and a
// file run by its path by its extension or #! line.
func diskScriptLines(runner, p, text string) []string {
	if shellRunners.Get(runner) || runner == "xargs" || runner == "parallel" {
		return []string{text} // (xargs -a s.sh sh -c '{}': each line a command)
	}
	if runner == "make" || runner == "gmake" {
		lines, _ := autoRunLines("Makefile", text) // make -f x.mk: its recipes
		return lines
	}
	if prefix, ok := shebangRunners.Lookup(runner); ok && prefix != "" {
		return []string{prefix + " " + shellQuote(text)}
	}
	if prefix, ok := fileRunners.Lookup(strings.TrimRight(runner, "0123456789.")); ok {
		return []string{prefix + " " + shellQuote(text)}
	}
	if tclRunners.Get(strings.TrimRight(runner, "0123456789.")) {
		return tclExecLines(text)
	}
	switch runner {
	case "python3.11", "python3.12", "python3.13", "pypy3", "uv", "pipenv":
		if strings.HasSuffix(p, ".py") {
			return []string{"python3 -c " + shellQuote(text)}
		}
	case "deno", "bun", "tsx", "ts-node":
		return []string{"node -e " + shellQuote(text)}
	}
	if runner != "" && runner != "uv" {
		if prefix, ok := interpreterPrefix(runner); ok {
			// ash, fish, python3.12, nodejs, pwsh: the runner's language
			if prefix == "" {
				return []string{text}
			}
			return []string{prefix + " " + shellQuote(text)}
		}
	}
	if runner != "" {
		return nil // a runner whose language is not read here
	}
	if l := scriptLines(path.Base(path.Dir(p)), strings.ToLower(path.Base(p)), text); l != nil {
		return l
	}
	head := text[:min(len(text), 1024)]
	if strings.IndexByte(head, 0) >= 0 {
		return nil // a program's binary
	}
	// ./notes.txt with no #! line: the shell that execs it runs a text
	// file the kernel will not as its own script
	return []string{text}
}
