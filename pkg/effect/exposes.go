package effect

import (
	"path"
	"slices"
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
var bindNames = table.Map[string, bool]{Words: `bind binding host ip listen addr address
	interface hostname iface`}

// everyInterface reports whether an address, maybe with a port, is every
// address of this machine.
func everyInterface(v string) bool {
	if v == "" || v[0] != '0' && v[0] != '[' && v[0] != ':' && v[0] != '*' && v[0] != '"' && v[0] != '\'' {
		return false // (what Trim leaves starts with the same byte)
	}
	v = strings.Trim(v, `"'`)
	if v == "" || v[0] != '0' && v[0] != '[' && v[0] != ':' && v[0] != '*' {
		return false // none of the forms below
	}
	for _, any := range [...]string{"0.0.0.0", "[::]", "::", "*"} {
		if v == any && any != "*" {
			return true
		}
		rest, ok := strings.CutPrefix(v, any)
		if !ok || len(rest) < 2 || rest[0] != ':' {
			continue
		}
		if strings.Trim(rest[1:], "0123456789:") == "" {
			return true // 0.0.0.0:8000, [::]:8080, 0.0.0.0:8080:80, ssh -D '*:1080'
		}
		if forwardSpec(rest[1:]) {
			return true // ssh -L 0.0.0.0:5432:db.internal:5432, -L '*:8080:localhost:80'
		}
	}
	return false
}

// debugServers are the debuggers' servers, whose clients drive the
// debugger and so run code in the process it holds (dlv --headless,
// gdbserver, lldb-server). Given an address with no host (:2345) they
// take every address of the machine, as Go's net.Listen does; other
// servers' own defaults for such an address are not read (caddy --listen
// :8080, a Go program's -addr :8080 are everyday work).
var debugServers = table.Map[string, bool]{Words: "dlv gdbserver lldb-server"}

// emptyHost reports an address with no host before its port (:2345).
func emptyHost(v string) bool {
	v = strings.Trim(v, `"'`)
	return len(v) > 1 && v[0] == ':' && strings.Trim(v[1:], "0123456789") == ""
}

// forwardSpec reports whether what follows a listening address is a
// forward's PORT:HOST:HOSTPORT (ssh -L, -R): the port it listens on, then
// where what connects is carried.
func forwardSpec(s string) bool {
	port, rest, ok := strings.Cut(s, ":")
	if !ok || port == "" || strings.Trim(port, "0123456789") != "" {
		return false
	}
	k := strings.LastIndexByte(rest, ':')
	return k > 0 && k < len(rest)-1 && strings.Trim(rest[k+1:], "0123456789") == ""
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
	if serverNameVar(name) {
		return true
	}
	for part := range strings.SplitSeq(strings.ToLower(name), "_") {
		if bindNames.Get(part) {
			return true
		}
	}
	return false
}

// serverNameVar reports a variable named for the address a server takes
// as its own name, and listens on (GRADIO_SERVER_NAME).
func serverNameVar(name string) bool {
	return strings.HasSuffix(strings.ToUpper(name), "SERVER_NAME")
}

// bindsAllFlag reports an option that by its name alone binds every
// interface (tensorboard --bind_all, --bind-all, --listen-all): a part
// naming where a server listens and a part saying "all".
func bindsAllFlag(name string) bool {
	if !strings.HasPrefix(name, "--") {
		return false
	}
	var pb [8]string
	bind, all := false, false
	for _, p := range taskParts(pb[:0], strings.TrimLeft(name, "-")) {
		bind = bind || bindNames.Get(p)
		all = all || p == "all" || p == "any"
	}
	return bind && all
}

// listensEverywhere adds the Listen effect for a command whose own options
// bind every interface, or whose environment does (OLLAMA_HOST=0.0.0.0
// ollama serve, HOST=0.0.0.0 npm run dev: a variable whose name has a
// part naming where a server listens), its own or one the line exported
// before it (export OLLAMA_HOST=0.0.0.0; ollama serve, declare -x).
func (a *analysis) listensEverywhere(i int, c *shell.Command) {
	for _, kv := range a.exportedBefore(i) {
		kv = strings.Trim(kv, `"'`)
		if name, val, ok := strings.Cut(kv, "="); ok && everyInterface(val) && varNamesBind(name) && serverVariable(name, c) {
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
		if addr, ok := jdwpAddress(w); ok {
			if !loopbackListen(addr) {
				// java -agentlib:jdwp=…,address=*:5005 (jdwp.go)
				a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + w})
				return
			}
			continue
		}
		name, val, eq := strings.Cut(w, "=")
		if !eq && bindsAllFlag(name) {
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + w})
			return
		}
		if !eq {
			if k+1 >= len(args) {
				continue
			}
			val = args[k+1]
		}
		if emptyHost(val) && optionNamesBind(name) && debugServers.Get(c.Name) {
			// dlv --listen=:2345, --addr :8080: no host, every address
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + name + "=" + val})
			return
		}
		if addr := serverSpecAddress(val); addr != "" && everyInterface(addr) {
			// qemu -monitor telnet:0.0.0.0:5555,server, openocd -c
			// "bindto 0.0.0.0": the address in the program's own
			// language (serverspecs.go)
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + name + " " + val})
			return
		}
		if !everyInterface(val) {
			if val == "*" && optionNamesBind(name) {
				// jupyter --ip='*', --ServerApp.ip='*': every address
				a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + name + "=*"})
				return
			}
			continue
		}
		if optionNamesBind(name) || strings.Contains(val, ":") && val != "::" || name == "-h" && a.hostOption(c) || (name == "-a" || name == "-l") && a.shortBind(c, name, val) || a.longNamesBind(c, name) {
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

// listensOnOperand adds the every-interface Listen effect for a listener
// (nc -l, ncat --listen, gdbserver) given every address as an operand of
// its own: nc -lk 0.0.0.0 8080, ncat -l :: 9000, gdbserver :2345 PROG. The address is named, a choice,
// as an option's would be.
func (a *analysis) listensOnOperand(i int, c *shell.Command, cl *catalog.Classified) {
	for _, w := range cl.Words {
		if w.Option == "" && (everyInterface(w.Text) || emptyHost(w.Text) && debugServers.Get(c.Name)) {
			a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + w.Text})
			return
		}
	}
}

