package engine

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// Forms of SQL that say what a plain form says. The SQL rules are written
// for DELETE FROM T; MySQL's modifiers (DELETE QUICK LOW_PRIORITY IGNORE
// FROM), its multi-table form (DELETE o FROM orders o JOIN …), and SQL
// Server's (DELETE T, DELETE TOP (100) PERCENT FROM T) remove the same
// rows, so each is rewritten to it at the start of a statement before
// matching. A foreign key's ON DELETE CASCADE or a trigger's BEFORE DELETE
// is not a statement and is left alone.

// canonicalDeletes rewrites, in normalised (upper-cased, single-spaced)
// SQL, each DELETE statement to the form DELETE FROM T.
func canonicalDeletes(s string) string {
	if !strings.Contains(s, "DELETE ") {
		return s
	}
	return deleteForms.Get().ReplaceAllString(s, "${1}DELETE FROM ${2}")
}

var deleteForms = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	start := `(^|; ?|\( ?|\bTHEN )`
	mods := `(?:(?:LOW_PRIORITY|QUICK|IGNORE) )*`
	top := `(?:TOP ?\( ?[^)]*\) ?(?:PERCENT )?)?`
	// DELETE [mods] [TOP (n) [PERCENT]] [alias[, alias...]] [FROM] T
	return regexp.MustCompile(start + `DELETE ` + mods + top + `(?:(?:[A-Z_][A-Z0-9_.]*(?: ?, ?[A-Z_][A-Z0-9_.]*)*) FROM |FROM )?([A-Z_"\[])`)
}}

// referentialActions rewrites a foreign key's ON DELETE and ON UPDATE
// actions (REFERENCES orgs(id) ON DELETE CASCADE) to single words: they
// say what the server does to rows when others go, deleting or changing
// nothing themselves, and the rules for ALTER TABLE … DELETE and UPDATE
// (ClickHouse's mutations) must not read them as statements.
func referentialActions(s string) string {
	if !strings.Contains(s, "ON DELETE ") && !strings.Contains(s, "ON UPDATE ") {
		return s
	}
	return referentialAction.Get().ReplaceAllString(s, "ON_${1}_${2}")
}

