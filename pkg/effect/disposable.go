package effect

import (
	"path/filepath"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Databases kept for tests on this machine. Emptying or dropping a
// database is asked about because what it held may be lost for good; a
// database on this machine whose every name says it is for tests
// (orders_test, test_db, RAILS_ENV=test, --settings config.settings.test),
// a numbered Redis database other than the default one, or an SQLite file
// of the project named for tests or development (test.db,
// db/dev.sqlite3: a file of the project, made by its own tooling, that rm
// may delete as freely) holds nothing a person made by hand: test suites
// empty them on every run. A development database on a server (app_dev)
// may hold what a person entered by hand, and is still asked about. Where the
// database is is read as for a change to another machine's data
// (remoteDatabase, productionWord): a host that is another machine's, a
// word naming production, or a wrapper that runs the command elsewhere
// (ssh, kubectl exec) make it no test database of this machine's. A name
// that merely holds the letters (contest_results) is not a test name: the
// name's parts are read, not its text.

// storeClients are the programs whose commands may wipe a database:
// database clients, and the task runners whose database tasks (db:reset,
// flywayClean, db:drop) the profile names. dbClients are those that are
// nothing but a database's client: their own destroying verb (dropdb)
// destroys a database and nothing else.
var (
	storeClients = table.Map[string, bool]{Words: "psql pgcli usql mycli litecli cqlsh dropdb createdb pg_restore mysql mariadb mysqladmin redis-cli mongosh mongo clickhouse-client sqlite3 duckdb prisma drizzle-kit rails rake gradlew gradle mvnw mvn flyway sequelize sequelize-cli knex typeorm manage.py python python3 npx mix php artisan sqlx dbmate liquibase migrate goose alembic atlas dotnet npm pnpm yarn bun"}
	dbClients    = table.Map[string, bool]{Words: "psql pgcli usql mycli litecli cqlsh dropdb createdb pg_restore mysql mariadb mysqladmin redis-cli mongosh mongo clickhouse-client sqlite3 duckdb"}
)

// fieldSet is the set of a text's words (table.Words).
func fieldSet(s string) map[string]bool { return table.Words(s) }

// StoreClient reports whether a program's commands may wipe a database,
// and so are worth asking Disposable about.
func StoreClient(name string) bool { return storeClients.Get(name) }

// testParts are the parts of a name that say it is for tests (app_ci: the
// database a CI run makes and drops; app_e2e: an end-to-end suite's).
var testParts = table.Map[string, bool]{Words: "test tests testing ci e2e"}

// localWrappers run a command on this machine (a container of its own is
// this machine's too); any other wrapper may run it elsewhere.
var localWrappers = table.Map[string, bool]{Words: `env time nice nohup timeout command
	docker podman docker-compose npx pnpm yarn npm
	bundle poetry uv pipenv dotenv direnv
	bash sh zsh dash`}

// engineWrappers are the container engines whose containers are this
// machine's unless the engine is pointed elsewhere (remoteEngine).
var engineWrappers = table.Map[string, bool]{Words: "docker podman docker-compose nerdctl"}

// remoteEngine reports whether a container engine on the line may be
// another machine's: an option or a variable that names its host or
// context (docker -H, --context, DOCKER_HOST, podman --url, --connection).
func remoteEngine(res *shell.Result) bool {
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, w := range append(o.Assigns[:len(o.Assigns):len(o.Assigns)], o.Args...) {
			u := strings.ToUpper(w)
			if strings.HasPrefix(u, "DOCKER_HOST=") || strings.HasPrefix(u, "DOCKER_CONTEXT=") || strings.HasPrefix(u, "DOCKER_CONFIG=") || strings.HasPrefix(u, "CONTAINER_HOST=") || strings.HasPrefix(u, "CONTAINER_CONNECTION=") || strings.HasPrefix(u, "CONTAINERD_ADDRESS=") || strings.HasPrefix(u, "CONTAINERD_NAMESPACE=") {
				return true
			}
		}
		if !o.Is(engineWrapperKind) {
			continue
		}
		if pos := positionals(o.Args); len(pos) >= 3 && pos[0] == "context" && pos[1] == "use" && !localEngineContexts.Get(pos[2]) {
			return true // docker context use prod: every later command is that machine's
		}
		for j, w := range o.Args {
			if !strings.HasPrefix(w, "-") {
				break // the engine's own options come before its subcommand
			}
			opt, val, hasVal := strings.Cut(w, "=")
			if opt == "--context" || opt == "-c" && o.Name != "podman" {
				if !hasVal && j+1 < len(o.Args) {
					val = o.Args[j+1]
				}
				if localEngineContexts.Get(val) {
					continue // docker --context desktop-linux: this machine's
				}
			}
			switch opt {
			case "-H", "--host", "--context", "-c", "--url", "--connection", "--remote", "-r":
				return true
			case "--address", "-a":
				if o.Name == "nerdctl" {
					return true // another containerd (k3s's)
				}
			case "--namespace", "-n":
				if !hasVal && j+1 < len(o.Args) {
					val = o.Args[j+1]
				}
				if o.Name == "nerdctl" && val != "default" {
					return true // Kubernetes' own containers (k8s.io)
				}
			}
			if strings.HasPrefix(w, "-H") && len(w) > 2 {
				return true
			}
		}
	}
	return false
}

