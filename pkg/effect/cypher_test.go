package effect

import (
	"strings"
	"testing"
)

// TestCypherChanges: a Cypher query's SET and REMOVE change what it
// matched, as SQL's UPDATE does; a query that only matches and returns,
// or SQL's own SET of a session setting, changes nothing.
func TestCypherChanges(t *testing.T) {
	for q, want := range map[string]bool{
		`MATCH (u:User {plan:null}) SET u.plan="free"`:           true,
		`match (u:User) set u:Paid`:                              true,
		`MATCH (u:User) REMOVE u:Trial`:                          true,
		`OPTIONAL MATCH (a)-[r]->(b) SET r.w = 1`:                true,
		`UNWIND $rows AS r MATCH (u {id:r.id}) SET u += r`:       true,
		`MATCH (n) DETACH DELETE n`:                              true,
		`MATCH (u:User) RETURN count(u)`:                         false,
		`MATCH (u:User) WHERE u.name STARTS WITH "SET" RETURN u`: false,
		`MATCH (u:User) RETURN u.settings`:                       false,
		`SET statement_timeout = 0; SELECT 1`:                    false,
	} {
		if got := ChangesSQL(q); got != want {
			t.Errorf("ChangesSQL(%q) = %v, want %v", q, got, want)
		}
	}
	// cypher-shell pointed at production with a changing query
	for line, want := range map[string]bool{
		`cypher-shell -a neo4j+s://graph.prod.example.com 'MATCH (u:User) SET u.x = 1'`: true,
		`cypher-shell -a neo4j+s://graph.prod.example.com 'MATCH (u:User) RETURN u'`:    false,
		`cypher-shell -a bolt://localhost:7687 'MATCH (u:User) SET u.x = 1'`:            false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestWalletAndTokenPrints: cast wallet's key-printing verbs and influx
// auth's listing print secrets; their addresses and other listings do not.
func TestWalletAndTokenPrints(t *testing.T) {
	for line, want := range map[string]bool{
		`cast wallet decrypt-keystore deployer --unsafe-password "$P"`: true,
		`cast wallet private-key --mnemonic "$M"`:                      true,
		"influx auth list --json":                                      true,
		"influx auth find -u dev":                                      true,
		"cast wallet address --account deployer":                       false,
		"cast wallet list":                                             false,
		"influx bucket list":                                           false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || strings.HasPrefix(e.String(), "flow:secret->agent")
		}
		if got != want {
			t.Errorf("%q: prints a secret = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
