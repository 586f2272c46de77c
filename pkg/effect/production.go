package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// Changes made against production: a command that changes a database (SQL
// that writes or alters, a framework's migration task) with a word naming
// production among its own words or the assignments of its pipeline stage
// ("$PROD_DATABASE_URL", RAILS_ENV=production, psql prod, --project
// acme-prod), as destroy:production. Reading production is everyday work;
// the engine cannot know a URL is production unless a name says so.

// productionParts are the parts of a word that name production.
var productionParts = map[string]bool{"prod": true, "production": true, "prd": true}

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
		if n > 0 && !long && productionParts[string(buf[:n])] {
			return true
		}
		n, long = 0, false
	}
	return false
}