// localEngineContexts are the contexts of a container engine on this
// machine (Docker Desktop's, colima's, OrbStack's, Rancher Desktop's).
var localEngineContexts = table.Map[string, bool]{Words: "default desktop-linux desktop-windows colima orbstack rancher-desktop podman-machine-default"}

// dbNameOptions are the options whose value names a database.
var dbNameOptions = table.Map[string, bool]{Words: "-d --dbname --database -D --db"}

// envOptions are the options whose value names the environment a task runs
// in (rails, sequelize, knex: --env test; django: --settings).
var envOptions = table.Map[string, bool]{Words: "--env --environment --settings"}

// hostOptions are database clients' options naming the server.
var hostOptions = table.Map[string, bool]{Words: "-h --host --hostname"}

// firstOperandDB are the clients whose first operand is a database's name
// (mongosh app_test, and the old mongo shell alike).
var firstOperandDB = table.Map[string, bool]{Words: "psql dropdb createdb mysql mariadb mongosh mongo"}

// valueShort are the short options of those clients that take a value in
// the next word, so that it is not read as an operand.
var valueShort = table.Map[string, bool]{Words: "-h -p -U -u -c -f -v -P -o -d -D -F -R -T -L"}

// singleDashLong reports whether an option word is a long option spelled
// with one dash (-database, -env, -host), as Go's flag package takes them:
// the word is the whole option's name, not a short one with its value.
func singleDashLong(opt string) bool {
	if len(opt) < 3 || opt[0] != '-' || opt[1] == '-' {
		return false
	}
	long := "-" + opt
	return dbNameOptions.Get(long) || envOptions.Get(long) || hostOptions.Get(long)
}

// testName reports whether a name's parts say it is for tests: a test
// part first (test_orders) or last, before only a number or a word for a
// database or its file (orders_test, orders_test_2, app_test_db, test.db).
// One in the middle of other words names what the data is about
// (ab_test_results: the results of A/B tests), not what it is for.
func testName(w string) bool {
	parts := strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	for k, p := range parts {
		if !testParts.Get(p) && !(strings.HasPrefix(p, "test") && strings.Trim(p[4:], "0123456789") == "") {
			continue // test2 is one too
		}
		if k == 0 {
			return true
		}
		rest := true
		for _, q := range parts[k+1:] {
			rest = rest && (strings.Trim(q, "0123456789") == "" || dbSuffixes.Get(q))
		}
		if rest {
			return true
		}
	}
	return false
}

// dbSuffixes are the words after a test part that name the database, its
// file or a settings file's extension (data-source.test.js) rather than
// what it holds.
var dbSuffixes = table.Map[string, bool]{Words: "db dbs database data sqlite sqlite3 db3 duckdb local tmp js ts mjs cjs json yml yaml toml ini env py rb exs cfg conf properties xml"}

// devName reports whether a file's name says it is the development copy
// (dev.db, development.sqlite3).
func devName(w string) bool {
	for _, p := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if p == "dev" || p == "development" {
			return true
		}
	}
	return false
}

