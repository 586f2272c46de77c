package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A script written now is run later, in a call of its own (bash
// scripts/cleanup.sh, node scripts/sync.js), and that call sees only the
// script's name. So the Write of any script, wherever it goes, is judged
// by what its text would do: a shell script by its lines, code by its
// language's reading (the one a one-liner gets). Writing a script is what
// a project's scripts are for, deploys and publishes included, so only
// what would be denied outright counts (a home deleted, a credential sent
// away, a download piped to a shell): as for a CI step, the rest is the
// script's business when someone runs it. A script is known by its
// extension or, for a file without one, by its #! line.

// scriptRunners are the command line prefixes that run a script's text,
// by extension (lower case); "" runs it as shell lines.
var scriptRunners = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		".sh": "", ".bash": "", ".zsh": "", ".ksh": "", ".command": "", ".dash": "", ".ash": "", ".mksh": "", ".yash": "",
		".bats": "",
		".py":   "python3 -c", ".pyw": "python3 -c", ".py3": "python3 -c",
		".js": "node -e", ".mjs": "node -e", ".cjs": "node -e", ".jsx": "node -e",
		".ts": "node -e", ".mts": "node -e", ".cts": "node -e", ".tsx": "node -e",
		".rb": "ruby -e", ".rake": "ruby -e", ".pl": "perl -e", ".pm": "perl -e", ".t": "perl -e",
		".php": "php -r", ".phtml": "php -r", ".lua": "lua -e", ".luau": "lua -e",
		".r": "Rscript -e", ".ps1": "pwsh -Command", ".psm1": "pwsh -Command", ".awk": "awk",
		".jl": "julia -e", ".exs": "elixir -e", ".groovy": "groovy -e", ".raku": "raku -e", ".rakumod": "raku -e",
		".p6": "raku -e", ".pl6": "raku -e", ".clj": "clojure -M -e", ".bb": "bb -e", ".scm": "guile -c",
		".rkt": "racket -e", ".kts": "kotlin -e",
		// Tcl has no -e: its text is read on standard input
		".tcl": "tclsh <<<", ".tk": "wish <<<", ".exp": "expect <<<",
		// other shells' scripts, read by their dialects; Windows batch files,
		// by cmd.exe's translation, a line a command
		".fish": "fish -c", ".csh": "csh -c", ".tcsh": "tcsh -c", ".nu": "nu -c", ".xsh": "xonsh -c", ".elv": "elvish -c",
		".bat": "cmd.exe /c", ".cmd": "cmd.exe /c",
		// languages read as opaque code: what they spell in their literals
		".swift": "swift -e", ".scala": "scala -e", ".sc": "scala -e", ".hy": "hy -c", ".erl": "escript -e",
		".escript": "escript -e", ".hs": "runghc -e", ".ml": "ocaml -e", ".jsh": "jshell -e", ".csx": "dotnet script eval",
		// AppleScript's text (osascript FILE) and CoffeeScript's (coffee FILE)
		".applescript": "osascript -e", ".coffee": "coffee -e", ".litcoffee": "coffee -e",
	}
}}

// shebangRunners are the interpreters a #! line names, with the prefix
// that runs their text; interpreterPrefix reads the other names.
var shebangRunners = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"sh": "", "bash": "", "zsh": "", "ksh": "", "dash": "",
		"python": "python3 -c", "python3": "python3 -c", "node": "node -e", "ruby": "ruby -e", "perl": "perl -e", "php": "php -r",
	}
}}

// interpreterPrefix returns the prefix that runs a file's text by the
// interpreter name: a shell's (ash, mksh, fish) as its lines, a versioned
// or newer runtime's (python3.12, pypy3, nodejs, bun, deno, tsx) as its
// language's one-liner, PowerShell's as pwsh -Command.
func interpreterPrefix(name string) (string, bool) {
	if p, ok := shebangRunners.Lookup(name); ok {
		return p, true
	}
	switch lang := shell.InterpreterLang(name); lang {
	case "":
	case "shell":
		return "", true
	case "awk":
		return "awk", true
	default:
		if p := interpreterFor(lang); p != "" {
			return p, true
		}
	}
	if name == "uv" {
		return "python3 -c", true // #!/usr/bin/env -S uv run --script
	}
	if p := interpreterFor(name); p != "" && name != "deno" {
		return p, true // pwsh, raku, elixir, groovy
	}
	return "", false
}

