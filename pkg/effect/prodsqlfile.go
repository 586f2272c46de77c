package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A file of SQL run against production: a database client (an entry that
// takes SQL on its input) given a file of statements (psql -f, sqlcmd -i,
// heroku pg:psql -f) or fed one on its input (psql "$PROD_DATABASE_URL" <
// fix.sql), with a word of the line naming production or a host whose
// name does. What the file holds is not seen, so it is judged as the
// change it usually is: destroy:production. The same file run against a
// local or test database is everyday work, and SQL given inline is judged
// by its statements (production.go).

// sqlFileAgainstProduction adds destroy:production for the commands, from
// the effects at index start on, that run a file of SQL against production.
func (a *analysis) sqlFileAgainstProduction(start int) {
	cmds := a.res.Commands
	for i := range cmds {
		c := &cmds[i]
		if c.Name == "" || a.destroysAt(start, i) {
			continue
		}
		file := ""
		for _, r := range c.Redirects {
			if r.Op == "<" && (r.FD == "" || r.FD == "0") {
				file = r.Target
			}
		}
		cl := a.cat.Classify(c.Name, c.Args)
		if cl.Entry == nil || cl.Entry.Prop("sql-stdin") == "" && !hasSQLFileWord(cl) {
			continue
		}
		for _, w := range cl.Words {
			if w.Role == catalog.SQLFile && w.Text != "" {
				file = w.Text
			}
		}
		if file == "" || file == "/dev/null" {
			continue
		}
		where := a.productionWord(i)
		if where == "" {
			if h := a.remoteDatabase(i); h != "" && namesProduction(h) {
				where = h
			}
		}
		if where == "" {
			continue
		}
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: "SQL from " + file + " run against " + strings.Trim(where, `"'`)})
	}
}

// hasSQLFileWord reports whether a classified command has a word that is a
// file of SQL it runs (heroku pg:psql -f, whose entry is a hosting CLI's).
func hasSQLFileWord(cl catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Role == catalog.SQLFile {
			return true
		}
	}
	return false
}

// destroysAt reports whether an effect from index start on already
// destroys something through command i.
func (a *analysis) destroysAt(start, i int) bool {
	for k := start; k < len(a.out); k++ {
		if a.out[k].Kind == Destroy && a.out[k].Cmd == i {
			return true
		}
	}
	return false
}
