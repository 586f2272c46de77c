package effect

import (
	"path/filepath"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A kubeconfig of a cluster on this machine: the file a local
// distribution writes for its own cluster (k3s's /etc/rancher/k3s/k3s.yaml,
// microk8s's client.config, k3d's ~/.config/k3d/kubeconfig-NAME.yaml,
// kind's old ~/.kube/kind-config-NAME), or a file an earlier command of the
// line wrote from a local cluster tool (kind get kubeconfig > F, k3d
// kubeconfig get dev > F, microk8s config > F, kind create cluster
// --kubeconfig F) that it depends on (&&, set -e) and that nothing else on
// the line writes. A cluster CLI given such a kubeconfig (KUBECONFIG=F,
// export KUBECONFIG=F earlier, --kubeconfig F) talks to that cluster. Any
// other kubeconfig (~/.kube/prod.yaml, /tmp/cluster.yaml: a file the line
// cannot see) says nothing of where it points; a kubeconfig that is
// another machine's copied here (scp prod:/etc/rancher/k3s/k3s.yaml
// /tmp/k3s.yaml) is not one the line's tools wrote.

// localKubeconfigFiles are the files local distributions write for their
// own cluster; a name ending in "*" is a prefix.
var localKubeconfigFiles = table.Once[[]string]{Build: func() []string {
	return []string{
		"/etc/rancher/k3s/k3s.yaml",
		"/var/snap/microk8s/current/credentials/client.config",
		"~/.config/k3d/kubeconfig-*",
		"~/.k3d/kubeconfig-*",
		"~/.kube/kind-config-*",
	}
}}

// kubeconfigPrinters are the local cluster tools' commands that print or
// write their cluster's kubeconfig (the words after the program).
var kubeconfigPrinters = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{"kind": {"get kubeconfig", "create cluster", "export kubeconfig"}, "k3d": {"kubeconfig get", "kubeconfig write"}, "microk8s": {"config"}}
}}

// localKubeconfig reports whether every file of a KUBECONFIG value (a
// list separated by ":") is a kubeconfig of a cluster on this machine, as
// command i of res sees it (see above).
func localKubeconfig(res *shell.Result, i int, v string) bool {
	v = strings.Trim(v, `"'`)
	if v == "" {
		return false
	}
	if k3dKubeconfigPath(v) {
		return true // KUBECONFIG=$(k3d kubeconfig write dev) (localprofiles.go)
	}
	for f := range strings.SplitSeq(v, ":") {
		if localKubeconfigFile(f) && !writtenOnLine(res, f) {
			continue
		}
		if !kubeconfigWrittenBefore(res, i, f) {
			return false
		}
	}
	return true
}

// writtenOnLine reports a file some command of the line writes: by a
// redirect, or as the destination of a copy, move or link
// (cp ~/.kube/prod.yaml ~/.config/k3d/kubeconfig-dev.yaml), tee's or
// dd's output.
func writtenOnLine(res *shell.Result, f string) bool {
	f = filepath.Clean(f)
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, r := range o.Redirects {
			if (r.Op == ">" || r.Op == ">|" || r.Op == ">>" || r.Op == "&>" || r.Op == "&>>" || r.Op == "<>") && filepath.Clean(r.Target) == f {
				return true
			}
		}
		switch o.Name {
		case "tee":
			for _, p := range positionals(o.Args) {
				if filepath.Clean(p) == f {
					return true
				}
			}
		case "dd":
			for _, a := range o.Args {
				if v, ok := strings.CutPrefix(a, "of="); ok && filepath.Clean(v) == f {
					return true
				}
			}
		}
	}
	return madeOnLine(res, len(res.Commands), f)
}

