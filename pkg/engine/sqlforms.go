package engine

import (
	"regexp"
	"strings"
	"sync"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
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
	return deleteForms().ReplaceAllString(s, "${1}DELETE FROM ${2}")
}

var deleteForms = sync.OnceValue(func() *regexp.Regexp {
	start := `(^|; ?|\( ?|\bTHEN )`
	mods := `(?:(?:LOW_PRIORITY|QUICK|IGNORE) )*`
	top := `(?:TOP ?\( ?[^)]*\) ?(?:PERCENT )?)?`
	// DELETE [mods] [TOP (n) [PERCENT]] [alias[, alias...]] [FROM] T
	return regexp.MustCompile(start + `DELETE ` + mods + top + `(?:(?:[A-Z_][A-Z0-9_.]*(?: ?, ?[A-Z_][A-Z0-9_.]*)*) FROM |FROM )?([A-Z_"\[])`)
})

// mergeDeletes adds DELETE FROM T to a MERGE INTO T whose ON condition
// holds for every row and that deletes what it matches.
func mergeDeletes(s string) string {
	if !strings.Contains(s, "MERGE INTO ") || !strings.Contains(s, "THEN DELETE") {
		return s
	}
	m := mergeForm().FindStringSubmatch(s)
	if m == nil || !alwaysTrue(m[2]) {
		return s
	}
	return s + "; DELETE FROM " + m[1]
}

var mergeForm = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`MERGE INTO ([A-Z_"\[][A-Z0-9_."\]]*)[^;]*? ON (.*?) WHEN MATCHED (?:AND [^;]*? )?THEN DELETE`)
})

// selfSubqueries drops a WHERE that keeps the rows of the table itself:
// DELETE FROM T WHERE C IN (SELECT C FROM T), C = ANY (SELECT C FROM T).
func selfSubqueries(s string) string {
	if !strings.Contains(s, "(SELECT ") && !strings.Contains(s, "( SELECT ") {
		return s
	}
	return selfSubquery().ReplaceAllStringFunc(s, func(x string) string {
		m := selfSubquery().FindStringSubmatch(x)
		if m == nil || m[1] != m[4] || lastPart(m[2]) != lastPart(m[3]) {
			return x
		}
		return "DELETE FROM " + m[1]
	})
}

var selfSubquery = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`DELETE FROM ([A-Z0-9_."]+)(?: [A-Z0-9_]+)? WHERE ([A-Z0-9_."]+) (?:IN|= ?ANY) ?\( ?SELECT (?:DISTINCT )?([A-Z0-9_."]+) FROM ([A-Z0-9_."]+) ?\)`)
})

// lastPart is a column name without its table (U.ID → ID).
func lastPart(c string) string {
	if k := strings.LastIndexByte(c, '.'); k >= 0 {
		return c[k+1:]
	}
	return c
}

// sqlPrograms returns the shell commands a statement hands to the database
// server's shell: PostgreSQL's COPY … TO PROGRAM 'cmd' and FROM PROGRAM.
func sqlPrograms(raw string) []string {
	if len(raw) < 12 {
		return nil
	}
	u := strings.ToUpper(raw)
	var out []string
	for off := 0; ; {
		i := strings.Index(u[off:], "PROGRAM")
		if i < 0 {
			return out
		}
		i += off + len("PROGRAM")
		off = i
		rest := strings.TrimLeft(raw[i:], " \t\n")
		if rest == "" || rest[0] != '\'' && rest[0] != '"' && rest[0] != '$' {
			continue
		}
		q := rest[:1]
		if q == "$" { // $$…$$ or $tag$…$tag$
			k := strings.IndexByte(rest[1:], '$')
			if k < 0 {
				continue
			}
			q = rest[:k+2]
		}
		body := rest[len(q):]
		end := strings.Index(body, q)
		for q == "'" && end >= 0 && end+1 < len(body) && body[end+1] == '\'' {
			// '' is a quote inside the literal
			next := strings.Index(body[end+2:], q)
			if next < 0 {
				end = -1
				break
			}
			end += 2 + next
		}
		if end >= 0 {
			out = append(out, strings.ReplaceAll(body[:end], "''", "'"))
		}
	}
}

// judgeSQL judges SQL text an MCP argument carries by the sql rules, each
// command it hands to the server's shell by the command rules, and the
// files it reads and writes by the path rules. (SQL on a command line
// gets the same through its effects.)
func (ev *evaluation) judgeSQL(text string) {
	s := subject{tool: toolSQL, text: text, sql: normalizeSQL(text)}
	ev.judge(&s)
	if dyn := dynamicSQL(text); dyn != "" && !ev.denied() {
		d := subject{tool: toolSQL, text: text, sql: normalizeSQL(dyn)}
		ev.judge(&d)
		if computedSQL(text) && !ev.denied() {
			// EXECUTE chr(68) || 'ROP TABLE x': a statement nobody can read
			ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "sql", Word: "SQL run from text computed at run time"}, toolSQL)
		}
	}
	for _, p := range sqlPrograms(text) {
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
}

// dynamicSQL returns the statement SQL builds at run time from string
// literals and runs (PL/pgSQL's EXECUTE, EXECUTE IMMEDIATE, PREPARE …
// FROM, sp_executesql): the literals joined, so EXECUTE 'DROP TABLE ' ||
// 'users' is judged as DROP TABLE users. "" when the text runs none.
func dynamicSQL(text string) string {
	u := strings.ToUpper(text)
	if !strings.Contains(u, "EXECUTE") && !strings.Contains(u, "PREPARE") && !strings.Contains(u, "SP_EXECUTESQL") {
		return ""
	}
	var b strings.Builder
	for rest := text; ; {
		i := strings.IndexByte(rest, '\'')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+1:], '\'')
		if j < 0 {
			break
		}
		b.WriteString(rest[i+1 : i+1+j])
		rest = rest[i+j+2:]
	}
	return b.String()
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
