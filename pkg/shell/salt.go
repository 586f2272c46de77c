package shell

import "strings"

// saltFunction gives the shell command a salt call's execution function
// amounts to on the minions, which run it as root: pkg.install NAME is
// apt-get install, service.restart NAME systemctl restart, system.reboot
// reboot, file.remove PATH rm -rf, user.add and user.delete useradd and
// userdel, cmd.script URL the script downloaded and run. cmd.run's
// command is judged as written (embeddedScripts); another function runs
// nothing the line shows: "".
func saltFunction(words []string) string {
	fn, args := "", []string(nil)
	for i, w := range words[1:] {
		if i == 0 && words[0] != "salt-call" {
			continue // the target ('*', web*, a list or a compound)
		}
		if strings.HasPrefix(w, "-") {
			continue
		}
		if k := strings.IndexByte(w, '.'); k > 0 && k < len(w)-1 && !strings.ContainsAny(w, "/=*") {
			fn, args = w, words[i+2:]
			break
		}
	}
	var pos []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") && !strings.Contains(a, "=") {
			pos = append(pos, a)
		}
	}
	first := ""
	if len(pos) > 0 {
		first = pos[0]
	}
	q := quoteWord
	mod, verb, _ := strings.Cut(fn, ".")
	switch mod {
	case "pkg":
		switch verb {
		case "install":
			if first != "" {
				return "sudo apt-get install -y " + q(first)
			}
		case "upgrade":
			return "sudo apt-get upgrade -y"
		case "remove", "purge", "uninstall":
			return "sudo apt-get remove -y " + q(first)
		}
	case "service":
		switch verb {
		case "restart", "start", "stop", "reload", "enable", "disable", "mask":
			if first != "" {
				return "sudo systemctl " + verb + " " + q(first)
			}
		}
	case "system":
		switch verb {
		case "reboot":
			return "sudo reboot"
		case "poweroff", "shutdown", "halt":
			return "sudo shutdown now"
		}
	case "file":
		switch verb {
		case "remove", "rmdir":
			if first != "" {
				return "sudo rm -rf " + q(first)
			}
		}
	case "user":
		switch verb {
		case "add":
			if first != "" {
				return "sudo useradd " + q(first)
			}
		case "delete":
			if first != "" {
				return "sudo userdel -r " + q(first)
			}
		}
	case "cmd":
		if verb == "script" && first != "" {
			if strings.HasPrefix(first, "http://") || strings.HasPrefix(first, "https://") {
				return "curl -fsSL " + q(first) + " | sudo sh"
			}
		}
	}
	return ""
}