// serverVariable reports whether a listening variable set for command c
// (or exported before it) is where c listens rather than where it
// connects (REDIS_HOST=0.0.0.0 npm run dev is a client's): named for
// binding (APP_BIND, LISTEN_ADDR); named for c's program when c serves or
// runs no verb of a client's (OLLAMA_HOST for ollama serve, not for
// ollama list); or, given to a command that starts a server, named for no
// other service (HOST, VITE_HOST, SERVER_HOST, not DATABASE_HOST). Asked
// only once a variable holds every address, so the words are not walked
// for every command.
func serverVariable(name string, c *shell.Command) bool {
	if namesBinding(name) {
		return true
	}
	if namesProgram(name, c.Name) {
		return startsServer(c) || !clientVerb(c)
	}
	return startsServer(c) && !namesService(name)
}

// servingVerbs are, for programs that are their own server and that
// server's client, the verbs that start the server: OLLAMA_HOST is where
// ollama serve listens and where ollama list or pull connects. (Kept
// here, not in the catalogue: an entry there would take ollama's other
// verbs from the readings of an unknown program's, ollama rm among them.)
var servingVerbs = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"ollama": "serve start"}
}}

// clientVerb reports a command of such a program given another verb than
// its serving ones (ollama list, ollama pull): a client of the server its
// variable locates.
func clientVerb(c *shell.Command) bool {
	serves, ok := servingVerbs.Lookup(c.Name)
	if !ok {
		return false
	}
	for _, w := range c.Args {
		if w != "" && w[0] != '-' {
			return !slices.Contains(strings.Fields(serves), w)
		}
	}
	return false
}

// serverPrefixes are the first parts of a listening variable's name that
// say it is the server's own (VITE_HOST, APP_HOST, SERVER_HOST,
// NITRO_HOST), not the address of a service a program connects to
// (REDIS_HOST, DATABASE_HOST, API_HOST).
var serverPrefixes = table.Map[string, bool]{Words: "server app web http https dev site frontend vite nitro nuxt next astro svelte remix " +
	"uvicorn gunicorn hypercorn daphne streamlit gradio flask django rails puma quarkus jupyter " +
	"storybook webpack angular ng expo metro hugo jekyll mkdocs"}

// namesService reports a listening variable whose name puts another
// service's name before its address part (REDIS_HOST, PGHOST's kin
// DB_HOST, SMTP_ADDR): an address that service is reached at.
func namesService(name string) bool {
	parts := strings.Split(strings.ToLower(name), "_")
	for k, part := range parts {
		if bindNames.Get(part) {
			return k > 0 && !serverPrefixes.Get(parts[0])
		}
	}
	return false
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
	if serverNameVar(name) {
		return true
	}
	for part := range strings.SplitSeq(strings.ToLower(name), "_") {
		if part == "bind" || part == "binding" || part == "listen" {
			return true
		}
	}
	return false
}

// serveWords are the words of a command that say it starts a server:
// its program's name (./bin/server, serve.sh) or a task or verb it is
// given (ollama serve, npm run dev, docker compose up).
var serveWords = table.Map[string, bool]{Words: `serve server start dev up listen
	daemon preview http web`}

// servingPrograms are programs that start a server when run: always
// (uvicorn APP, http-server DIR), or, marked false, when given no verb of
// their own (vite, not vite build).
var servingPrograms = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"uvicorn": true, "gunicorn": true, "hypercorn": true, "daphne": true, "waitress-serve": true,
		"http-server": true, "live-server": true, "webpack-dev-server": true, "browser-sync": true,
		"vite": false, "nuxi": false, "nuxt": false,
	}
}}

// startsServer reports whether a command says it starts a server, so that
// a listening address in its environment is where it listens rather than
// where it connects: a serving word among its program's name and its
// words, or "run" as its last word before options (flask run, not npm run
// test).
func startsServer(c *shell.Command) bool {
	if always, ok := servingPrograms.Lookup(c.Name); ok && (always || !hasVerb(c)) {
		return true
	}
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

// longNamesBind reports a short option of a program the catalogue knows
// whose long spelling names where a server listens (ttyd -i is
// --interface, gotty -a is --address): asked only once its value is every
// address.
func (a *analysis) longNamesBind(c *shell.Command, name string) bool {
	if len(name) != 2 || name[0] != '-' {
		return false
	}
	e, _ := a.cat.Lookup(c.Name, c.Args)
	if e == nil {
		return false
	}
	cl := a.cat.Classify(c.Name, c.Args)
	for _, w := range cl.Words {
		if w.Option == name && w.Role == catalog.URL {
			return false // psql -h, redis-cli -h: the host a client connects to
		}
	}
	for _, s := range e.Spellings(name) {
		if s != name && optionNamesBind(s) {
			return true
		}
	}
	return false
}

// hasVerb reports a command given a word that is no option (vite build).
func hasVerb(c *shell.Command) bool {
	for k, w := range c.Args {
		if w != "" && w[0] != '-' && (k == 0 || !strings.HasPrefix(c.Args[k-1], "-") || strings.Contains(c.Args[k-1], "=")) {
			return true
		}
	}
	return false
}
