package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Databases on another machine: a change made through a database's own
// address (a URL whose scheme is a database's, a connection string's
// host= or Server= key, a client's own host option: psql -h, mysql -h,
// sqlcmd -S) to a host that is not this machine is a change to
// a database others share (a staging or primary server), whatever the
// host is called; one named for production is production's. A host with
// no dot (db, postgres: a service of the project's compose file) and the
// loopback names are this machine's. A host taken from a variable cannot
// be read and is left to the variable's name (productionValue).

// databaseSchemes are the URL schemes that address a database.
var databaseSchemes = table.Map[string, bool]{Words: `postgres postgresql pg mysql mariadb mongodb
	mongodb+srv redis rediss sqlserver mssql oracle
	cockroachdb clickhouse cassandra neo4j bolt`}

// dsnHostKeys are the keys of a connection string that name its host.
var dsnHostKeys = []string{"host=", "server=", "data source=", "hostname=", "addr="}

// hostVars are the environment variables by which database clients and
// their libraries take the server's host alone (libpq's PGHOST, the
// MYSQL_HOST of mysql's and most ORMs' settings, the DB_HOST of
// frameworks' configuration).
var hostVars = table.Map[string, bool]{Words: "PGHOST PGHOSTADDR MYSQL_HOST MARIADB_HOST DB_HOST DATABASE_HOST POSTGRES_HOST POSTGRESQL_HOST MONGO_HOST MONGODB_HOST REDIS_HOST"}

// databaseHost returns the host a database address in w names, or "".
func databaseHost(w string) string {
	if len(w) > 1024 || strings.IndexByte(w, '=') < 0 && strings.IndexByte(w, ':') < 0 {
		// Both forms need one of them (a URL's "://", a key's "="):
		// most words are neither, and are not lower-cased for nothing.
		return ""
	}
	l := strings.ToLower(strings.Trim(w, `"'`))
	if k := strings.Index(l, "://"); k > 0 {
		scheme := l[:k]
		if j := strings.LastIndexFunc(scheme, notSchemeChar); j >= 0 {
			// jdbc:postgresql, db:pg, --url=postgres, ATTACH 'postgres:
			scheme = scheme[j+1:]
		}
		if !databaseSchemes.Get(scheme) {
			return ""
		}
		rest := l[k+3:]
		if _, q, ok := strings.Cut(rest, "?"); ok {
			// postgresql://localhost/db?host=db.acme.net: libpq takes the
			// query's host over the authority's
			for kv := range strings.SplitSeq(q, "&") {
				if v, ok := strings.CutPrefix(kv, "host="); ok && v != "" && !strings.HasPrefix(v, "/") {
					return hostOnly(v)
				}
				if v, ok := strings.CutPrefix(kv, "hostaddr="); ok && v != "" {
					return hostOnly(v)
				}
			}
		}
		if j := strings.IndexAny(rest, "/?;"); j >= 0 {
			rest = rest[:j]
		}
		if j := strings.LastIndexByte(rest, '@'); j >= 0 {
			rest = rest[j+1:]
		}
		if strings.Contains(rest, ",") {
			// localhost,db.acme.net: a client tries each in turn, so
			// another machine's among them is where it may land
			for h := range strings.SplitSeq(rest, ",") {
				if h = hostOnly(h); elsewhere(h) {
					return h
				}
			}
		}
		return hostOnly(rest)
	}
	for _, key := range dsnHostKeys {
		k := strings.Index(l, key)
		if k < 0 || k > 0 && l[k-1] != ' ' && l[k-1] != ';' && l[k-1] != '"' && l[k-1] != '\'' {
			continue
		}
		v := l[k+len(key):]
		if j := strings.IndexAny(v, " ;"); j >= 0 {
			v = v[:j]
		}
		v = strings.TrimPrefix(v, "tcp:")
		return hostOnly(v)
	}
	return ""
}

// hostOnly drops a port (host:5432, host,1433) and a list's other hosts.
func hostOnly(h string) string {
	if j := strings.IndexAny(h, ",:"); j >= 0 && !strings.HasPrefix(h, "[") {
		h = h[:j]
	}
	return h
}

