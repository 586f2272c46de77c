package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Listening on every interface: a program told, by one of its own options,
// to accept connections on every address of this machine (--bind 0.0.0.0,
// --host 0.0.0.0, --ip=0.0.0.0, -S 0.0.0.0:8000, --listen [::]:8080) is
// reachable from the network, not only from this machine, whatever the
// program is: a Listen effect with the detail "every-interface". A
// program's own default is not read (python3 -m http.server 9000 binds
// every address too, and is everyday work); an explicit address is a
// choice a person confirms. The arguments after "--" are those of a
// command or task it runs, and are not its own.

// bindNames are the parts of an option's name that say it sets where a
// server listens.
var bindNames = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"bind": true, "host": true, "ip": true, "listen": true, "addr": true, "address": true,
		"interface": true, "hostname": true, "iface": true,
	}
}}

// everyInterface reports whether an address, maybe with a port, is every
// address of this machine.
func everyInterface(v string) bool {
	v = strings.Trim(v, `"'`)
	if v == "" || v[0] != '0' && v[0] != '[' && v[0] != ':' {
		return false // none of the forms below
	}
	for _, any := range [...]string{"0.0.0.0", "[::]", "::"} {
		if v == any {
			return true
		}
		rest, ok := strings.CutPrefix(v, any)
		if ok && len(rest) > 1 && rest[0] == ':' && strings.Trim(rest[1:], "0123456789:") == "" {
			return true // 0.0.0.0:8000, [::]:8080, 0.0.0.0:8080:80
		}
	}
	return false
}

// optionNamesBind reports whether an option's name (--bind-address,
// --NotebookApp.ip, -b) has a part naming where a server listens.
func optionNamesBind(name string) bool {
	name = strings.TrimLeft(name, "-")
	if name == "b" || name == "H" {
		return true // the usual short forms of --bind and --host
	}
	var pb [8]string
	for _, p := range taskParts(pb[:0], name) {
		if bindNames.Get(p) {
			return true
		}
	}
	return false
}

// varNamesBind reports whether an environment variable's name
// (OLLAMA_HOST, FLASK_RUN_HOST, BIND_ADDR) has a part naming where a
// server listens.
func varNamesBind(name string) bool {
	for part := range strings.SplitSeq(strings.ToLower(name), "_") {
		if bindNames.Get(part) {
			return true
		}
	}
	return false
}

// exportedFor reports whether a listening variable the line exported
// speaks to program prog, which runs later on the line with every
// exported variable: one that names it (OLLAMA_HOST for ollama), or one
// naming no program (HOST, BIND_ADDR). sleep 1 after export
// OLLAMA_HOST=0.0.0.0 listens nowhere.
func exportedFor(name, prog string) bool {
	prog = strings.ToLower(path.Base(prog))
	for k, part := range strings.Split(strings.ToLower(name), "_") {
		if k == 0 && part == prog {
			return true
		}
		if !bindNames.Get(part) {
			return false
		}
	}
	return true
}

// listensEverywhere adds the Listen effect for a command whose own options
// bind every interface, or whose environment does (OLLAMA_HOST=0.0.0.0
// ollama serve, HOST=0.0.0.0 npm run dev: a variable whose name has a
// part naming where a server listens), its own or one the line exported
// before it (export OLLAMA_HOST=0.0.0.0; ollama serve, declare -x).
func (a *analysis) listensEverywhere(i int, c *shell.Command) {
	for _, kv := range a.exportedBefore(i) {
		kv = strings.Trim(kv, `"'`)
		if name, val, ok := strings.Cut(kv, "="); ok && everyInterface(val) && varNamesBind(name) && exportedFor(name, c.Name) && serverVariable(name, c) {
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: kv + " " + c.Name})
			return
		}
	}
	for _, kv := range carriedAssigns(a.res, i) {
		if name, val, ok := strings.Cut(kv, "="); ok && everyInterface(val) && varNamesBind(name) && serverVariable(name, c) {
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: kv + " " + c.Name})
			return
		}
	}
	args := c.Args
	for k, w := range args {
		if w == "--" {
			return
		}
		if !strings.HasPrefix(w, "-") || len(w) < 2 {
			continue
		}
		name, val, eq := strings.Cut(w, "=")
		if !eq {
			if k+1 >= len(args) {
				continue
			}
			val = args[k+1]
		}
		if !everyInterface(val) {
			continue
		}
		if optionNamesBind(name) || strings.Contains(val, ":") && val != "::" || name == "-h" && a.hostOption(c) || (name == "-a" || name == "-l") && a.shortBind(c, name, val) {
			// host:port after any option of its own (php -S 0.0.0.0:8000)
			word := c.Name + " " + w
			if !eq {
				word += " " + val
			}
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: word})
			return
		}
	}
}

