package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A script that switches the current kubeconfig context to a cluster on
// this machine (kubectl config use-context kind-dev, kubectx minikube) and
// then runs cluster CLIs with no context of their own points them at that
// cluster, as --context kind-dev on each would: what they change there is
// the developer's own disposable cluster. The switch must be one they
// depend on: if it fails the current context stays whatever it was, so it
// must end the script when it fails (set -e, || exit: Command.Halts) or
// be a command they run only after (&&). Every switch before them must
// name a local context, and the line may change contexts in no other way
// (set-context, set-cluster, rename-context, a kubeconfig of its own,
// KUBECONFIG set, a cloud CLI writing credentials).

// switchedLocal reports whether command i of res, a cluster CLI's with no
// context, server or kubeconfig of its own, runs after the line switched
// the current context to a cluster on this machine (see above).
func switchedLocal(res *shell.Result, i int) bool {
	if i < 0 || i >= len(res.Commands) {
		return false
	}
	c := &res.Commands[i]
	if !c.Is(clusterCLIKind) || len(c.Via) > 0 {
		return false
	}
	if ctx, ok := contextOf(c); !ok || ctx != "" {
		return false // a context of its own: pointedLocal judges it
	}
	if shell.DebugTrap(res) {
		return false // trap 'kubectl config use-context prod' DEBUG
	}
	switched := false
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, w := range o.Assigns {
			if elsewhereVariable(w) {
				return false
			}
		}
		for _, w := range o.Args {
			if elsewhereVariable(w) {
				return false // export KUBECONFIG=…
			}
		}
		to, other := contextSwitch(o)
		if other || k < i && sourcesCode(o) {
			return false // . ./prod.env: a file that may set KUBECONFIG or switch
		}
		if to == "" || k >= i {
			continue
		}
		if !LocalContext(to) || to != strings.ToLower(strings.TrimSpace(to)) || !o.Halts && !shell.GatedOn(res, i, k) {
			return false
		}
		switched = true
	}
	return switched
}

// contextSwitch gives the context a command switches the kubeconfig's
// current context to (kubectl config use-context NAME, kubectx NAME), or
// other when it changes the contexts some other way or to a context
// nobody can read (kubectx -, set-context, set-cluster, rename-context,
// config set current-context, a kubectl plugin that switches, a login
// that writes the kubeconfig: contextWriters, a word the walk could not
// resolve).
func contextSwitch(o *shell.Command) (to string, other bool) {
	pos := positionals(o.Args)
	switch o.Name {
	case "kubectx", "kubeswitch", "kswitch":
		if len(pos) == 1 && len(o.Args) == 1 && !o.Dynamic && pos[0] != "-" {
			return pos[0], false
		}
		return "", len(pos) > 0 || len(o.Args) > 0
	case "kubectl", "oc", "k":
		if len(pos) >= 1 && kubectlSwitchPlugins.Get(pos[0]) {
			return "", true // kubectl ctx prod, oc login https://api.prod…
		}
		if len(pos) < 2 || pos[0] != "config" {
			return "", false
		}
		switch pos[1] {
		case "use-context", "use":
			if len(pos) == 3 && !o.Dynamic {
				return pos[2], false
			}
			return "", true
		case "set-context", "set-cluster", "set-credentials", "rename-context", "set", "unset", "delete-context", "delete-cluster":
			return "", true // config set current-context prod, config set clusters.kind-dev.server …
		}
		return "", false
	}
	if words, ok := contextWriters.Lookup(o.Name); ok {
		if len(words) == 0 {
			return "", true
		}
		for _, w := range pos {
			for _, x := range words {
				if w == x {
					return "", true
				}
			}
		}
	}
	return "", false
}

// kubectlSwitchPlugins are kubectl's and oc's first words that switch the
// current context or log in to another cluster: krew's ctx and switch
// plugins, konfig, and oc's login.
var kubectlSwitchPlugins = table.Map[string, bool]{Words: "ctx switch konfig login kubie"}

// contextWriters are programs that write the kubeconfig's contexts or
// switch its current one, with the words that do it (none: any use):
// cloud CLIs fetching a cluster's credentials, context managers, and
// logins that point the current context at their cluster.
var contextWriters = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"aws": {"update-kubeconfig"}, "gcloud": {"get-credentials"}, "az": {"get-credentials"},
		"doctl": {"kubeconfig"}, "eksctl": {"write-kubeconfig", "kubeconfig"}, "scw": {"kubeconfig"},
		"ibmcloud": {"config"}, "ic": {"config"}, "civo": {"config"}, "linode-cli": {"kubeconfig-view"},
		"exo": {"kubeconfig"}, "tsh": {"kube"}, "vcluster": {"connect", "use"}, "okteto": {"context", "kubeconfig"},
		"rancher": {"context", "login"}, "oci": {"create-kubeconfig"}, "talosctl": {"kubeconfig"},
		"kubecm": nil, "kubie": nil, "kubesess": nil, "kconf": nil, "konfig": nil, "kubectl-ctx": nil, "switcher": nil,
	}
}}

// sourcesCode reports a command that runs, in the line's own shell, code
// nobody here reads: source FILE, . FILE, eval.
func sourcesCode(o *shell.Command) bool {
	return len(o.Via) == 0 && (o.Name == "source" || o.Name == "." || o.Name == "eval")
}
