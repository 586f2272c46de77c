package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestKubeconfigHere: a cluster CLI given the kubeconfig a local
// distribution keeps, or one a local cluster tool wrote earlier on the
// line, talks to a cluster here; any other kubeconfig, one written over or
// copied from another machine, or one beside a server, a forward or a
// switch, says nothing of where it points. Nothing is run.
func TestKubeconfigHere(t *testing.T) {
	for line, want := range map[string]bool{
		"KUBECONFIG=/etc/rancher/k3s/k3s.yaml kubectl delete namespace payments":                                        true,
		"kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml delete namespace payments":                                      true,
		"KUBECONFIG=~/.config/k3d/kubeconfig-dev.yaml kubectl delete ns x":                                              true,
		"KUBECONFIG=/home/dev/.config/k3d/kubeconfig-dev.yaml helm uninstall pg":                                        true,
		"KUBECONFIG=/var/snap/microk8s/current/credentials/client.config kubectl delete ns x":                           true,
		"export KUBECONFIG=/etc/rancher/k3s/k3s.yaml && kubectl delete namespace payments":                              true,
		"kind get kubeconfig --name dev > /tmp/kind-dev.yaml && KUBECONFIG=/tmp/kind-dev.yaml kubectl delete ns x":      true,
		"k3d kubeconfig get dev > /tmp/k3d.yaml && kubectl --kubeconfig /tmp/k3d.yaml delete ns x":                      true,
		"kind create cluster --name dev --kubeconfig /tmp/kind.yaml && kubectl --kubeconfig /tmp/kind.yaml delete ns x": true,

		"KUBECONFIG=~/.kube/prod.yaml kubectl delete namespace payments":                                                                           false,
		"KUBECONFIG=/tmp/kind-dev.yaml kubectl delete namespace payments":                                                                          false,
		"KUBECONFIG=/etc/rancher/k3s/k3s.yaml:/home/dev/.kube/prod.yaml kubectl delete ns x":                                                       false,
		"KUBECONFIG=/etc/rancher/k3s/k3s.yaml kubectl --context prod-eu delete ns x":                                                               false,
		"KUBECONFIG=/etc/rancher/k3s/k3s.yaml kubectl --server https://10.0.4.20:6443 delete ns x":                                                 false,
		"KUBECONFIG=/etc/rancher/k3s/k3s.yaml kubectl --kubeconfig /home/dev/.kube/prod.yaml delete ns x":                                          false,
		"kind get kubeconfig --name dev > /tmp/k.yaml; cp /home/dev/.kube/prod.yaml /tmp/k.yaml; KUBECONFIG=/tmp/k.yaml kubectl delete ns x":       false,
		"kind get kubeconfig --name dev > /tmp/k.yaml; KUBECONFIG=/tmp/k.yaml kubectl delete ns x":                                                 false,
		"kind get kubeconfig --name dev > /tmp/a.yaml && KUBECONFIG=/tmp/b.yaml kubectl delete ns x":                                               false,
		"scp prod:/etc/rancher/k3s/k3s.yaml /tmp/k3s.yaml && KUBECONFIG=/tmp/k3s.yaml kubectl delete ns x":                                         false,
		"ssh -fNL 6443:10.0.4.20:6443 bastion && KUBECONFIG=/etc/rancher/k3s/k3s.yaml kubectl delete ns x":                                         false,
		"export KUBECONFIG=/etc/rancher/k3s/k3s.yaml; export KUBECONFIG=/home/dev/.kube/config; kubectl delete ns x":                               false,
		"(export KUBECONFIG=/etc/rancher/k3s/k3s.yaml); kubectl delete ns x":                                                                       false,
		"export KUBECONFIG=/etc/rancher/k3s/k3s.yaml && kubectl config set-cluster default --server=https://10.0.4.20:6443 && kubectl delete ns x": false,
		"export KUBECONFIG=/etc/rancher/k3s/k3s.yaml && aws eks update-kubeconfig --name prod && kubectl delete ns x":                              false,
		"export KUBECONFIG=/etc/rancher/k3s/k3s.yaml && . ./prod.env && kubectl delete ns x":                                                       false,
		"HELM_KUBEAPISERVER=https://10.0.4.20:6443 KUBECONFIG=/etc/rancher/k3s/k3s.yaml helm uninstall pg":                                         false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			if res.Commands[i].Name == "kubectl" || res.Commands[i].Name == "helm" {
				got = LocalCluster(&res, i)
			}
		}
		if got != want {
			t.Errorf("LocalCluster(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestDistroHere: a local distribution's own kubectl talks to its cluster
// here unless it is pointed elsewhere.
func TestDistroHere(t *testing.T) {
	for line, want := range map[string]bool{
		"microk8s kubectl delete namespace payments":                                     true,
		"sudo k3s kubectl delete namespace payments":                                     true,
		"k3s kubectl delete namespace prod":                                              false,
		"microk8s kubectl delete deployment --all -n prod":                               false,
		"minikube kubectl -- delete pod api-0":                                           false,
		"microk8s kubectl --kubeconfig /home/dev/.kube/prod.yaml delete ns payments":     false,
		"k3s kubectl --server https://10.0.4.20:6443 delete ns payments":                 false,
		"microk8s kubectl --context prod-eu delete ns payments":                          false,
		"ssh k3s-prod-01 sudo k3s kubectl delete namespace payments":                     false,
		"KUBECONFIG=/home/dev/.kube/prod.yaml k3s kubectl delete ns payments":            false,
		"ssh -fNL 16443:10.0.4.20:16443 b && microk8s kubectl delete namespace payments": false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			if res.Commands[i].Name == "kubectl" {
				got = distroHere(&res, i)
			}
		}
		if got != want {
			t.Errorf("distroHere(%q) = %v, want %v", line, got, want)
		}
	}
}
