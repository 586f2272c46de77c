package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// The JDK's debugger agent, turned on by a JVM option on the command line
// (java -agentlib:jdwp=transport=dt_socket,server=y,address=…) or in the
// variables the JVM and its build tools read (JAVA_TOOL_OPTIONS,
// MAVEN_OPTS): a library of the JDK's own, so it loads no code from
// elsewhere; as a server it takes connections on its address, and whoever
// connects runs code in the JVM. address=5005 and localhost:5005 are this
// machine alone (since JDK 9 a bare port is loopback); *:5005 and
// 0.0.0.0:5005 are every address, another host's address that host's
// network.

// jdwpAddress reports the address a JVM option's debugger agent listens
// on, when the option starts one as a server (server=y): the value of its
// address= sub-option ("" when it names none). The old spelling
// -Xrunjdwp:… is the same agent.
func jdwpAddress(opt string) (string, bool) {
	spec, ok := strings.CutPrefix(opt, "-agentlib:jdwp=")
	if !ok {
		if spec, ok = strings.CutPrefix(opt, "-Xrunjdwp:"); !ok {
			return "", false
		}
	}
	server, addr := false, ""
	for kv := range strings.SplitSeq(spec, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "server":
			server = v == "y"
		case "address":
			addr = v
		}
	}
	return addr, server
}

// loopbackListen reports whether a listening address is this machine
// alone: a bare port, or one after localhost, 127.0.0.1 or [::1].
func loopbackListen(addr string) bool {
	h, port, ok := strings.Cut(addr, ":")
	if !ok {
		return addr == "" || isPort(addr)
	}
	if k := strings.LastIndexByte(addr, ':'); k > 0 {
		h, port = addr[:k], addr[k+1:]
	}
	switch h {
	case "localhost", "127.0.0.1", "[::1]", "::1":
		return isPort(port)
	}
	return false
}

// jdwpLaunch returns the command line a JVM option's debugger agent runs
// when its event fires (launch=CMD, with onthrow= or onuncaught=), or "".
// The agent splits its options at commas, so CMD holds none.
func jdwpLaunch(opt string) string {
	spec, ok := strings.CutPrefix(opt, "-agentlib:jdwp=")
	if !ok {
		if spec, ok = strings.CutPrefix(opt, "-Xrunjdwp:"); !ok {
			return ""
		}
	}
	for kv := range strings.SplitSeq(spec, ",") {
		if v, ok := strings.CutPrefix(kv, "launch="); ok {
			return v
		}
	}
	return ""
}

// jdwpLaunches adds the effects of the command a JVM's debugger agent is
// told to launch (java '-agentlib:jdwp=…,onthrow=…,launch=CMD'): CMD runs
// on this machine when the event fires, so it is judged as typed; one
// that does not parse is unknown code.
func (a *analysis) jdwpLaunches(i int, c *shell.Command) {
	for _, w := range c.Args {
		cmd := jdwpLaunch(w)
		if cmd == "" {
			continue
		}
		res := shell.Parse(cmd)
		if res.Unparsed {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "the JVM's debugger agent launches " + cmd})
		} else {
			for _, x := range Of(&res, nil, a.env) {
				x.Cmd = i
				a.add(x)
			}
		}
		shell.Release(&res)
	}
}
