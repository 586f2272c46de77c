package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A cluster on this machine: kind, k3d, minikube and the desktop engines
// name their kubeconfig contexts so (kind-dev, k3d-local, minikube,
// docker-desktop). What a cluster CLI destroys or changes there is the
// developer's own disposable cluster, as kind delete cluster is.

// localContexts are the context names of clusters on this machine; a
// name ending in "-" is a prefix.
var localContexts = []string{"kind-", "k3d-", "minikube", "docker-desktop", "docker-for-desktop", "rancher-desktop", "orbstack", "colima", "microk8s"}

// LocalContext reports whether a kubeconfig context's name is a cluster on
// this machine's (kind-dev, minikube, docker-desktop).
func LocalContext(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, l := range localContexts {
		if prefix := strings.HasSuffix(l, "-"); !prefix && name == l || prefix && strings.HasPrefix(name, l) && len(name) > len(l) {
			return true
		}
	}
	return false
}

// contextOptions are the options by which a cluster CLI is pointed at a
// context.
var contextOptions = table.Map[string, bool]{Words: "--context --kube-context"}

// elsewhereOptions are the options that point a cluster CLI at another
// API server or another kubeconfig than its context names: with one of
// them, a local context's name says nothing of where the change lands.
var elsewhereOptions = table.Map[string, bool]{Words: "--server -s --kube-apiserver --kubeconfig --kube-token --token --cluster"}

// localCluster reports a command pointed at a cluster on this machine
// (pointedLocal) on a line that leaves the contexts as they were: one
// that renames a context, sets its cluster or server, or switches the
// kubeconfig (kubectl config rename-context prod-eu kind-dev,
// set-cluster kind-dev --server=…) makes a local context's name say
// nothing of where it points. A command with no context of its own is
// local too after the line made a local cluster (createdLocalBefore) or
// switched to a local context (switchedLocal).
func (a *analysis) localCluster(c *shell.Command) bool {
	if pointedLocal(c) && !switchesCluster(a.res) {
		return true
	}
	for k := range a.res.Commands {
		if &a.res.Commands[k] == c {
			// switchedcontext.go; localkubeconfig.go; localprofiles.go
			return (createdLocalBefore(a.res, k) || profileStartedBefore(a.res, k)) && !switchesCluster(a.res) || switchedLocal(a.res, k) || kubeconfigHere(a.res, k) || distroHere(a.res, k)
		}
	}
	return false
}

// LocalCluster reports whether the line's command i is a cluster CLI's,
// run directly (not by another program), pointed at a cluster on this
// machine on a line that leaves the contexts as they were (see
// localCluster): the profile lets its changes be, as it does a
// development namespace's.
func LocalCluster(res *shell.Result, i int) bool {
	// (a first test its callers inline: every command of every line asks,
	// and most are not a cluster CLI)
	return !res.Commands[i].IsNot(clusterCLIKind) && localClusterCommand(res, i)
}

// localClusterCommand is LocalCluster past its first test.
func localClusterCommand(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	return c.Is(clusterCLIKind) && (len(c.Via) == 0 && ((pointedLocal(c) || createdLocalBefore(res, i) || profileStartedBefore(res, i)) && !switchesCluster(res) || switchedLocal(res, i)) || kubeconfigHere(res, i) || distroHere(res, i))
}

// kubeconfigHere reports command i of res, a cluster CLI's run on this
// machine (viaHere, or by a local distribution: viaDistro), given a kubeconfig of a cluster here
// (localkubeconfig.go) by its --kubeconfig option or by KUBECONFIG in its
// environment on the line (the option wins), with no API server, token or
// cluster of its own and no context but a local one or k3s's "default", on
// a line that opens no port to another machine, changes no kubeconfig's
// contexts (config set-cluster, a cloud CLI writing credentials) and
// sources no code before it.
func kubeconfigHere(res *shell.Result, i int) bool {
	_, ok := kubeconfigHereFile(res, i)
	return ok
}

