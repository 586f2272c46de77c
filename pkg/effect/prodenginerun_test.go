package effect

import "testing"

// TestProductionEngineRuns: a command that changes what a machine runs,
// run in a container of a container engine pointed at production (docker
// -H ssh://prod…, DOCKER_HOST, podman --connection prod) or in an incus or
// lxc instance of a production remote, changes production; the same in a
// container of this machine's engine, or a look there, does not.
func TestProductionEngineRuns(t *testing.T) {
	for line, want := range map[string]bool{
		"docker -H ssh://deploy@prod-app-1 exec api sh -c 'kill -HUP 1'":                            true,
		"DOCKER_HOST=ssh://deploy@prod-web-1.acme.net docker exec api supervisorctl restart worker": true,
		"podman --connection prod exec api systemctl restart app":                                   true,
		"incus exec prod:web -- systemctl restart app":                                              true,
		"lxc exec prod-web -- systemctl restart nginx":                                              true,
		"docker exec api sh -c 'kill -HUP 1'":                                                       false,
		"docker -H ssh://deploy@prod-app-1 exec api uptime":                                         false,
		"incus exec dev:web -- systemctl restart app":                                               false,
		"incus exec prod:web -- df -h":                                                              false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestContainerdNamespaces: nerdctl's own options that take a value (-n
// k8s.io, --address SOCKET) are skipped to find its subcommand, so a
// removal in Kubernetes' namespace or on another containerd is read as
// one.
func TestContainerdNamespaces(t *testing.T) {
	for line, want := range map[string]bool{
		"nerdctl --namespace k8s.io rm -f kube-apiserver":                                        true,
		"CONTAINERD_ADDRESS=/run/k3s/containerd/containerd.sock nerdctl -n k8s.io rm -f coredns": true,
		"nerdctl --address /run/k3s/containerd/containerd.sock rm -f api":                        true,
		"nerdctl -n k8s.io images": false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:remote"); got != want {
			t.Errorf("%q: destroy:remote = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
