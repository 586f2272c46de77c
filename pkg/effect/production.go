package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Changes made against production: a command that changes a database (SQL
// that writes or alters, a framework's migration task) with a word naming
// production among its own words or the assignments of its pipeline stage
// ("$PROD_DATABASE_URL", RAILS_ENV=production, psql prod, --project
// acme-prod), as destroy:production. Reading production is everyday work;
// the engine cannot know a URL is production unless a name says so.

// changingSQL are the statements that change data or schema.
// A database's maintenance and session commands count too: VACUUM FULL and
// REINDEX lock tables, KILL and pg_terminate_backend end other sessions'
// work, OPTIMIZE rebuilds, FLUSH and SET GLOBAL change the server, as do
// the server's own commands below.
var changingSQL = []string{"UPDATE ", "INSERT ", "DELETE ", "ALTER ", "CREATE ", "DROP ", "TRUNCATE ", "GRANT ", "REVOKE ", "MERGE ", "REPLACE ",
	"VACUUM", "REINDEX ", "CLUSTER ", "KILL ", "PG_TERMINATE_BACKEND(", "PG_CANCEL_BACKEND(", "OPTIMIZE ", "FLUSH ", "SET GLOBAL ", "LOCK TABLE", "RENAME ", "COMMENT ON ", "REFRESH MATERIALIZED ",
	// the server itself: plugins loaded, its binary log and replication
	// reset or stopped, its settings persisted or reconfigured, a login's
	// password set, it stopped, and files it writes on its own machine
	"INSTALL PLUGIN", "INSTALL COMPONENT", "UNINSTALL ", "RESET MASTER", "RESET REPLICA", "RESET SLAVE", "RESET BINARY",
	"PURGE BINARY", "PURGE MASTER", "STOP REPLICA", "STOP SLAVE", "CHANGE MASTER", "CHANGE REPLICATION", "SHUTDOWN",
	"RECONFIGURE", "SP_CONFIGURE", "SET PERSIST", "SET PASSWORD", "INTO OUTFILE", "INTO DUMPFILE", "LO_EXPORT("}

// ChangesSQL reports whether SQL text has a statement that changes data or
// schema (UPDATE, INSERT, ALTER, CREATE, ...), as a client's -c is judged,
// for judges outside this package (an MCP database tool's statement).
func ChangesSQL(text string) bool {
	up := strings.ToUpper(text)
	return sqlChanges(up)
}

// fileRunners are a client's commands that run a file of statements
// nobody sees here (mysql's SOURCE and \., psql's \i and \ir): a change
// too, where a statement starts (a column named source is none).
var fileRunners = []string{"SOURCE ", "\\. ", "\\I ", "\\IR "}

// sqlChanges reports upper-cased SQL with a changing statement at its
// start or after a space, a semicolon, a newline, a bracket or a comment.
func sqlChanges(up string) bool {
	for _, s := range fileRunners {
		if strings.HasPrefix(strings.TrimSpace(up), s) || strings.Contains(up, ";"+s) || strings.Contains(up, "\n"+s) || strings.Contains(up, "; "+s) {
			return true
		}
	}
	if cypherChanges(up) {
		return true
	}
	for _, s := range changingSQL {
		for k := 0; k < len(up); {
			j := strings.Index(up[k:], s)
			if j < 0 {
				break
			}
			j += k
			if startsStatement(up, j) && !strings.HasSuffix(strings.TrimRight(up[:j], " \t\n"), "SHOW") {
				return true // SHOW CREATE TABLE, SHOW GRANT: a look at one
			}
			k = j + 1
		}
	}
	return false
}

// cypherChanges reports an upper-cased Cypher query (a graph database's:
// it starts by matching, unwinding or piping rows) whose SET or REMOVE
// clause changes what it matched (MATCH (u:User) SET u.plan = 'free').
// Its CREATE, MERGE, DELETE and DROP are SQL's words, found as those are;
// SQL's own SET (a session's setting, UPDATE's clause) is judged there.
func cypherChanges(up string) bool {
	q := strings.TrimSpace(up)
	if !strings.HasPrefix(q, "MATCH") && !strings.HasPrefix(q, "OPTIONAL MATCH") && !strings.HasPrefix(q, "UNWIND ") {
		return false
	}
	for _, s := range []string{"SET ", "REMOVE "} {
		for k := 0; k < len(q); {
			j := strings.Index(q[k:], s)
			if j < 0 {
				break
			}
			if j += k; startsStatement(q, j) {
				return true
			}
			k = j + 1
		}
	}
	return false
}

// startsStatement reports whether the word at j in upper-cased SQL starts
// a statement or a clause: at the start, or after a space, a semicolon, a
// newline, a tab, a bracket or a comment.
func startsStatement(up string, j int) bool {
	if j == 0 {
		return true
	}
	switch up[j-1] {
	case ' ', ';', '\n', '(', '\t':
		return true
	}
	return strings.HasSuffix(up[:j], "*/")
}

// migrateParts are the parts of a migration tool's task name that change a
// schema (goose up, liquibase update, sqitch deploy, dbmate rollback).
var migrateParts = table.Map[string, bool]{Words: `migrate migration migrations upgrade push up
	down update deploy rollback downgrade revert apply`}

// sharedOrProduction is the detail of a change to another machine's
// database: production when the host's name says so, shared otherwise.
func sharedOrProduction(host string) string {
	if namesProduction(host) {
		return "production"
	}
	return "shared"
}

// productionChanges adds destroy:production for the commands, from the
// effects at index start on, that change a database in production.
func (a *analysis) productionChanges(start int) {
	cmds := a.res.Commands
	var done []int // commands already reported, few: most lines have no SQL
	isDone := func(i int) bool {
		for _, d := range done {
			if d == i {
				return true
			}
		}
		return false
	}
	for k := start; k < len(a.out); k++ {
		e := a.out[k]
		if e.Kind != SQL || e.Cmd < 0 || e.Cmd >= len(cmds) || isDone(e.Cmd) {
			continue
		}
		if slices.ContainsFunc(cmds[e.Cmd].Args, dryRunOption) {
			continue // bq query --dry_run 'DELETE …': the statement is checked and priced, not run
		}
		up := strings.ToUpper(e.Target)
		if storeWrite(cmds[e.Cmd].Name, up) {
			// redis-cli DEL KEY, mongosh --eval 'db.x.updateOne(...)'
			done = a.changeOfData(e.Cmd, "a write to the data store", done)
			continue
		}
		if sqlChanges(up) {
			done = a.changeOfData(e.Cmd, "SQL that changes data", done)
		}
	}
	for i := range cmds {
		c := &cmds[i]
		if c.Name == "" || isDone(i) {
			continue
		}
		if f := &a.per[i]; f.looked && !dbTaskEntry(f.entry) {
			// The command's entry, found when it was read (the one
			// Classify below gives), runs no database task: the words
			// need not be searched for production.
			continue
		}
		// first: most lines name no production nor another machine's
		// database, and classifying costs
		w, kind := a.productionWord(i), "production"
		if w == "" {
			if w = a.remoteDatabase(i); w == "" {
				continue
			}
			kind = sharedOrProduction(w)
		}
		cl := a.cat.Classify(c.Name, c.Args)
		if !dbTaskEntry(cl.Entry) {
			continue
		}
		if t := migrateTask(cl); t != "" && !helpOrDryRunOf(&cl, c.Args) {
			// atlas schema apply --dry-run: the statements printed, not run
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: c.Name + " " + t + " against " + w})
		}
	}
}

