package shell

import "strings"

// AnsibleModuleName is the module an ansible ad-hoc call runs (-m NAME,
// --module-name NAME), without its collection (ansible.builtin.copy and
// community.postgresql.postgresql_db are copy and postgresql_db);
// "command" when the call names none, as ansible's default is.
func AnsibleModuleName(words []string) string {
	module := "command"
	for i := 1; i+1 < len(words); i++ {
		if words[i] == "-m" || words[i] == "--module-name" {
			module = words[i+1]
		} else if v, ok := strings.CutPrefix(words[i], "--module-name="); ok {
			module = v
		} else if v, ok := strings.CutPrefix(words[i], "-m"); ok && v != "" {
			module = v
		}
	}
	if k := strings.LastIndexByte(module, '.'); k >= 0 {
		module = module[k+1:]
	}
	return module
}

// ansibleModule gives the shell command an ansible ad-hoc call's module
// amounts to, from its -a arguments: command, shell and raw run them as a
// command line; file, copy, template, lineinfile, get_url and unarchive do
// what rm, mkdir, ln, cp, tee, curl and tar would (path=~ state=absent
// deletes the home directory), fetch copies a host's file here and slurp
// prints one; reboot reboots, and service and systemd
// start, stop, restart, enable, disable or mask as systemctl would, as root
// with -b and not at all in check mode; apt, package and the like install
// or remove as apt-get would (upgrade=dist upgrades every package), user
// adds, removes or regroups an account; authorized_key appends a key (one
// fetched from a URL when key= is one) to the user's authorized_keys, cron
// writes a crontab entry whose job runs later, sysctl sets a kernel
// setting, the database modules with state=absent drop the database, and
// docker_prune prunes (volumes=true takes the volumes). In check mode (-C,
// --check) a module that supports it changes nothing; command, shell, raw
// and script do not support it and run.
// Another module runs nothing the line shows: "".
func ansibleModule(words []string, args string) string {
	module := AnsibleModuleName(words)
	kv := map[string]string{}
	for _, f := range strings.Fields(args) {
		if k, v, ok := strings.Cut(f, "="); ok {
			kv[k] = strings.Trim(v, `"'`)
		}
	}
	path := kv["path"]
	if path == "" {
		path = kv["dest"]
	}
	if path == "" {
		path = kv["name"]
	}
	q := quoteWord
	switch module {
	case "command", "shell", "raw", "win_shell", "win_command":
		if become(words) != "" {
			// run as root on the hosts (-b, --become)
			return "sudo sh -c " + q(args)
		}
		return args
	case "script":
		return "sh " + args
	case "fetch":
		// the hosts' file copied here (src=/etc/shadow dest=/tmp/x/),
		// read as root with -b
		if kv["src"] != "" {
			return become(words) + "cp " + q(kv["src"]) + " " + q(kv["dest"])
		}
	case "slurp":
		// the hosts' file printed (base64 in the output), in check mode too
		if src := kv["src"] + kv["path"]; src != "" {
			return become(words) + "cat " + q(src)
		}
	}
	if AnsibleChecks(words) {
		return "" // check mode: the module reports what it would change
	}
	switch module {
	case "file":
		switch kv["state"] {
		case "absent":
			return "rm -rf " + q(path)
		case "directory":
			return "mkdir -p " + q(path)
		case "link", "hard":
			return "ln -sf " + q(kv["src"]) + " " + q(path)
		case "touch":
			return "touch " + q(path)
		}
		if kv["mode"] != "" && path != "" {
			return "chmod " + q(kv["mode"]) + " " + q(path)
		}
	case "copy", "template":
		if kv["src"] != "" {
			return "cp " + q(kv["src"]) + " " + q(path)
		}
		return "tee " + q(path)
	case "lineinfile", "blockinfile", "replace":
		return "tee -a " + q(path)
	case "get_url":
		return "curl -o " + q(path) + " " + q(kv["url"])
	case "unarchive":
		return "tar -xf " + q(kv["src"]) + " -C " + q(path)
	case "apt", "package", "yum", "dnf", "apk", "pacman", "zypper":
		// a system package installed or removed, as the distribution's
		// package manager would
		if kv["name"] != "" {
			if kv["state"] == "absent" || kv["state"] == "removed" {
				return become(words) + "apt-get remove -y " + q(kv["name"])
			}
			return become(words) + "apt-get install -y " + q(kv["name"])
		}
		// upgrade=dist (full, safe, yes): every package upgraded
		if u := kv["upgrade"]; u != "" && u != "no" && u != "false" {
			return become(words) + "apt-get dist-upgrade -y"
		}
	case "user":
		// an account added, removed or given groups (sudo among them)
		if kv["name"] != "" {
			switch {
			case kv["state"] == "absent":
				return become(words) + "userdel " + q(kv["name"])
			case kv["groups"] != "":
				return become(words) + "usermod -aG " + q(kv["groups"]) + " " + q(kv["name"])
			}
			return become(words) + "useradd " + q(kv["name"])
		}
	case "authorized_key":
		return authorizedKeyLine(words, kv)
	case "cron":
		// the entry written, and its job judged as the command it runs
		// there from then on
		if job := cronJob(args); job != "" && kv["state"] != "absent" {
			return become(words) + "tee -a /etc/crontab; " + job
		}
	case "sysctl":
		if kv["name"] != "" && kv["value"] != "" {
			return become(words) + "sysctl -w " + q(kv["name"]+"="+kv["value"])
		}
	case "postgresql_db", "mysql_db", "mongodb_db":
		if kv["state"] == "absent" && kv["name"] != "" {
			return "dropdb " + q(kv["name"])
		}
	case "docker_prune":
		if ansibleOn(kv["volumes"]) {
			return "docker system prune -af --volumes"
		}
		return "docker system prune -af"
	case "reboot", "win_reboot":
		return become(words) + "reboot"
	case "service", "systemd", "systemd_service", "sysvinit":
		// what the service is brought to, as systemctl would
		verb := map[string]string{"started": "start", "stopped": "stop", "restarted": "restart", "reloaded": "reload"}[kv["state"]]
		switch {
		case ansibleOn(kv["enabled"]) && verb == "":
			verb = "enable"
		case ansibleOff(kv["enabled"]) && verb == "":
			verb = "disable"
		}
		if ansibleOn(kv["masked"]) {
			verb = "mask"
		}
		if verb != "" && kv["name"] != "" {
			return become(words) + "systemctl " + verb + " " + q(kv["name"])
		}
	}
	return ""
}

