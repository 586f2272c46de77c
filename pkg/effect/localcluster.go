package effect

import "strings"

// A cluster on this machine: kind, k3d, minikube and the desktop engines
// name their kubeconfig contexts so (kind-dev, k3d-local, minikube,
// docker-desktop). What a cluster CLI destroys or changes there is the
// developer's own disposable cluster, as kind delete cluster is.

// localContexts are the context names of clusters on this machine; a
// name ending in "-" is a prefix.
var localContexts = []string{"kind-", "k3d-", "minikube", "docker-desktop", "rancher-desktop", "orbstack", "colima"}

// contextOptions are the options by which a cluster CLI is pointed at a
// context.
var contextOptions = map[string]bool{"--context": true, "--kube-context": true}

// localCluster reports whether a command is pointed, by a context option
// (the last one, as the CLIs take it), at a cluster on this machine.
func localCluster(args []string) bool {
	ctx := ""
	for k, a := range args {
		if a == "--" {
			break
		}
		name, v, eq := strings.Cut(a, "=")
		if !contextOptions[name] {
			continue
		}
		if !eq {
			if k+1 >= len(args) {
				return false
			}
			v = args[k+1]
		}
		ctx = v
	}
	for _, l := range localContexts {
		if ctx == l || strings.HasSuffix(l, "-") && strings.HasPrefix(ctx, l) && len(ctx) > len(l) {
			return true
		}
	}
	return false
}
