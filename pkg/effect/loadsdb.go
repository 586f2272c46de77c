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
// command is given. Help, dry runs and listings (pg_restore -l) load
// nothing, nor does a database on this machine however it is named.

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
	pos := 0
	for _, w := range cl.Words {
		named := false
		if w.Option != "" {
			named = hasWord(opts, w.Option)
		} else {
			pos++
			named = hasWord(opts, strconv.Itoa(pos))
		}
		if named && productionDatabase(w.Text) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "production", Word: c.Name + " loads data into " + w.Text})
			return
		}
	}
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
