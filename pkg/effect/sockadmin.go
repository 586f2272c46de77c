package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A load balancer's runtime API takes its commands as text lines on a
// socket (HAProxy's stats socket: echo "disable server be/web1" | socat
// stdio /run/haproxy/admin.sock). A raw client (socat, nc) given such a
// line changes what the running balancer sends where, as a reload with a
// new configuration would: destroy:deploy. Its show and help lines read.

// balancerChanges are the first words of HAProxy runtime API lines that
// change the running balancer.
var balancerChanges = []string{
	"disable server", "enable server", "set server", "set weight", "set maxconn", "set rate-limit",
	"shutdown sessions", "shutdown session", "shutdown frontend", "disable frontend", "enable frontend",
	"disable health", "enable health", "disable agent", "enable agent", "clear table", "set table",
	"del map", "add map", "set map", "clear map", "commit map", "del acl", "add acl", "clear acl", "commit acl",
	"set ssl", "commit ssl", "new ssl", "del ssl", "add server", "del server", "clear counters all",
	"disable dynamic-cookie", "enable dynamic-cookie", "set dynamic-cookie-key",
}

// balancerAdmin finds a runtime API line that changes a load balancer in
// the text a raw client sends.
func (a *analysis) balancerAdmin(i int, c *shell.Command) {
	if !c.Is(rawClientKind) {
		return
	}
	for _, t := range c.Stdin {
		for _, l := range strings.FieldsFunc(t, func(r rune) bool { return r == '\n' || r == '\r' || r == ';' }) {
			l = strings.Join(strings.Fields(strings.ToLower(l)), " ")
			for _, p := range balancerChanges {
				if l == p || strings.HasPrefix(l, p+" ") {
					a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: c.Name + " sends " + l})
					return
				}
			}
		}
	}
}
