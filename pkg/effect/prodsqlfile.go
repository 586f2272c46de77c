package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A file of SQL run against production: a database client (an entry that
// takes SQL on its input) given a file of statements (psql -f, sqlcmd -i,
// heroku pg:psql -f) or fed one on its input (psql "$PROD_DATABASE_URL" <
// fix.sql), with a word of the line naming production or a host whose
// name does; against another machine's database whose name says nothing,
// destroy:shared, as an inline write there is. What the file holds is not seen (unless the line wrote it:
// then its statements are judged as SQL given inline), so it is judged as the
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
		if f := &a.per[i]; f.sqlFile == 1 && (f.entry == nil || f.entry.Prop("sql-stdin") == "") {
			// Its own classification (command), the one Classify below
			// gives, takes no SQL: its words need not be searched.
			continue
		}
		// where first: most commands name no production, and classifying
		// one again costs its words
		where, kind := a.productionWord(i), "production"
		if where == "" {
			if h := a.remoteDatabase(i); h != "" {
				// another machine's database (mysql -h db.acme.internal <
				// seed.sql): shared, as an inline write there is
				where, kind = h, sharedOrProduction(h)
			}
		}
		if where == "" {
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
		if file == "" && c.Stage > 0 && cl.Entry.Prop("sql-stdin") != "" && !hasSQLWord(cl) {
			file = a.catFeeds(i) // cat fix.sql | psql "$PROD_DATABASE_URL"
			if file == "" {
				file = a.programFeeds(i) // pg_dump --clean shop_dev | psql -h db.prod…
			}
		}
		for _, w := range cl.Words {
			if w.Role == catalog.SQLFile && w.Text != "" {
				file = w.Text
			}
		}
		if file == "" || file == "/dev/null" {
			continue
		}
		if _, seen := a.fileText(file); seen {
			continue // the line wrote it: its statements are judged as SQL
		}
		if kind == "production" && where == file && a.productionWordBesides(i, file) == "" && a.remoteDatabase(i) == "" {
			// psql -h localhost -d prod_mirror -f dumps/prod.sql: only the
			// file is named for production, where its statements were
			// taken; they run against a database of this machine
			continue
		}
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: "SQL from " + file + " run against " + strings.Trim(where, `"'`)})
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

// hasSQLWord reports whether a classified command is given SQL text of its
// own (psql -c): then its input is not what it runs.
func hasSQLWord(cl catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Role == catalog.SQL {
			return true
		}
	}
	return false
}

// fileCats are programs that print the files they are given as they are
// (or unpacked), so a file they feed a client is what it runs.
var fileCats = table.Map[string, bool]{Words: "cat zcat gzcat bzcat xzcat zstdcat tac"}

// catFeeds returns the file the stage before command i of its pipeline
// prints whole (cat fix.sql | psql …), or "".
func (a *analysis) catFeeds(i int) string {
	c := &a.res.Commands[i]
	for k := i - 1; k >= 0; k-- {
		d := &a.res.Commands[k]
		if d.Pipeline != c.Pipeline || d.Stage != c.Stage-1 {
			continue
		}
		if !fileCats.Get(d.Name) {
			return ""
		}
		for _, w := range d.Args {
			if !strings.HasPrefix(w, "-") {
				return w
			}
		}
		return ""
	}
	return ""
}

// programFeeds returns, for command i fed by the stage before it in its
// pipeline, "the output of NAME" when NAME is a program whose output is
// text nobody here sees (a dump: pg_dump --clean writes DROP TABLE before
// each table; a generator), or "". Text the line spells (echo, printf) is
// judged by its statements elsewhere; a cat of a file by catFeeds (one
// that names none, gunzip | psql, passes on the stage before it).
func (a *analysis) programFeeds(i int) string {
	c := &a.res.Commands[i]
	for k := i - 1; k >= 0; k-- {
		d := &a.res.Commands[k]
		if d.Pipeline != c.Pipeline || d.Stage != c.Stage-1 {
			continue
		}
		if d.Name == "" || d.Name == "echo" || d.Name == "printf" {
			return ""
		}
		return "the output of " + d.Name
	}
	return ""
}

// schemaOnlyBefore reports an earlier stage of command i's pipeline that
// dumps a schema without its data (pg_dump -s, --schema-only, mysqldump
// --no-data): what it pipes on holds no one's records.
func (a *analysis) schemaOnlyBefore(i int) bool {
	c := &a.res.Commands[i]
	for k := 0; k < i; k++ {
		d := &a.res.Commands[k]
		if d.Pipeline != c.Pipeline || d.Stage >= c.Stage {
			continue
		}
		if schemaOnly(d) {
			return true
		}
	}
	return false
}

// schemaOnly reports a dump of a database's schema alone, no rows
// (pg_dump -s, mysqldump --no-data).
func schemaOnly(d *shell.Command) bool {
	for _, w := range d.Args {
		if w == "--schema-only" || w == "--no-data" || w == "-s" && d.Name == "pg_dump" || w == "-d" && d.Name == "mysqldump" {
			return true
		}
	}
	return false
}

// inBackupDir reports a path in a directory named for backups
// (backups/prod.sql, /srv/backup/db.dump).
func inBackupDir(p string) bool {
	dir, _ := path.Split(p)
	for part := range strings.SplitSeq(strings.ToLower(dir), "/") {
		if part == "backup" || part == "backups" || part == "bak" {
			return true
		}
	}
	return false
}

// productionWordBesides returns a word of command i other than skip that
// names production as a target (a copy of it does not), or "".
func (a *analysis) productionWordBesides(i int, skip string) string {
	for _, w := range a.res.Commands[i].Args {
		if w != skip && namesProduction(w) && !productionCopy(w) {
			return w
		}
	}
	return ""
}
