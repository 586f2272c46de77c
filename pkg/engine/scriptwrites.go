package engine

import (
	"path"
	"strings"

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
// by extension; "" runs it as shell lines.
var scriptRunners = map[string]string{
	".sh": "", ".bash": "", ".zsh": "", ".ksh": "", ".command": "",
	".py": "python3 -c", ".pyw": "python3 -c",
	".js": "node -e", ".mjs": "node -e", ".cjs": "node -e", ".ts": "node -e", ".mts": "node -e", ".cts": "node -e",
	".rb": "ruby -e", ".pl": "perl -e", ".pm": "perl -e", ".php": "php -r", ".lua": "lua -e",
}

// shebangRunners are the interpreters a #! line names, with the prefix
// that runs their text.
var shebangRunners = map[string]string{
	"sh": "", "bash": "", "zsh": "", "ksh": "", "dash": "",
	"python": "python3 -c", "python3": "python3 -c", "node": "node -e", "ruby": "ruby -e", "perl": "perl -e", "php": "php -r",
}

// scriptLines returns the command line that runs content written to a
// file named lower (its base name, lower case) in directory dir when the
// file is a script, or nil. A Debian package's removal scripts (prerm,
// postrm) are not: deleting the package's own state under /var is what
// they are for (laterRunLines reads the install-time ones).
func scriptLines(dir, lower, content string) []string {
	if dir == "debian" {
		return nil
	}
	runner, ok := "", false
	if k := strings.LastIndexByte(lower, '.'); k > 0 {
		runner, ok = scriptRunners[lower[k:]]
	}
	if !ok {
		runner, ok = shebangRunner(content)
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
// (#!/bin/sh, #!/usr/bin/env python3, #!/usr/bin/env -S node).
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
		name := f[0][strings.LastIndexByte(f[0], '/')+1:]
		if name != "env" && name != "-S" {
			r, ok := shebangRunners[name]
			return r, ok
		}
		f = f[1:]
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
			ev.judgeLater(l, keepDenied) // autorun.go
		}
	}
}