// dbTaskEntry reports whether a catalogue entry runs a database's tasks or
// is a database tool (productionChanges).
func dbTaskEntry(e *catalog.Entry) bool {
	return e != nil && (e.Prop("db-tasks") != "" || e.Prop("db-tool") != "")
}

// migrateTask returns the first of a command's leading words (or its
// subcommand's name) that names a migration, unless its last verb only
// looks (db:migrate:status, migration:status).
func migrateTask(cl catalog.Classified) string {
	found := ""
	leadingWords(&cl, 4, func(w string) bool {
		if strings.ContainsAny(w, ":.") && verbClass(w) == "read" {
			return false
		}
		for _, p := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == ':' || r == '.' || r == '_' || r == '-' }) {
			if migrateParts.Get(p) {
				found = w
				return true
			}
		}
		return false
	})
	return found
}

// lineAssigns reports whether any command of the line has assignments,
// found once per analysis: productionWord asks for every command, and
// would otherwise look through every command of the line each time.
func (a *analysis) lineAssigns() bool {
	if a.assigns == 0 {
		a.assigns = 1
		for k := range a.res.Commands {
			if len(a.res.Commands[k].Assigns) > 0 {
				a.assigns = 2
				break
			}
		}
	}
	return a.assigns == 2
}

// productionWord returns a word of command i, or an assignment in its
// pipeline stage, that names production. It depends only on the line, and
// several passes ask it of every command (productionChanges,
// sqlFileAgainstProduction, the flows): it is found once per command and
// kept in the command's facts (linememo.go).
func (a *analysis) productionWord(i int) string {
	if i < len(a.per) {
		m := &a.per[i].memo
		if !m.has(memoProductionWord) {
			m.prodWord = a.findProductionWord(i)
			m.set(memoProductionWord)
		}
		return m.prodWord
	}
	return a.findProductionWord(i)
}