// envKey reports whether an assignment's name is an environment's name
// (RAILS_ENV, NODE_ENV, ASPNETCORE_ENVIRONMENT, DJANGO_SETTINGS_MODULE).
func envKey(k string) bool {
	k = strings.ToUpper(k)
	return strings.HasSuffix(k, "ENV") || strings.HasSuffix(k, "ENVIRONMENT") || k == "DJANGO_SETTINGS_MODULE"
}

// dbNameKey reports whether an assignment's name is the variable by which
// a framework or client is told the name of its database (Laravel's
// DB_DATABASE, libpq's PGDATABASE, DB_NAME, DATABASE_NAME). The official
// images' POSTGRES_DB and MYSQL_DATABASE are read by the server's first
// start, not by a client or a framework: they name nothing a command
// connects to.
func dbNameKey(k string) bool { return dbNameVariables.Get(strings.ToUpper(k)) }

// dbNameVariables are those variables' names.
var dbNameVariables = table.Map[string, bool]{Words: "DB_DATABASE DB_NAME DATABASE_NAME PGDATABASE"}

// urlDatabase returns the database a database URL names (its path's first
// part), and whether w is such a URL.
func urlDatabase(w string) (string, bool) {
	l := strings.Trim(w, `"'`)
	k := strings.Index(l, "://")
	if k <= 0 {
		return "", false
	}
	scheme := strings.ToLower(l[:k])
	if j := strings.LastIndexAny(scheme, ":="); j >= 0 {
		scheme = scheme[j+1:]
	}
	if !databaseSchemes.Get(scheme) {
		return "", false
	}
	rest := l[k+3:]
	j := strings.IndexByte(rest, '/')
	if j < 0 {
		return "", true
	}
	db := rest[j+1:]
	if j := strings.IndexAny(db, "/?;"); j >= 0 {
		db = db[:j]
	}
	return db, true
}

// keywordDSN reads a libpq keyword/value connection string ("host=localhost
// user=postgres dbname=app_test sslmode=disable"): the database its dbname
// names, its host (host or hostaddr, "" when none: this machine's socket),
// and whether w is one (two or more KEY=VALUE words, dbname among them).
func keywordDSN(w string) (db, host string, ok bool) {
	w = strings.Trim(w, `"'`)
	if !strings.Contains(w, "dbname=") || !strings.Contains(w, " ") || strings.Contains(w, "://") {
		return "", "", false
	}
	for _, f := range strings.Fields(w) {
		k, v, kv := strings.Cut(f, "=")
		if !kv || !libpqKeywords.Get(k) {
			return "", "", false // PGHOST="db dbname=x": a variable's value, not a connection string
		}
		v = strings.Trim(v, `"'`)
		switch k {
		case "dbname":
			db = v
		case "host", "hostaddr":
			if host == "" || elsewhere(hostOnly(strings.ToLower(v))) {
				host = v // any host elsewhere makes the string another machine's
			}
		}
	}
	return db, host, db != ""
}

// libpqKeywords are the keywords of libpq's connection strings.
var libpqKeywords = table.Map[string, bool]{Words: `host hostaddr port dbname user password passfile
	connect_timeout client_encoding options application_name fallback_application_name
	keepalives sslmode sslcert sslkey sslrootcert sslpassword requiressl gssencmode
	target_session_attrs load_balance_hosts channel_binding`}

