package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// An interpreter one-liner that opens an embedded database file by its
// literal name (python3 -c "sqlite3.connect('test.db')…", node's new
// Database('tmp/test.db'), ruby's SQLite3::Database.new("test.db"), duckdb's
// connect) works on that file as sqlite3 test.db does: the SQL its code
// runs is judged on that database, a test's copy or not.

// embeddedOpeners are the calls that open an embedded database by a file
// name given as their first argument.
var embeddedOpeners = [...]string{"sqlite3.connect(", "duckdb.connect(", "new Database(", "new sqlite3.Database(", "SQLite3::Database.new(", "SQLite3::Database.open(", "aiosqlite.connect("}

// codeDatabaseFile returns the one file an interpreter one-liner's code
// opens as an embedded database, and ok when that is all the code
// connects to: one opener, called once, with a quoted literal name, and
// no other connect call (psycopg2.connect, a second database) in the code.
func codeDatabaseFile(c *shell.Command) (string, bool) {
	code, ok, _ := shell.InterpreterCode(c)
	if !ok || code == "" {
		return "", false
	}
	file, opens := "", 0
	for _, op := range embeddedOpeners {
		for rest := code; ; {
			k := strings.Index(rest, op)
			if k < 0 {
				break
			}
			opens++
			rest = rest[k+len(op):]
			f, ok := quotedLiteral(strings.TrimLeft(rest, " "))
			if !ok {
				return "", false
			}
			file = f
		}
	}
	if opens != 1 || strings.Count(code, "connect(")+strings.Count(code, "Database(")+strings.Count(code, "Database.new(")+strings.Count(code, "Database.open(") != 1 {
		return "", false
	}
	if up := strings.ToUpper(code); strings.Contains(up, "ATTACH") {
		return "", false // another database's tables too
	}
	return file, file != ""
}

// opensEmbedded reports an interpreter one-liner whose code opens one
// embedded database file by name (codeDatabaseFile).
func opensEmbedded(c *shell.Command) bool {
	_, ok := codeDatabaseFile(c)
	return ok
}

// quotedLiteral reads the quoted string s starts with ('x' or "x"), with
// no escape or interpolation in it.
func quotedLiteral(s string) (string, bool) {
	if len(s) < 2 || s[0] != '\'' && s[0] != '"' {
		return "", false
	}
	end := strings.IndexByte(s[1:], s[0])
	if end < 0 {
		return "", false
	}
	v := s[1 : 1+end]
	if strings.ContainsAny(v, "\\$#{}%") {
		return "", false
	}
	return v, true
}