// shebangWrappers are the programs a #! line may name before the
// interpreter: env (with its options and assignments), busybox (with its
// applet), npx and bunx (with the package run).
var shebangWrappers = table.Map[string, bool]{Words: "env busybox npx bunx"}

// envArgOptions are env's short and long options that take the next word
// as their argument when it is not attached.
var envArgOptions = table.Map[string, bool]{Words: "-u --unset -C --chdir -P -a --argv0"}

// scriptLines returns the command line that runs content written to a
// file named lower (its base name, lower case) in directory dir when the
// file is a script, or nil. A Debian package's removal scripts (prerm,
// postrm) are not: deleting the package's own state under /var is what
// they are for (laterRunLines reads the install-time ones).
func scriptLines(dir, lower, content string) []string {
	if dir == "debian" {
		return nil
	}
	if strings.HasSuffix(lower, ".ipynb") {
		return notebookLines(content) // notebookwrites.go
	}
	if line, ok := shell.SourceRunLine(lower, content); ok {
		// a Go, Java, C#, Swift, Rust … source: judged as written and then
		// run by its language's runner (shell/sourcelangs.go)
		return []string{line}
	}
	runner, ok := "", false
	if k := strings.LastIndexByte(lower, '.'); k > 0 {
		runner, ok = scriptRunners.Lookup(lower[k:])
	}
	if ok && strings.HasSuffix(lower, ".cmd") && !batchText(content) {
		ok = false // read-key.cmd: a test's case, named .cmd by another tool
	}
	if !ok {
		runner, ok = shebangRunner(content)
	}
	if !ok && !strings.Contains(lower, ".") && !strings.HasPrefix(content, "#!") && (dir == "bin" || dir == "scripts" || dir == "script") {
		// bin/setup, script/bootstrap with no #! line: run by path, the
		// kernel refuses it and the shell that asked runs it as its own
		// lines (ENOEXEC)
		runner, ok = "", true
	}
	if !ok && lower == "activate" && (dir == "bin" || dir == "Scripts") {
		// a virtualenv's activate script has no #! line: every shell
		// that activates the environment sources it
		runner, ok = "", true
	}
	if !ok {
		return nil
	}
	if runner == "" {
		return []string{content}
	}
	return []string{runner + " " + shellQuote(content)}
}

// shebangRunner returns the prefix that runs content by its #! line
// (#!/bin/sh, #!/usr/bin/env python3.12, #!/usr/bin/env -S -i node,
// #!/bin/busybox sh): the first word past env's options and assignments
// and the other wrappers names the interpreter.
func shebangRunner(content string) (string, bool) {
	line, ok := strings.CutPrefix(content, "#!")
	if !ok {
		return "", false
	}
	if k := strings.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	f := strings.Fields(line)
	for len(f) > 0 {
		w := f[0]
		f = f[1:]
		if v, ok := strings.CutPrefix(w, "--split-string="); ok {
			w = v // env --split-string=bash -e
		}
		if strings.HasPrefix(w, "-") {
			if envArgOptions.Get(w) && len(f) > 0 {
				f = f[1:] // -u NAME, -C DIR
			}
			continue // -i, -S, -vS, --ignore-environment, --unset=NAME
		}
		if strings.IndexByte(w, '=') > 0 {
			continue // NAME=VALUE
		}
		name := w[strings.LastIndexByte(w, '/')+1:]
		if shebangWrappers.Get(name) {
			continue
		}
		return interpreterPrefix(name)
	}
	return "", false
}

// judgeLineScript judges a script a command line writes to p with text
// the line shows (printf '…' > scripts/x.sh), as a Write of that text is.
func (ev *evaluation) judgeLineScript(res *shell.Result, p string) {
	for text := range ev.shownTexts(res, p) { // laterwrites.go
		for _, l := range scriptLines(path.Base(path.Dir(p)), strings.ToLower(path.Base(p)), text) {
			if ev.denied() {
				return
			}
			ev.judgeLater(l, scriptKeep(l)) // scriptkeep.go
		}
	}
}

// batchText reports text written as a Windows batch file: a line that
// turns echo off, a remark, or a line of cmd.exe's builtins with a switch
// or a drive's path (rd /s /q C:\x).
func batchText(content string) bool {
	for l := range strings.SplitSeq(content, "\n") {
		t := strings.ToLower(strings.TrimSpace(l))
		if strings.HasPrefix(t, "@echo") || strings.HasPrefix(t, "rem ") || strings.HasPrefix(t, "@rem") || strings.HasPrefix(t, "setlocal") ||
			shell.CmdExeLine(strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}