// sqliteURL returns the file an SQLite connection URL opens
// (sqlite://data/test.db, sqlite:dev.db?mode=rwc, sqlite:///tmp/x.db,
// sqlite::memory:, file:./test.db), and whether w is one.
func sqliteURL(w string) (string, bool) {
	l := strings.Trim(w, `"'`)
	if _, v, ok := strings.Cut(l, "="); ok && strings.HasPrefix(l, "-") {
		l = strings.Trim(v, `"'`) // --database-url=sqlite:dev.db
	}
	low := strings.ToLower(l)
	var rest string
	switch {
	case strings.HasPrefix(low, "sqlite://"), strings.HasPrefix(low, "sqlite3://"):
		rest = l[strings.Index(l, "://")+3:]
	case strings.HasPrefix(low, "sqlite:"):
		rest = l[len("sqlite:"):]
	case strings.HasPrefix(low, "file:") && sqliteFileName(low):
		// Prisma's and libSQL's spelling (DATABASE_URL=file:./test.db):
		// a file: URL of a database file, on no host
		rest = strings.TrimPrefix(l[len("file:"):], "//")
		if strings.HasPrefix(l[len("file:"):], "//") && !strings.HasPrefix(rest, "/") {
			return "", false // file://host/share/x.db: another machine's
		}
	default:
		return "", false
	}
	if rest == ":memory:" || strings.HasPrefix(rest, ":memory:?") {
		return ":memory:", true
	}
	if j := strings.IndexByte(rest, '?'); j >= 0 {
		rest = rest[:j]
	}
	return rest, rest != ""
}

// sqliteFileName reports a URL whose path, before any query, ends as an
// SQLite database file's name does (.db, .sqlite, .sqlite3, .db3).
func sqliteFileName(u string) bool {
	if j := strings.IndexByte(u, '?'); j >= 0 {
		u = u[:j]
	}
	for _, e := range []string{".db", ".sqlite", ".sqlite3", ".db3"} {
		if strings.HasSuffix(u, e) {
			return true
		}
	}
	return false
}