// kubeconfigHereFile is kubeconfigHere, with the kubeconfig (the option's
// value or KUBECONFIG's, a list separated by ":") it finds local.
func kubeconfigHereFile(res *shell.Result, i int) (string, bool) {
	c := &res.Commands[i]
	if !c.Is(clusterCLIKind) || !viaHere(c) && !viaDistro(c) {
		return "", false
	}
	kc, named := "", false
	for _, as := range lineAssigns(res, i) {
		if strings.HasPrefix(as, "HELM_KUBE") {
			return "", false
		}
		if v, ok := strings.CutPrefix(as, "KUBECONFIG="); ok {
			kc, named = v, true
		}
	}
	ctx := ""
	for k, a := range c.Args {
		if a == "--" {
			break
		}
		name, v, eq := strings.Cut(a, "=")
		kube := name == "--kubeconfig"
		if !kube && !contextOptions.Get(name) {
			if elsewhereOptions.Get(name) || len(a) > 2 && a[0] == '-' && a[1] != '-' && elsewhereOptions.Get(a[:2]) {
				return "", false
			}
			continue
		}
		if !eq {
			if k+1 >= len(c.Args) {
				return "", false
			}
			v = c.Args[k+1]
		}
		if kube {
			kc, named = v, true
		} else {
			ctx = v
		}
	}
	if !named || ctx != "" && ctx != "default" && !LocalContext(ctx) || !localKubeconfig(res, i, kc) {
		return "", false
	}
	if shell.DebugTrap(res) || forwardsOnLine(res) {
		return "", false
	}
	for k := range res.Commands {
		o := &res.Commands[k]
		if _, other := contextSwitch(o); other || k < i && sourcesCode(o) {
			return "", false
		}
	}
	return kc, true
}

// clusterDistros are the local Kubernetes distributions whose own kubectl
// and helm (microk8s kubectl, k3s kubectl) talk to the distribution's
// cluster on this machine through the kubeconfig it keeps.
var clusterDistros = table.Map[string, bool]{Words: "microk8s k3s"}

// viaDistro reports a cluster CLI run by a local distribution (k3s
// kubectl, sudo microk8s kubectl), with nothing else around it but
// wrappers that keep it on this machine.
func viaDistro(c *shell.Command) bool {
	by := false
	for _, v := range c.Via {
		switch {
		case clusterDistros.Get(v):
			by = true
		case v != "sudo" && !hereWrappers.Get(v):
			return false
		}
	}
	return by
}

// distroHere reports command i of res, a cluster CLI run by a local
// distribution (microk8s kubectl, sudo k3s kubectl), that names no
// context, API server, token or kubeconfig of its own, and no production
// (k3s kubectl delete namespace prod may be a person's mistake about
// where it points, as awslocal's may), with no KUBECONFIG or HELM_KUBE*
// in its environment on the line, on a line that opens no port to
// another machine.
func distroHere(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	args := c.Args
	if !c.Is(clusterCLIKind) || !viaDistro(c) {
		return false
	}
	for _, as := range lineAssigns(res, i) {
		if elsewhereVariable(as) {
			return false
		}
	}
	for _, a := range args {
		name, _, _ := strings.Cut(a, "=")
		if contextOptions.Get(name) || elsewhereOptions.Get(name) || len(a) > 2 && a[0] == '-' && a[1] != '-' && elsewhereOptions.Get(a[:2]) || namesProduction(a) {
			return false
		}
	}
	return !forwardsOnLine(res)
}

// createdLocalBefore reports a cluster CLI's command i with no context,
// server or kubeconfig of its own, after a command of the line that made
// a cluster on this machine and switched the current context to it (kind
// create cluster, k3d cluster create, minikube start): the CLI talks to
// that cluster. (A line that switches contexts otherwise is read by
// switchesCluster.)
func createdLocalBefore(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	for _, as := range c.Assigns {
		if elsewhereVariable(as) {
			return false
		}
	}
	for _, a := range c.Args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(a, "=")
		if contextOptions.Get(name) || elsewhereOptions.Get(name) || len(a) > 2 && a[0] == '-' && a[1] != '-' && elsewhereOptions.Get(a[:2]) {
			return false
		}
	}
	if shell.DebugTrap(res) {
		return false // trap 'kubectl config use-context prod' DEBUG
	}
	made := false
	for k := 0; k < i; k++ {
		o := &res.Commands[k]
		if sourcesCode(o) {
			return false // . ./prod.env: a file that may set KUBECONFIG or switch
		}
		if makesLocalCluster(o) && (o.Halts || shell.GatedOn(res, i, k)) {
			// kind create cluster || true; kubectl …: a create that
			// failed (the cluster was there) left the context as it was
			made = true
		}
	}
	return made
}

