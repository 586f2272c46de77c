package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What a command on a test database reaches beyond it. A client connected
// to orders_test on this machine may still be made to change another
// database: its statements name one (DROP DATABASE orders, \c orders,
// USE shop, TRUNCATE shop.orders in MySQL, db.getSiblingDB("app"),
// SELECT 0 or FLUSHALL in Redis, .open or .backup in SQLite, ATTACH), or
// the server it talks to is named somewhere the words do not show (PGHOST
// set on the line, a service or option file, a port forwarded to another
// machine by ssh -L or kubectl port-forward on the same line, a container
// engine's context switched). Either makes it no database kept for tests
// on this machine.

// StatementDatabases returns the databases (or SQLite files) a client's
// statement text names beyond the one it is connected to, and whether the
// text does something that cannot be followed (runs a shell command,
// reads statements from a file, empties every database of a server).
func StatementDatabases(text, client string) (names []string, opaque bool) {
	if len(text) > 1<<16 {
		return nil, true
	}
	up := strings.ToUpper(text)
	if strings.Contains(up, "FLUSHALL") || strings.Contains(up, "SWAPDB") {
		return nil, true // Redis: every database of the server
	}
	toks := sqlTokens(withoutComments(strings.ReplaceAll(text, `\n`, " ")))
	redis, mysql := strings.Contains(client, "redis"), qualifyingClients.Get(client) || strings.Contains(client, "mysql") || strings.Contains(client, "maria")
	for k, t := range toks {
		u := strings.ToUpper(t)
		next := func(n int) string {
			if k+n < len(toks) {
				return strings.Trim(toks[k+n], "\"'`;()")
			}
			return ""
		}
		switch u {
		case `\C`, `\CONNECT`, "USE", ".OPEN", ".BACKUP", ".SAVE":
			if n := next(1); n != "" && !strings.HasPrefix(n, "-") {
				names = append(names, n)
			}
		case ".SHELL", ".SYSTEM", ".READ", `\!`, `\I`, `\IR`, `\INCLUDE`, "SOURCE", ".IMPORT", `\GEXEC`:
			return names, true // \gexec runs the statements a query builds
		case "SYSTEM":
			if mysql {
				return names, true // the mysql client's shell command
			}
		case "EVAL", "EVALSHA", "EVAL_RO", "FCALL", "FUNCTION":
			if redis {
				return names, true // a script that may SELECT and FLUSHDB another database
			}
		case "PREPARE", "EXECUTE":
			if mysql {
				return names, true // PREPARE s FROM @q: a statement built as text, run
			}
		case "DATABASE", "SCHEMA":
			if k > 0 && sqlVerbs.Get(strings.Trim(strings.ToUpper(toks[k-1]), "\"'`(")) {
				n, j := next(1), 1
				for strings.EqualFold(n, "IF") || strings.EqualFold(n, "EXISTS") || strings.EqualFold(n, "NOT") {
					j++
					n = next(j)
				}
				if n != "" && (u == "DATABASE" || mysql && !strings.EqualFold(toks[k-1], "CREATE")) {
					names = append(names, n)
				}
			}
		case "SELECT":
			// Redis SELECT n: another numbered database
			if n := next(1); redis && n != "" && strings.Trim(n, "0123456789") == "" {
				names = append(names, "redis-db-"+n)
			}
		}
		if strings.Contains(u, "DBLINK") || strings.Contains(u, "CONNECT(") || strings.Contains(u, "MONGO(") {
			return names, true // dblink_exec('dbname=orders', …), connect('mongodb://…/app'): another connection
		}
		if strings.HasPrefix(u, "USE(") || strings.Contains(u, "GETSIBLINGDB(") || strings.Contains(u, "GETDB(") {
			if _, arg, ok := strings.Cut(t, "("); ok {
				arg, _, _ = strings.Cut(arg, ")")
				names = append(names, strings.Trim(arg, "\"'` "))
			}
		}
	}
	return names, false
}

