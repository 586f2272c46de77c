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