// localKubeconfigFile reports one of localKubeconfigFiles, written from
// the root or the home (~, $HOME, /home/USER, /root).
func localKubeconfigFile(f string) bool {
	if strings.ContainsAny(f, "$`*?[") && !strings.HasPrefix(f, "$HOME/") {
		return false
	}
	f = filepath.Clean(f)
	home := ""
	for _, h := range []string{"~/", "$HOME/", "/root/"} {
		if strings.HasPrefix(f, h) {
			home, f = h, f[len(h):]
		}
	}
	if home == "" && strings.HasPrefix(f, "/home/") {
		if rest := strings.SplitN(f, "/", 4); len(rest) == 4 {
			home, f = "~/", rest[3]
		}
	}
	for _, l := range localKubeconfigFiles.Get() {
		want := l
		if after, ok := strings.CutPrefix(l, "~/"); ok {
			if home == "" {
				continue
			}
			want = after
		} else if home != "" {
			continue
		}
		if p, ok := strings.CutSuffix(want, "*"); ok {
			if rest, ok := strings.CutPrefix(f, p); ok && rest != "" && !strings.Contains(rest, "/") {
				return true
			}
		} else if f == want {
			return true
		}
	}
	return false
}

// kubeconfigWrittenBefore reports a file an earlier command of the line
// wrote as a local cluster tool's kubeconfig (by a redirect of its output,
// or its --kubeconfig/--output option), that command i runs only after
// (&&, or the script ends if it fails), and that no other command of the
// line writes, copies, moves or links.
func kubeconfigWrittenBefore(res *shell.Result, i int, f string) bool {
	f = filepath.Clean(f)
	made := false
	for k := range res.Commands {
		o := &res.Commands[k]
		wrote := false
		for _, r := range o.Redirects {
			if (r.Op == ">" || r.Op == ">|" || r.Op == ">>" || r.Op == "&>") && r.FD != "2" && filepath.Clean(r.Target) == f {
				wrote = true
			}
		}
		printer := k < i && len(o.Via) == 0 && printsKubeconfig(o)
		if printer && !wrote {
			for _, v := range optionValues(o.Args, func(s string) bool { return s == "--kubeconfig" || s == "--output" || s == "-o" }) {
				wrote = wrote || filepath.Clean(v) == f
			}
		}
		switch {
		case wrote && printer && (o.Halts || shell.GatedOn(res, i, k)):
			made = true
		case wrote:
			return false // another command writes it (cp ~/.kube/prod.yaml /tmp/kind.yaml)
		}
	}
	return made && !madeOnLine(res, i, f)
}

// printsKubeconfig reports a local cluster tool's command that prints or
// writes its cluster's kubeconfig (kubeconfigPrinters).
func printsKubeconfig(o *shell.Command) bool {
	verbs, ok := kubeconfigPrinters.Lookup(o.Name)
	if !ok {
		return false
	}
	pos := strings.Join(positionals(o.Args), " ")
	for _, v := range verbs {
		if pos == v || strings.HasPrefix(pos, v+" ") {
			return true
		}
	}
	return false
}

// LocalKubeconfig is the Detail of the read of a local cluster's
// kubeconfig by the cluster CLI that talks to that cluster with it
// (kubeconfigHere): the CLI uses it and prints none of it (its config
// verbs, which may, are read as before), and the cluster is this
// machine's. The file stays what it is for every other
// reader (cat /etc/rancher/k3s/k3s.yaml) and in the flow pass.
const LocalKubeconfig = "local-kubeconfig"

// localKubeconfigRead reports a read effect e of the kubeconfig its
// command, a cluster CLI, is given when that is a local cluster's.
func (a *analysis) localKubeconfigRead(e Effect) bool {
	if e.Cmd < 0 || e.Cmd >= len(a.res.Commands) || a.res.Commands[e.Cmd].IsNot(clusterCLIKind) {
		return false
	}
	if slices.Contains(a.res.Commands[e.Cmd].Args, "config") {
		return false // kubectl config view --raw: the kubeconfig printed, read as before
	}
	kc, ok := kubeconfigHereFile(a.res, e.Cmd)
	if !ok {
		return false
	}
	for f := range strings.SplitSeq(strings.Trim(kc, `"'`), ":") {
		if f != "" && a.clean(f, e.Cmd) == e.Path {
			return true
		}
	}
	return false
}
