package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestSwitchedLocal: a cluster CLI with no context of its own, after the
// script switched the current context to a local cluster by a switch it
// depends on, is pointed there; not after a switch that may have failed,
// to another cluster, or on a line that changes contexts some other way.
// The command checked is the line's last.
func TestSwitchedLocal(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"set -e\nkubectl config use-context kind-dev\nhelm upgrade --install demo ./chart", true},
		{"kubectl config use-context kind-dev && kubectl apply -f k8s/", true},
		{"kubectl config use-context minikube || exit 1\nkubectl delete deploy api", true},
		{"set -euo pipefail\nkubectx k3d-local\nkubectl apply -f k8s/", true},
		{"kubectl config use-context kind-dev\nkubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context prod-eu\nkubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context kind-dev\nkubectl config use-context prod-eu\nkubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context kind-dev\nexport KUBECONFIG=/tmp/prod\nkubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context kind-dev\nkubectl config set-cluster kind-dev --server=https://10.0.0.1\nkubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context kind-dev\nkubectl apply -f k8s/ --server https://10.0.0.1", false},
		{"set -e\nkubectl config use-context kind-dev\nkubectl --context prod apply -f k8s/", false},
		{"set -e\nkubectl config use-context \"$CTX\"\nkubectl apply -f k8s/", false},
		{"set -e\nif [ -n \"$X\" ]; then kubectl config use-context kind-dev; fi\nkubectl apply -f k8s/", false},
		{"set -e\nkubectx -\nkubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context kind-dev\naws eks update-kubeconfig --name prod\nkubectl apply -f k8s/", false},
		{"kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && kubectl config set current-context prod && kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && kubectl config set clusters.kind-dev.server https://10.0.0.1 && kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && kubectl ctx prod && kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && oc login https://api.prod:6443 && kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && tsh kube login prod && kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && kubecm switch prod && kubectl apply -f k8s/", false},
		{"kubectl config use-context kind-dev && . ./prod.env && kubectl apply -f k8s/", false},
		{"kubectl config use-context KIND-prod && kubectl apply -f k8s/", false},
		{"kubectl config use-context 'kind-dev ' && kubectl apply -f k8s/", false},
		{"set -e\nkubectl config use-context kind-dev\ntrap 'kubectl config use-context prod' DEBUG\nkubectl apply -f k8s/", false},
	} {
		res := shell.Parse(tc.line)
		if got := switchedLocal(&res, len(res.Commands)-1); got != tc.want {
			t.Errorf("%q: switchedLocal = %v, want %v", tc.line, got, tc.want)
		}
	}
}
