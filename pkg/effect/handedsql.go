package effect

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// SQL handed to a program the catalogue does not know, as a word of its
// own, an option's attached value, a file the line wrote that a word names
// (--file fix.sql, --sql=@fix.sql) or the text on its standard input (dbq --dsn postgres://… "DELETE FROM
// orders WHERE id=1", a team's query tool's --execute=…): statements,
// whatever program runs them. Each such word is an SQL effect of the
// command, judged as a known client's -c is: a change against another
// machine's database or production (an address or a name on the line,
// productionChanges) asks; with neither named, the tool works on what is
// its own. A word only counts when it is a whole statement from its first
// word (DELETE FROM, UPDATE … SET, INSERT INTO, DROP TABLE, GRANT …), so
// a message that mentions one (a commit subject, "fix DELETE bug") is not.

// statementStart matches text that starts with an SQL statement, with
// the words dialects put between a statement's verb and its object
// (UPDATE ONLY, INSERT IGNORE INTO, DELETE TOP (10) FROM, INSERT OR
// REPLACE INTO), T-SQL's DELETE without FROM, CTEs however written (WITH
// RECURSIVE t(id) AS MATERIALIZED (…)), and the objects of DROP and
// ALTER beyond tables (types, domains, publications, warehouses, stages).
var statementStart = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	const (
		modifiers = `(?:(?:ONLY|LOW_PRIORITY|HIGH_PRIORITY|DELAYED|QUICK|IGNORE|OR\s+[A-Z]+|TOP\s*\(\s*\d+\s*\)(?:\s+PERCENT)?)\s+)*`
		name      = `[\w."\x60\[\]]+`
		dropKinds = `DATABASE|SCHEMA|TABLE|VIEW|INDEX|USER|ROLE|KEYSPACE|MATERIALIZED|FUNCTION|PROCEDURE|TRIGGER|SEQUENCE|EXTENSION|OWNED|COLLECTION|` +
			`TABLESPACE|FOREIGN|TYPE|DOMAIN|PUBLICATION|SUBSCRIPTION|POLICY|WAREHOUSE|STAGE|SHARE|STREAM|SERVER|AGGREGATE|RULE|EXTERNAL|DICTIONARY|CATALOG|SNAPSHOT|PIPE|TASK`
		alterKinds = `TABLE|DATABASE|SCHEMA|USER|ROLE|SYSTEM|INDEX|VIEW|SEQUENCE|FUNCTION|PROCEDURE|TYPE|DOMAIN|EXTENSION|POLICY|PUBLICATION|SUBSCRIPTION|` +
			`WAREHOUSE|TABLESPACE|MATERIALIZED|FOREIGN|SERVER|TRIGGER|DEFAULT\s+PRIVILEGES`
	)
	return regexp.MustCompile(`(?is)^\s*(?:` +
		`(?:INSERT|UPSERT|REPLACE|MERGE)\s+` + modifiers + `INTO\s|INSERT\s+OVERWRITE\s+(?:TABLE|DIRECTORY|INTO)\s|` +
		`MERGE\s+` + name + `(?:\s+(?:AS\s+)?\w+)?\s+USING\s|` +
		`UPDATE\s+` + modifiers + `\S+(?:\s+AS\s+\w+)?\s+SET\s|DELETE\s+` + modifiers + `FROM\s|DELETE\s+` + name + `\s+(?:WHERE|OUTPUT)\s|` +
		`TRUNCATE\s+(?:TABLE\s+)?[A-Za-z_"\x60\[]|` +
		`DROP\s+(?:` + dropKinds + `)\b|ALTER\s+(?:` + alterKinds + `)\s|RENAME\s+(?:TABLE|USER|DATABASE)\s|REASSIGN\s+OWNED\s+BY\s|` +
		`(?:GRANT\s+[\w\s,()]+?\s+ON\s+\S.*\sTO|REVOKE\s+[\w\s,()]+?\s+ON\s+\S.*\sFROM)\s|GRANT\s+\w+\s+TO\s+\S+\s*;?\s*$|` +
		`CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|DATABASE|SCHEMA|USER|ROLE|INDEX|VIEW|FUNCTION|PROCEDURE|TRIGGER|EXTENSION)\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w."\x60\[\]]+\s*(?:\(|;|$|(?:AS|ON|WITH|IDENTIFIED|FROM|LOGIN)\b)|` +
		`COPY\s+` + name + `(?:\s*\([^)]*\))?\s+(?:FROM|TO)\s|` +
		`ATTACH\s+(?:DATABASE\s+)?'|SELECT\s.*\sFROM\s|WITH\s+(?:RECURSIVE\s+)?\w+\s*(?:\([^)]*\)\s*)?AS\s*(?:(?:NOT\s+)?MATERIALIZED\s*)?\()`)
}}

