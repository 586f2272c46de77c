package engine

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Dynamic SQL is often built from constants: EXECUTE format('DROP TABLE
// %I', 'users'), EXECUTE concat('DROP ', 'SCHEMA ', 'public'), MySQL's
// SET @q = CONCAT('TRUNCATE ', 'orders'); PREPARE s FROM @q, SQL Server's
// DECLARE @s nvarchar(100) = N'DROP DATABASE x'; EXEC sp_executesql @s.
// sqlConstant folds such an expression to its text the way the server
// would: literals joined by || or + or side by side, CONCAT and CONCAT_WS, FORMAT's %s,
// %I and %L filled from its arguments, identity quoting (quote_ident,
// QUOTENAME), and variables given a constant earlier in the same text.
// Whatever it cannot fold (a column, a function of the catalogue) ends
// the text there: what was folded before it is still the statement's
// start ('TRUNCATE ' || quote_ident(r.tablename) reads as TRUNCATE).

// maxSQLConstDepth bounds nested calls and variables.
const maxSQLConstDepth = 8

// sqlVars returns the variables SQL text gives a constant: SET @v = …,
// SET @v := …, DECLARE @v TYPE = …, and PL/pgSQL's v := ….
func sqlVars(s string) map[string]string {
	var vars map[string]string
	for _, m := range sqlVarAssign.Get().FindAllStringSubmatchIndex(s, 16) {
		name := strings.ToUpper(s[m[2]:m[3]])
		v, _, _ := sqlConstant(s[m[1]:], vars, 0)
		if v == "" {
			continue
		}
		if vars == nil {
			vars = map[string]string{}
		}
		vars[name] = v
	}
	return vars
}

var sqlVarAssign = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:\bSET\s+|\bDECLARE\s+|(?:^|[;\s]))(@{1,2}\w+|\w+)(?:\s+N?VARCHAR\s*\(\s*(?:\d+|MAX)\s*\)|\s+\w+)?\s*:?=\s*`)
}}

// sqlConstant folds the string expression at the start of rest. It returns
// the text folded, what follows the expression, and whether all of it
// was constant.
func sqlConstant(rest string, vars map[string]string, depth int) (string, string, bool) {
	var b strings.Builder
	for {
		rest = strings.TrimLeft(rest, " \t\n")
		text, next, ok := sqlTerm(rest, vars, depth)
		if ok {
			text, next = sqlCast(text, next) // sqldecode.go: '\x4452…'::bytea
		}
		b.WriteString(text)
		if !ok {
			return b.String(), next, false
		}
		rest = strings.TrimLeft(next, " \t\n")
		switch {
		case strings.HasPrefix(rest, "||"):
			rest = rest[2:]
		case strings.HasPrefix(rest, "+"):
			rest = rest[1:]
		case strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "N'"):
			// 'DR' 'OP TABLE t': adjacent literals are one (MySQL, standard SQL)
		default:
			return b.String(), rest, true
		}
	}
}

// sqlTerm folds one term: a literal, a variable, or a call of a function
// that builds text.
func sqlTerm(rest string, vars map[string]string, depth int) (string, string, bool) {
	if depth > maxSQLConstDepth || rest == "" {
		return "", rest, false
	}
	escapes := len(rest) > 1 && (rest[0] == 'E' || rest[0] == 'e') && rest[1] == '\''
	if len(rest) > 1 && (rest[0] == 'N' || rest[0] == 'n' || escapes) && rest[1] == '\'' {
		rest = rest[1:] // N'…', E'…'
	}
	if escapes {
		return sqlEscapeString(rest) // sqldecode.go: E'\x44ROP TABLE t'
	}
	if rest[0] == '\'' {
		end := 1
		for end < len(rest) {
			if rest[end] == '\'' {
				if end+1 < len(rest) && rest[end+1] == '\'' {
					end += 2
					continue
				}
				return strings.ReplaceAll(rest[1:end], "''", "'"), rest[end+1:], true
			}
			end++
		}
		return strings.ReplaceAll(rest[1:], "''", "'"), "", false
	}
	if text, next, ok := sqlBytesLiteral(rest); ok {
		return text, next, true // 0x44524f50, X'44524f50', 68
	}
	i := 0
	for i < len(rest) && (isSQLWord(rest[i]) || rest[i] == '@') {
		i++
	}
	if i == 0 {
		return "", rest, false
	}
	name := strings.ToUpper(rest[:i])
	after := strings.TrimLeft(rest[i:], " \t\n")
	if !strings.HasPrefix(after, "(") {
		v, ok := vars[name]
		return v, rest[i:], ok
	}
	if name == "CONVERT" {
		after = "(" + skipConvertType(after[1:]) // SQL Server's CONVERT(nvarchar(100), x)
	}
	args, next, ok := sqlArgs(after[1:], vars, depth+1)
	if !ok {
		if len(args) > 0 && (name == "CONCAT" || name == "FORMAT") {
			return args[0], next, false
		}
		return "", rest, false
	}
	switch name {
	case "CONCAT":
		return strings.Join(args, ""), next, true
	case "CONCAT_WS":
		if len(args) == 0 {
			return "", next, false
		}
		return strings.Join(args[1:], args[0]), next, true
	case "FORMAT":
		if len(args) == 0 {
			return "", next, false
		}
		return sqlFormat(args[0], args[1:]), next, true
	case "QUOTE_IDENT", "QUOTENAME", "QUOTE_LITERAL", "QUOTE_NULLABLE", "LOWER", "UPPER", "TRIM":
		if len(args) == 1 {
			return args[0], next, true
		}
	}
	if text, ok := sqlTextFunction(name, args); ok {
		return text, next, true // sqldecode.go: REPLACE, REVERSE, CHR, UNHEX, FROM_BASE64, decode
	}
	return "", rest, false
}

// sqlArgs folds a call's arguments up to its closing bracket.
func sqlArgs(rest string, vars map[string]string, depth int) ([]string, string, bool) {
	var args []string
	for n := 0; n < 32; n++ {
		rest = strings.TrimLeft(rest, " \t\n")
		if strings.HasPrefix(rest, ")") && n == 0 {
			return args, rest[1:], true
		}
		v, next, ok := sqlConstant(rest, vars, depth)
		if !ok {
			if v != "" {
				args = append(args, v)
			}
			return args, next, false
		}
		args = append(args, v)
		next = strings.TrimLeft(next, " \t\n")
		if after, ok := typeClause(next); ok {
			// CONVERT(x USING utf8mb4), CAST(x AS CHAR): the value's type
			return args, after, true
		}
		switch {
		case strings.HasPrefix(next, ","):
			rest = next[1:]
		case strings.HasPrefix(next, ")"):
			return args, next[1:], true
		default:
			return args, next, false
		}
	}
	return args, rest, false
}

// sqlFormat fills PostgreSQL's format() (and SQL Server's FORMATMESSAGE
// style) placeholders %s, %I and %L in order; %% is a percent sign.
func sqlFormat(f string, args []string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 >= len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		if j := positionalArg(f[i:]); j > 0 {
			// %1$I: the argument by its number
			n, i = int(f[i]-'1'), i+j
		}
		switch f[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'I', 'L', 'd':
			if n < len(args) {
				b.WriteString(args[n])
			}
			n++
		default:
			b.WriteByte('%')
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

// writeConstant writes the text of the expression at the start of rest,
// then " ; ", and returns what follows it.
func writeConstant(out *strings.Builder, rest string, vars map[string]string) string {
	text, next, _ := sqlConstant(rest, vars, 0)
	out.WriteString(text)
	out.WriteString(" ; ")
	return next
}
