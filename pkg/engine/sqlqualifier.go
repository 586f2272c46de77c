package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
)

// A warehouse's statement names where the table it changes lives: its
// project, database or schema stand before the table's name
// (analytics_prod.customers, PROD.SALES.ORDERS, `acme-prod.sales.orders`).
// An MCP tool that changes such a table changes production's data,
// whatever its arguments name, as one whose database argument says
// production does (productionTarget). The table's own name is not read so:
// production_runs is a table about production, not production's.

// changeHeads are the words after which a statement names the table it
// changes.
var changeHeads = [...][]string{
	{"UPDATE"}, {"INSERT", "INTO"}, {"INSERT", "OVERWRITE"}, {"DELETE", "FROM"}, {"MERGE", "INTO"},
	{"TRUNCATE", "TABLE"}, {"TRUNCATE"}, {"ALTER", "TABLE"}, {"DROP", "TABLE"}, {"REPLACE", "INTO"},
	{"UPSERT", "INTO"}, {"COPY", "INTO"},
}

// productionQualifier returns the qualified name of a table a statement
// changes whose qualifier (a project, database or schema, not the table
// itself) names production; "" when there is none.
func productionQualifier(sql string) string {
	words := strings.Fields(strings.NewReplacer(";", " ; ", "(", " ( ").Replace(sql))
	for i := range words {
		for _, head := range changeHeads {
			if i+len(head) >= len(words) || !wordsAre(words[i:i+len(head)], head) {
				continue
			}
			name := words[i+len(head)]
			if strings.EqualFold(name, "TABLE") && i+len(head)+1 < len(words) {
				name = words[i+len(head)+1] // INSERT INTO TABLE t, TRUNCATE TABLE t
			}
			if q := qualifierOf(name); q != "" && effect.NamesProduction(q) {
				return name
			}
		}
	}
	return ""
}

// wordsAre reports words equal, in any case, to want.
func wordsAre(words, want []string) bool {
	for i, w := range want {
		if !strings.EqualFold(words[i], w) {
			return false
		}
	}
	return true
}

// qualifierOf returns what stands before a qualified name's last part,
// its quotes taken away (`acme-prod.sales`.orders: acme-prod.sales).
func qualifierOf(name string) string {
	name = strings.Trim(name, "`\"[]")
	name = strings.NewReplacer("`", "", "\"", "", "[", "", "]", "").Replace(name)
	k := strings.LastIndexByte(name, '.')
	if k <= 0 {
		return ""
	}
	return name[:k]
}