// ansibleOn and ansibleOff read an Ansible boolean.
func ansibleOn(v string) bool  { return v == "yes" || v == "true" || v == "True" }
func ansibleOff(v string) bool { return v == "no" || v == "false" || v == "False" }

// authorizedKeyLine is what authorized_key does: the key appended to the
// user's authorized_keys, fetched first when key= is a URL (ansible
// downloads it).
func authorizedKeyLine(words []string, kv map[string]string) string {
	user := kv["user"]
	if user == "" || kv["state"] == "absent" {
		return ""
	}
	file := "/home/" + user + "/.ssh/authorized_keys"
	if user == "root" {
		file = "/root/.ssh/authorized_keys"
	}
	if strings.HasPrefix(kv["key"], "https://") || strings.HasPrefix(kv["key"], "http://") {
		return "curl -fsSL " + quoteWord(kv["key"]) + " | " + become(words) + "tee -a " + file
	}
	return become(words) + "tee -a " + file
}

// cronJob is the job= value of a cron module's arguments, which may hold
// spaces inside its quotes (job="/usr/bin/backup --all").
func cronJob(args string) string {
	k := strings.Index(args, "job=")
	if k < 0 || k > 0 && args[k-1] != ' ' {
		return ""
	}
	v := args[k+len("job="):]
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : 1+end]
		}
		return ""
	}
	if f := strings.Fields(v); len(f) > 0 {
		return f[0]
	}
	return ""
}

// become is "sudo " when an ansible command runs its module as root on
// the hosts (-b, --become), so what the module does is judged as done
// with privileges.
func become(words []string) string {
	for _, w := range words[1:] {
		// -b alone or among ansible's flags that take no value (-bK, -Kb)
		if w == "--become" || len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.Contains(w, "b") && strings.Trim(w[1:], "bKkvCDo") == "" {
			return "sudo "
		}
	}
	return ""
}

// AnsibleChecks reports whether an ansible command runs in check mode
// (-C, --check): its modules report what they would change and change
// nothing.
func AnsibleChecks(words []string) bool {
	for _, w := range words[1:] {
		if w == "--check" || w == "-C" {
			return true
		}
	}
	return false
}

// ansibleHasArgs reports whether an ansible command gives its module
// arguments (-a, --args).
func ansibleHasArgs(words []string) bool {
	for _, w := range words[1:] {
		if w == "-a" || w == "--args" || strings.HasPrefix(w, "--args=") || strings.HasPrefix(w, "-a") && len(w) > 2 && !strings.HasPrefix(w, "--") {
			return true
		}
	}
	return false
}