// statementLead holds the letters an SQL statement starts with, upper
// and lower case: most words start with none of them, and are not
// matched against statementStart at all.
const statementLead = "ACDGIMRSTUWacdgimrstuw"

// sqlStatement reports a word that is SQL statements from its start: a
// statement, or a list of them (BEGIN; DELETE …; COMMIT), after any
// leading comments.
func sqlStatement(w string) bool {
	for rest := w; rest != ""; {
		st, more, _ := strings.Cut(rest, ";")
		rest = more
		t := skipSQLComments(st)
		if len(t) < 10 || strings.IndexByte(statementLead, t[0]) < 0 || !strings.ContainsAny(t, " \t\n") {
			continue
		}
		if statementStart.Get().MatchString(t) {
			return true
		}
	}
	return false
}

// skipSQLComments returns t after its leading blanks, brackets and
// comments (/* … */, -- or # … to the line's end).
func skipSQLComments(t string) string {
	for {
		t = strings.TrimLeft(t, " \t\r\n(")
		switch {
		case strings.HasPrefix(t, "/*"):
			_, after, ok := strings.Cut(t[2:], "*/")
			if !ok {
				return ""
			}
			t = after
		case strings.HasPrefix(t, "--"), t != "" && t[0] == '#': // MySQL's # comments too
			_, after, ok := strings.Cut(t, "\n")
			if !ok {
				return ""
			}
			t = after
		default:
			return t
		}
	}
}

// handedSQL adds an SQL effect for each word of an unknown program's
// command that is a statement (see above), or an option's attached value
// that is one (--execute=…, -q=…).
func (a *analysis) handedSQL(i int, c *shell.Command) {
	if a.wrapsOnLine(i) {
		return // xargs -0 truncate -s 0: the walk reads the command it runs
	}
	for _, t := range c.Stdin {
		// echo 'DELETE …' | dbq --dsn …: statements it reads
		if sqlStatement(t) {
			a.add(Effect{Kind: SQL, Cmd: i, Target: t})
		}
	}
	for k, w := range c.Args {
		if len(w) > 1 && w[0] == '-' {
			_, v, ok := strings.Cut(w, "=")
			if !ok {
				continue
			}
			w = v
		}
		if sqlStatement(w) {
			a.add(Effect{Kind: SQL, Cmd: i, Target: w})
			continue
		}
		if t, ok := a.fileText(strings.TrimPrefix(w, "@")); ok && sqlStatement(t) {
			// dbq --file fix.sql, -f fix.sql, --sql=@fix.sql, run
			// fix.sql: a file of statements the line wrote
			a.add(Effect{Kind: SQL, Cmd: i, Target: t})
			continue
		}
		if statementWords.Get(strings.ToUpper(w)) && k+2 < len(c.Args) {
			// dbq --dsn … DELETE FROM orders WHERE id=1: a statement
			// given word by word, to the end of the words
			if st := strings.Join(c.Args[k:], " "); sqlStatement(st) {
				a.add(Effect{Kind: SQL, Cmd: i, Target: st})
				return
			}
		}
	}
}

// statementWords are the first words of statements that change data,
// given as words of their own.
var statementWords = table.Map[string, bool]{Words: `DELETE UPDATE INSERT DROP TRUNCATE ALTER
	GRANT REVOKE CREATE MERGE REPLACE UPSERT`}