// serverVariable reports whether a listening variable set for command c
// is where c listens rather than where it connects (REDIS_HOST=0.0.0.0 npm
// test is a client's): named for binding or for c's program, or given to a
// command that starts a server. Asked only once a variable holds every
// address, so the words are not walked for every command.
func serverVariable(name string, c *shell.Command) bool {
	return namesBinding(name) || namesProgram(name, c.Name) || startsServer(c)
}

// namesProgram reports a variable named for the program it is given to
// (UVICORN_HOST for uvicorn, JUPYTER_IP for jupyter): the program's own
// setting, whatever verb it runs.
func namesProgram(name, prog string) bool {
	first, _, _ := strings.Cut(name, "_")
	return strings.EqualFold(first, path.Base(prog))
}

// namesBinding reports a variable whose name says a server binds or
// listens (BIND, LISTEN_ADDR): no client connects through one, whatever
// command it is given to.
func namesBinding(name string) bool {
	for part := range strings.SplitSeq(strings.ToLower(name), "_") {
		if part == "bind" || part == "listen" {
			return true
		}
	}
	return false
}

// serveWords are the words of a command that say it starts a server:
// its program's name (./bin/server, serve.sh) or a task or verb it is
// given (ollama serve, npm run dev, docker compose up).
var serveWords = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"serve": true, "server": true, "start": true, "dev": true, "up": true, "listen": true,
		"daemon": true, "preview": true, "http": true, "web": true,
	}
}}

// startsServer reports whether a command says it starts a server, so that
// a listening address in its environment is where it listens rather than
// where it connects: a serving word among its program's name and its
// words, or "run" as its last word before options (flask run, not npm run
// test).
func startsServer(c *shell.Command) bool {
	var pb [8]string
	for _, p := range taskParts(pb[:0], path.Base(c.Program)) {
		if serveWords.Get(p) {
			return true
		}
	}
	for k, w := range c.Args {
		if w == "" || w[0] == '-' || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		if w == "run" {
			rest := false // a task named after it (npm run test); an option's value is none (flask run --host h)
			for j, x := range c.Args[k+1:] {
				valued := j > 0 && strings.HasPrefix(c.Args[k+j], "-") && !strings.Contains(c.Args[k+j], "=")
				rest = rest || x != "" && x[0] != '-' && !(x[0] >= '0' && x[0] <= '9') && !valued
			}
			if !rest {
				return true
			}
			continue
		}
		for _, p := range taskParts(pb[:0], w) {
			if serveWords.Get(p) {
				return true
			}
		}
	}
	return false
}

// hostOption reports whether a command's -h sets where it listens (mlflow
// models serve -h 0.0.0.0): it does unless the catalogue gives it the host
// a client connects to (psql -h, mysql -h, redis-cli -h). Elsewhere -h is
// help, which takes no address after it.
func (a *analysis) hostOption(c *shell.Command) bool {
	cl := a.cat.Classify(c.Name, c.Args)
	for _, w := range cl.Words {
		if w.Option == "-h" && w.Role == catalog.URL {
			return false
		}
	}
	return true
}

// shortBind reports whether -a or -l, given an every-interface address,
// sets where a server listens (nats-server -a 0.0.0.0, memcached -l
// 0.0.0.0): for a program the catalogue knows, only when the option takes
// that address as its value there (ls -l is a flag, and 0.0.0.0 a file).
func (a *analysis) shortBind(c *shell.Command, name, val string) bool {
	if !a.cat.Known(c.Name) {
		return true
	}
	cl := a.cat.Classify(c.Name, c.Args)
	for _, w := range cl.Words {
		if w.Option == name && w.Text == val {
			return true
		}
	}
	return false
}
