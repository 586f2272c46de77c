package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestLocalKubeconfigRead marks the read of the kubeconfig a cluster CLI
// is given when that is a local cluster's (k3s's own, one kind wrote on
// the line, through k3s kubectl too) as LocalKubeconfig, and leaves every
// other read of it ordinary: another kubeconfig, another file the CLI
// reads, the CLI's config verbs, and other programs. Nothing is run.
func TestLocalKubeconfigRead(t *testing.T) {
	const project, home = "/home/dev/project", "/home/dev"
	reads := func(line string) map[string]string {
		res := shell.ParseIn(line, shell.Place{Dir: project, Home: home})
		cwds := make([]string, len(res.Commands))
		for i := range cwds {
			cwds[i] = project
		}
		out := map[string]string{}
		for _, e := range Of(&res, cwds, Env{Home: home, Cwd: project}) {
			if e.Kind == Read {
				out[e.Path] = e.Detail
			}
		}
		return out
	}
	for _, tc := range []struct {
		line, path, want string
	}{
		{"kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml delete namespace payments", "/etc/rancher/k3s/k3s.yaml", LocalKubeconfig},
		{"k3s kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml delete namespace payments", "/etc/rancher/k3s/k3s.yaml", LocalKubeconfig},
		{"sudo microk8s kubectl --kubeconfig=/var/snap/microk8s/current/credentials/client.config get pods", "/var/snap/microk8s/current/credentials/client.config", LocalKubeconfig},
		{"kind get kubeconfig --name dev > /tmp/k.yaml && helm --kubeconfig /tmp/k.yaml uninstall pg", "/tmp/k.yaml", LocalKubeconfig},
		{"kubectl --kubeconfig /home/dev/.kube/prod.yaml delete namespace payments", "/home/dev/.kube/prod.yaml", ""},
		{"k3s kubectl --kubeconfig /home/dev/.kube/prod.yaml delete namespace payments", "/home/dev/.kube/prod.yaml", ""},
		{"kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml config view --raw", "/etc/rancher/k3s/k3s.yaml", ""},
		{"kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml apply -f /home/dev/.ssh/id_rsa", "/home/dev/.ssh/id_rsa", ""},
		{"kubectl --kubeconfig /etc/rancher/k3s/k3s.yaml --server https://10.0.4.20:6443 delete ns x", "/etc/rancher/k3s/k3s.yaml", ""},
		{"cat /etc/rancher/k3s/k3s.yaml", "/etc/rancher/k3s/k3s.yaml", ""},
	} {
		got, ok := reads(tc.line)[tc.path]
		if !ok || got != tc.want {
			t.Errorf("%s: read of %s = %q (%v), want %q", tc.line, tc.path, got, ok, tc.want)
		}
	}
}
