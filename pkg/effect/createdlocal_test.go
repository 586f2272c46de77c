package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestCreatedLocalCluster: a cluster CLI with no context of its own, after
// a command of the line that made a cluster on this machine and switched
// to it, is pointed at that cluster; pointed elsewhere, before the
// cluster is made, or after a switch, it is not.
func TestCreatedLocalCluster(t *testing.T) {
	for line, want := range map[string]bool{
		"set -e\nkind create cluster --name ci --wait 60s\nkubectl apply -k deploy/overlays/test": true,
		"kind create cluster --name ci --wait 60s\nkubectl apply -k deploy/overlays/test":         false,
		"kind create cluster --name ci || true; kubectl delete ns payments":                       false,
		"minikube start --keep-context && kubectl delete ns payments":                             false,
		"kind create cluster && kubectl config set current-context prod && kubectl delete ns x":   false,
		"kind create cluster && oc login https://api.prod:6443 && kubectl delete ns x":            false,
		"kind create cluster && . ./prod.env && kubectl delete ns x":                              false,
		"k3d cluster create dev && kubectl delete ns scratch":                                     true,
		"minikube start --cpus 4 && helm upgrade --install api charts/api":                        true,
		"kubectl apply -k deploy/overlays/test":                                                   false,
		"kubectl apply -k deploy && kind create cluster":                                          false,
		"kind create cluster && kubectl --context prod-eu apply -k deploy":                        false,
		"kind create cluster && kubectl --server https://10.0.0.1:6443 apply -k deploy":           false,
		"kind create cluster && KUBECONFIG=~/.kube/prod kubectl apply -k deploy":                  false,
		"kind create cluster && kubectl config use-context prod-eu && kubectl apply -k deploy":    false,
		"kind create cluster --kubeconfig /tmp/kc && kubectl apply -k deploy":                     false,
		"minikube start -p second && kubectl apply -k deploy":                                     false,
		"kind get clusters && kubectl apply -k deploy":                                            false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			if res.Commands[i].Name == "kubectl" || res.Commands[i].Name == "helm" {
				got = LocalCluster(&res, i)
			}
		}
		if got != want {
			t.Errorf("%q: LocalCluster = %v, want %v", line, got, want)
		}
	}
}
