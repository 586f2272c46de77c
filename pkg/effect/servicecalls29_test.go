package effect

import "testing"

// A POST to a collection of tokens or API keys answers with the new one:
// a secret printed. A GET of it (names and dates), an OAuth login, or a
// request to this machine are not.
func TestMintsCredential(t *testing.T) {
	for line, want := range map[string]bool{
		`curl -s -X POST -u "admin:$P" https://grafana.acme.io/api/serviceaccounts/3/tokens -d '{"name":"agent"}'`: true,
		`http POST https://gitlab.acme.io/api/v4/users/7/personal_access_tokens name=agent`:                        true,
		`curl -s https://api.vendor.io/v1/api-keys -d name=ci`:                                                     true,
		`wget -qO- --post-data 'name=x' https://console.vendor.io/v2/projects/p1/apiKeys`:                          true,
		`curl -s -u "admin:$P" https://grafana.acme.io/api/serviceaccounts/3/tokens`:                               false,
		`curl -s -X DELETE https://grafana.acme.io/api/serviceaccounts/3/tokens/9`:                                 false,
		`curl -s -d grant_type=client_credentials https://acme.auth0.com/oauth/token`:                              false,
		`curl -s -X POST http://localhost:3000/api/tokens -d name=dev`:                                             false,
		`curl -X POST https://api.anthropic.com/v1/messages/count_tokens -d @req.json`:                             false,
		`curl -s https://grafana.acme.io/api/auth/keys -u "admin:$P" -d '{"name":"a","role":"Admin"}'`:             true,
		`curl -s -X POST https://api.vendor.io/v1/ssh/keys -d @key.pub`:                                            false,
		`curl -s -X POST https://api.github.com/user/keys -d @key.json`:                                            false,
	} {
		if got := hasEffect(effectsOf(line), "flow:secret->agent"); got != want {
			t.Errorf("%s: flow:secret->agent %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// Code that logs in to a service with a secret from the environment holds
// that service's client whatever its library: its destroying calls
// destroy what the service holds. Its reads, and code pointed at this
// machine, do not.
func TestSecretClientDestroys(t *testing.T) {
	for line, want := range map[string]bool{
		`python -c "from pinecone import Pinecone; import os; Pinecone(api_key=os.environ['PINECONE_API_KEY']).delete_index('prod-embeddings')"`:                  true,
		`node -e "new (require('@qdrant/js-client-rest').QdrantClient)({url: 'https://q.acme.io', apiKey: process.env.QDRANT_API_KEY}).deleteCollection('docs')"`: true,
		`python -c "from pinecone import Pinecone; import os; print(Pinecone(api_key=os.environ['PINECONE_API_KEY']).list_indexes())"`:                            false,
		`python -c "import os, qdrant_client as q; q.QdrantClient('localhost', api_key=os.environ['QDRANT_API_KEY']).delete_collection('t')"`:                     false,
		`python -c "import pandas as pd; print(pd.read_csv('a.csv').drop(columns=['x']))"`:                                                                        false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:remote"); got != want {
			t.Errorf("%s: destroy:remote %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// A listing of a store's keys, a secret's metadata, and a production
// service's plain variables print no secret; a get of the value, a
// listing of secrets or an environment with their values, and the whole
// environment do.
func TestProductionSecretNamesOnly(t *testing.T) {
	for line, want := range map[string]bool{
		`vault kv list secret/prod/`:                                          false,
		`vault kv metadata get secret/prod/payments`:                          false,
		`kubectl exec -n prod deploy/api -- printenv APP_VERSION`:             false,
		`kubectl exec -n prod deploy/api -- printenv APP_VERSION GIT_SHA`:     false,
		`vault kv get secret/prod/db`:                                         true,
		`kubectl exec -n prod deploy/api -- printenv STRIPE_SECRET_KEY`:       true,
		`kubectl exec -n prod deploy/api -- printenv`:                         true,
		`eb printenv production`:                                              true,
		`netlify env:list --plain --context production`:                       true,
		`npx sst secret list --stage production`:                              true,
		`kubectl exec -n prod deploy/api -- printenv APP_VERSION DB_PASSWORD`: true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && e.Detail == "secret->agent" || e.Kind == Flow && e.Detail == "environment->agent"
		}
		if got != want {
			t.Errorf("%s: prints a secret %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// Production read out, copied to a backup, queried, rehearsed or
// diagnosed is not changed; the same commands turned the other way are.
func TestProductionLooks(t *testing.T) {
	for line, want := range map[string]bool{
		`aws s3 sync s3://acme-prod-logs/2026/12/04/ ./logs/`:                                        false,
		`gsutil cp gs://acme-prod-exports/orders.csv /tmp/`:                                          false,
		`velero backup create pre-upgrade --include-namespaces prod --wait`:                          false,
		`gcloud sql backups create --instance orders-prod --project acme-prod`:                       false,
		`wrangler d1 execute prod-db --remote --command "SELECT count(*) FROM users"`:                false,
		`bq query --dry_run --use_legacy_sql=false --project_id acme-prod 'DELETE FROM shop.orders'`: false,
		`dbt debug --target prod`:                                                                     false,
		`aws s3 sync ./public s3://acme-prod-site --delete`:                                           true,
		`velero restore create --from-backup nightly --include-namespaces prod`:                       true,
		`wrangler d1 execute prod-db --remote --command "UPDATE users SET plan = 'free'"`:             true,
		`bq query --use_legacy_sql=false --project_id acme-prod 'DELETE FROM shop.orders WHERE id=1'`: true,
		`kubectl debug -n production pod/api-0 -it --image=busybox`:                                   true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// A slot swapped into production, and a job run by a verb that leads with
// run (run-now), change production; the same against staging, and a
// listing, do not.
func TestProductionRunsAndSwaps(t *testing.T) {
	for line, want := range map[string]bool{
		`az webapp deployment slot swap --name shop-prod --resource-group rg-prod --slot staging --target-slot production`: true,
		`databricks jobs run-now 123 --profile prod`:                               true,
		`databricks jobs run-now 123 --profile dev`:                                false,
		`databricks jobs list-runs --job-id 123 --profile prod`:                    false,
		`az webapp deployment slot list --name shop-prod --resource-group rg-prod`: false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
	// a POST that builds a CI server's job changes what others share
	for line, want := range map[string]bool{
		`curl -s -X POST -u "$U:$T" 'https://jenkins.acme.io/job/deploy-prod/buildWithParameters?VERSION=1.4.2'`: true,
		`curl -s -X POST -u "$U:$T" https://ci.acme.io/job/api/build`:                                            true,
		`curl -s -u "$U:$T" https://jenkins.acme.io/job/deploy-prod/lastBuild/api/json`:                          false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:shared-change"); got != want {
			t.Errorf("%s: destroy:shared-change %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// A request that changes a service's environment named for development
// changes nothing others rely on; the same in production does.
func TestDevEnvironmentRequest(t *testing.T) {
	for line, want := range map[string]bool{
		`curl -s -X POST -H "Authorization: $T" https://unleash.acme.io/api/admin/projects/default/features/f/environments/development/on`:       false,
		`curl -s -X POST -H "Authorization: $T" https://unleash.acme.io/api/admin/projects/default/features/f/environments/staging/off`:          false,
		`curl -s -X POST -H "Authorization: $T" https://unleash.acme.io/api/admin/projects/default/features/f/environments/production/on`:        true,
		`curl -s -X POST -H "Authorization: $T" https://unleash.acme.io/api/admin/projects/default/environments -d name=perf`:                    true,
		`curl -s -X POST -H "Authorization: $T" https://unleash.acme.io/api/admin/projects/default/features/f/environments/dev/../production/on`: true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Destroy
		}
		if got != want {
			t.Errorf("%s: a change %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// An option's value that is production's server address (host:port or a
// URL) points a program's run at production.
func TestProductionAddress(t *testing.T) {
	for w, want := range map[string]bool{
		"flink-prod.internal:8081":        true,
		"kafka-prod-1:9092":               true,
		"https://api.prod.acme.io/v1":     true,
		"http://user@db.prod.acme.io:543": true,
		"localhost:8081":                  false,
		"flink-staging.internal:8081":     false,
		"prod_orders":                     false,
		"prod:latest":                     false,
	} {
		if got := productionAddress(w); got != want {
			t.Errorf("productionAddress(%q) = %v, want %v", w, got, want)
		}
	}
	for line, want := range map[string]bool{
		`flink run -m flink-prod.internal:8081 -d target/enricher.jar`: true,
		`flink run -m localhost:8081 -d target/enricher.jar`:           false,
		`flink list -m flink-prod.internal:8081`:                       false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// A host of the team's own named for a self-hosted product is that
// product's API: a POST that saves or runs something there changes what
// the team shares; its queries, and a registered name that only contains
// the product's, do not.
func TestTeamServiceRequests(t *testing.T) {
	for line, want := range map[string]bool{
		`curl -X POST -H "Authorization: Bearer $T" https://grafana.acme.io/api/dashboards/db -d @d.json`: true,
		`curl -s -X POST -u "$A" https://airflow.acme.io/api/v1/dags/etl/dagRuns -d '{}'`:                 true,
		`curl -s -X POST https://grafana-ops.corp.acme.com/api/folders -d '{"title":"x"}'`:                true,
		`curl -s -X POST -H "Authorization: Bearer $T" https://grafana.acme.io/api/ds/query -d @q.json`:   false,
		`curl -s -X POST https://grafana-share.net/api/dashboards/db -d @d.json`:                          false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:shared-change"); got != want {
			t.Errorf("%s: destroy:shared-change %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}

// A proxy's method parameter is the method sent on: Kibana's console proxy
// with method=GET searches, with method=DELETE deletes.
func TestProxyMethod(t *testing.T) {
	for w, want := range map[string]string{
		"https://kibana.acme.io/api/console/proxy?path=_search&method=GET":     "GET",
		"https://kibana.acme.io/api/console/proxy?path=orders-*&method=DELETE": "DELETE",
		"https://api.acme.io/v1/items?method=DELETE":                           "",
		"X-HTTP-Method-Override: PATCH":                                        "PATCH",
	} {
		if got := overriddenMethod(w); got != want {
			t.Errorf("overriddenMethod(%q) = %q, want %q", w, got, want)
		}
	}
}

// A scheduler's stored connections hold the logins of what it reaches:
// airflow connections get prints one, with its password.
func TestConnectionsPrinted(t *testing.T) {
	for line, want := range map[string]bool{
		`airflow connections get snowflake_prod -o json`: true,
		`airflow dags list`: false,
		// an export of a credential store to standard output prints each value
		`airflow connections export - --file-format env`: true,
		`airflow variables export -`:                     true,
		`airflow connections export conns.json`:          false,
		`tool config export -`:                           false,
	} {
		if got := hasEffect(effectsOf(line), "flow:secret->agent"); got != want {
			t.Errorf("%s: flow:secret->agent %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
