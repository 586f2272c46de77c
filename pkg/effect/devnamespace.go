package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A cluster CLI's change made in a namespace named for development (-n
// dev, --namespace sandbox-alice, preview-pr-42) lands where developers
// try things: a rollout restarted, a manifest applied or a preview release
// uninstalled there is everyday work, as the same change through an MCP
// tool named for a dev environment is (engine/mcpchanges.go). A namespace
// named for an environment others rely on (staging, qa, uat, production),
// every namespace (-A), or a context, kubeconfig or API server of its own
// on the line (--context prod-eu, --server …, KUBECONFIG=…) is no such
// place, and the change is judged as before. A context of this machine's
// (kind-dev) is localCluster's.

// clusterCLIs are the programs whose namespace option is read here: the
// cluster's own clients, and Argo Workflows' (argo submit -n dev), which
// reads the same kubeconfig, context and namespace options.
var clusterCLIs = table.Map[string, bool]{Words: "kubectl k oc helm kubecolor argo"}

// devNamespaceParts say a namespace is for development; sharedNamespaceParts
// that others rely on it.
var (
	devNamespaceParts    = table.Map[string, bool]{Words: "dev development sandbox preview local scratch feature"}
	sharedNamespaceParts = table.Map[string, bool]{Words: "staging stage stg qa uat demo prod production live shared main default system"}
)

// beyondNamespace are the kinds a namespace option does not hold: those of
// the whole cluster (a namespace itself, nodes, cluster roles, CRDs,
// webhooks), and volumes, whose data outlives what uses them.
var beyondNamespace = table.Map[string, bool]{Words: `ns namespace namespaces no node nodes pv pvc persistentvolume persistentvolumes persistentvolumeclaim persistentvolumeclaims
		clusterrole clusterroles clusterrolebinding clusterrolebindings crd crds customresourcedefinition customresourcedefinitions
		sc storageclass storageclasses mutatingwebhookconfiguration mutatingwebhookconfigurations validatingwebhookconfiguration
		validatingwebhookconfigurations priorityclass priorityclasses apiservice apiservices csr certificatesigningrequest`}

// DevNamespace reports whether command i of res, a cluster CLI's, is
// pointed at a namespace named for development and at nothing that says
// where else. A scale is not read here (replicas are what others' load
// runs on), nor a chart fetched from a URL or from a repository the line
// adds (helm repo add …: code nobody here has read), nor what a namespace
// does not hold (kubectl -n dev delete ns prod: beyondNamespace), nor
// everything of a kind at once (--all).
func DevNamespace(res *shell.Result, i int) bool {
	// (a first test its callers inline: every command of every line asks,
	// and most are not a cluster CLI)
	return !res.Commands[i].IsNot(clusterCLIKind) && devNamespace(res, i)
}

// devNamespace is DevNamespace past its first test.
func devNamespace(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if !c.Is(clusterCLIKind) || len(c.Via) > 0 {
		return false
	}
	for _, a := range c.Args {
		if a == "scale" || a == "autoscale" || a == "--all" || strings.Contains(a, "://") || nodeVerbs.Get(a) || beyondNamespaceKinds(a) {
			return false
		}
		if name, _, _ := strings.Cut(a, "="); actingOptions.Get(name) {
			return false // --as=system:admin, --post-renderer ./x
		}
	}
	if switchesCluster(res) {
		return false
	}
	if c.Name == "helm" {
		for k := range res.Commands {
			if o := &res.Commands[k]; o.Name == "helm" && len(o.Args) > 1 && o.Args[0] == "repo" && o.Args[1] == "add" {
				return false
			}
		}
	}
	for _, as := range c.Assigns {
		if strings.HasPrefix(as, "KUBECONFIG=") {
			return false
		}
	}
	ns := ""
	for k, a := range c.Args {
		if a == "--" {
			break
		}
		name, v, eq := strings.Cut(a, "=")
		switch {
		case elsewhereOptions.Get(name), contextOptions.Get(name), name == "--cluster", name == "-A", name == "--all-namespaces":
			return false
		case name == "-n" || name == "--namespace" || strings.HasPrefix(a, "-n") && !strings.HasPrefix(a, "--"):
			if strings.HasPrefix(a, "-n") && len(a) > 2 && !eq {
				v, eq = a[2:], true // -ndev: the value attached, as pflag reads it
			}
			if !eq {
				if k+1 >= len(c.Args) {
					return false
				}
				v = c.Args[k+1]
			}
			if ns != "" && ns != v {
				return false // two namespaces: the last one counts, and both must be read
			}
			ns = v
		}
	}
	return devNamespaceName(ns)
}

// devNamespaceName reports a namespace named for development and not for
// an environment others rely on.
func devNamespaceName(ns string) bool {
	dev := false
	for _, p := range strings.FieldsFunc(strings.ToLower(ns), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if sharedNamespaceParts.Get(p) || namesProduction(p) {
			return false
		}
		dev = dev || devNamespaceParts.Get(p)
	}
	return dev
}

// nodeVerbs are a cluster CLI's verbs that act on a node, whatever
// namespace is named (drain, cordon), or on the whole cluster (oc adm).
var nodeVerbs = table.Map[string, bool]{Words: "drain cordon uncordon taint certificate adm"}

// actingOptions make a cluster CLI act as someone else (--as, helm's
// --kube-as-group) or run a program of this machine's (helm's
// --post-renderer): neither is a developer's change in their own namespace.
var actingOptions = table.Map[string, bool]{Words: "--as --as-group --as-uid --kube-as-user --kube-as-group --post-renderer --post-renderer-args"}

// beyondNamespaceKinds reports a word naming, among its kinds (pods,pvc;
// persistentvolumeclaim.v1; ns/prod), one a namespace does not hold:
// beyondNamespace, a project (OpenShift's namespace), or a kind whose
// name says it is the cluster's (clusterissuer, clustersecretstore).
func beyondNamespaceKinds(a string) bool {
	kinds, _, _ := strings.Cut(strings.ToLower(a), "/")
	if strings.HasPrefix(kinds, "-") {
		return false
	}
	for _, k := range strings.Split(kinds, ",") {
		k, _, _ = strings.Cut(k, ".") // kind.version.group
		if beyondNamespace.Get(k) || k == "project" || k == "projects" || strings.HasPrefix(k, "cluster") && len(k) > len("cluster") {
			return true
		}
	}
	return false
}

// switchesCluster reports a line that points later cluster commands at
// another cluster than the one they would use: a context switched or
// rewritten (kubectl config use-context, kubectx, a cloud CLI writing
// credentials for a cluster), or KUBECONFIG set for the line.
func switchesCluster(res *shell.Result) bool {
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, w := range append(o.Assigns[:len(o.Assigns):len(o.Assigns)], o.Args...) {
			if elsewhereVariable(w) {
				return true // export KUBECONFIG=…, KUBECONFIG=… or HELM_KUBEAPISERVER=… on any command
			}
		}
		if o.Name == "kubectx" || o.Name == "kubeswitch" || o.Name == "kswitch" {
			return true
		}
		if to, other := contextSwitch(o); to != "" || other { // switchedcontext.go
			return true
		}
	}
	return false
}
