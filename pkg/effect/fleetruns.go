package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A command a fleet runner runs on the machines it targets (bolt command
// run CMD --targets prod, pssh -h hosts CMD, pdsh -w web[1-9] CMD, clush,
// salt '*' cmd.run CMD and its functions, ansible ad-hoc, mussh, fab,
// knife ssh) runs on shared machines, whatever they are called, and so
// does a remote shell (ssh, mosh, autossh) run over many hosts: in a loop
// (for h in web-01 web-02; do ssh "$h" …; done) or by xargs or parallel
// over a list, to hosts that are not this machine. (One ssh to one host
// that does not say production is everyday work, as the older tables
// settled; remoteprod.go judges a production host's.) A service
// restarted or stopped there, packages installed or upgraded, processes
// killed, is a change to what others rely on (destroy:shared-change),
// where the same command on this machine is everyday work. What it only
// looks at (uptime, df -h, systemctl status) stays a look; what it
// destroys is judged as the command itself.

// fleetRunners are the programs that run a command on many machines.
var fleetRunners = table.Map[string, bool]{Words: "bolt pssh parallel-ssh prsh pdsh clush salt salt-ssh ansible mussh fab knife mco dsh cssh pdcp"}

// remoteShells are the programs that run a command on the host they log
// in to.
var remoteShells = table.Map[string, bool]{Words: "ssh mosh autossh slogin"}

// fanOutRunners run the command after them once for each item of a list.
var fanOutRunners = table.Map[string, bool]{Words: "xargs parallel"}

// fansOut reports a command run again and again: in a loop, or behind
// xargs or parallel.
func fansOut(c *shell.Command) bool {
	if c.Repeats {
		return true
	}
	for _, v := range c.Via {
		if fanOutRunners.Get(v) {
			return true
		}
	}
	return false
}

// remoteShellLocal reports a remote shell whose host is this machine
// (ssh localhost, ssh dev@127.0.0.1), or that names no host.
func remoteShellLocal(c *shell.Command) bool {
	cl := catalog.Default().Classify(c.Name, c.Args)
	for _, w := range cl.Words {
		if w.Option != "" || w.Role != catalog.Remote {
			continue
		}
		host := w.Text
		if _, h, ok := strings.Cut(host, "@"); ok {
			host = h
		}
		if h, _, ok := strings.Cut(host, ":"); ok {
			host = h
		}
		return loopback(strings.ToLower(host))
	}
	return true
}

// serviceVerbs are the verbs of a service manager that change what runs.
var serviceVerbs = table.Map[string, bool]{Words: "restart stop start reload try-restart reload-or-restart condrestart force-reload disable enable mask kill isolate"}

// systemPackageVerbs are the verbs of a system package manager that change
// what is installed.
var systemPackageVerbs = table.Map[string, bool]{Words: "install reinstall upgrade dist-upgrade full-upgrade remove purge autoremove erase update-minimal -S -Syu -R -Rns"}

// fleetChanges adds destroy:shared-change for each command a fleet runner
// runs that changes the state of the machines it runs on.
func (a *analysis) fleetChanges(i int, c *shell.Command) {
	if c.Depth == 0 || c.Name == "" {
		return
	}
	runner := a.fleetRunner(i)
	if runner == "" || !changesMachineState(c) {
		return
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: runner + " runs " + c.Name + " on every machine it targets"})
}

// fleetRunner returns the fleet runner that runs command i: a wrapper it
// was found behind, or a command of a lower depth before it; or "".
func (a *analysis) fleetRunner(i int) string {
	c := &a.res.Commands[i]
	for _, v := range c.Via {
		if fleetRunners.Get(v) {
			return v
		}
	}
	for k, d := i-1, c.Depth; k >= 0 && d > 0; k-- {
		o := &a.res.Commands[k]
		if o.Depth >= d {
			continue
		}
		d = o.Depth
		if fleetRunners.Get(o.Name) || remoteShells.Get(o.Name) && fansOut(o) && !remoteShellLocal(o) {
			return o.Name
		}
	}
	return ""
}

// changesMachineState reports a command that changes what a machine runs
// or has installed: a service restarted, stopped or disabled, a package
// installed, upgraded or removed, a process killed, the machine rebooted or
// shut down.
func changesMachineState(c *shell.Command) bool {
	switch c.Name {
	case "kill", "pkill", "killall", "reboot", "shutdown", "poweroff", "halt":
		return true
	case "systemctl", "service", "rc-service", "sv", "supervisorctl", "initctl":
		for _, w := range c.Args {
			if serviceVerbs.Get(w) {
				return true
			}
		}
	case "apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "apk", "pacman", "snap":
		for _, w := range c.Args {
			if systemPackageVerbs.Get(w) || w == "update" && (c.Name == "yum" || c.Name == "dnf" || c.Name == "zypper") {
				// (yum update upgrades; apt-get update only refreshes the lists)
				return true
			}
		}
	}
	return false
}