// sqlVerbs are the statements whose DATABASE or SCHEMA (in MySQL, where a
// schema is a database) names the one they act on.
var sqlVerbs = table.Map[string, bool]{Words: "DROP ALTER CREATE TRUNCATE"}

// sqlTokens splits statement text at blanks and semicolons.
func sqlTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ';' || r == ','
	})
}

// withoutComments blanks a statement's comments (/* … */, -- to the end
// of the line), which SQL reads as space (DROP DATABASE/**/orders), and
// puts a space before a quoted name written against a keyword
// (DATABASE`shop`).
func withoutComments(text string) string {
	if !strings.Contains(text, "/*") && !strings.Contains(text, "--") && !strings.Contains(text, "`") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "/*"):
			end := strings.Index(text[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			b.WriteByte(' ')
			i += end + 3
		case strings.HasPrefix(text[i:], "--"):
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				return b.String()
			}
			b.WriteByte(' ')
			i += end
		case text[i] == '`' && i > 0 && text[i-1] != '.' && (i+1 >= len(text) || text[i-1] >= 'A'):
			b.WriteString(" `")
		default:
			b.WriteByte(text[i])
		}
	}
	return b.String()
}

// QualifiedDatabases returns the databases a MySQL statement's qualified
// names name (shop.orders in DROP TABLE shop.orders): in MySQL the part
// before the dot is a database, in PostgreSQL a schema of the same one.
func QualifiedDatabases(text string) []string {
	var out []string
	toks := sqlTokens(text)
	list := false // in the list of names after TABLE, TRUNCATE, FROM…: DROP TABLE a.x, b.y
	for _, t := range toks {
		if !strings.Contains(t, ".") || strings.ContainsAny(t, "'\"(/:") {
			switch strings.ToUpper(t) {
			case "TABLE", "TABLES", "TRUNCATE", "FROM", "INTO", "UPDATE", "EXISTS", "VIEW", "JOIN":
				list = true
			default:
				list = false
			}
			continue
		}
		if list {
			db, _, _ := strings.Cut(strings.Trim(t, "`"), ".")
			if db = strings.Trim(db, "`"); db != "" {
				out = append(out, db)
			}
		}
	}
	return out
}

// qualifyingClients are the clients whose qualified names name databases.
var qualifyingClients = table.Map[string, bool]{Words: "mysql mariadb clickhouse-client"}

// ServerVarHost reports whether an environment variable names a
// database's server (PGHOST, MYSQL_HOST, REDISHOST) or a file or service
// that does (PGSERVICE, PGSERVICEFILE).
func ServerVarHost(name string) bool {
	u := strings.ToUpper(name)
	return strings.HasSuffix(u, "HOST") || strings.HasSuffix(u, "HOSTADDR") || strings.HasSuffix(u, "HOSTNAME") ||
		strings.HasSuffix(u, "SERVICE") || strings.HasSuffix(u, "SERVICEFILE") || u == "PGSYSCONFDIR"
}

// optionFiles are database clients' options that take the server from a
// file or a named service.
var optionFiles = table.Map[string, bool]{Words: "--login-path --defaults-file --defaults-extra-file --defaults-group-suffix --service"}

