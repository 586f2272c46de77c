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
