package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
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
