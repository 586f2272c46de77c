package shell

import "strings"

// A shell starter enters a container, machine or sandbox and starts a
// login shell there when given no command (machinectl shell, distrobox
// enter, toolbox enter, wsl.exe): that shell reads the line's input as its
// script. Given a command, the command is what reads the input.

// startedCommand gives the command a shell starter runs, nil when it starts
// a login shell, and whether name is a shell starter at all.
func startedCommand(name string, words []string) (cmd []string, ok bool) {
	args := words[1:]
	switch name {
	case "machinectl":
		// machinectl [opts] shell [[user@]host [command…]]
		i := verbIndex(args, "shell")
		if i < 0 {
			return nil, false
		}
		rest := args[i+1:]
		if len(rest) > 0 {
			rest = rest[1:] // the host
		}
		return rest, true
	case "distrobox":
		// distrobox enter NAME [-- command…]
		if verbIndex(args, "enter") < 0 {
			return nil, false
		}
		return afterDashes(args), true
	case "toolbox":
		switch {
		case verbIndex(args, "enter") >= 0:
			return nil, true
		case verbIndex(args, "run") >= 0:
			rest := args[verbIndex(args, "run")+1:]
			for i := 0; i < len(rest); i++ {
				switch rest[i] {
				case "-c", "--container", "-d", "--distro", "-r", "--release":
					i++
					continue
				}
				if !strings.HasPrefix(rest[i], "-") {
					return rest[i:], true
				}
			}
			return nil, true
		}
		return nil, false
	case "bwrap":
		// bwrap's options take one to three values; the command is the
		// first word naming a program that reads a script.
		for i, w := range args {
			if !strings.HasPrefix(w, "-") && stdinReaderName(progName(w)) {
				return args[i:], true
			}
		}
		return []string{""}, true
	case "wsl", "wsl.exe":
		if c := afterDashes(args); c != nil {
			return c, true
		}
		for i := 0; i < len(args); i++ {
			switch args[i] {
			case "-e", "--exec":
				return args[i+1:], true
			case "-d", "--distribution", "-u", "--user", "--cd", "--shell-type":
				i++
				continue
			}
			if !strings.HasPrefix(args[i], "-") {
				return args[i:], true
			}
		}
		return nil, true
	case "docker", "podman", "nerdctl", "finch":
		return containerRunCommand(name, words) // runselsewhere.go
	}
	return nil, false
}

// verbIndex is where a subcommand stands among a program's words, -1 when
// it is not there.
func verbIndex(args []string, verb string) int {
	for i, w := range args {
		if w == verb {
			return i
		}
		if !strings.HasPrefix(w, "-") {
			return -1
		}
	}
	return -1
}

// afterDashes gives the words after "--", nil when there is none.
func afterDashes(args []string) []string {
	for i, w := range args {
		if w == "--" {
			return args[i+1:]
		}
	}
	return nil
}

// starterReadsStdin reports whether a shell starter's input reaches a
// shell or interpreter as its script, and in what language.
func starterReadsStdin(name string, words []string) (string, bool) {
	cmd, ok := startedCommand(name, words)
	if !ok {
		return "", false
	}
	if len(cmd) == 0 {
		return "sh", true // a login shell
	}
	if cmd[0] == "" {
		return "", false
	}
	return readsStdin(cmd)
}
