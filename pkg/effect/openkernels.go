package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A notebook server runs whatever code its clients send in a kernel, and
// a Ray head's dashboard takes jobs (entrypoints run as commands) from
// whoever reaches it. Such a server listening on every address with its
// login turned off (jupyter --ServerApp.token='', JUPYTER_TOKEN= on the
// line, marimo --no-token; Ray's dashboard has none) hands a shell to
// anyone on the network, as a bind shell does: flow socket->shell. With
// its token kept, or on loopback, it stays a listener (listen:every-
// interface, asked about, or nothing).

// kernelServers are the programs (and Python modules run with -m) whose
// clients run code on this machine.
var kernelServers = table.Map[string, bool]{Words: "jupyter jupyter-lab jupyter-notebook jupyter-server jupyterlab notebook jupyter_server marimo ray"}

// opensKernel adds flow socket->shell when command i, a kernel server,
// listens on every address with no login.
func (a *analysis) opensKernel(i int, c *shell.Command) {
	name := c.Name
	if len(c.Args) > 1 && c.Args[0] == "-m" && strings.HasPrefix(name, "python") {
		name = c.Args[1] // python3 -m jupyterlab, python -m notebook
	}
	if !kernelServers.Get(name) || !a.listensEverywhereAt(i) || !noLogin(c) {
		return
	}
	a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: c.Name + " runs the code of whoever connects, on every address, with no login"})
}

// listensEverywhereAt reports whether command i was found to listen on
// every address.
func (a *analysis) listensEverywhereAt(i int) bool {
	for k := range a.out {
		if e := &a.out[k]; e.Kind == Listen && e.Cmd == i && e.Detail == "every-interface" {
			return true
		}
	}
	return false
}

// noLogin reports a kernel server started with its login off: a token
// option (--ServerApp.token, --NotebookApp.token, --IdentityProvider.token)
// or JUPYTER_TOKEN set empty, marimo's --no-token, or a Ray head whose
// dashboard (which asks for none) is the one on every address.
func noLogin(c *shell.Command) bool {
	if c.Name == "ray" {
		for k, w := range c.Args {
			name, val, eq := strings.Cut(w, "=")
			if name != "--dashboard-host" {
				continue
			}
			if !eq && k+1 < len(c.Args) {
				val = c.Args[k+1]
			}
			return everyInterface(strings.Trim(val, `'"`))
		}
		return false
	}
	for _, kv := range c.Assigns {
		if name, val, ok := strings.Cut(kv, "="); ok && name == "JUPYTER_TOKEN" && strings.Trim(val, `'"`) == "" {
			return true
		}
	}
	for k, w := range c.Args {
		if w == "--no-token" {
			return true
		}
		name, val, eq := strings.Cut(w, "=")
		if !strings.HasPrefix(name, "--") || !strings.HasSuffix(strings.ToLower(name), ".token") {
			continue
		}
		if !eq {
			if k+1 >= len(c.Args) {
				continue
			}
			val = c.Args[k+1]
		}
		if strings.Trim(val, `'"`) == "" {
			return true
		}
	}
	return false
}
