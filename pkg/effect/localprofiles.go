package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// More spellings of a cluster on this machine. A context named after a minikube
// profile the line started before (minikube start -p sandbox && kubectl
// --context sandbox …) is that profile's cluster: minikube names the
// context after the profile. A KUBECONFIG given the path k3d kubeconfig
// write prints (KUBECONFIG=$(k3d kubeconfig write dev)) is the k3d
// cluster's kubeconfig.

// profileStartedBefore reports a context option of command i naming a
// minikube profile an earlier command of the line started (minikube start
// -p NAME, --profile NAME, --profile=NAME), with nothing else pointing
// command i elsewhere.
func profileStartedBefore(res *shell.Result, i int) bool {
	ctx, ok := contextOf(&res.Commands[i])
	if !ok || ctx == "" {
		return false
	}
	for k := 0; k < i; k++ {
		o := &res.Commands[k]
		if sourcesCode(o) {
			return false
		}
		if o.Name != "minikube" {
			continue
		}
		if pos := positionals(o.Args); len(pos) == 0 || pos[0] != "start" {
			continue
		}
		if minikubeProfile(o.Args) == ctx && !minikubeStartsNone(o.Args) && (o.Halts || shell.GatedOn(res, i, k)) {
			return true
		}
	}
	return false
}

// minikubeStartsNone reports minikube start options by which no cluster
// of this machine is started under the profile's name: a dry run or the
// help printed (the context keeps whatever cluster it named before), or
// the ssh driver, whose cluster is another machine's.
func minikubeStartsNone(args []string) bool {
	for k, a := range args {
		name, val, _ := strings.Cut(a, "=")
		switch name {
		case "--dry-run", "--help", "-h", "--ssh-ip-address", "--ssh-user", "--ssh-key":
			return val != "false"
		case "--driver", "--vm-driver", "-d":
			if val == "" && k+1 < len(args) {
				val = args[k+1]
			}
			if val == "ssh" {
				return true
			}
		}
	}
	return false
}

// minikubeProfile gives the profile minikube's -p/--profile names, "" for
// none.
func minikubeProfile(args []string) string {
	p := ""
	for k, a := range args {
		switch {
		case (a == "-p" || a == "--profile") && k+1 < len(args):
			p = args[k+1]
		case strings.HasPrefix(a, "--profile="):
			p = strings.TrimPrefix(a, "--profile=")
		case strings.HasPrefix(a, "-p="):
			p = strings.TrimPrefix(a, "-p=")
		}
	}
	return p
}

// k3dKubeconfigPath reports a KUBECONFIG value that is the path k3d
// kubeconfig write prints: $(k3d kubeconfig write NAME) whole.
func k3dKubeconfigPath(v string) bool {
	v = strings.Trim(v, `"'`)
	inner, ok := strings.CutPrefix(v, "$(")
	if !ok || !strings.HasSuffix(inner, ")") {
		return false
	}
	f := strings.Fields(strings.TrimSuffix(inner, ")"))
	if len(f) < 3 || f[0] != "k3d" || f[1] != "kubeconfig" || f[2] != "write" {
		return false
	}
	for _, w := range f[3:] {
		if strings.ContainsAny(w, "$`;|&<>") || w == "-o" || strings.HasPrefix(w, "--output") {
			return false
		}
	}
	return true
}