// elsewhere reports whether a database host is another machine's.
func elsewhere(h string) bool {
	if h == "" || strings.ContainsAny(h, "$`{") || loopback(h) || h == "0.0.0.0" || h == "[::1]" {
		return false
	}
	if !strings.Contains(h, ".") {
		// db, postgres: a container of the project's own; not one named
		// for production (mysql-prod), reached by a short name
		return namesProduction(h)
	}
	for _, local := range []string{".local", ".test", "host.docker.internal"} {
		if strings.HasSuffix(h, local) {
			return false
		}
	}
	return true
}

// remoteDatabase returns the host of another machine's database that
// command i's words, or the assignments of its pipeline stage, address.
// Like productionWord it depends only on the line and is found once per
// command (linememo.go).
func (a *analysis) remoteDatabase(i int) string {
	if i < len(a.per) {
		m := &a.per[i].memo
		if !m.has(memoRemoteDatabase) {
			m.remoteDB = a.findRemoteDatabase(i)
			m.set(memoRemoteDatabase)
		}
		return m.remoteDB
	}
	return a.findRemoteDatabase(i)
}

// findRemoteDatabase is remoteDatabase, looked for.
func (a *analysis) findRemoteDatabase(i int) string {
	cmds := a.res.Commands
	c := &cmds[i]
	hostOpt := false
	for _, w := range c.Args {
		if h := databaseHost(w); elsewhere(h) {
			return h
		}
		if sharedDatabaseVar(w) {
			return w // psql "$STAGING_DATABASE_URL": the staging database, another machine's
		}
		hostOpt = hostOpt || strings.HasPrefix(w, "-h") || strings.HasPrefix(w, "--host") || strings.HasPrefix(w, "-S")
	}
	if i < len(a.per) && a.per[i].looked {
		switch e := a.per[i].entry; {
		case e == nil:
			// querytool --host=db.internal --execute=…: an unknown
			// program's option named for a server names its machine
			if h := unknownServerOption(c.Args); elsewhere(h) {
				return h
			}
		case e.Prop("sql-stdin") != "":
			// trino --server URL, cockroach --url URL: any option the
			// client's entry gives the url role names its server
			hostOpt = true
		}
	}
	if hostOpt {
		// psql -h db.staging.acme.internal, mysql -hprimary.db.acme.io,
		// sqlcmd -S: a database client's own host option (the catalogue
		// gives it the url role) names the machine as a URL would
		if h := a.clientHost(c); elsewhere(h) {
			return h
		}
	}
	for _, kv := range carriedAssigns(a.res, i) {
		// the environment a wrapper hands it (docker compose run -e
		// DATABASE_URL=postgres://db.acme.net/x web rails db:reset)
		if _, v, ok := strings.Cut(kv, "="); ok {
			if h := databaseHost(v); elsewhere(h) {
				return h
			}
		}
	}
	if !a.lineAssigns() {
		return "" // no command of the line assigns: nothing to look through
	}
	if c.Name != "" {
		// a database client's host option (psql -h, redis-cli -h,
		// mysql --host, sqlcmd -S): its value is the server
		cl := a.cat.Classify(c.Name, c.Args)
		if cl.Entry != nil && (cl.Entry.Has("interactive") || cl.Entry.Prop("sql-stdin") != "") {
			for _, w := range cl.Words {
				switch w.Option {
				case "-h", "--host", "--hostname", "-H", "-S", "--server":
					if h := hostOnly(strings.ToLower(w.Text)); elsewhere(h) {
						return h
					}
				}
			}
		}
	}
	for k := range cmds {
		o := &cmds[k]
		if k != i && (o.Pipeline != c.Pipeline || o.Stage != c.Stage) {
			continue
		}
		for _, w := range o.Assigns {
			if k, v, ok := strings.Cut(w, "="); ok {
				if h := databaseHost(v); elsewhere(h) {
					return h
				}
				if hostVars.Get(strings.ToUpper(k)) {
					// PGHOST=db.staging.internal npm run migrate: the
					// client library's own host variable names the server
					if h := hostOnly(strings.ToLower(strings.Trim(v, `"'`))); elsewhere(h) {
						return h
					}
				}
			}
		}
	}
	return ""
}