// findProductionWord is productionWord, looked for.
func (a *analysis) findProductionWord(i int) string {
	cmds := a.res.Commands
	c := &cmds[i]
	for _, w := range c.Args {
		if namesProduction(w) || namesProduction(attachedShortValue(w)) {
			if productionCopy(w) {
				// mysql -h 127.0.0.1 prod_mirror < dumps/prod.sql: a copy
				// of production's data, named for where it came from (a
				// host elsewhere is another machine's, shareddb.go)
				continue
			}
			return w // -nproduction: the value attached to -n
		}
	}
	for k := range cmds {
		if !a.lineAssigns() {
			break // no command of the line assigns: nothing to look through
		}
		o := &cmds[k]
		if k != i && (o.Pipeline != c.Pipeline || o.Stage != c.Stage) {
			continue
		}
		for _, w := range o.Assigns {
			if namesProduction(w) {
				return w
			}
		}
	}
	// A command run in a string another runs (ssh db.prod pg_dump, sh -c)
	// runs where that command points: its words and assignments count,
	// and those of the wrapper that runs it (kubectl exec -n prod api --
	// sh -c 'rails db:migrate').
	for k, d := i-1, c.Depth; k >= 0 && d > 0; k-- {
		o := &cmds[k]
		if o.Depth >= d {
			continue
		}
		d = o.Depth
		for _, w := range o.Args {
			if namesProduction(w) {
				return w
			}
		}
		for _, w := range o.Assigns {
			if namesProduction(w) {
				return w
			}
		}
		if w := wrapperProductionWord(cmds, k); w != "" {
			return w
		}
	}
	// A command a wrapper runs (docker exec prod-db pg_dumpall, kubectl
	// exec -n prod db-0 -- pg_dump) runs where the wrapper points.
	return wrapperProductionWord(cmds, i)
}

// wrapperProductionWord returns a word naming production among those of
// the wrappers that run command i (docker exec prod-db, kubectl exec -n
// prod db-0 --), or "". A wrapper is the command before it in the same
// stage, which the parser gives the same pipeline and stage.
func wrapperProductionWord(cmds []shell.Command, i int) string {
	c := &cmds[i]
	if len(c.Via) == 0 {
		return ""
	}
	for k := i - 1; k >= 0; k-- {
		o := &cmds[k]
		if o.Pipeline != c.Pipeline || o.Stage != c.Stage || o.Depth != c.Depth {
			break
		}
		for _, w := range o.Args {
			if namesProduction(w) && !productionCopy(w) {
				return w // (docker exec -i db mysql prod_mirror: the copy, again)
			}
		}
	}
	return ""
}

// attachedShortValue returns the value attached to a short option
// (-nproduction, -n=production: "production"), as the CLIs' option
// parsers read it, or "".
func attachedShortValue(w string) string {
	if len(w) < 3 || w[0] != '-' || w[1] == '-' {
		return ""
	}
	return strings.TrimPrefix(w[2:], "=")
}

// NamesProduction reports whether a word has a part naming production
// (acme-prod, production, PROD_URL), for judges outside this package (an
// MCP call's arguments).
func NamesProduction(w string) bool { return namesProduction(w) }

