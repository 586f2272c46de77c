package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// Where an MCP database tool's SQL lands: a connection URL, a connection
// string or a host argument naming another machine's database makes a
// write there a change to a database others share, as psql -h HOST -c
// does on the shell (effect/shareddb.go reads both). A database on this
// machine, a compose service's name (db) and a tool given no address (its
// own configured database, judged by its statement and targets) are not.

// hostKeys are the argument names that give a database's host alone.
var hostKeys = &table.Map[string, bool]{Words: "host hostname server address addr"}

// databaseElsewhere returns the host of another machine's database that
// the arguments address, looking into nested objects a few levels.
func databaseElsewhere(args map[string]any, depth int) string {
	if depth > 3 {
		return ""
	}
	for k, v := range args {
		switch x := v.(type) {
		case string:
			nk := normKey(k)
			if isSQLKey(nk) || strings.Contains(nk, "sql") {
				continue // the statement itself (SET host = 'db.acme.net')
			}
			if hostKeys.Get(nk) && effect.HostElsewhere(x) {
				return x
			}
			if h := effect.DatabaseElsewhere(x); h != "" {
				return h
			}
		case map[string]any:
			if h := databaseElsewhere(x, depth+1); h != "" {
				return h
			}
		}
	}
	return ""
}
