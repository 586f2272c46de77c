package agent

import (
	"path"
	"strings"
	"sync"
)

// Codex's exec_command can start a process and keep it running; the model
// then types into it with write_stdin, which fires no hook. A command that
// starts an interactive interpreter with no script (a shell, a REPL, a
// database client without a query, ssh without a remote command) would let
// every later line through unjudged, so the hook asks for it instead.

// interpreter says when a program runs a given script rather than reading
// one from its input.
type interpreter struct {
	// script lists the options that give the program its script or query
	// (python -c, psql -c, mysql -e); the option's value may be attached.
	script []string
	// valued lists options that take a value, so that the value is not
	// mistaken for a script file.
	valued []string
	// args: a plain argument is a script (a file, or a command for
	// redis-cli). ssh and the database clients' first plain argument is a
	// host or a database, so they set args to how many plain arguments
	// still leave them interactive.
	args int
	// interactive lists the options that force an interactive session
	// even with a script (python -i, node -i).
	interactive []string
	// cluster: short options may be grouped (bash -lc, python -Bc), so a
	// script option is looked for inside a group.
	cluster bool
	// shell: the script is a command line, read again for an interpreter
	// (bash -c psql).
	shell bool
}

// interpreters maps a program's base name onto its rules. It is built on
// first use: only a Codex payload reads it, and a hook process that never
// does should not pay for the table at start-up.
func interpreters() map[string]interpreter {
	interpretersOnce.Do(func() { interpretersMap = makeInterpreters() })
	return interpretersMap
}

var (
	interpretersOnce sync.Once
	interpretersMap  map[string]interpreter
)

// makeInterpreters makes the table interpreters keeps.
func makeInterpreters() map[string]interpreter {
	shell := interpreter{script: []string{"-c"}, valued: []string{"-o", "+o", "-O", "+O", "--rcfile", "--init-file"}, cluster: true, shell: true}
	python := interpreter{script: []string{"-c", "-m"}, valued: []string{"-W", "-X", "-Q"}, interactive: []string{"-i"}, cluster: true}
	node := interpreter{script: []string{"-e", "--eval", "-p", "--print", "--test"}, valued: []string{"-r", "--require", "--import", "--loader", "--input-type"}, interactive: []string{"-i", "--interactive"}}
	m := map[string]interpreter{
		"node": node, "nodejs": node,
		"ruby": {script: []string{"-e"}, valued: []string{"-I", "-r"}},
		"perl": {script: []string{"-e", "-E"}, valued: []string{"-I", "-M", "-m"}},
		"php":  {script: []string{"-r", "-f"}, interactive: []string{"-a"}},
		"lua":  {script: []string{"-e"}, valued: []string{"-l"}, interactive: []string{"-i"}},
		"irb":  {}, "pry": {}, "ghci": {}, "julia": {script: []string{"-e", "--eval"}, interactive: []string{"-i"}},
		"R":                 {script: []string{"-e", "-f", "--file"}},
		"Rscript":           {script: []string{"-e"}},
		"scala":             {script: []string{"-e"}},
		"sqlite3":           {script: []string{"-cmd", "-init"}, args: 1},
		"psql":              {script: []string{"-c", "--command", "-f", "--file", "-l", "--list"}, valued: []string{"-h", "--host", "-p", "--port", "-U", "--username", "-d", "--dbname", "-v", "--set", "-P"}, args: 2},
		"mysql":             {script: []string{"-e", "--execute"}, valued: []string{"-h", "--host", "-P", "--port", "-u", "--user", "-D", "--database", "-S", "--socket"}, args: 1},
		"mariadb":           {script: []string{"-e", "--execute"}, valued: []string{"-h", "--host", "-P", "--port", "-u", "--user", "-D", "--database", "-S", "--socket"}, args: 1},
		"mongosh":           {script: []string{"--eval", "-f", "--file"}, valued: []string{"--host", "--port", "-u", "--username", "-p", "--password"}, args: 1},
		"mongo":             {script: []string{"--eval"}, valued: []string{"--host", "--port", "-u", "--username", "-p", "--password"}, args: 1},
		"redis-cli":         {valued: []string{"-h", "-p", "-a", "-n", "-u"}},
		"clickhouse-client": {script: []string{"-q", "--query", "--queries-file"}, valued: []string{"-h", "--host", "--port", "-u", "--user", "-d", "--database"}},
		"sqlcmd":            {script: []string{"-Q", "-q", "-i"}, valued: []string{"-S", "-U", "-P", "-d"}},
		"ssh":               {valued: []string{"-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w"}, args: 1},
	}
	for _, s := range []string{"sh", "bash", "zsh", "dash", "ksh", "mksh", "fish", "ash", "busybox"} {
		m[s] = shell
	}
	for _, p := range []string{"python", "python2", "python3", "pypy", "pypy3", "ipython", "ipython3"} {
		m[p] = python
	}
	return m
}

