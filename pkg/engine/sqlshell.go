package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A shell command SQL hands the database server (COPY … TO PROGRAM
// 'curl … | sh' in psql -c, a file psql reads, a migration) is an
// Unknown effect of the line (effect.sqlShellEscapes), with the effects
// of each of its commands; a download piped to a shell is a finding of
// the whole command line, not of any one command. judgeSQLShellLines
// judges each such command again as the command line it is, as an MCP
// server's SQL is judged (sqlforms.go).

// A file of SQL written now (a migration, a seed, a maintenance script)
// runs when psql -f, a migration tool or a schema load reads it: its
// statements are judged as the psql line that runs them, keeping only
// what would be denied outright (keepRequested: a COPY … TO PROGRAM that
// pipes a download to a shell, a credential the server's shell reads).
// Dropping and recreating tables is what schema files and migrations do.

// sqlFileLines returns the psql line that runs a file of SQL's text.
func sqlFileLines(content string) []string {
	if strings.TrimSpace(content) == "" {
		return nil
	}
	return []string{"psql -c " + shellQuote(content)}
}

// maxSQLShellLines bounds the commands judged from one line's SQL.
const maxSQLShellLines = 8

// judgeSQLShellLines judges the shell commands the SQL of a line's effects
// runs as command lines.
func (ev *evaluation) judgeSQLShellLines(effs []effect.Effect) {
	var lines []string
	for _, ef := range effs {
		if ef.Kind != effect.Unknown {
			continue
		}
		if l, ok := strings.CutPrefix(ef.Word, effect.SQLShellWord); ok && l != "" && len(lines) < maxSQLShellLines {
			lines = append(lines, l)
		}
	}
	for _, l := range lines {
		if ev.denied() {
			return
		}
		ev.exec(l, false, call.ToolExec)
	}
}

// judgeSQLWrittenTexts judges the files the SQL of a line's effects writes
// with text it spells out (judgeSQLTextWrites).
func (ev *evaluation) judgeSQLWrittenTexts(effs []effect.Effect) {
	for _, ef := range effs {
		if ef.Kind == effect.SQL && !ev.denied() {
			ev.judgeSQLTextWrites(ef.Target)
		}
	}
}

// judgeSQLTextWrites judges the files SQL text writes with text it spells
// out (effect.SQLWrittenTexts: SELECT '…' INTO OUTFILE, COPY (SELECT '…')
// TO 'file', lo_export, writefile) by what they hold, as the write tool's
// files are: the path itself is judged as the SQL's write of it.
func (ev *evaluation) judgeSQLTextWrites(text string) {
	for _, w := range effect.SQLWrittenTexts(text) {
		if ev.denied() {
			return
		}
		p := match.CleanPath(w.Path, ev.c.Cwd, ev.e.env.Home)
		ev.contentWriteSubject(p, w.Text)
		ev.judgeAutoRun(p, w.Text)     // autorun.go
		ev.judgeLaterFormat(p, w.Text) // laterformats.go
		ev.judgeWebShell(p, w.Text)    // webshell.go
	}
}

// judgeNodeShellLines judges the text a Node.js database shell runs
// (mongosh --eval 'require("child_process")…') as the node -e line that
// runs the same code (effect.NodeShellLine).
func (ev *evaluation) judgeNodeShellLines(res *shell.Result, effs []effect.Effect) {
	for _, ef := range effs {
		if ev.denied() {
			return
		}
		if ef.Kind != effect.SQL || ef.Cmd < 0 || ef.Cmd >= len(res.Commands) {
			continue
		}
		if l, ok := effect.NodeShellLine(res.Commands[ef.Cmd].Name, ef.Target); ok {
			ev.exec(l, false, call.ToolExec)
		}
	}
}