// clientHost returns the host a database client's host option names
// (an option value with the url role, of an entry that takes SQL), or "".
func (a *analysis) clientHost(c *shell.Command) string {
	cl := a.cat.Classify(c.Name, c.Args)
	if cl.Entry == nil || cl.Entry.Prop("sql-stdin") == "" {
		return ""
	}
	for _, w := range cl.Words {
		if w.Option == "" || w.Role != catalog.URL {
			continue
		}
		// trino --server https://trino.internal:8443, cockroach --url:
		// the server's address as a URL of any scheme
		return serverHost(strings.ToLower(strings.Trim(w.Text, `"'`)))
	}
	return ""
}

// notSchemeChar reports a rune that cannot be part of a URL's scheme.
func notSchemeChar(r rune) bool {
	return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '+' || r == '-' || r == '.')
}

// DatabaseElsewhere returns the host of another machine's database that a
// word addresses (a database URL, a connection string's host= key), or
// "": for judges outside this package (an MCP tool's connection
// argument), read as a client's own are.
func DatabaseElsewhere(w string) string {
	if h := databaseHost(w); elsewhere(h) {
		return h
	}
	return ""
}

// HostElsewhere reports whether a database host given alone (a tool's
// host argument, with or without a port) is another machine's.
func HostElsewhere(h string) bool { return elsewhere(hostOnly(strings.ToLower(strings.TrimSpace(h)))) }

// sharedEnvParts are the parts of a variable's name that say a shared
// environment short of production (STAGING_DATABASE_URL, QA_DB_DSN).
var sharedEnvParts = table.Map[string, bool]{Words: "STAGING STAGE STG QA UAT SHARED PREPROD PREPRODUCTION"}

// databaseVarParts are the parts of a variable's name that say it holds a
// database's address.
var databaseVarParts = table.Map[string, bool]{Words: "DATABASE DB URL URI DSN PG POSTGRES MYSQL MONGO MONGODB REDIS"}

// sharedDatabaseVar reports a word that is only a variable whose name says
// it holds a shared environment's database address ($STAGING_DATABASE_URL,
// ${QA_DB_URL}): the value cannot be read here, and a staging or QA
// database is another machine's, as its name says.
func sharedDatabaseVar(w string) bool {
	v, ok := strings.CutPrefix(w, "$")
	if !ok || len(v) > 64 {
		return false
	}
	if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
		v = v[1 : len(v)-1]
	}
	env, db := false, false
	for _, p := range strings.Split(strings.ToUpper(v), "_") {
		env = env || sharedEnvParts.Get(p)
		db = db || databaseVarParts.Get(p)
	}
	return env && db
}

// serverOptions are the names of options that name a server's machine,
// for a program the catalogue does not know.
var serverOptions = table.Map[string, bool]{Words: "-h --host --hostname --server --db-host --dbhost --addr --address"}

// unknownServerOption returns the host an unknown program's server option
// names (--host=db.internal, --server https://q.acme.io:8443, -h db.acme.io),
// or "". A lone -h is help to many programs: its value counts only when it
// has a dot, as a machine's name does.
func unknownServerOption(args []string) string {
	for k, w := range args {
		if len(w) < 2 || w[0] != '-' {
			continue
		}
		name, v, ok := strings.Cut(w, "=")
		if !serverOptions.Get(strings.ToLower(name)) {
			continue
		}
		if !ok {
			if k+1 >= len(args) {
				continue
			}
			v = args[k+1]
		}
		if name == "-h" && !strings.Contains(v, ".") {
			continue
		}
		return serverHost(strings.ToLower(strings.Trim(v, `"'`)))
	}
	return ""
}

// serverHost returns the host of an address given as a URL of any scheme
// (https://user@q.acme.io:8443/x, read by urlHost) or as HOST[:PORT].
func serverHost(t string) string {
	if strings.Contains(t, "://") {
		return urlHost(t)
	}
	return hostOnly(t)
}