// namesProduction reports whether a word has a part naming production
// (acme-prod, $PROD_DATABASE_URL, RAILS_ENV=production, Ledger.ProdRepo),
// not merely containing the letters (products, reproduce).
func namesProduction(w string) bool {
	if len(w) > 256 {
		return false
	}
	if managedDBHost(w) {
		return true // tenanthosts.go: a managed database's host
	}
	var buf [16]byte // a part, lower-cased; longer parts name nothing here
	n, long := 0, false
	for i := 0; i <= len(w); i++ {
		c := byte(0)
		if i < len(w) {
			c = w[i]
		}
		if 'A' <= c && c <= 'Z' {
			if i > 0 && 'a' <= w[i-1] && w[i-1] <= 'z' {
				// Ledger.ProdRepo: a capital after a small letter starts a part
				if n > 0 && !long && isProductionName(string(buf[:n])) {
					return true
				}
				n, long = 0, false
			}
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if n < len(buf) {
				buf[n] = c
				n++
			} else {
				long = true
			}
			continue
		}
		if n > 0 && !long && isProductionName(string(buf[:n])) {
			return true
		}
		if k := trimDigits(buf[:n]); k > 0 && k < n && !long && isProductionName(string(buf[:k])) {
			return true // prod1, production2: a numbered production
		}
		n, long = 0, false
	}
	return false
}

// copyParts are the parts of a name that make it a copy of what the rest
// names: a mirror, a clone, a snapshot, a dump restored.
var copyParts = table.Map[string, bool]{Words: "mirror mirrored copy clone cloned snapshot snap dump restored"}

// productionCopy reports a word naming production that also names a copy
// of it (prod_mirror, prod-clone, production_snapshot): a database made
// from production's data, not production; a URL, an assignment or a
// variable is not read so.
func productionCopy(w string) bool {
	if len(w) > 64 || strings.ContainsAny(w, "$=:/@") {
		return false
	}
	for p := range strings.FieldsFuncSeq(strings.ToLower(w), func(r rune) bool { return r == '_' || r == '-' || r == '.' }) {
		if copyParts.Get(p) {
			return true
		}
	}
	return false
}

// trimDigits is the length of b without its trailing digits.
func trimDigits(b []byte) int {
	k := len(b)
	for k > 0 && b[k-1] >= '0' && b[k-1] <= '9' {
		k--
	}
	return k
}

