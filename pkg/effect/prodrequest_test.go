package effect

import "testing"

// TestProductionRequest checks requests with a writing method sent to a
// host whose name marks production: any path changes production, a
// search or a query only reads, and the same request to staging or to
// this machine changes nothing that asks.
func TestProductionRequest(t *testing.T) {
	for line, want := range map[string]bool{
		"curl -X POST https://prometheus.prod.acme.internal/-/reload":                                   true,
		"curl -X POST http://envoy-admin.prod:9901/drain_listeners?graceful":                            true,
		"curl -XPUT https://es-prod.acme.io:9200/orders/_settings -d '{}'":                              true,
		"curl --request PATCH https://flags.production.example.com/api/flags/x":                         true,
		"wget --method=POST -O- https://api.prod.example.net/v1/cache/flush":                            true,
		"http POST https://live-api.example.com/admin/maintenance on=true":                              true,
		"curl -X POST https://graphql.prod.example.com/graphql -d '{\"query\":\"mutation { purge }\"}'": true,
		"curl -X POST https://es-prod.acme.io:9200/orders/_search -d '{}'":                              false,
		"curl -X POST https://graphql.prod.example.com/graphql -d '{\"query\":\"{ users { id } }\"}'":   false,
		"curl -X POST http://prometheus.prod:9090/api/v1/query -d 'query=up'":                           false,
		"curl -X POST https://prometheus.staging.acme.internal/-/reload":                                false,
		"curl -X POST http://localhost:9090/-/reload":                                                   false,
		"curl https://prometheus.prod.acme.internal/api/v1/targets":                                     false,
		"curl -X POST https://api.example.com/v1/products":                                              false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// TestPlanOption checks --plan: a flag that only prints a plan when it
// stands alone (manage.py migrate --plan), a pricing plan chosen when it
// takes a value (avn service update pg-prod --plan business-8).
func TestPlanOption(t *testing.T) {
	for line, want := range map[string]bool{
		"avn service update pg-prod --plan business-8":      true,
		"zorbctl instance update db-prod --plan big --yes":  true,
		"zorbctl instance update db-prod --plan":            false,
		"zorbctl instance update db-prod --plan --region x": false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
