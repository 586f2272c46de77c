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

// clusterCLIs are the programs whose namespace option is read here.
var clusterCLIs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("kubectl k oc helm kubecolor")
}}

// devNamespaceParts say a namespace is for development; sharedNamespaceParts
// that others rely on it.
var (
	devNamespaceParts    = table.Map[string, bool]{Build: func() map[string]bool { return fieldSet("dev development sandbox preview local scratch feature") }}
	sharedNamespaceParts = table.Map[string, bool]{Build: func() map[string]bool {
		return fieldSet("staging stage stg qa uat demo prod production live shared main default system")
	}}
)

// beyondNamespace are the kinds a namespace option does not hold: those of
// the whole cluster (a namespace itself, nodes, cluster roles, CRDs,
// webhooks), and volumes, whose data outlives what uses them.
var beyondNamespace = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet(`ns namespace namespaces no node nodes pv pvc persistentvolume persistentvolumes persistentvolumeclaim persistentvolumeclaims
		clusterrole clusterroles clusterrolebinding clusterrolebindings crd crds customresourcedefinition customresourcedefinitions
		sc storageclass storageclasses mutatingwebhookconfiguration mutatingwebhookconfigurations validatingwebhookconfiguration
		validatingwebhookconfigurations priorityclass priorityclasses apiservice apiservices csr certificatesigningrequest`)
}}

// DevNamespace reports whether command i of res, a cluster CLI's, is
// pointed at a namespace named for development and at nothing that says
// where else. A scale is not read here (replicas are what others' load
// runs on), nor a chart fetched from a URL or from a repository the line
// adds (helm repo add …: code nobody here has read), nor what a namespace
// does not hold (kubectl -n dev delete ns prod: beyondNamespace), nor
// everything of a kind at once (--all).
func DevNamespace(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if !clusterCLIs.Get(c.Name) || len(c.Via) > 0 {
		return false
	}
	for _, a := range c.Args {
		kind, _, _ := strings.Cut(strings.ToLower(a), "/")
		if a == "scale" || a == "autoscale" || a == "--all" || strings.Contains(a, "://") || beyondNamespace.Get(kind) {
			return false
		}
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
		case name == "-n" || name == "--namespace":
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
		case strings.HasPrefix(a, "-n") && len(a) > 2 && !strings.HasPrefix(a, "--"):
			return false // -ndev: read as written nowhere else
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