// productionTask reports a project runner's or migration tool's task (an
// entry with "env-tasks") that changes production, or publishes:
//
//   - a task whose verb publishes (make publish, just publish-npm), as npm
//     publish does;
//   - a task whose verb deploys, migrates or releases (deploy, migrate,
//     db:migrate, upgrade, release, rollback, apply, push, seed) and that
//     the command points at production: a part of a task's name or a word
//     of its own (deploy-prod, deploy:production, just deploy prod), an
//     assignment on the command or its wrappers (RAILS_ENV=production, a
//     value taken from a variable whose name says PROD), or an option's
//     value (--env production, --settings=config.settings.production).
//
// The verb is a task's first part (docs-publish-preview is docs), after a
// namespace (db:migrate, ecto.migrate, flywayMigrate, a Gradle project's
// path :app:publishBundle); a task's name is split at its separators and
// where its case changes (publishReleaseBundle). A build for production
// (make build ENV=production, RAILS_ENV=production rails assets:precompile)
// changes nothing but the build. A publish whose name says it stays on
// this machine or is a preview (publishToMavenLocal) publishes nothing.
//
// A program the catalogue does not know, or a subcommand of a known one
// it does not list (pio pkg publish), is read the same way: its leading
// words are its subcommands (vendorctl upload, tool deploy --env
// production), as for an unknown CLI's destroying verbs.
func (a *analysis) productionTask(i int, c *shell.Command, cl *catalog.Classified) {
	unknown := a.readsVerbs(i, cl)
	if c.Name == "" || !unknown && (cl.Entry == nil || cl.Entry.Prop("env-tasks") == "") || helpOrDryRunOf(cl, c.Args) {
		return
	}
	if !unknown && cl.Entry.Prop("targets") != "" && targetDryRun(c.Args) {
		return // make -n deploy ENV=production prints what it would run
	}
	if unknown {
		if o := publishingOption(c.Args); o != "" {
			// xcrun altool --upload-app: an unknown program's own option ships
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " " + o})
			return
		}
		if cl.Entry == nil {
			if v := deployScript(c); v != "" {
				// deployscripts.go: ./scripts/deploy.sh production
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: v})
				return
			}
		}
		if (cl.Entry == nil || cl.Entry.Sub && cl.Entry.Prop("verbs-unknown") != "") && !a.pointsAtProduction(i, c) {
			// (an unlisted subcommand of a name two programs share, too:
			// Laravel's forge deploy SITE beside foundry's forge script)
			if v := unknownDeploy(cl, c.Args); v != "" {
				// unknowndeploys.go: shopify app deploy, unnamed environment
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: c.Name + " " + v})
				return
			}
			if v := unknownRelease(cl, c.Args); v != "" {
				// unknowndeploys.go: mytool release --registry https://…
				a.add(Effect{Kind: Destroy, Cmd: i, Detail: "publish", Word: c.Name + " " + v})
				return
			}
		}
	}
	verb, task, prod, n := "", "", false, 0
	stays := false
	first := "" // the first task word: a framework's own task (prodverbs.go)
	for _, w := range cl.Words {
		if w.Option != "" || w.Role == catalog.Command {
			continue
		}
		if unknown && cl.Entry != nil && w.Role != catalog.Data && w.Role != catalog.None {
			continue // a file the known program's words name (sops updatekeys deploy/prod.yaml)
		}
		if n++; n > 4 {
			break
		}
		if strings.Contains(w.Text, "=") {
			continue // make VAR=VALUE: looked at below
		}
		if first == "" && verbClass(w.Text) != "" {
			first = w.Text
		}
		if !unknown && buildTask(cl.Entry, w.Text) {
			continue // mix release: the framework's own local build
		}
		var pb [8]string
		parts := taskParts(pb[:0], w.Text)
		if len(parts) == 0 {
			continue
		}
		if wipe := namespacedWipe(parts); wipe {
			// flywayClean, liquibase:dropAll, ecto.drop: the database emptied,
			// wherever it is
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "database", Word: c.Name + " " + w.Text})
			return
		}
		if verb == "" {
			k := 0
			if (taskNamespaces.Get(parts[0]) || isProductionName(parts[0]) || stagingEnvs.Get(parts[0])) && len(parts) > 1 {
				// db:migrate, tf-apply; prod.apply, staging-deploy: the
				// environment first, the verb after it
				k = 1
				prod = prod || isProductionName(parts[0])
			}
			if k == 0 && len(parts) == 2 && unknown && strings.Count(w.Text, ":") == 1 && taskVerbs.Get(parts[1]) {
				// serverless:deploy, hosting:deploy: a CLI's topic before
				// its command, as oclif's CLIs (twilio, heroku, sf) spell it
				k = 1
			}
			if taskVerbs.Get(parts[k]) {
				verb, task = parts[k], w.Text
				parts = parts[k+1:]
			}
		}
		for _, p := range parts {
			prod = prod || isProductionName(p)
			stays = stays || verb != "" && staysHere.Get(p)
		}
	}
	if !unknown && first != "" && cl.Entry.Prop("db-tasks") != "" {
		// a framework's task runner (artisan, rake, manage.py): its task's
		// last verb says what it does (migrate:status looks, queue:restart,
		// createsuperuser and users:deactivate change)
		switch verbClass(first) {
		case "read":
			return
		case "change":
			if verb == "" {
				verb, task = first, first
			}
		}
	}
	if verb == "" {
		return
	}
	prod = prod || cl.Mark("production") // artisan migrate --force: confirmed for production
	publishes := publishVerbs.Get(verb)
	if verb == "release" && !unknown && cl.Entry.Prop("host") != "" {
		// gh workflow run release.yml: a git host's workflow runs on its
		// runners with the repository's publishing secrets, not a local
		// version bump
		publishes = true
	}
	if !unknown && publishTask(cl.Entry, verb) {
		publishes = true // rake release: the gem pushed
	}
	if unknown && a.aimedHere(i, c) {
		return // ray job submit --address http://127.0.0.1:8265: a server of this machine's (localtarget.go)
	}
	if publishes && (stays || publishesHere(a.res, i, cl)) {
		return // changeset publish --registry http://localhost:4873: a registry here (localtarget.go)
	}
	kind := "production"
	if publishes {
		kind = "publish"
	} else if !prod && !a.pointsAtProduction(i, c) && a.productionWord(i) == "" {
		// a word of its own naming production: --url postgres://prod-db/app, promote api production
		h := a.remoteDatabase(i) // a migration against another machine's database
		if h == "" {
			return
		}
		kind = sharedOrProduction(h)
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: c.Name + " " + task})
}

// taskVerbs are the verbs of tasks that change what is deployed or stored,
// or publish.
var taskVerbs = table.Map[string, bool]{Words: `deploy publish release migrate upgrade
	downgrade rollback apply push seed
	upload distribute submit update up
	retire yank deprecate unpublish promote`}

