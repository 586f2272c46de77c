package effect

import (
	"strconv"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A restore or an import writes what it reads into a database: pg_restore
// -h db.prod… -d shop, mongorestore --uri "$PROD_MONGO_URL", mysqlimport
// -h prod-db app data.csv. The catalogue's "loads-db" lists the options
// that name that database (and, as a number, the positional that does);
// one naming production changes production's data, whatever else the
// command is given; "loads-db-env" the environment variables that name it
// (PGHOST, PGSERVICE), set on the line. Help, dry runs and listings
// (pg_restore -l) load nothing, nor does a database on this machine
// however it is named (-h localhost -d shop_prod_copy).

// loadsIntoProduction adds destroy:production for command i when it
// loads data into a database named for production.
func (a *analysis) loadsIntoProduction(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil || !e.HasProps() {
		return
	}
	opts := e.Prop("loads-db")
	if opts == "" || cl.Mark("dry") || helpOrDryRunOf(cl, c.Args) {
		return
	}
	var named []string // the words that name the database loaded into
	pos := 0
	for _, w := range cl.Words {
		if w.Option != "" && hasWord(opts, w.Option) {
			named = append(named, w.Text)
		} else if w.Option == "" {
			pos++
			if hasWord(opts, strconv.Itoa(pos)) {
				named = append(named, w.Text)
			}
		}
	}
	for env := range strings.SplitSeq(e.Prop("loads-db-env"), ",") {
		// PGHOST=db.prod… pg_restore -d shop, export PGHOST=…; pg_restore
		if v := a.assignedOnLine(i, c, env); env != "" && v != "" {
			named = append(named, v)
		}
	}
	for _, w := range named {
		if loopback(w) || w == "localhost" {
			return // -h localhost -d shop_prod_copy: a database here, however named
		}
	}
	for _, w := range named {
		if productionDatabase(w) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " loads data into " + w})
			return
		}
	}
}

// assignedOnLine returns the value the line gives the environment variable name
// for command i: its own assignment, or one made before it on the line
// (env NAME=V cmd, export NAME=V; cmd), or "".
func (a *analysis) assignedOnLine(i int, c *shell.Command, name string) string {
	v := ""
	for k := 0; k <= i && k < len(a.res.Commands); k++ {
		o := &a.res.Commands[k]
		words := o.Assigns
		if k < i && (o.Name == "export" || o.Name == "env" || o.Name == "declare" || o.Name == "typeset") || k == i && len(c.Via) > 0 {
			words = append(words[:len(words):len(words)], o.Args...)
		}
		for _, as := range words {
			if val, ok := strings.CutPrefix(as, name+"="); ok {
				v = val
			}
		}
	}
	return v
}

// productionDatabase reports whether a word naming a database (a host, a
// name, a URL, a variable holding one) names production and not this
// machine.
func productionDatabase(w string) bool {
	if !namesProduction(w) {
		return false
	}
	if strings.Contains(w, "://") {
		if u, ok := match.ParseURL(w); ok && (loopback(u.Host) || u.Host == "localhost") {
			return false
		}
	}
	return !loopback(w) && w != "localhost"
}

// restoresHere reports a loader whose only destroying is an option that
// empties the database before loading it (pg_restore --clean,
// mongorestore --drop, myloader --overwrite-tables), loading into a
// development or test database on this machine: every word that names
// the database (loads-db, loads-db-env) names one here (-h localhost, -d
// app_dev, a local URL, a container of the project's own), the database's
// name says development, tests or a copy (app_dev, orders_test,
// shop_prod_copy; not app_staging, nor none at all), its data comes from
// no production on the line, it is run here (no wrapper that
// runs it elsewhere), none of them naming production (but for a copy of
// it: shop_prod_copy); the dump's own name (prod.dump) says nothing.
// Restoring a dump over a development database is how one is refreshed;
// the same over another machine's is a change to shared data, and over
// production's its loss.
func (a *analysis) restoresHere(i int, c *shell.Command, cl *catalog.Classified) bool {
	e := cl.Entry
	if e == nil || !e.HasProps() || !cl.Mark("destroy") || e.Prop("destroy") != "" || e.Prop("destroy-verbs") != "" {
		return false
	}
	opts := e.Prop("loads-db")
	if opts == "" {
		return false
	}
	here := func(w string) bool {
		local, _ := LocalDatabase(w)
		return local && (!namesProduction(w) || productionCopy(w))
	}
	for _, v := range c.Via {
		if !localWrappers.Get(v) {
			return false // ssh, kubectl exec: run on another machine
		}
	}
	for k := range a.res.Commands[:i] {
		if o := &a.res.Commands[k]; o.Pipeline == c.Pipeline && a.productionWord(k) != "" {
			return false // mongodump --uri …prod… | mongorestore --drop: production's data
		}
	}
	pos, devDB := 0, false
	for _, w := range cl.Words {
		named := w.Option != "" && hasWord(opts, w.Option)
		if w.Option == "" {
			pos++
			named = hasWord(opts, strconv.Itoa(pos))
		}
		if !named {
			continue
		}
		if !here(w.Text) {
			return false
		}
		if strings.Contains(w.Option, "host") {
			continue
		}
		db := w.Text
		if d, ok := urlDatabase(db); ok {
			db = d
		}
		devDB = devDB || devName(db) || testName(db) || productionCopy(db)
	}
	if !devDB {
		return false // mongorestore --drop dump/, -d app_staging: a database others may use
	}
	for env := range strings.SplitSeq(e.Prop("loads-db-env"), ",") {
		if v := a.assignedOnLine(i, c, env); env != "" && v != "" && !here(v) {
			return false
		}
	}
	return true
}
