package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A server on a Unix-domain socket creates the socket as a file at its
// path (and socat removes one already there first): nc -lU PATH,
// ncat --listen --unixsock PATH, socat UNIX-LISTEN:PATH. That is a write
// of the path, judged like any other: a socket bound in a protected
// directory (Rampart's run directory, where its decider listens) is a
// change to that directory.

// unixListenAddrs are socat's address types that bind a socket file.
var unixListenAddrs = []string{"UNIX-LISTEN:", "UNIX-L:", "UNIX-RECVFROM:", "UNIX-RECV:"}

// socatUnixListen reports the path a socat address binds, if it is one of
// unixListenAddrs.
func socatUnixListen(w string) (string, bool) {
	u := strings.ToUpper(w)
	for _, p := range unixListenAddrs {
		if strings.HasPrefix(u, p) {
			return socatParam(w[len(p):]), true
		}
	}
	return "", false
}

// ncValueFlags are nc's and ncat's short options that take a value (the
// rest of the word, or the next word).
const ncValueFlags = "pswiqWxXPIOTVec"

// ncUnixListen returns the socket path nc or ncat listens on with -l and
// -U (--listen, --unixsock), or "".
func ncUnixListen(c *shell.Command) string {
	listen, unix := false, false
	var positionals []string
	skip := false
	for _, w := range c.Args {
		if skip {
			skip = false
			continue
		}
		switch {
		case w == "--":
			continue
		case strings.HasPrefix(w, "--"):
			name, _, hasValue := strings.Cut(w[2:], "=")
			switch name {
			case "listen":
				listen = true
			case "unixsock":
				unix = true
			case "exec", "sh-exec", "lua-exec", "source-port", "wait", "idle-timeout", "proxy", "proxy-type", "source":
				skip = !hasValue
			}
		case len(w) > 1 && w[0] == '-':
			for k := 1; k < len(w); k++ {
				ch := w[k]
				if ch == 'l' {
					listen = true
				} else if ch == 'U' {
					unix = true
				} else if strings.IndexByte(ncValueFlags, ch) >= 0 {
					skip = k == len(w)-1
					break
				}
			}
		default:
			positionals = append(positionals, w)
		}
	}
	if !listen || !unix || len(positionals) == 0 {
		return ""
	}
	return positionals[0]
}

// unixListen adds the write of the socket file a Unix-domain server
// binds.
func (a *analysis) unixListen(i int, c *shell.Command, f *cmdFacts) {
	var paths []string
	if c.Name == "socat" {
		for _, w := range c.Args {
			if p, ok := socatUnixListen(w); ok && p != "" {
				paths = append(paths, p)
			}
		}
	} else if c.Is(rawClientKind) {
		if p := ncUnixListen(c); p != "" {
			paths = append(paths, p)
		}
	}
	for _, w := range paths {
		p := a.clean(w, i)
		a.add(Effect{Kind: Write, Cmd: i, Path: p})
		f.writes = append(f.writes, p)
	}
}
