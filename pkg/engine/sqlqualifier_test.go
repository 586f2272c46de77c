package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

func TestProductionQualifier(t *testing.T) {
	for sql, want := range map[string]string{
		"UPDATE analytics_prod.customers SET tier = 'gold' WHERE id = 42": "analytics_prod.customers",
		"insert into `acme-prod.sales.orders` (id) values (1)":            "`acme-prod.sales.orders`",
		"DELETE FROM PROD.SALES.ORDERS WHERE id = 1":                      "PROD.SALES.ORDERS",
		"TRUNCATE TABLE production.events":                                "production.events",
		"MERGE INTO prod_dw.dim_users t USING staging.u s ON t.id = s.id": "prod_dw.dim_users",
		"UPDATE analytics_dev.customers SET tier = 'gold'":                "",
		"UPDATE production_runs SET done = true":                          "",
		"SELECT * FROM analytics_prod.customers":                          "",
		"INSERT INTO staging.events SELECT * FROM prod.events":            "",
	} {
		if got := productionQualifier(sql); got != want {
			t.Errorf("productionQualifier(%q) = %q, want %q", sql, got, want)
		}
	}
	e := standard(t)
	for args, stop := range map[string]bool{
		`{"query":"UPDATE analytics_prod.customers SET tier = 'gold' WHERE id = 42"}`: true,
		`{"query":"UPDATE analytics_dev.customers SET tier = 'gold' WHERE id = 42"}`:  false,
		`{"query":"SELECT * FROM analytics_prod.customers LIMIT 5"}`:                  false,
	} {
		var a map[string]any
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			t.Fatal(err)
		}
		d := e.Evaluate(call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: call.Params{"server": "bigquery", "tool": "execute_query", "arguments": a}})
		if d.Blocks() != stop {
			t.Errorf("%s: %v (%s), want stopped=%v", args, d.Decision, d.Message, stop)
		}
	}
}
