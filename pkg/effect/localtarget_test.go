package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestLocalTarget: a change whose every destination is this machine (an
// emulator's endpoint, a registry here), and its neighbours that reach
// another machine. Nothing is run.
func TestLocalTarget(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"aws --endpoint-url http://localhost:4566 dynamodb delete-table --table-name users", true},
		{"aws s3 rb s3://test --force --endpoint-url=http://127.0.0.1:9000", true},
		{"AWS_ENDPOINT_URL=http://localhost:4566 aws s3 rb s3://test --force", true},
		{"docker push localhost:5000/api:dev", true},
		{"docker push 127.0.0.1:5000/team/api:dev", true},
		{"podman push [::1]:5000/api:dev", true},
		{"docker buildx build --push -t localhost:5000/api:dev .", true},

		{"aws s3 rb s3://test --force", false},
		{"aws --endpoint-url https://s3.wasabisys.com s3 rb s3://archive --force", false},
		{"aws --endpoint-url http://localhost:4566 --endpoint-url https://s3.amazonaws.com s3 rb s3://x", false},
		{"ssh -fN -L 4566:s3.amazonaws.com:443 bastion && aws --endpoint-url https://localhost:4566 s3 rb s3://prod --force", false},
		{"docker push api:dev", false},
		{"docker push ghcr.io/acme/api:dev", false},
		{"docker push localhost:5000/a ghcr.io/acme/b", false},
		{"docker push localhost:5000/api:dev && kubectl port-forward svc/registry 5000:5000", false},
		{"docker buildx build --push -t localhost:5000/api:dev -t acme/api:dev .", false},
		{"docker buildx build --push .", false},
		{"ssh build-host docker push localhost:5000/api", false},
	} {
		res := shell.Parse(tc.line)
		got := false
		for i := range res.Commands {
			got = got || LocalTarget(&res, i)
		}
		if got != tc.want {
			t.Errorf("LocalTarget(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestServerNamedHere: a broker's destroying option, or an unknown
// client's destroying verb, aimed by its server options only at this
// machine changes what a server here holds; the same aimed at another
// host, at no host, at both, with a port forwarded to another machine or
// with production named, is what it would otherwise be.
func TestServerNamedHere(t *testing.T) {
	for line, want := range map[string]bool{
		"kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic orders-test":                             false,
		"kafka-topics --bootstrap-server=127.0.0.1:9092 --delete --topic t":                                          false,
		"rabbitmqadmin -H localhost purge queue name=email-dev":                                                      false,
		"rabbitmqadmin --host=127.0.0.1 delete queue name=email-dev":                                                 false,
		"kafka-topics.sh --bootstrap-server kafka-1.acme.internal:9092 --delete --topic payments":                    true,
		"kafka-topics.sh --delete --topic payments":                                                                  true,
		"kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic t && ssh -fN -L 9092:kafka:9092 bastion": true,
		"rabbitmqadmin -H rmq.acme.internal purge queue name=email":                                                  true,
		"rabbitmqadmin purge queue name=email":                                                                       true,
		"rabbitmqadmin -H localhost -H rmq.acme.internal purge queue name=email":                                     true,
		"rabbitmqadmin -H localhost purge queue name=email --vhost prod":                                             true,
		"mongorestore -h localhost --drop dump/":                                                                     true,
		"kubectl -s https://127.0.0.1:6443 scale deploy/api --replicas=0":                                            true,
	} {
		effs := effectsOf(line)
		got := hasEffect(effs, "destroy:remote") || hasEffect(effs, "destroy:shared-change") || hasEffect(effs, "destroy:production") || hasEffect(effs, "destroy:deploy")
		if got != want {
			t.Errorf("%q: destroys = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