// Disposable reports whether command i of res works on a database kept
// for tests on this machine (see above), run in directory cwd.
func Disposable(res *shell.Result, i int, cwd string, env Env) bool {
	c := &res.Commands[i]
	if c.Name == "" || len(c.Args) == 0 {
		return false
	}
	for _, v := range c.Via {
		if !localWrappers.Get(v) {
			return false // ssh, kubectl exec: run on another machine
		}
	}
	if remoteEngine(res) {
		return false // docker -H ssh://prod exec …: another machine's engine
	}
	if f, ok := codeDatabaseFile(c); ok {
		// python3 -c "sqlite3.connect('test.db')…" (embeddedconnect.go):
		// the file it opens is the database, as sqlite3's operand is (a
		// file: no server the line could reach, no other database named
		// in its SQL, ATTACH aside)
		b := filepath.Base(f)
		if !inProject(f, cwd, env) || !testName(b) && !devName(b) || madeOnLine(res, i, f) {
			return false
		}
		a := analysis{res: res, env: env, cat: catalog.Default()}
		return a.productionWord(i) == ""
	}
	names, tests, redisDB := 0, 0, false
	name := func(n string) {
		n = strings.Trim(n, `"'`)
		if f, ok := sqliteURL(n); ok {
			// sqlx database reset -D sqlite://data/test.db: the URL is
			// the file's, judged as sqlite3's operand is below
			names++
			if f == ":memory:" || inProject(f, cwd, env) && (testName(filepath.Base(f)) || devName(filepath.Base(f))) && !madeOnLine(res, i, f) {
				tests++
			}
			return
		}
		if db, ok := urlDatabase(n); ok {
			n = db // -d postgres://localhost/orders_test
		}
		if n != "" {
			names++
			if !strings.ContainsAny(n, " =;") && testName(n) {
				tests++ // a connection string's other words name nothing here
			}
		}
	}
	for _, kv := range carriedAssigns(res, i) {
		if k, v, ok := strings.Cut(kv, "="); ok && (envKey(k) || dbNameKey(k)) {
			name(v) // RAILS_ENV=test, DB_DATABASE=app_testing php artisan migrate:fresh
		} else if _, file := sqliteURL(v); ok && file {
			name(v) // DATABASE_URL=sqlite://data/test.db sqlx database reset
		} else if _, url := urlDatabase(v); ok && url {
			// DATABASE_URL=postgres://localhost/shop_test prisma migrate
			// reset: the URL the task connects by names its database (its
			// host is read by remoteDatabase, as for every assignment)
			name(v)
		}
	}
	operand := firstOperandDB.Get(c.Name)
	for j := 0; j < len(c.Args); j++ {
		w := c.Args[j]
		next := func() string {
			if j+1 < len(c.Args) {
				j++
				return c.Args[j]
			}
			return ""
		}
		if strings.EqualFold(w, "flushall") || strings.Contains(strings.ToUpper(w), "ATTACH") {
			// every database of the server; another file attached
			return false
		}
		if _, ok := sqliteURL(w); ok {
			name(w)
			continue
		}
		if db, ok := urlDatabase(w); ok {
			operand = false // mongosh mongodb://localhost/app_test: the URL is the first operand
			if c.Name == "redis-cli" {
				redisDB = redisDB || db != "" && db != "0" && strings.Trim(db, "0123456789") == ""
				continue
			}
			name(db)
			continue
		}
		if db, host, ok := keywordDSN(w); ok {
			// goose postgres "host=localhost dbname=app_test" reset: libpq's
			// keyword/value connection string names the server and the
			// database as a URL does
			if host != "" && (!plainName(host) || elsewhere(hostOnly(strings.ToLower(host)))) {
				return false
			}
			name(db)
			continue
		}
		if len(w) < 2 || w[0] != '-' {
			if k, v, ok := strings.Cut(w, "="); ok && envKey(k) {
				name(v) // rails db:reset RAILS_ENV=test
				continue
			}
			if operand && !strings.ContainsAny(w, " /=(") {
				name(w)
				operand = false
			}
			continue
		}
		opt, val, hasVal := strings.Cut(w, "=")
		if singleDashLong(opt) {
			// migrate -database URL, goose -env test: Go's flags spell a
			// long option with one dash, not -d with "atabase" attached
			opt = "-" + opt
		}
		switch {
		case c.Name == "redis-cli" && (opt == "-n" || strings.HasPrefix(w, "-n") && len(w) > 2 && !hasVal):
			n := strings.TrimPrefix(w, "-n")
			if n == "" {
				n = next()
			}
			redisDB = n != "" && n != "0" && strings.Trim(n, "0123456789") == ""
		case dbNameOptions.Get(opt):
			if !hasVal {
				val = next()
			}
			name(val)
		case envOptions.Get(opt):
			if !hasVal {
				val = next()
			}
			name(val)
		case hostOptions.Get(opt):
			if !hasVal {
				val = next()
			}
			if elsewhere(hostOnly(strings.ToLower(strings.Trim(val, `"'`)))) {
				return false
			}
		case len(w) > 2 && w[1] != '-' && (w[:2] == "-h") && c.Name != "redis-cli":
			if elsewhere(hostOnly(strings.ToLower(w[2:]))) {
				return false // mysql -hdb.acme.net
			}
		case len(w) > 2 && w[1] != '-' && dbNameOptions.Get(w[:2]) && dbClients.Get(c.Name):
			// mysql -Dshop_test: a database client's short option with its
			// value attached; a task runner's -dir is an option of its own
			name(w[2:])
		case valueShort.Get(w) && operand:
			next()
		}
	}
	dbs, tables, readable := sqlObjects(c) // disposablesql.go
	if !readable {
		return false
	}
	switch {
	case scriptFile(c):
		dbs = nil // SQL from a file nobody here reads: the connection alone names it
	case len(dbs) > 0 && len(tables) == 0:
		names, tests = 0, 0 // only other databases dropped (disposablesql.go)
	case names == 0 && defaultDatabase(res, i) != "":
		dbs = []string{defaultDatabase(res, i)} // PGDATABASE=orders, psql -U orders: the tables are that one's
	case names == 0:
		dbs = append(dbs, tables...) // the connection names none: its tables name it
	}
	for _, d := range dbs {
		name(d)
	}
	switch {
	case c.Name == "sqlite3" || c.Name == "duckdb":
		// an embedded database: the file it opens is the database
		f := sqliteFile(c)
		if strings.Contains(f, ":") || attachesAnother(c) {
			return false // md:dev, s3://…, file:…: a service's or a URI's; ATTACH: another database's tables too
		}
		if !inProject(f, cwd, env) || !testName(filepath.Base(f)) && !devName(filepath.Base(f)) {
			return false // app.db: the project's data, not a test's
		}
		if madeOnLine(res, i, f) {
			return false // ln -sf ../data/app.db test.db: the name is the line's, the data another file's
		}
	case c.Name == "redis-cli":
		if !redisDB || names > 0 && tests < names {
			return false
		}
	case names == 0 || tests < names:
		return false
	}
	if reachesBeyond(res, i) {
		return false // DROP DATABASE orders, PGHOST=db.acme.net, ssh -L (disposablereach.go)
	}
	a := analysis{res: res, env: env, cat: catalog.Default()}
	return a.productionWord(i) == "" && a.remoteDatabase(i) == ""
}