// publishVerbs are the task verbs that hand what was built to others
// wherever they point (a registry, a store, a competition, a notary), or
// change what a registry offers them of it (hex.retire, yank, deprecate).
var publishVerbs = table.Map[string, bool]{Words: `publish upload distribute submit
	retire yank deprecate unpublish`}

// taskNamespaces are the first parts of a task's name that say whose task
// it is rather than what it does (db:migrate, ecto.migrate, hex.publish,
// flywayMigrate, gitPublishPush), the infrastructure tools' among them
// (tf-apply, helm:upgrade, k8s.apply, cdk-deploy).
var taskNamespaces = table.Map[string, bool]{Words: `db ecto hex flyway liquibase git database
	tf terraform tofu terragrunt pulumi cdk cdktf
	helm k8s kube kubectl kustomize infra iac
	ansible docker image`}

// databaseNamespaces are the task namespaces of a database's tools.
var databaseNamespaces = table.Map[string, bool]{Words: "db ecto flyway liquibase database"}

// namespacedWipe reports a task name in a database tool's namespace whose
// verb drops or empties the database (flywayClean, liquibase:dropAll,
// db:drop): the verbs of dbWipeTask, and clean, which is flyway's and
// liquibase's own word for it.
func namespacedWipe(parts []string) bool {
	if len(parts) < 2 || !databaseNamespaces.Get(parts[0]) {
		return false
	}
	return dbWipeVerbs.Get(parts[1]) || parts[1] == "clean"
}

// staysLocal reports whether a publishing task's name says it stays on
// this machine or is a preview (publishToMavenLocal, upload-preview).
func staysLocal(task string) bool {
	var pb [8]string
	for _, p := range taskParts(pb[:0], task) {
		if staysHere.Get(p) {
			return true
		}
	}
	return false
}

// staysHere are the parts of a publishing task's name that keep it on this
// machine or make it a preview (publishToMavenLocal, upload-preview).
var staysHere = table.Map[string, bool]{Words: "local preview dry snapshot"}

// isProductionName reports whether a lower-case word names a production
// environment. A switch rather than a map: it is asked about every part of
// every word of every command, and a switch on a converted byte slice
// neither hashes nor allocates.
func isProductionName(w string) bool {
	switch w {
	case "prod", "production", "prd", "live":
		return true
	}
	return false
}

// taskParts appends to buf the parts of a task name, split on its
// separators (deploy-prod, db:migrate, deploy_prod, settings.production),
// lower-cased. A name in camel case is split where a lower-case letter
// meets a capital (publishReleaseBundle → publish, release, bundle), and a
// build label's package path (a Gradle project's :app:publishBundle,
// Bazel's and Buck's //services/api:deploy and @repo//k8s:prod.apply, an
// Earthly target's +deploy or ./services/api+deploy) is left out: the
// target's name is the task. The parts
// are pieces of the name itself when it is lower case already (no
// allocation: callers pass a small array of their own), else of one
// lower-cased copy.
func taskParts(buf []string, w string) []string {
	if k := strings.LastIndexByte(w, ':'); k >= 0 && (strings.HasPrefix(w, ":") || strings.HasPrefix(w, "//") || strings.HasPrefix(w, "@") && strings.Contains(w, "//")) {
		w = w[k+1:]
	} else if k := strings.LastIndexByte(w, '/'); k >= 0 && (strings.HasPrefix(w, "//") || strings.HasPrefix(w, "@") && strings.Contains(w, "//")) {
		// a Bazel or Buck label without a name, //tools/deploy, names
		// the target of its package's last directory: deploy
		w = w[k+1:]
	}
	if k := strings.LastIndexByte(w, '+'); k >= 0 && (k == 0 || strings.Contains(w[:k], "/")) {
		w = w[k+1:] // an Earthly target: +deploy-prod, ./services/api+deploy
	}
	w = lowerTaskName(w)
	for i := 0; i < len(w); {
		for i < len(w) && isTaskSep(w[i]) {
			i++
		}
		j := i
		for j < len(w) && !isTaskSep(w[j]) {
			j++
		}
		if j > i {
			buf = append(buf, w[i:j])
		}
		i = j
	}
	return buf
}

// isTaskSep reports a byte that separates a task name's parts, a rake
// task's arguments in brackets among them (release[origin]). (All are
// ASCII, so a byte test splits UTF-8 text where a rune test would.)
func isTaskSep(c byte) bool {
	return c == '-' || c == ':' || c == '_' || c == '.' || c == '/' || c == '[' || c == ']' || c == ','
}

