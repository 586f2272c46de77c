package effect

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// SQL can run statements it holds as text: a query whose rows psql runs
// (SELECT 'DROP DATABASE orders' \gexec, format('DROP TABLE %I', …)), a
// function that runs one on another connection (dblink_exec('dbname=orders',
// 'TRUNCATE users')), a block's EXECUTE. Each quoted literal of a
// statement that is itself a destroying statement is judged as one more
// statement of the same command, when the command has a way to run text
// as statements (statementRunners); a literal that is only data (WHERE
// action = 'DROP TABLE') is none.

// embeddedStatement matches text that is a destroying statement.
var embeddedStatement = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)^\s*(DROP\s+(DATABASE|SCHEMA|TABLE|VIEW|INDEX|KEYSPACE|USER|ROLE|OWNED|MATERIALIZED)|TRUNCATE|DELETE\s+FROM|UPDATE\s+\S+\s+SET|ALTER\s+TABLE)\b`)
}}

// embeddedStatements returns the single-quoted literals of SQL text that
// are destroying statements.
func embeddedStatements(text string) []string {
	if len(text) > 1<<16 || !strings.Contains(text, "'") {
		return nil
	}
	var out []string
	for rest := text; ; {
		i := strings.IndexByte(rest, '\'')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+1:], '\'')
		if j < 0 {
			break
		}
		if lit := rest[i+1 : i+1+j]; embeddedStatement.Get().MatchString(lit) {
			out = append(out, lit)
		}
		rest = rest[i+j+2:]
	}
	return out
}

// statementRunners are what makes SQL text run as statements: psql's
// \gexec, dblink's functions, EXECUTE in a block, T-SQL's sp_executesql.
var statementRunners = []string{`\gexec`, "dblink", "execute ", "execute(", "sp_executesql", "exec("}

// runsStatementText reports a command whose words hold a statementRunner.
func runsStatementText(c *shell.Command) bool {
	for _, w := range c.Args {
		l := strings.ToLower(w)
		for _, r := range statementRunners {
			if strings.Contains(l, r) {
				return true
			}
		}
	}
	return false
}