// carriedAssigns are the assignments command i runs with: its own, and
// those written before the wrappers it was found behind (RAILS_ENV=test
// bundle exec rails db:reset, DATABASE_URL=… npx prisma migrate reset:
// the wrapper hands its environment to the command it runs), env's own
// NAME=VALUE words among them (env RAILS_ENV=test rails db:reset).
func carriedAssigns(res *shell.Result, i int) []string {
	c := &res.Commands[i]
	out := c.Assigns
	depth := len(c.Via)
	for k := i - 1; k >= 0 && depth > 0; k-- {
		o := &res.Commands[k]
		if o.Pipeline != c.Pipeline || o.Stage != c.Stage || o.Depth != c.Depth {
			break
		}
		if len(o.Via) >= depth {
			continue
		}
		depth = len(o.Via)
		if len(o.Assigns) > 0 {
			out = append(o.Assigns[:len(o.Assigns):len(o.Assigns)], out...)
		}
		if o.Name == "env" {
			out = append(envAssigns(o.Args), out...)
		}
		if containerRunners.Get(o.Name) {
			out = append(containerEnvAssigns(o.Args), out...)
		}
	}
	return out
}

// containerRunners run a command in a container, with the environment
// their -e/--env options give it (docker compose run -e RAILS_ENV=test web
// bin/rails db:reset).
var containerRunners = table.Map[string, bool]{Words: "docker podman nerdctl"}

// containerEnvAssigns are the NAME=VALUE values of a container runner's
// -e and --env options (-e NAME alone passes this shell's own, unseen).
func containerEnvAssigns(args []string) []string {
	var out []string
	for k, w := range args {
		v, ok := strings.CutPrefix(w, "--env=")
		if !ok && (w == "-e" || w == "--env") && k+1 < len(args) {
			v, ok = args[k+1], true
		}
		if ok && shellAssign(v) {
			out = append(out, v)
		}
	}
	return out
}

// attachesAnother reports an embedded database's command whose SQL
// attaches another database (ATTACH 'app.db' AS a), whose tables it may
// then drop through the one it opened.
func attachesAnother(c *shell.Command) bool {
	for _, w := range c.Args {
		for _, f := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
			if f == "attach" {
				return true
			}
		}
	}
	return false
}

// sqliteFile is the database file an sqlite3 or duckdb command opens: its
// first operand.
func sqliteFile(c *shell.Command) string {
	for j := 0; j < len(c.Args); j++ {
		w := c.Args[j]
		switch {
		case w == "-cmd" || w == "-separator" || w == "-newline" || w == "-nullvalue" || w == "-init" ||
			c.Name == "duckdb" && (w == "-c" || w == "-s"):
			j++
		case len(w) > 0 && w[0] == '-':
		default:
			return w
		}
	}
	return ""
}

// inProject reports whether file f, named in directory cwd, is inside the
// call's working directory (the project) and not the project itself.
func inProject(f, cwd string, env Env) bool {
	if f == "" || f == ":memory:" || env.Cwd == "" || strings.ContainsAny(f, "$`*?[") {
		return false
	}
	if strings.HasPrefix(f, "~") {
		return false
	}
	if !filepath.IsAbs(f) {
		f = filepath.Join(cwd, f)
	}
	f = filepath.Clean(f)
	root := filepath.Clean(env.Cwd)
	return root != "/" && root != filepath.Clean(env.Home) && strings.HasPrefix(f, root+"/")
}