// lowerTaskName is w lower-cased, with a '-' where a lower-case letter
// meets a capital: w itself when it has neither capitals nor other than
// ASCII.
func lowerTaskName(w string) string {
	if hasUpper(w) {
		var b strings.Builder
		b.Grow(len(w) + 4)
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				if i > 0 && w[i-1] >= 'a' && w[i-1] <= 'z' {
					b.WriteByte('-')
				}
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
		w = b.String()
	}
	return strings.ToLower(w) // what is not ASCII; w itself when all is
}

// pointsAtProduction reports whether a command, or the wrappers it is run
// through (the commands before it in the same pipeline stage), carries an
// assignment or option whose value names production, or a flag that is
// production's name (--prod, --production).
func (a *analysis) pointsAtProduction(i int, c *shell.Command) bool {
	for j := i; j >= 0; j-- {
		d := &a.res.Commands[j]
		if j < i && (d.Pipeline != c.Pipeline || d.Stage != c.Stage) {
			break
		}
		for _, w := range d.Assigns {
			if productionValue(w) {
				return true
			}
		}
		for k, w := range d.Args {
			if name, ok := strings.CutPrefix(w, "--"); ok && isProductionName(strings.ToLower(name)) {
				return true // deploy --prod: a flag of its own naming production
			}
			if strings.Contains(w, "=") {
				if productionValue(w) {
					return true
				}
			} else if k > 0 && strings.HasPrefix(d.Args[k-1], "-") && !strings.HasPrefix(w, "-") && (productionValue("="+w) || productionAddress(w)) {
				return true // --env production, -m flink-prod.internal:8081
			}
		}
	}
	return false
}

// productionAddress reports an option's value that is a server's address,
// host:port or a URL, whose host names production (-m
// flink-prod.internal:8081, -b kafka-prod-1:9092, --url
// https://api.prod.acme.io): the program is pointed at production's
// server.
func productionAddress(w string) bool {
	host := w
	if k := strings.Index(host, "://"); k >= 0 {
		host = host[k+3:]
		if j := strings.IndexAny(host, "/?#"); j >= 0 {
			host = host[:j]
		}
	} else {
		h, port, ok := strings.Cut(host, ":")
		if !ok || port == "" || strings.Trim(port, "0123456789") != "" {
			return false // only host:port is an address without a scheme
		}
		host = h
	}
	if k := strings.LastIndexByte(host, '@'); k >= 0 {
		host = host[k+1:]
	}
	if k := strings.LastIndexByte(host, ':'); k >= 0 {
		host = host[:k]
	}
	return host != "" && namesProduction(host)
}

// productionValue reports whether NAME=VALUE (or an option's =VALUE) names
// production: the value, or its last dotted part
// (config.settings.production), or a variable whose name says PROD
// ($PROD_DATABASE_URL).
func productionValue(kv string) bool {
	_, v, ok := strings.Cut(kv, "=")
	if !ok || v == "" {
		return false
	}
	v = strings.Trim(v, `"'`)
	if isProductionName(strings.ToLower(v)) {
		return true
	}
	var pb [8]string
	if parts := taskParts(pb[:0], v); len(parts) > 1 && isProductionName(parts[len(parts)-1]) && !strings.Contains(v, "$") {
		return true
	}
	if k := strings.IndexByte(v, '$'); k >= 0 {
		name := strings.TrimLeft(v[k+1:], "{")
		for _, p := range taskParts(pb[:0], name) {
			if isProductionName(p) {
				return true
			}
		}
	}
	return false
}

// publishingOption returns an option of a program's own (before "--")
// whose name is a publishing verb's (--upload-app, --publish), or one done
// after the build on its own (--auto-submit, --auto-publish), unless its
// name says it stays here (--publish-local) or its value declines
// (electron-builder --publish never, --publish=false), or one that makes
// what it creates public (--public, --visibility=public), or "".
func publishingOption(args []string) string {
	for i, a := range args {
		if a == "--" {
			return ""
		}
		name, ok := strings.CutPrefix(a, "--")
		if !ok {
			continue
		}
		name, val, _ := strings.Cut(name, "=")
		if name == "public" || name == "visibility" && strings.EqualFold(val, "public") {
			return a // kaggle datasets create --public: made for everyone to see
		}
		var pb [8]string
		parts := taskParts(pb[:0], name)
		if len(parts) > 1 && parts[0] == "auto" {
			parts = parts[1:]
		}
		if len(parts) > 0 && publishVerbs.Get(parts[0]) && !staysLocal(name) {
			if !strings.Contains(a, "=") && i+1 < len(args) {
				val = args[i+1]
			}
			if declines(val) {
				continue
			}
			return a
		}
	}
	return ""
}

