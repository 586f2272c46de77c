package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// sshForwards are ssh's -o settings that forward a port or socket, as
// -L, -R and -D do.
var sshForwards = []string{"remoteforward", "localforward", "dynamicforward"}

// sshForwardOption reads ssh -o RemoteForward=… (or LocalForward,
// DynamicForward, with "=" or a space) as the tunnel its flag would open.
func (a *analysis) sshForwardOption(i int, c *shell.Command, v string, f *cmdFacts) {
	low := strings.ToLower(strings.TrimSpace(v))
	for _, k := range sshForwards {
		rest, ok := strings.CutPrefix(low, k)
		if !ok || rest == "" || rest[0] != '=' && rest[0] != ' ' {
			continue
		}
		spec := strings.TrimSpace(v[len(v)-len(rest)+1:])
		a.add(Effect{Kind: Tunnel, Cmd: i, Detail: "ssh", Word: c.Name + " -o " + v})
		if k == "remoteforward" {
			a.forwardedSocket(i, strings.ReplaceAll(spec, " ", ":"), f)
		}
		return
	}
}

// forwardedSocket reads a remote forward's local Unix socket, its last
// part (ssh -R
// /tmp/fwd.sock:$SSH_AUTH_SOCK): what connects at the other end talks to
// it, an agent's socket signing as the user there.
func (a *analysis) forwardedSocket(i int, spec string, f *cmdFacts) {
	parts := strings.Split(spec, ":")
	last := parts[len(parts)-1]
	if len(parts) < 2 || !strings.HasPrefix(last, "/") && !strings.HasPrefix(last, "$") && !strings.HasPrefix(last, "~") {
		return
	}
	p := a.clean(last, i)
	a.add(Effect{Kind: Read, Cmd: i, Path: p})
	f.reads = append(f.reads, p)
	f.sends = append(f.sends, p)
}
