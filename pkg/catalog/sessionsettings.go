package catalog

import "strings"

// Settings made through a session manager, which every program it starts
// later inherits (systemctl --user set-environment, launchctl setenv,
// dbus-update-activation-environment, tmux set-environment -g), and
// through PHP's and .NET's package managers' own configuration (composer
// config -g repos.NAME composer URL, dotnet nuget add source URL): each
// is a setting of the table made persistent, as npm config set is.

// sessionSettings returns the settings such a command makes; add records
// a tool setting (namespace, key, value, channel).
func sessionSettings(name string, args []string, add func(ns, key, val, via string)) []SettingUse {
	var out []SettingUse
	env := func(kv, via string) {
		if u, ok := AssignmentSetting(kv, via); ok {
			u.Persistent = true
			out = append(out, u)
		}
	}
	pos := positionals(args, nil)
	switch name {
	case "systemctl":
		// systemctl [--user] set-environment NAME=VALUE...
		for k, w := range pos {
			if w == "set-environment" {
				for _, kv := range pos[k+1:] {
					env(kv, "systemctl set-environment")
				}
				break
			}
		}
	case "dbus-update-activation-environment":
		for _, kv := range pos {
			env(kv, name)
		}
	case "launchctl":
		// launchctl setenv NAME VALUE [NAME VALUE...]
		if len(pos) >= 3 && pos[0] == "setenv" {
			for k := 1; k+1 < len(pos); k += 2 {
				env(pos[k]+"="+pos[k+1], "launchctl setenv")
			}
		}
	case "tmux":
		// tmux set-environment [-g] [-t TARGET] NAME VALUE
		for k, w := range args {
			if w != "set-environment" && w != "setenv" {
				continue
			}
			rest := positionals(args[k+1:], []string{"-t"})
			if len(rest) >= 2 {
				env(rest[0]+"="+rest[1], "tmux set-environment")
			}
			break
		}
	case "composer":
		// composer config [-g] repos.NAME TYPE URL, repositories.NAME …;
		// composer config [-g] secure-http false
		if len(pos) >= 3 && pos[0] == "config" {
			key := strings.ToLower(pos[1])
			switch {
			case strings.HasPrefix(key, "repos.") || strings.HasPrefix(key, "repositories."):
				add("composer", "repositories", pos[len(pos)-1], "composer config")
			default:
				add("composer", key, pos[2], "composer config")
			}
		}
	case "dotnet", "nuget":
		// dotnet nuget add source URL, nuget sources add -Source URL
		if name == "dotnet" && (len(pos) == 0 || pos[0] != "nuget") || name == "nuget" && (len(pos) < 2 || pos[0] != "sources" || pos[1] != "add") {
			return out // dotnet ef … -s src/Api: a startup project; nuget push -s: where a package goes
		}
		for k, w := range args {
			lw := strings.ToLower(w)
			if lw == "-source" || lw == "--source" || lw == "-s" {
				if k+1 < len(args) {
					add("nuget", "source", args[k+1], name+" nuget")
				}
				return out
			}
		}
		for k := 0; k+2 < len(pos); k++ {
			if pos[k] == "add" && pos[k+1] == "source" {
				add("nuget", "source", pos[k+2], name+" nuget")
				break
			}
		}
	}
	return out
}