// declines reports whether an option's value turns what it names off
// (never, false, no, none, off, 0).
func declines(val string) bool {
	switch strings.ToLower(val) {
	case "never", "false", "no", "none", "off", "0":
		return true
	}
	return false
}

// storeWrites are, by client, the commands of a data store that is not
// SQL which change what it holds: a key-value store's writes (a word of
// its own) and a document store's write methods (in its JavaScript).
var storeWrites = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"redis": {"DEL", "UNLINK", "SET", "SETEX", "MSET", "HSET", "HDEL", "HMSET", "EXPIRE", "PEXPIRE", "PERSIST", "RENAME", "LPUSH", "RPUSH", "LPOP", "RPOP", "LREM", "LTRIM", "SADD", "SREM", "SPOP", "ZADD", "ZREM", "ZREMRANGEBYSCORE", "INCR", "INCRBY", "DECR", "DECRBY", "APPEND", "GETDEL", "XADD", "XDEL", "XTRIM", "FLUSHALL", "FLUSHDB", "EVAL", "EVALSHA", "FCALL", "CONFIG", "SCRIPT", "RESTORE", "MIGRATE", "SWAPDB", "MOVE", "COPY", "SHUTDOWN"},
		"mongo": {".UPDATEONE(", ".UPDATEMANY(", ".DELETEONE(", ".DELETEMANY(", ".INSERTONE(", ".INSERTMANY(", ".INSERT(", ".UPDATE(", ".REMOVE(", ".DROP(", ".DROPDATABASE(", ".REPLACEONE(", ".FINDONEANDUPDATE(", ".FINDONEANDDELETE(", ".FINDONEANDREPLACE(", ".RENAMECOLLECTION(", ".BULKWRITE(", ".CREATEINDEX(", ".DROPINDEX(", ".DROPINDEXES(",
			// who may do what: users and roles made, changed, dropped
			".CREATEUSER(", ".UPDATEUSER(", ".DROPUSER(", ".DROPALLUSERS(", ".CHANGEUSERPASSWORD(", ".GRANTROLESTOUSER(",
			".REVOKEROLESFROMUSER(", ".CREATEROLE(", ".UPDATEROLE(", ".DROPROLE(", ".GRANTPRIVILEGESTOROLE(", ".GRANTROLESTOROLE(",
			".CREATECOLLECTION(", ".SHUTDOWNSERVER("},
	}
}}

// redisAdminWrites are Redis's commands that read or change by their
// second word, and the second words that change.
var redisAdminWrites = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"CONFIG": {"SET", "REWRITE", "RESETSTAT"},
		"SCRIPT": {"FLUSH", "LOAD", "KILL"},
		"ACL":    {"SETUSER", "DELUSER", "LOAD"},
	}
}}

// storeWrite reports whether up (a word or script of a data store's
// client, upper-cased) changes what the store holds.
func storeWrite(client, up string) bool {
	switch client {
	case "redis-cli", "valkey-cli", "keydb-cli":
		first, rest, _ := strings.Cut(strings.TrimSpace(up), " ")
		if subs, ok := redisAdminWrites.Lookup(first); ok {
			// CONFIG GET, SCRIPT EXISTS read; CONFIG SET, SCRIPT FLUSH
			// change the server (a lone CONFIG word is judged with the
			// words after it: redis-cli's words are one command too)
			second, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
			return slices.Contains(subs, second)
		}
		for _, w := range storeWrites.Get("redis") {
			if first == w {
				return true
			}
		}
	case "mongosh", "mongo":
		for _, w := range storeWrites.Get("mongo") {
			if strings.Contains(up, w) {
				return true
			}
		}
	}
	return false
}

// changeOfData adds the effect of a change to data made by command i (what
// says how) when a word of the line names production or the database is
// on another machine, and returns done with i added when it did.
func (a *analysis) changeOfData(i int, what string, done []int) []int {
	if w := a.productionWord(i); w != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: what + " against " + w})
		return append(done, i)
	}
	if h := a.remoteDatabase(i); h != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: sharedOrProduction(h), Word: what + " on " + h})
		return append(done, i)
	}
	return done
}