// isWrapper reports whether a program runs the rest of the line as a
// command of its own.
func isWrapper(name string) bool {
	switch name {
	case "sudo", "doas", "env", "exec", "nohup", "time", "command", "nice", "stdbuf", "setsid", "script":
		return true
	}
	return false
}

// interactiveProgram returns the interpreter a command line leaves running
// and waiting for typed input, or "" when there is none. It reads the
// first command of each list element (&&, ||, ;, newline); a command whose
// input is redirected or piped in reads that, not the keyboard.
func interactiveProgram(command string) string {
	for _, part := range splitList(command) {
		first, _, _ := strings.Cut(part, "|")
		if strings.Contains(first, "<") {
			continue // < file, << heredoc, <<< string
		}
		if name := interactiveWords(strings.Fields(first)); name != "" {
			return name
		}
	}
	return ""
}

// splitList splits a command line at &&, ||, ; and newlines (a plain
// reading: quotes are not tracked, which can only find more commands).
func splitList(s string) []string {
	s = strings.NewReplacer("&&", "\n", "||", "\n", ";", "\n").Replace(s)
	return strings.Split(s, "\n")
}

func interactiveWords(words []string) string {
	// Variable assignments, wrappers and their options come first.
	for len(words) > 0 {
		w := words[0]
		base := path.Base(strings.Trim(w, `'"`))
		switch {
		case strings.Contains(w, "=") && !strings.HasPrefix(w, "-"):
			words = words[1:]
		case isWrapper(base):
			words = words[1:]
			for len(words) > 0 && strings.HasPrefix(words[0], "-") {
				words = words[1:]
			}
		default:
			return interactiveCall(base, words[1:])
		}
	}
	return ""
}

// interactiveCall applies program's rules to its arguments.
func interactiveCall(program string, args []string) string {
	if program == "docker" || program == "podman" || program == "kubectl" {
		return containerShell(args)
	}
	in, ok := interpreters()[program]
	if !ok {
		return ""
	}
	plain := 0
	forced := false
	for i := 0; i < len(args); i++ {
		a := strings.Trim(args[i], `'"`)
		if a == "--" && program != "ssh" {
			plain += len(args) - i - 1
			break
		}
		if strings.HasPrefix(a, "-") || strings.HasPrefix(a, "+") {
			name, _, attached := strings.Cut(a, "=")
			if hasOption(in.interactive, name) {
				forced = true
			}
			if hasOption(in.script, name) || prefixOption(in.script, a) || in.cluster && inCluster(in.script, a) {
				if in.shell && i+1 < len(args) {
					// sh -c SCRIPT: the script may itself start one.
					return interactiveProgram(strings.Trim(strings.Join(args[i+1:], " "), `'"`))
				}
				if !forced {
					return ""
				}
			}
			if hasOption(in.valued, name) && !attached {
				i++
			}
			continue
		}
		plain++
	}
	if forced || plain <= in.args {
		return program
	}
	return ""
}

// containerShell reads docker/podman exec -it CONTAINER CMD and kubectl
// exec -it POD -- CMD: an interactive session into a shell is as good as
// one on the host.
func containerShell(args []string) string {
	if len(args) == 0 || args[0] != "exec" {
		return ""
	}
	tty := false
	rest := args[1:]
	for i, a := range rest {
		if a == "--" {
			rest = rest[i+1:]
			break
		}
		if strings.HasPrefix(a, "-") {
			if a == "-it" || a == "-ti" || a == "-i" || a == "--stdin" || a == "--interactive" {
				tty = true
			}
			continue
		}
		if i+1 < len(rest) && rest[i+1] != "--" {
			rest = rest[i+1:] // docker: the container, then the command
			break
		}
	}
	if !tty {
		return ""
	}
	return interactiveWords(rest)
}

func hasOption(opts []string, name string) bool {
	for _, o := range opts {
		if o == name {
			return true
		}
	}
	return false
}

// prefixOption reports whether a is a short option with its value
// attached (-cprint(1), -e'1').
func prefixOption(opts []string, a string) bool {
	for _, o := range opts {
		if len(o) == 2 && strings.HasPrefix(a, o) && len(a) > 2 && !strings.HasPrefix(a, "--") {
			return true
		}
	}
	return false
}

// inCluster reports whether a is a group of short options (-lc) holding
// one of the one-letter opts.
func inCluster(opts []string, a string) bool {
	if len(a) < 3 || a[0] != '-' || a[1] == '-' {
		return false
	}
	for _, o := range opts {
		if len(o) == 2 && strings.ContainsRune(a[1:], rune(o[1])) {
			return true
		}
	}
	return false
}

// interactiveReason is the reason given with the ask: why, and what the
// user can do instead.
func interactiveReason(program string) string {
	return "rampart: approval required: `" + program + "` starts an interactive session, and Codex sends what is typed into it " +
		"(write_stdin) to no hook, so nothing typed would be judged; run Codex under `rampart preload -- codex` " +
		"to judge every command its shells run"
}