// forwards reports a command that opens a local port leading to another
// machine (ssh -L, kubectl port-forward, a cloud's database proxy, socat)
// or points every later container command elsewhere (docker context use).
func forwards(o *shell.Command) bool {
	switch o.Name {
	case "ssh", "autossh":
		for _, w := range o.Args {
			if strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && len(w) <= 6 && !strings.Contains(w, "=") && strings.ContainsAny(w, "LD") {
				return true
			}
		}
	case "kubectl", "oc":
		for _, w := range o.Args {
			if w == "port-forward" || w == "proxy" {
				return true
			}
		}
	case "cloud-sql-proxy", "cloud_sql_proxy", "socat", "sshuttle", "chisel", "boundary", "cloudflared", "ngrok", "inlets":
		return true
	case "flyctl", "fly", "tsh", "heroku", "railway", "gcloud", "az", "aws":
		// fly proxy 5432 -a db, tsh proxy db, gcloud compute ssh -- -L,
		// aws ssm start-session …PortForwarding…: a hosted machine's port
		// brought here
		for _, w := range o.Args {
			if w == "proxy" || w == "port-forward" || w == "tunnel" || strings.Contains(w, "PortForwarding") || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && len(w) <= 6 && strings.ContainsAny(w, "L") && o.Name == "gcloud" {
				return true
			}
		}
	case "docker", "podman":
		// docker context use prod: every later docker command goes there
		for k, w := range o.Args {
			if w == "context" && k+2 < len(o.Args) && o.Args[k+1] == "use" && o.Args[k+2] != "default" && o.Args[k+2] != "desktop-linux" {
				return true
			}
		}
	}
	return false
}

// reachesBeyond reports whether command i, a client of a test database,
// reaches beyond it (see above).
func reachesBeyond(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	for k := range res.Commands {
		o := &res.Commands[k]
		if forwards(o) {
			return true
		}
		if k != i && o.Name != "export" {
			continue
		}
		words := o.Args
		if k == i {
			words = append(o.Assigns[:len(o.Assigns):len(o.Assigns)], o.Args...)
		}
		for _, w := range words {
			if _, _, dsn := keywordDSN(w); dsn {
				continue // "host=… dbname=…": a connection string, its hosts read by Disposable
			}
			if n, v, ok := strings.Cut(w, "="); ok && !strings.HasPrefix(n, "-") && ServerVarHost(n) {
				if h := hostOnly(strings.ToLower(strings.Trim(v, `"'`))); elsewhere(h) || strings.HasSuffix(strings.ToUpper(n), "SERVICE") || strings.HasSuffix(strings.ToUpper(n), "SERVICEFILE") {
					return true
				}
			}
		}
	}
	for _, w := range c.Args {
		opt, _, _ := strings.Cut(w, "=")
		if optionFiles.Get(opt) || strings.HasPrefix(strings.ToLower(w), "service=") {
			return true
		}
	}
	for _, text := range statementTexts(res, i) {
		names, opaque := StatementDatabases(text, c.Name)
		if opaque {
			return true
		}
		if qualifyingClients.Get(c.Name) {
			names = append(names, QualifiedDatabases(text)...)
		}
		for _, n := range names {
			if rest, ok := strings.CutPrefix(n, "redis-db-"); ok {
				if rest == "0" || rest == "" {
					return true
				}
				continue
			}
			if !testName(n) && !(devName(n) && c.Name == "sqlite3") {
				return true // \c app_dev: a development database on a server is not a test's
			}
		}
	}
	return false
}

// statementTexts are the texts command i may read statements from: its
// words, its here-strings and here-documents, and what an earlier stage
// of its pipeline prints by echo, printf or cat.
func statementTexts(res *shell.Result, i int) []string {
	c := &res.Commands[i]
	out := append([]string(nil), c.Args...)
	for _, w := range c.Args {
		if o, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(o, "--") {
			out = append(out, v) // --init-command=USE shop: statements an option's value holds
		}
	}
	for _, r := range c.Redirects {
		if strings.HasPrefix(r.Op, "<<") {
			out = append(out, r.Target)
		}
	}
	if c.Stage > 0 {
		for k := range res.Commands {
			o := &res.Commands[k]
			if k != i && o.Pipeline == c.Pipeline && o.Stage < c.Stage && (o.Name == "echo" || o.Name == "printf" || o.Name == "cat") {
				out = append(out, o.Args...)
				for _, r := range o.Redirects {
					if strings.HasPrefix(r.Op, "<<") {
						out = append(out, r.Target)
					}
				}
			}
		}
	}
	return out
}
