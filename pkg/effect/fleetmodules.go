package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// An ansible ad-hoc module that changes the machines it targets (copy,
// template, unarchive, synchronize, git, pip, cron, sysctl,
// authorized_key, a database or a container module) changes what others
// rely on there, as a service restarted by a fleet runner does
// (fleetruns.go): destroy:shared-change. What the module amounts to as a
// command (shell/ansible.go) is judged beside it; a module that only
// looks (ping, setup, stat, fetch, slurp, the *_facts and *_info
// modules), check mode, and a call aimed at this machine (localhost, -c
// local) change nothing elsewhere.

// changingModules are the ansible modules that change the machines they
// run on, beside the command, shell and service ones fleetChanges reads.
var changingModules = table.Map[string, bool]{Words: `copy template file lineinfile blockinfile replace assemble patch
	unarchive synchronize git subversion get_url pip npm gem composer cron sysctl mount authorized_key user group
	known_hosts hostname timezone iptables ufw firewalld selinux seboolean modprobe apt_repository yum_repository
	apt_key rpm_key debconf alternatives pam_limits postgresql_db postgresql_user postgresql_query postgresql_privs
	mysql_db mysql_user mysql_query mongodb_user docker_container docker_image docker_volume docker_network
	docker_prune docker_compose docker_compose_v2 k8s helm script`}

// fleetModuleChanges adds destroy:shared-change for an ansible ad-hoc call
// whose module changes the machines it targets.
func (a *analysis) fleetModuleChanges(i int, c *shell.Command, cl *catalog.Classified) {
	if c.Name != "ansible" {
		return
	}
	words := append([]string{c.Name}, c.Args...)
	module := shell.AnsibleModuleName(words)
	if !changingModules.Get(module) || shell.AnsibleChecks(words) || ansibleLocal(c.Args, cl) {
		return
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: "ansible runs " + module + " on every machine it targets"})
}

// ansibleLocal reports an ansible call aimed at this machine: the
// connection local (-c local), or the host pattern localhost.
func ansibleLocal(args []string, cl *catalog.Classified) bool {
	for j, w := range args {
		if v, ok := strings.CutPrefix(w, "--connection="); ok && v == "local" || (w == "-c" || w == "--connection") && j+1 < len(args) && args[j+1] == "local" {
			return true
		}
	}
	for _, w := range cl.Words {
		if w.Option == "" {
			return w.Text == "localhost" || w.Text == "127.0.0.1"
		}
	}
	return false
}
