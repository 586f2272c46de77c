package effect

import "testing"

// TestProductionRequests checks writing requests to a host named for
// production: the method a body or an upload implies, a fragment that
// dresses a path as a search, a query endpoint given a statement that
// writes or a body nobody sees, beside searches and queries that read.
func TestProductionRequests(t *testing.T) {
	for line, want := range map[string]bool{
		"curl -s https://prometheus.prod.acme.io/-/reload -d ''":                                                    true,
		"curl -s --json '{\"a\":1}' https://es-prod.acme.io:9200/_cluster/settings":                                 true,
		"curl -s -T settings.json https://es-prod.acme.io:9200/logs/_settings":                                      true,
		"wget -qO- --post-data='' https://prometheus.prod.acme.io/-/quit":                                           true,
		"http https://es-prod.acme.io:9200/logs/_settings index.number_of_replicas:=0":                              true,
		"curl -s -X POST 'https://es-prod.acme.io:9200/_cluster/settings#x/query' -d '{}'":                          true,
		"curl -s -X POST https://api.prod.acme.io/graphql -d @ops/req.json":                                         true,
		"curl -s -X POST 'https://influx.prod.acme.io:8086/query' --data-urlencode 'q=DROP DATABASE metrics'":       true,
		"curl -s -X POST 'https://influx.prod.acme.io:8086/query?q=DROP%20DATABASE%20metrics'":                      true,
		"curl -s -G https://prometheus.prod.acme.io/api/v1/series --data-urlencode 'match[]=up'":                    false,
		"curl -s -H 'Accept: application/json' https://es-prod.acme.io:9200/_cluster/health":                        false,
		"curl -s -X POST https://prometheus.prod.acme.io/api/v1/query --data-urlencode 'query=up'":                  false,
		"curl -s -X POST 'https://influx.prod.acme.io:8086/query' --data-urlencode 'q=SELECT mean(usage) FROM cpu'": false,
		"curl -s -X POST https://api.prod.acme.io/graphql -d '{\"query\":\"{ auditTrail { mutations { id } } }\"}'": false,
		"curl -s -X POST https://es-prod.acme.io:9200/_msearch --data-binary @queries.ndjson":                       false,
		"http POST https://es-prod.acme.io:9200/logs/_search query:='{\"match_all\":{}}'":                           false,
		"curl -s -d '{\"transient\":{}}' http://localhost:9200/_cluster/settings":                                   false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// TestProductionRequestsReadEndpointsNamed checks paths named like a
// read endpoint sent a method other than POST, hosts written without a
// scheme or held in a variable named for production, and query bodies
// nobody sees (a file named after --data-urlencode's NAME@, the shell's
// text, a persisted query).
func TestProductionRequestsReadEndpointsNamed(t *testing.T) {
	for line, want := range map[string]bool{
		"curl -s -X PUT https://es-prod.acme.io:9200/query -d '{}'":                                                              true,
		"curl -s -X PATCH https://api.prod.acme.io/v1/query -d '{\"rate_limit\":0}'":                                             true,
		"curl -s -X POST \"$PROD_PROMETHEUS/-/reload\"":                                                                          true,
		"curl -s -X POST es-prod.acme.io:9200/_cluster/reroute":                                                                  true,
		"curl -s -X POST https://api.prod.acme.io/graphql --data-urlencode query@ops/op.graphql":                                 true,
		"curl -s -X POST https://api.prod.acme.io/graphql -d \"{\\\"query\\\":\\\"$Q\\\"}\"":                                     true,
		"curl -s -X POST https://api.prod.acme.io/graphql -d '{\"extensions\":{\"persistedQuery\":{\"version\":1}}}'":            true,
		"curl -s -X POST es-prod.acme.io:9200/logs/_search -d '{}'":                                                              false,
		"curl -s -X POST \"$DEV_API/v1/seed\"":                                                                                   false,
		"curl -s -X POST localhost:9200/_cluster/reroute":                                                                        false,
		"curl -s -X POST https://prometheus.prod.acme.io/api/v1/query --data-urlencode 'query=up'":                               false,
		"curl -s -X POST https://prometheus.prod.acme.io/api/v1/query -H \"Authorization: Bearer $T\" --data-urlencode query=up": false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