var referentialAction = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\bON (DELETE|UPDATE) (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION)\b`)
}}

// mergeDeletes adds DELETE FROM T to a MERGE INTO T whose ON condition
// holds for every row and that deletes what it matches.
func mergeDeletes(s string) string {
	if !strings.Contains(s, "MERGE INTO ") || !strings.Contains(s, "THEN DELETE") {
		return s
	}
	m := mergeForm.Get().FindStringSubmatch(s)
	if m == nil || !alwaysTrue(m[2]) {
		return s
	}
	return s + "; DELETE FROM " + m[1]
}

var mergeForm = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`MERGE INTO ([A-Z_"\[][A-Z0-9_."\]]*)[^;]*? ON (.*?) WHEN MATCHED (?:AND [^;]*? )?THEN DELETE`)
}}

// selfSubqueries drops a WHERE that keeps the rows of the table itself:
// DELETE FROM T WHERE C IN (SELECT C FROM T), C = ANY (SELECT C FROM T).
func selfSubqueries(s string) string {
	if !strings.Contains(s, "(SELECT ") && !strings.Contains(s, "( SELECT ") {
		return s
	}
	return selfSubquery.Get().ReplaceAllStringFunc(s, func(x string) string {
		m := selfSubquery.Get().FindStringSubmatch(x)
		if m == nil || m[1] != m[4] || lastPart(m[2]) != lastPart(m[3]) {
			return x
		}
		return "DELETE FROM " + m[1]
	})
}

var selfSubquery = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`DELETE FROM ([A-Z0-9_."]+)(?: [A-Z0-9_]+)? WHERE ([A-Z0-9_."]+) (?:IN|= ?ANY) ?\( ?SELECT (?:DISTINCT )?([A-Z0-9_."]+) FROM ([A-Z0-9_."]+) ?\)`)
}}

// lastPart is a column name without its table (U.ID → ID).
func lastPart(c string) string {
	if k := strings.LastIndexByte(c, '.'); k >= 0 {
		return c[k+1:]
	}
	return c
}

// judgeSQL judges SQL text an MCP argument carries by the sql rules, each
// command it hands to the server's shell by the command rules, and the
// files it reads and writes by the path rules. (SQL on a command line
// gets the same through its effects.)
func (ev *evaluation) judgeSQL(text string) { ev.judgeSQLOn(text, false) }

// judgeSQLOn is judgeSQL, told whether the call points at a database kept
// for tests on this machine (mcpdisposable.go): the statement itself then
// carries store:disposable, which the sql rules read.
func (ev *evaluation) judgeSQLOn(text string, disposable bool) {
	s := subject{tool: toolSQL, text: text, sql: normalizeSQL(text)}
	// (not when it ATTACHes another database file in the same statement)
	if disposable && !strings.Contains(s.sql, "ATTACH") {
		s.effect = disposableStore
	}
	ev.judge(&s)
	if dyn := dynamicSQL(text); dyn != "" && !ev.denied() {
		d := subject{tool: toolSQL, text: text, sql: normalizeSQL(dyn)}
		ev.judge(&d)
	}
	if !ev.denied() && runsSQLText(text) && (computedSQL(text) || execComputed(text)) {
		// EXECUTE chr(68) || 'ROP TABLE x': a statement nobody can read
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "sql", Word: "SQL run from text computed at run time"}, toolSQL)
	}
	if !ev.denied() && loadsServerCode(text) {
		// load_extension('x.so'), shared_preload_libraries, archive_command:
		// code the server loads or runs later, which nobody here can read
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "sql", Word: "code the database server loads or runs later"}, toolSQL)
	}
	for _, p := range append(effect.SQLPrograms(text), effect.PLCommands(text)...) {
		if ev.denied() {
			return
		}
		// as on a command line (effect.sqlShellEscapes): a person should
		// look at any command SQL hands the server's shell, whatever it is
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "code", Word: "SQL runs a shell command: " + p}, toolSQL)
		if ev.denied() {
			return
		}
		ev.exec(p, false, call.ToolExec)
	}
	reads, writes := effect.SQLFiles(text)
	for _, p := range reads {
		if !ev.denied() {
			ev.pathSubject(call.ToolRead, match.CleanPath(p, ev.c.Cwd, ev.e.env.Home))
		}
	}
	for _, p := range writes {
		if !ev.denied() {
			ev.pathSubject(call.ToolWrite, match.CleanPath(p, ev.c.Cwd, ev.e.env.Home))
		}
	}
	if !ev.denied() {
		ev.judgeSQLTextWrites(text) // sqlshell.go
	}
}

// dynamicSQL returns the SQL a statement builds in string literals and
// runs (EXECUTE 'DR' || 'OP TABLE t' in a DO block or a function, EXECUTE
// IMMEDIATE, EXEC('…'), EXEC sp_executesql N'…'): the literals after the
// keyword, joined across || and + as the server joins them; and the
// commands a Redis script runs (redis.call('flushall')). It is "" when
// there is none; the caller judges it as SQL of its own.
func dynamicSQL(s string) string {
	var out strings.Builder
	vars := sqlVars(s) // sqlconst.go
	for rest := s; ; {
		k := indexFold(rest, "EXEC")
		if k < 0 {
			break
		}
		if k > 0 && isSQLWord(rest[k-1]) {
			rest = rest[k+4:]
			continue
		}
		i := k + 4
		for i < len(rest) && isSQLWord(rest[i]) {
			i++ // EXECUTE
		}
		rest = rest[i:]
		if j := indexFold(rest, "IMMEDIATE"); j >= 0 && strings.TrimSpace(rest[:j]) == "" {
			rest = rest[j+len("IMMEDIATE"):]
		}
		rest = strings.TrimLeft(rest, " \t\n(")
		if j := indexFold(rest, "SP_EXECUTESQL"); j == 0 {
			rest = strings.TrimLeft(rest[len("SP_EXECUTESQL"):], " \t\n(")
		}
		rest = writeConstant(&out, rest, vars)
	}
	// PREPARE name FROM 'DR' || 'OP TABLE t' runs when an EXECUTE of it
	// follows (MySQL's dynamic SQL): its text is judged when the call
	// executes anything.
	for rest := s; ; {
		k := indexFold(rest, "PREPARE")
		if k < 0 {
			break
		}
		rest = rest[k+len("PREPARE"):]
		f := indexFold(rest, "FROM")
		if f < 0 || indexFold(s, "EXECUTE") < 0 {
			break
		}
		rest = writeConstant(&out, strings.TrimLeft(rest[f+len("FROM"):], " \t\n"), vars)
	}
	// CALL run_sql(format('DROP TABLE %I', 'users')): a procedure handed
	// a statement's text runs it, as EXECUTE does
	for rest := s; ; {
		k := indexFold(rest, "CALL")
		if k < 0 {
			break
		}
		if k > 0 && isSQLWord(rest[k-1]) || k+4 < len(rest) && isSQLWord(rest[k+4]) {
			rest = rest[k+4:]
			continue
		}
		rest = strings.TrimLeft(rest[k+4:], " \t\n")
		i := 0
		for i < len(rest) && (isSQLWord(rest[i]) || rest[i] == '.') {
			i++
		}
		if open := strings.TrimLeft(rest[i:], " \t\n"); i > 0 && strings.HasPrefix(open, "(") {
			args, _, _ := sqlArgs(open[1:], vars, 1)
			for _, a := range args {
				if effect.ChangesSQL(a) {
					out.WriteString(a + " ; ")
				}
			}
		}
		rest = rest[i:]
	}
	// A Redis script (EVAL "return redis.call('flushall')" 0) runs the
	// command each redis.call or redis.pcall names.
	for rest := s; ; {
		k := indexFold(rest, "REDIS.")
		if k < 0 {
			break
		}
		rest = rest[k+len("REDIS."):]
		for _, call := range []string{"CALL(", "PCALL("} {
			if len(rest) >= len(call) && strings.EqualFold(rest[:len(call)], call) {
				arg := strings.TrimLeft(rest[len(call):], " \t")
				if len(arg) > 1 && (arg[0] == '\'' || arg[0] == '"') {
					if end := strings.IndexByte(arg[1:], arg[0]); end > 0 {
						out.WriteString(arg[1:end+1] + " ; ")
					}
				}
			}
		}
	}
	// Neo4j's APOC procedures run the Cypher their string arguments hold
	// (apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {}),
	// apoc.cypher.run, apoc.periodic.commit): every literal in the call.
	for rest := s; ; {
		k := indexFold(rest, "APOC.")
		if k < 0 {
			break
		}
		rest = rest[k+len("APOC."):]
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			break
		}
		name := strings.ToLower(rest[:open])
		if !apocRuns(name) {
			continue
		}
		rest = rest[open+1:]
		for {
			rest = strings.TrimLeft(rest, " \t\n,")
			if rest == "" || rest[0] != '\'' && rest[0] != '"' {
				break
			}
			q := rest[0]
			end := strings.IndexByte(rest[1:], q)
			if end < 0 {
				break
			}
			out.WriteString(rest[1:end+1] + " ; ")
			rest = rest[end+2:]
		}
	}
	if strings.TrimSpace(strings.ReplaceAll(out.String(), ";", "")) == "" {
		return ""
	}
	return out.String()
}

// apocRuns: an APOC procedure whose string arguments are Cypher it runs.
func apocRuns(name string) bool {
	switch strings.TrimSpace(name) {
	case "periodic.iterate", "periodic.commit", "periodic.submit", "periodic.repeat", "periodic.schedule",
		"cypher.run", "cypher.runmany", "cypher.dowhen", "cypher.doit", "cypher.runwrite", "cypher.runtimeboxed",
		"do.when", "do.case", "when", "case":
		return true
	}
	return false
}

// joinLiterals writes the string literals at the start of rest, joined
// across || and + as the server joins them, then " ; ", and returns what
// follows them.
func joinLiterals(out *strings.Builder, rest string) string {
	rest = strings.TrimPrefix(rest, "N") // N'…', a Unicode literal
	for strings.HasPrefix(rest, "'") {
		end := 1
		for end < len(rest) {
			if rest[end] == '\'' {
				if end+1 < len(rest) && rest[end+1] == '\'' {
					end += 2
					continue
				}
				break
			}
			end++
		}
		out.WriteString(strings.ReplaceAll(rest[1:min(end, len(rest))], "''", "'"))
		rest = strings.TrimLeft(rest[min(end+1, len(rest)):], " \t\n")
		switch {
		case strings.HasPrefix(rest, "||"):
			rest = strings.TrimLeft(rest[2:], " \t\n")
		case strings.HasPrefix(rest, "+"):
			rest = strings.TrimLeft(rest[1:], " \t\n")
		}
	}
	out.WriteString(" ; ")
	return rest
}

// indexFold is strings.Index ignoring ASCII case, for an upper-case word.
func indexFold(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return i
		}
	}
	return -1
}

func isSQLWord(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// runsSQLText reports whether SQL runs a statement made of text: the
// word EXEC or EXECUTE (EXECUTE IMMEDIATE, sp_executesql's EXEC), not
// a column named executed_at.
func runsSQLText(s string) bool {
	_, ok := execOperand(s)
	return ok
}

// execOperand returns what follows the first EXEC or EXECUTE word of s
// (and IMMEDIATE, an opening parenthesis), and whether there is one.
func execOperand(s string) (string, bool) {
	for rest := s; ; {
		k := indexFold(rest, "EXEC")
		if k < 0 {
			return "", false
		}
		end := k + 4
		if end+3 <= len(rest) && strings.EqualFold(rest[end:end+3], "UTE") {
			end += 3
		}
		if (k == 0 || !isSQLWord(rest[k-1])) && (end == len(rest) || !isSQLWord(rest[end])) {
			op := strings.TrimLeft(rest[end:], " \t\n")
			if j := indexFold(op, "IMMEDIATE"); j == 0 {
				op = op[len("IMMEDIATE"):]
			}
			return strings.TrimLeft(op, " \t\n("), true
		}
		rest = rest[k+4:]
	}
}

// execComputed reports an EXECUTE whose statement a function or a
// variable builds (EXECUTE format('DROP TABLE %I', t), EXECUTE 'DROP ' ||
// v): not a literal, and not a prepared statement's bare name.
func execComputed(s string) bool {
	op, ok := execOperand(s)
	if ok && op != "" {
		if _, _, whole := sqlConstant(op, sqlVars(s), 0); whole {
			return false // format('ANALYZE %I', 'users'): readable, judged as it reads
		}
	}
	if !ok || op == "" || op[0] == '\'' || strings.HasPrefix(op, "N'") {
		return ok && strings.Contains(op, "||") && !literalsOnly(op)
	}
	i := 0
	for i < len(op) && isSQLWord(op[i]) {
		i++
	}
	next := strings.TrimLeft(op[i:], " \t\n")
	return i > 0 && (strings.HasPrefix(next, "(") || strings.HasPrefix(next, "||"))
}

// literalsOnly reports whether an operand up to its end (";", or the
// text's end) joins string literals only.
func literalsOnly(op string) bool {
	if k := strings.IndexByte(op, ';'); k >= 0 && strings.Count(op[:k], "'")%2 == 0 {
		op = op[:k]
	}
	var b strings.Builder
	rest := joinLiterals(&b, op)
	rest = strings.TrimSpace(rest)
	return rest == "" || rest == ")" || strings.HasPrefix(strings.ToUpper(rest), "USING") || strings.HasPrefix(rest, ",")
}

// computedSQL reports dynamic SQL whose text is computed from more than
// literals (chr(), decode(), convert_from(), a variable): what runs cannot
// be read from the call.
func computedSQL(text string) bool {
	u := strings.ToUpper(text)
	for _, f := range []string{"CHR(", "CHAR(", "DECODE(", "CONVERT_FROM(", "UNHEX(", "FROM_BASE64(", "REVERSE(", "TRANSLATE("} {
		if strings.Contains(u, f) {
			return true
		}
	}
	return false
}

// serverCode matches SQL that has the server load code or keep a command
// to run later: SQLite's and SpatiaLite's load_extension, DuckDB's and
// PostgreSQL's LOAD 'file', PostgreSQL's preload settings and the
// settings whose value it runs as a command (ALTER SYSTEM SET
// archive_command = …), MySQL's CREATE FUNCTION … SONAME.
var serverCode = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\bload_extension\s*\(|\bsoname\s|(?:^|;)\s*load\s+['"]|\bset\s+(?:\w+\.)?(?:shared|session|local)_preload_libraries\b|\bset\s+(?:archive|restore|archive_cleanup|recovery_end)_command\b`)
}}

// loadsServerCode reports SQL that has the server load code or keep a
// command to run later.
func loadsServerCode(text string) bool {
	return len(text) >= 8 && serverCode.Get().MatchString(text)
}
