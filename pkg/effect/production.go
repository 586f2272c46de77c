package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// Changes made against production: a command that changes a database (SQL
// that writes or alters, a framework's migration task) with a word naming
// production among its own words or the assignments of its pipeline stage
// ("$PROD_DATABASE_URL", RAILS_ENV=production, psql prod, --project
// acme-prod), as destroy:production. Reading production is everyday work;
// the engine cannot know a URL is production unless a name says so.

// changingSQL are the statements that change data or schema.
var changingSQL = []string{"UPDATE ", "INSERT ", "DELETE ", "ALTER ", "CREATE ", "DROP ", "TRUNCATE ", "GRANT ", "REVOKE ", "MERGE ", "REPLACE "}

// migrateParts are the parts of a task name that migrate a schema.
var migrateParts = map[string]bool{"migrate": true, "migration": true, "migrations": true, "upgrade": true, "push": true}

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
		up := strings.ToUpper(e.Target)
		for _, s := range changingSQL {
			if strings.HasPrefix(up, s) || strings.Contains(up, " "+s) || strings.Contains(up, ";"+s) || strings.Contains(up, "\n"+s) {
				if w := a.productionWord(e.Cmd); w != "" {
					done = append(done, e.Cmd)
					a.add(Effect{Kind: Destroy, Cmd: e.Cmd, Detail: "production", Word: "SQL that changes data against " + w})
				}
				break
			}
		}
	}
	for i := range cmds {
		c := &cmds[i]
		if c.Name == "" || isDone(i) {
			continue
		}
		w := a.productionWord(i) // first: most lines name no production, and classifying costs
		if w == "" {
			continue
		}
		cl := a.cat.Classify(c.Name, c.Args)
		if cl.Entry == nil || cl.Entry.Prop("db-tasks") == "" && cl.Entry.Prop("db-tool") == "" {
			continue
		}
		if t := migrateTask(cl); t != "" {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " " + t + " against " + w})
		}
	}
}

// migrateTask returns the first of a command's leading words (or its
// subcommand's name) that names a migration.
func migrateTask(cl catalog.Classified) string {
	found := ""
	leadingWords(&cl, 4, func(w string) bool {
		for _, p := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == ':' || r == '.' || r == '_' || r == '-' }) {
			if migrateParts[p] {
				found = w
				return true
			}
		}
		return false
	})
	return found
}

// productionWord returns a word of command i, or an assignment in its
// pipeline stage, that names production.
func (a *analysis) productionWord(i int) string {
	cmds := a.res.Commands
	c := &cmds[i]
	for _, w := range c.Args {
		if namesProduction(w) {
			return w
		}
	}
	for k := range cmds {
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
	// runs where that command points: its words and assignments count.
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
	}
	// A command a wrapper runs (docker exec prod-db pg_dumpall, kubectl
	// exec -n prod db-0 -- pg_dump) runs where the wrapper points: the
	// wrapper's words count. It is the command before it in the same
	// stage, which the parser gives the same pipeline and stage.
	if len(c.Via) > 0 {
		for k := i - 1; k >= 0; k-- {
			o := &cmds[k]
			if o.Pipeline != c.Pipeline || o.Stage != c.Stage || o.Depth != c.Depth {
				break
			}
			for _, w := range o.Args {
				if namesProduction(w) {
					return w
				}
			}
		}
	}
	return ""
}

// namesProduction reports whether a word has a part naming production
// (acme-prod, $PROD_DATABASE_URL, RAILS_ENV=production), not merely
// containing the letters (products, reproduce).
func namesProduction(w string) bool {
	if len(w) > 256 {
		return false
	}
	var buf [16]byte // a part, lower-cased; longer parts name nothing here
	n, long := 0, false
	for i := 0; i <= len(w); i++ {
		c := byte(0)
		if i < len(w) {
			c = w[i]
		}
		if 'A' <= c && c <= 'Z' {
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
		if n > 0 && !long && productionNames[string(buf[:n])] {
			return true
		}
		n, long = 0, false
	}
	return false
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
// "db" namespace (db:migrate). A build for production (make build
// ENV=production, RAILS_ENV=production rails assets:precompile) changes
// nothing but the build.
func (a *analysis) productionTask(i int, c *shell.Command, cl *catalog.Classified) {
	if cl.Entry == nil || cl.Entry.Prop("env-tasks") == "" || helpOrDryRun(c.Args) {
		return
	}
	verb, task, prod, n := "", "", false, 0
	for _, w := range cl.Words {
		if w.Option != "" || w.Role == catalog.Command {
			continue
		}
		if n++; n > 4 {
			break
		}
		if strings.Contains(w.Text, "=") {
			continue // make VAR=VALUE: looked at below
		}
		parts := taskParts(w.Text)
		if len(parts) == 0 {
			continue
		}
		if verb == "" {
			k := 0
			if parts[0] == "db" && len(parts) > 1 {
				k = 1
			}
			if taskVerbs[parts[k]] {
				verb, task = parts[k], w.Text
				parts = parts[k+1:]
			}
		}
		for _, p := range parts {
			prod = prod || productionNames[p]
		}
	}
	if verb == "" {
		return
	}
	if verb != "publish" && !prod && !a.pointsAtProduction(i, c) {
		return
	}
	kind := "production"
	if verb == "publish" {
		kind = "publish"
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: c.Name + " " + task})
}

// taskVerbs are the verbs of tasks that change what is deployed or stored,
// or publish.
var taskVerbs = map[string]bool{
	"deploy": true, "publish": true, "release": true, "migrate": true, "upgrade": true,
	"downgrade": true, "rollback": true, "apply": true, "push": true, "seed": true,
}

// productionNames are the words that name a production environment.
var productionNames = map[string]bool{"prod": true, "production": true, "prd": true, "live": true}

// taskParts splits a task name on its separators (deploy-prod,
// db:migrate, deploy_prod, settings.production), lower-cased.
func taskParts(w string) []string {
	return strings.FieldsFunc(strings.ToLower(w), func(r rune) bool {
		return r == '-' || r == ':' || r == '_' || r == '.' || r == '/'
	})
}

// pointsAtProduction reports whether a command, or the wrappers it is run
// through (the commands before it in the same pipeline stage), carries an
// assignment or option whose value names production.
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
			if strings.Contains(w, "=") {
				if productionValue(w) {
					return true
				}
			} else if k > 0 && strings.HasPrefix(d.Args[k-1], "-") && !strings.HasPrefix(w, "-") && productionValue("="+w) {
				return true // --env production
			}
		}
	}
	return false
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
	if productionNames[strings.ToLower(v)] {
		return true
	}
	if parts := taskParts(v); len(parts) > 1 && productionNames[parts[len(parts)-1]] && !strings.Contains(v, "$") {
		return true
	}
	if k := strings.IndexByte(v, '$'); k >= 0 {
		name := strings.TrimLeft(v[k+1:], "{")
		for _, p := range taskParts(name) {
			if productionNames[p] {
				return true
			}
		}
	}
	return false
}
