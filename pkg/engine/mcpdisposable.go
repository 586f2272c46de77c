package engine

import (
	"slices"
	"strconv"
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// An MCP call that points, by its own arguments, at a database kept for
// tests on this machine (effect/disposable.go): a host or connection
// string that is this machine's, and a database whose every name is a test
// one (orders_test) or a numbered Redis database other than 0. What such a
// call drops or empties (drop_collection, flushdb, TRUNCATE in a query) a
// test run makes again, as the same command on the shell is let be. A call
// that names no host is pointed wherever its server is configured, which
// nobody here can see: it is judged as before.

// mcpHostWords are the words an argument key (normalised) holds when it
// names a database's server or connection (host, hosts, connectionString,
// redis_url, endpoint).
var mcpHostWords = []string{"host", "server", "conn", "uri", "url", "dsn", "endpoint", "addr", "cluster"}

// mcpHostKey reports whether a normalised argument key names a server.
func mcpHostKey(k string) bool {
	for _, w := range mcpHostWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// mcpDBKeys are the argument keys (normalised) that name a database (or
// what a search engine or a wide-column store keeps as one: an index, a
// keyspace).
var mcpDBKeys = table.Map[string, bool]{Words: "database db dbname databasename index indexname keyspace"}

// mcpDisposable reports whether an MCP call's top-level arguments point at
// a database kept for tests on this machine (an SQLite file named for
// tests or development inside the project, cwd, is one too), and nothing
// in them reaches beyond it: a statement naming another database (DROP
// DATABASE orders, USE shop, shop.orders in MySQL, getSiblingDB), another
// argument naming one (target_database, a drop_database tool's name), a
// numbered Redis database 0 beside a test one, FLUSHALL, or a tunnel.
func mcpDisposable(server, tool string, args map[string]any, cwd, home string) bool {
	local, names, tests, numbered, zero := false, 0, 0, false, false
	name := func(n string) {
		names++
		if !strings.ContainsAny(n, " =;/") && effect.TestName(n) {
			tests++
		}
	}
	number := func(n int) {
		numbered = true
		zero = zero || n <= 0
	}
	if strings.Contains(strings.ToLower(tool), "flushall") {
		return false // every database of the server
	}
	dbTool := slices.ContainsFunc(ToolWords(tool), func(w string) bool { return mcpDBKeys.Get(w) || w == "schema" })
	for k, v := range args {
		nk := normKey(k)
		switch {
		case mcpTunnelKey(nk):
			return false // ssh_tunnel, bastion, proxy: localhost is another machine's
		case mcpHostKey(nk):
			s, ok := v.(string)
			if !ok {
				return false
			}
			l, db := effect.LocalDatabase(s)
			if u, ok := match.ParseURL(s); !l && ok && loopbackHost(u.Host) && (u.Scheme == "http" || u.Scheme == "https") {
				l = true // a search engine's HTTP API on this machine (localhost:9200)
			}
			if !l {
				return false // another machine's, or an address nobody can read
			}
			local = true
			if db != "" {
				if n, err := strconv.Atoi(db); err == nil {
					number(n)
				} else {
					name(db)
				}
			}
		case mcpDBKeys.Get(nk) || nk == "dbpath" || nk == "databasepath":
			switch x := v.(type) {
			case string:
				if dbFile(x) {
					// sqlite {db: data/dev.db}: a file of the project's,
					// which is where it is
					if !effect.DisposableFile(match.CleanPath(x, cwd, home), effect.Env{Home: home, Cwd: cwd}) {
						return false
					}
					local, names, tests = true, names+1, tests+1
					continue
				}
				if n, err := strconv.Atoi(x); err == nil {
					number(n)
				} else {
					name(x)
				}
			case float64:
				if x != float64(int64(x)) {
					return false
				}
				number(int(x))
			default:
				return false
			}
		case strings.Contains(nk, "database") || strings.Contains(nk, "schema") || strings.HasSuffix(nk, "db") || dbTool && nk == "name":
			// target_database, schema_name, a drop_database tool's name:
			// another database the call acts on
			s, ok := v.(string)
			if !ok {
				return false
			}
			name(s)
		}
		if s, ok := v.(string); ok && (isSQLKey(nk) || strings.Contains(nk, "sql") || nk == "command" || nk == "script" || nk == "eval") {
			if !statementStaysTest(server, s) {
				return false
			}
		}
	}
	if !local {
		return false
	}
	if names > 0 {
		return tests == names && !(numbered && zero)
	}
	return numbered && !zero
}

// statementStaysTest reports whether a statement an MCP call runs names no
// database beyond test ones (effect.StatementDatabases).
func statementStaysTest(server, text string) bool {
	names, opaque := effect.StatementDatabases(text, server)
	if opaque {
		return false
	}
	if strings.Contains(server, "mysql") || strings.Contains(server, "maria") {
		names = append(names, effect.QualifiedDatabases(text)...)
	}
	for _, n := range names {
		if rest, ok := strings.CutPrefix(n, "redis-db-"); ok {
			if rest == "0" {
				return false
			}
			continue
		}
		if !effect.TestName(n) {
			return false
		}
	}
	return true
}

// mcpTunnelKey reports an argument key that sends the connection through
// another machine (ssh_tunnel, bastion_host, jump_host, proxy).
func mcpTunnelKey(k string) bool {
	for _, w := range [...]string{"tunnel", "ssh", "bastion", "jump", "proxy"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// dbFile reports whether a database argument names a file (an SQLite
// database) rather than a server's database.
func dbFile(v string) bool {
	l := strings.ToLower(v)
	return strings.Contains(v, "/") || strings.HasSuffix(l, ".db") || strings.HasSuffix(l, ".sqlite") || strings.HasSuffix(l, ".sqlite3")
}
