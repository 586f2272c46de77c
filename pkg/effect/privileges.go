package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A container started with the host's privileges is the host: --privileged,
// capabilities added, a confinement switched off, a host namespace shared,
// a device passed in, the container engine's socket or the host's root or
// home directory mounted read-write. So is a cluster pod given the node's
// (kubectl debug node/…, an override asking for hostPID or privileged).
// Each is a Privilege effect whatever engine (docker, podman, nerdctl,
// finch) or spelling starts it.

// hostNamespaces are the options whose value "host" shares a namespace
// of the host (--network host is ordinary development and is left out).
var hostNamespaces = table.Map[string, bool]{Words: "--pid --ipc --uts --userns --cgroupns"}

// engineSockets are the sockets through which a container engine or the
// kubelet's runtime is driven: whoever reaches one is root on the host.
var engineSockets = table.Map[string, bool]{Words: "docker.sock containerd.sock podman.sock crio.sock cri-dockerd.sock buildkitd.sock"}

// engineState are the directories where a container engine or the kubelet
// keeps every container's files and credentials.
var engineState = table.Map[string, bool]{Words: "/var/lib/docker /var/lib/containerd /var/lib/containers /var/lib/kubelet /etc/kubernetes /var/lib/rancher"}

// privileges reports the host privileges a container or pod is started
// with.
func (a *analysis) privileges(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil {
		return
	}
	if e.Prop("runs-image") != "" {
		a.containerPrivileges(i, c, cl)
		return
	}
	if strings.HasPrefix(e.Name, "kubectl ") || strings.HasPrefix(e.Name, "oc ") || strings.HasPrefix(e.Name, "k ") || strings.HasPrefix(e.Name, "kubecolor ") {
		sub := e.Name[strings.IndexByte(e.Name, ' ')+1:]
		if sub != "debug" && sub != "run" {
			return
		}
		for _, w := range cl.Words {
			switch {
			case sub == "debug" && (w.Option == "--profile" && (w.Text == "sysadmin" || w.Text == "netadmin") || w.Text == "--profile=sysadmin" || w.Text == "--profile=netadmin"):
				a.add(Effect{Kind: Privilege, Cmd: i, Detail: "pod", Word: c.Name + " debug --profile " + strings.TrimPrefix(w.Text, "--profile=")})
				return
			case w.Option == "" && strings.HasPrefix(w.Text, "node/"):
				a.add(Effect{Kind: Privilege, Cmd: i, Detail: "node", Word: c.Name + " " + sub + " " + w.Text})
				return
			case w.Option == "--overrides" || strings.HasPrefix(w.Text, "--overrides="):
				t := strings.ToLower(strings.ReplaceAll(w.Text, " ", ""))
				for _, k := range []string{`"privileged":true`, `"hostpid":true`, `"hostnetwork":true`, `"hostipc":true`, `"hostpath"`} {
					if strings.Contains(t, k) {
						a.add(Effect{Kind: Privilege, Cmd: i, Detail: "pod", Word: c.Name + " " + sub + " --overrides asks for " + strings.Trim(k, `":true`)})
						return
					}
				}
			}
		}
	}
}

// harmlessCapabilities are the capabilities a container may be given that
// reach nothing of the host: those the engines grant by default (adding
// one changes nothing) and IPC_LOCK, which lets a process lock its own
// memory (Vault, Elasticsearch and databases ask for it). SYS_ADMIN,
// SYS_PTRACE, NET_ADMIN, SYS_MODULE, DAC_READ_SEARCH, ALL and the rest
// stay a privilege.
var harmlessCapabilities = table.Map[string, bool]{Words: "IPC_LOCK CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP"}

// harmlessCaps reports whether every capability of a --cap-add value
// (one, or several joined by commas; CAP_ prefix or not, any case) is
// harmless.
func harmlessCaps(val string) bool {
	for c := range strings.SplitSeq(val, ",") {
		c = strings.ToUpper(strings.TrimSpace(c))
		c = strings.TrimPrefix(c, "CAP_")
		if !harmlessCapabilities.Get(c) {
			return false
		}
	}
	return true
}

