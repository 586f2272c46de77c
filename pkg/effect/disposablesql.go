package effect

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a database client's own SQL destroys names a database too. A
// client connected to the server's default database (psql -h localhost
// -U postgres) that drops one kept for tests (DROP DATABASE IF EXISTS
// orders_test) wipes that test database and nothing else; one connected
// to a test database that drops another (psql -d orders_test -c 'DROP
// DATABASE orders') wipes the other. So every database its SQL drops is
// read as a name of the command, and, when the connection names no
// database, so is every schema or table its SQL empties, drops, deletes
// from or updates (TRUNCATE test_events; DELETE FROM users names users,
// which is no test name). SQL that only drops databases, given on the
// line with no script file, touches nothing of the database it connects
// to (psql postgres://localhost/postgres -c 'DROP DATABASE x_test'): then
// the dropped databases alone name the command. The SQL is the clients'
// option's (-c, -e, --query) and, for a database's own client, the text the
// line feeds its stdin (a here-document, a here-string). A statement of those
// kinds whose object cannot be read makes the command no test database's.

// sqlTextOptions are database clients' options whose value is SQL to run.
var sqlTextOptions = table.Map[string, bool]{Words: "-c --command -e --execute -q --query"}

// sqlDestroyed matches a statement that destroys or changes what it names:
// the kind of statement, then the rest (its objects first). It is compiled
// on first use, as the package's other expressions are.
var sqlDestroyed = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)^\s*(DROP\s+(?:DATABASE|SCHEMA|TABLE|VIEW|KEYSPACE)|TRUNCATE(?:\s+TABLE)?|DELETE\s+FROM|UPDATE|ALTER\s+TABLE)\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(.*)$`)
}}

// sqlObjects returns the names a command's SQL destroys: the databases it
// drops (dbs), and the schemas and tables of the connected database it
// drops, empties or changes (tables); ok is false when a destroying
// statement's object cannot be read.
func sqlObjects(c *shell.Command) (dbs, tables []string, ok bool) {
	ok = true
	for j := 0; j < len(c.Args); j++ {
		w := c.Args[j]
		opt, val, hasVal := strings.Cut(w, "=")
		if !strings.HasPrefix(w, "-") || !sqlTextOptions.Get(opt) {
			continue
		}
		if !hasVal {
			if j+1 >= len(c.Args) {
				continue
			}
			j++
			val = c.Args[j]
		}
		for _, stmt := range strings.Split(val, ";") {
			d, t, good := statementObjects(stmt)
			dbs, tables = append(dbs, d...), append(tables, t...)
			ok = ok && good
		}
	}
	if dbClients.Get(c.Name) {
		// psql -U postgres <<'SQL' … SQL, mysql <<< 'DROP DATABASE x_test':
		// the text the line feeds a client's stdin is its SQL too
		for _, text := range c.Stdin {
			for _, stmt := range strings.Split(text, ";") {
				d, t, good := statementObjects(stmt)
				dbs, tables = append(dbs, d...), append(tables, t...)
				ok = ok && good
			}
		}
	}
	return dbs, tables, ok
}

// statementObjects reads one statement (see sqlObjects).
func statementObjects(stmt string) (dbs, tables []string, ok bool) {
	f := strings.Fields(stmt)
	if len(f) == 0 {
		return nil, nil, true
	}
	m := sqlDestroyed.Get().FindStringSubmatch(stmt)
	if m == nil {
		switch head := strings.ToUpper(f[0]); head {
		case "DROP", "TRUNCATE", "DELETE", "UPDATE", "ALTER", "MERGE", "REPLACE", "COPY", "GRANT", "REVOKE":
			return nil, nil, false // a destroying statement whose object is not read here
		case "INSERT":
			return nil, nil, !strings.Contains(strings.ToUpper(stmt), "OVERWRITE") // INSERT INTO adds rows
		}
		return nil, nil, true
	}
	kind := strings.ToUpper(strings.Join(strings.Fields(m[1]), " "))
	parts := []string{m[2]}
	if strings.HasPrefix(kind, "TRUNCATE") || strings.HasPrefix(kind, "DROP") {
		parts = strings.Split(m[2], ",") // TRUNCATE a, b; DROP DATABASE a, b: every name of the list
	}
	var names []string
	for _, p := range parts {
		w := strings.Fields(p)
		if len(w) == 0 {
			return nil, nil, false
		}
		n := strings.Trim(w[0], "\"`'")
		if n == "" || strings.ContainsAny(n, "$(`{") {
			return nil, nil, false // a name computed, or nothing to read
		}
		names = append(names, n)
	}
	if kind == "DROP DATABASE" || kind == "DROP KEYSPACE" {
		return names, nil, true
	}
	return nil, names, true // a schema, a table: the connected database's
}

// scriptFile reports whether a database client also runs SQL from a file
// (psql -f, --file), which nobody here reads.
func scriptFile(c *shell.Command) bool {
	for _, w := range c.Args {
		opt, _, _ := strings.Cut(w, "=")
		if opt == "-f" || opt == "--file" || strings.HasPrefix(w, "-f") && len(w) > 2 && w[1] != '-' {
			return true
		}
	}
	return false
}