// disposableStores drops, from the effects at index start on, the
// database wipes (destroy:database: flywayClean, db:drop; a database
// client's own destroying verb: dropdb) of commands that
// work on a database kept for tests on this machine, and marks their SQL
// "disposable" for the sql policies.
func (a *analysis) disposableStores(start int) {
	known, disposable := -1, false
	out := a.out[:start]
	for _, e := range a.out[start:] {
		if (e.Kind == SQL || e.Kind == Destroy && (e.Detail == "database" || e.Detail == "remote")) && e.Cmd >= 0 && e.Cmd < len(a.res.Commands) &&
			(a.res.Commands[e.Cmd].Is(storeClientKind) && (e.Kind == SQL || e.Detail == "database" || dbClients.Get(a.res.Commands[e.Cmd].Name)) ||
				e.Kind == SQL && opensEmbedded(&a.res.Commands[e.Cmd])) {
			if e.Cmd != known {
				known, disposable = e.Cmd, Disposable(a.res, e.Cmd, a.cwdOf(e.Cmd), a.env)
			}
			if disposable {
				if e.Kind == Destroy {
					continue
				}
				e.Detail = "disposable"
			}
		}
		out = append(out, e)
	}
	a.out = out
}

// cwdOf is the working directory of command i.
func (a *analysis) cwdOf(i int) string {
	if i < len(a.cwds) {
		return a.cwds[i]
	}
	return a.env.Cwd
}

// TestName reports whether a database's name says, by its parts, that it
// is for tests (orders_test, test_db; not contest_results).
func TestName(name string) bool { return testName(name) }

// LocalDatabase reads a database address (a URL whose scheme is a
// database's, or a bare host) and returns whether its host is this
// machine's (loopback, or a dotless name: a container of the project's
// own), with the database its URL path names ("" when none).
func LocalDatabase(w string) (local bool, db string) {
	w = strings.Trim(w, `"'`)
	if strings.ContainsAny(w, "$`{") {
		return false, "" // $DATABASE_URL: a variable nobody here can read
	}
	if db, ok := urlDatabase(w); ok {
		h := databaseHost(w)
		return h != "" && !elsewhere(h), db
	}
	if strings.ContainsAny(w, "/ =;") {
		return false, ""
	}
	h := hostOnly(strings.ToLower(w))
	return h != "" && !elsewhere(h), ""
}

// DisposableFile reports whether a database file (an SQLite file an MCP
// call names) is one of the project's named for tests or development
// (data/dev.db, test.db), as sqlite3's operand is read above.
func DisposableFile(f string, env Env) bool {
	b := filepath.Base(f)
	return inProject(f, env.Cwd, env) && (testName(b) || devName(b))
}

// defaultDatabase is the database a psql command connects to when its
// words name none and PGDATABASE, set for it or exported on the line,
// names it. (The user's own database, psql -U app, is left to the tables'
// names, as a server's scratch schemas are: DROP SCHEMA test_fixtures.)
func defaultDatabase(res *shell.Result, i int) string {
	c := &res.Commands[i]
	if c.Name != "psql" {
		return ""
	}
	for k := range res.Commands {
		o := &res.Commands[k]
		if k != i && o.Name != "export" {
			continue
		}
		for _, w := range append(o.Assigns[:len(o.Assigns):len(o.Assigns)], o.Args...) {
			if v, ok := strings.CutPrefix(w, "PGDATABASE="); ok && v != "" {
				return strings.Trim(v, `"'`)
			}
		}
	}
	return ""
}

// madeOnLine reports whether a command of the line before command i
// makes file f, as a link or a copy of another (ln, cp, mv, install): its
// name then says nothing of what it holds.
func madeOnLine(res *shell.Result, i int, f string) bool {
	for k := 0; k < i && k < len(res.Commands); k++ {
		o := &res.Commands[k]
		switch o.Name {
		case "ln", "cp", "mv", "install", "rsync":
			pos := positionals(o.Args)
			if len(pos) > 0 && filepath.Clean(pos[len(pos)-1]) == filepath.Clean(f) {
				return true
			}
		}
	}
	return false
}

// envAssigns are the NAME=VALUE words env sets before the command it runs
// (env -i A=1 B=2 cmd), in a new array.
func envAssigns(args []string) []string {
	var out []string
	for _, w := range args {
		switch {
		case shellAssign(w):
			out = append(out, w)
		case strings.HasPrefix(w, "-"):
		default:
			return out // the command begins
		}
	}
	return out
}
