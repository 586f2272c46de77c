package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// The MongoDB shell (mongosh, and the old mongo) runs its --eval text and
// script files in Node.js: beside the database's methods, require(),
// fs, os, process and child_process are there, so the text reads files,
// runs commands and reaches the network as node -e would. Its text is an
// SQL effect (the database's part, judged by sql-destructive); where it
// names Node's own modules its effects are also node's.

// nodeShells are the database shells whose statement text is Node.js code.
var nodeShells = table.Map[string, bool]{Words: "mongosh mongo"}

// nodeHooks are the words that reach past the database in Node.js code.
var nodeHooks = [...]string{"require(", "process.", "fs.", "os.", "child_process", "import("}

// NodeShellLine returns the node -e line that runs SQL text a Node.js
// database shell (nodeShells) named program runs, when the text reaches
// Node's modules (nodeHooks); false otherwise. The line is judged as the
// command line it is (engine/sqlshell.go), a download piped to a shell in
// it included.
func NodeShellLine(program, text string) (string, bool) {
	if !nodeShells.Get(program) {
		return "", false
	}
	for _, h := range nodeHooks {
		if strings.Contains(text, h) {
			return "node -e " + singleQuoted(text), true
		}
	}
	return "", false
}
