package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A container engine's socket reached by a program other than the
// engine's own client is the engine's whole API with none of its
// client's words to judge: curl --unix-socket /var/run/docker.sock -X
// POST …/containers/create starts whatever container the body asks for,
// nc -U /var/run/docker.sock sends whatever its input holds, and code
// that connects to the socket the same. Whoever does is root on the
// host (engineSockets): a Privilege effect. A fetcher's plain GET only
// reads the engine's state (/version, /containers/json) and is left to
// the other rules.

// engineSocketReached records a Privilege effect for a command that
// connects to a container engine's socket: a fetcher sending a request
// that changes (a method other than GET or HEAD, or a body), a program
// that sends its input to the peer it names (nc -U), or code that opens
// connections and names the socket.
func (a *analysis) engineSocketReached(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	switch {
	case e != nil && e.Prop("fetcher") != "":
		if sock := engineSocketWord(cl, catalog.Read); sock != "" && fetchChanges(cl) {
			a.add(Effect{Kind: Privilege, Cmd: i, Detail: "engine-socket", Word: c.Name + " sends the container engine a request through " + sock})
		}
	case e != nil && e.Prop("sink") == "network":
		if sock := engineSocketWord(cl, catalog.URL); sock != "" {
			a.add(Effect{Kind: Privilege, Cmd: i, Detail: "engine-socket", Word: c.Name + " connects to the container engine's socket " + sock})
		}
	case c.Code.Network:
		for _, w := range c.Args {
			if sock := namesEngineSocket(w); sock != "" {
				a.add(Effect{Kind: Privilege, Cmd: i, Detail: "engine-socket", Word: c.Name + " code connects to the container engine's socket " + sock})
				return
			}
		}
	}
}

// engineSocketWord returns the first word of the role that names an
// engine's socket, or "".
func engineSocketWord(cl *catalog.Classified, role catalog.Role) string {
	for _, w := range cl.Words {
		if w.Role == role && engineSockets.Get(path.Base(strings.TrimPrefix(w.Text, "unix://"))) {
			return w.Text
		}
	}
	return ""
}

// namesEngineSocket returns the engine socket's file name a text names
// as a path (/var/run/docker.sock, /run/containerd/containerd.sock), or "".
func namesEngineSocket(text string) string {
	for i := strings.Index(text, ".sock"); i >= 0; {
		start := strings.LastIndexAny(text[:i], "/\"' ") + 1
		if name := text[start : i+len(".sock")]; start > 0 && text[start-1] == '/' && engineSockets.Get(name) {
			return name
		}
		next := strings.Index(text[i+1:], ".sock")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return ""
}

// fetchChanges reports a fetcher's request that may change what it
// reaches: a method other than GET or HEAD, or a body or upload.
func fetchChanges(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		switch w.Role {
		case catalog.Method:
			if m := strings.ToUpper(w.Text); m != "GET" && m != "HEAD" {
				return true
			}
		case catalog.AtFile, catalog.Upload:
			if w.Option != "-H" && w.Option != "--header" && w.Option != "-b" && w.Option != "--cookie" {
				return true
			}
		}
	}
	return false
}