// makesLocalCluster reports a command that makes a cluster on this
// machine, or writes an existing one's context into the kubeconfig, and
// points the current context at it (kind create cluster, kind export
// kubeconfig, minikube start, minikube update-context, k3d kubeconfig
// merge --kubeconfig-switch-context).
func makesLocalCluster(o *shell.Command) bool {
	if o.Name != "kind" && o.Name != "k3d" && o.Name != "minikube" {
		return false
	}
	if pos := positionals(o.Args); o.Name == "k3d" && len(pos) >= 2 && pos[0] == "kubeconfig" && pos[1] == "merge" {
		// k3d kubeconfig merge dev: into the default kubeconfig (no
		// --output of its own), switching to it (-s, on unless =false)
		for _, a := range o.Args {
			if a == "-o" || a == "--output" || strings.HasPrefix(a, "--output=") || strings.HasPrefix(a, "-o=") || strings.HasSuffix(a, "=false") {
				return false
			}
		}
		return true
	}
	for _, a := range o.Args {
		if strings.HasPrefix(a, "--kubeconfig") || a == "-p" || strings.HasPrefix(a, "--profile") || strings.HasPrefix(a, "--keep-context") && !strings.HasSuffix(a, "=false") {
			return false // its own kubeconfig, or a second minikube profile: the context may stay
		}
	}
	pos := positionals(o.Args)
	switch o.Name {
	case "kind":
		return len(pos) >= 2 && (pos[0] == "create" && pos[1] == "cluster" || pos[0] == "export" && pos[1] == "kubeconfig")
	case "k3d":
		return len(pos) >= 2 && pos[0] == "cluster" && pos[1] == "create"
	default:
		return len(pos) >= 1 && (pos[0] == "start" || pos[0] == "update-context")
	}
}

// pointedLocal reports whether a command is pointed, by a context option
// (the last one, as the CLIs take it), at a cluster on this machine, and
// nothing points it elsewhere: an API server or a kubeconfig of its own,
// or KUBECONFIG set for it.
func pointedLocal(c *shell.Command) bool {
	ctx, ok := contextOf(c)
	return ok && LocalContext(ctx) && ctx == strings.ToLower(strings.TrimSpace(ctx))
}

// contextOf gives the context a cluster CLI's command names by its
// options (the last one, as the CLIs take it; "" for none), and false when
// something points it elsewhere: an API server or a kubeconfig of its own,
// or KUBECONFIG set for it.
func contextOf(c *shell.Command) (string, bool) {
	for _, as := range c.Assigns {
		if elsewhereVariable(as) {
			return "", false
		}
	}
	args := c.Args
	ctx := ""
	for k, a := range args {
		if a == "--" {
			break
		}
		name, v, eq := strings.Cut(a, "=")
		if elsewhereOptions.Get(name) || len(a) > 2 && a[0] == '-' && a[1] != '-' && elsewhereOptions.Get(a[:2]) {
			return "", false // -shttps://…: the value attached to -s
		}
		if !contextOptions.Get(name) {
			continue
		}
		if !eq {
			if k+1 >= len(args) {
				return "", false
			}
			v = args[k+1]
		}
		ctx = v
	}
	return ctx, true
}

// elsewhereVariable reports an assignment that points a cluster CLI at
// another kubeconfig, API server, token or context than its options name:
// KUBECONFIG, and helm's HELM_KUBEAPISERVER, HELM_KUBETOKEN,
// HELM_KUBECONTEXT, HELM_KUBEASUSER and their kin (HELM_KUBE*).
func elsewhereVariable(as string) bool {
	return strings.HasPrefix(as, "KUBECONFIG=") || strings.HasPrefix(as, "HELM_KUBE")
}