// privilegedOff reports --privileged=false (or =0): the flag turned off.
func privilegedOff(args []string) bool {
	for _, w := range args {
		if v, ok := strings.CutPrefix(w, "--privileged="); ok && (v == "false" || v == "0") {
			return true
		}
	}
	return false
}

func (a *analysis) containerPrivileges(i int, c *shell.Command, cl *catalog.Classified) {
	why := ""
	if cl.Mark("privileged") && !privilegedOff(c.Args) {
		why = "--privileged"
	}
	for _, w := range cl.Words {
		if why != "" {
			break
		}
		opt, val := w.Option, w.Text
		if k := strings.IndexByte(opt, '='); k > 0 {
			opt, val = opt[:k], opt[k+1:]
		}
		lv := strings.ToLower(val)
		switch {
		case opt == "--cap-add" && val != "" && !harmlessCaps(val):
			why = "--cap-add " + val
		case opt == "--security-opt" && (strings.Contains(lv, "unconfined") || strings.Contains(lv, "disable")):
			why = "--security-opt " + val
		case hostNamespaces.Get(opt) && lv == "host":
			why = opt + " host"
		case opt == "--device" && val != "" && !serialDevice(val):
			why = "--device " + val
		case w.Role == catalog.Mount:
			why = a.privilegedMount(i, val)
		}
	}
	if why != "" {
		a.add(Effect{Kind: Privilege, Cmd: i, Detail: "container", Word: c.Name + " " + why})
	}
}

// privilegedMount says why a volume gives a container the host: the root
// mounted, an engine's socket or a directory holding one, or the home
// directory (or a directory above it) mounted read-write.
func (a *analysis) privilegedMount(i int, spec string) string {
	spec = volumeSpec(spec)
	parts := strings.Split(spec, ":")
	src := parts[0]
	if src == "" || !(strings.HasPrefix(src, "/") || strings.HasPrefix(src, "~") || strings.HasPrefix(src, "$")) {
		return ""
	}
	p := a.clean(src, i)
	ro := len(parts) > 2 && strings.Contains(parts[len(parts)-1], "ro")
	switch {
	case p == "/":
		return "mounts the host's root"
	case engineSockets.Get(path.Base(p)):
		return "mounts " + p
	case p == "/var/run" || p == "/run" || p == "/run/containerd" || p == "/var/run/docker" || strings.HasPrefix(p, "/run/user/") && strings.Count(p, "/") == 3:
		return "mounts " + p + ", where the engine's socket is"
	case engineState.Get(p):
		return "mounts " + p + ", the engine's or the node's own state"
	case !ro && (p == a.env.Home || a.env.Home != "" && strings.HasPrefix(a.env.Home, p+"/")):
		return "mounts " + p + " read-write"
	case !ro && hostSystemDir(p):
		return "mounts " + p + " read-write, the host's own settings, start-up or programs"
	}
	return ""
}

// hostSystemDirs are the host's directories whose files it runs or
// configures itself with, root's home among them: a container that may
// write there (its sudoers, cron, units, root's start-up files and
// authorized_keys) changes the host as root.
var hostSystemDirs = [...]string{"/etc", "/root", "/boot", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/var/spool/cron", "/var/lib", "/Library", "/System"}

// hostSystemDir reports whether p is one of hostSystemDirs or lies
// within one, or is another account's home (/home/NAME, /Users/NAME).
func hostSystemDir(p string) bool {
	for _, d := range hostSystemDirs {
		if p == d || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	for _, h := range [...]string{"/home/", "/Users/"} {
		if rest, ok := strings.CutPrefix(p, h); ok && rest != "" && !strings.Contains(rest, "/") {
			return true
		}
	}
	return false
}
