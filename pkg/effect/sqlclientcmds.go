package effect

import "strings"

// A database client's own commands are read as the client reads them.
// sqlite3 and duckdb take a dot-command by any prefix of its name (.o is
// .output, .on .once, .sy .system, .shel .shell) and split its words at
// any blank, a tab as well as a space; mysql takes its commands (system,
// pager) in any case, at the start of any statement of a line.

// dotCommandNames are the dot-commands whose words are read, in the order
// in which an abbreviation is resolved (sqlite3 reads .o as .output).
var dotCommandNames = [...]string{"output", "once", "import", "read", "shell", "system"}

// dotCommand returns the full name of the dot-command line starts with
// (one of dotCommandNames, written whole or abbreviated to two letters or
// more, or .o) and the rest of the line, its leading blanks removed; ""
// when the line starts with no such command.
func dotCommand(line string) (name, rest string) {
	if len(line) < 2 || line[0] != '.' {
		return "", ""
	}
	w, rest := cutBlank(line[1:])
	if len(w) < 2 && w != "o" {
		return "", ""
	}
	for _, n := range dotCommandNames {
		if strings.HasPrefix(n, w) {
			return n, rest
		}
	}
	return "", ""
}

// cutBlank splits s at its first space or tab: the word before it, and
// the rest with its leading blanks removed.
func cutBlank(s string) (word, rest string) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeft(s[i:], " \t")
}

// clientShellCommand returns the shell command a line of a client's input
// runs by the client's own escape, or "": psql's and mysql's \!, sqlite3's
// and duckdb's .shell and .system (abbreviated too), mysql's system at the
// start of any statement, in any case.
func clientShellCommand(line string) string {
	if rest, ok := strings.CutPrefix(line, `\!`); ok {
		return strings.TrimSpace(rest)
	}
	if name, rest := dotCommand(line); name == "shell" || name == "system" {
		return strings.TrimSpace(rest)
	}
	for st := range strings.SplitSeq(line, ";") {
		if w, rest := cutBlank(strings.TrimLeft(st, " \t")); strings.EqualFold(w, "system") {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}
