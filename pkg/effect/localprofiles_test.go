package effect

import (
	"strings"
	"testing"
)

// TestK3dKubeconfigPath reads a KUBECONFIG value that is the path k3d
// kubeconfig write prints, and nothing else.
func TestK3dKubeconfigPath(t *testing.T) {
	for v, want := range map[string]bool{
		"$(k3d kubeconfig write dev)":                   true,
		`"$(k3d kubeconfig write dev)"`:                 true,
		"$(k3d kubeconfig get dev)":                     false,
		"$(k3d kubeconfig write dev; cat prod.yaml)":    false,
		"$(k3d kubeconfig write dev -o /tmp/x.yaml)":    false,
		"$(kind get kubeconfig --name dev)":             false,
		"$(k3d kubeconfig write dev):~/.kube/prod.yaml": false,
	} {
		if got := k3dKubeconfigPath(v); got != want {
			t.Errorf("k3dKubeconfigPath(%q) = %v, want %v", v, got, want)
		}
	}
}

// TestMinikubeProfile reads the profile minikube's options name.
func TestMinikubeProfile(t *testing.T) {
	for args, want := range map[string]string{
		"start -p dev":          "dev",
		"start --profile=ci":    "ci",
		"start --profile e2e":   "e2e",
		"start --driver=docker": "",
	} {
		if got := minikubeProfile(strings.Fields(args)); got != want {
			t.Errorf("minikubeProfile(%q) = %q, want %q", args, got, want)
		}
	}
}
