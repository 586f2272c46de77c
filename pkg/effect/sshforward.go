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

// sshValued are ssh's one-letter options that take a value, attached or
// as the next word.
const sshValued = "BbcDEeFIiJLlmOoPpQRSWw"

// sshGatewayPorts adds the every-interface Listen effect for ssh told to
// let other hosts connect to its local forwards: -g (alone or among
// grouped flags, ssh -gNL …) or -o GatewayPorts=yes, with a -L or -D
// forward (or the -o LocalForward, DynamicForward settings) on the line.
// What it forwards is then reachable from the network, as a server bound
// to 0.0.0.0 is.
func (a *analysis) sshGatewayPorts(i int, c *shell.Command) {
	gateway, forwards := false, false
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		if w == "--" {
			break
		}
		if len(w) < 2 || w[0] != '-' || w[1] == '-' {
			continue
		}
		for j := 1; j < len(w); j++ {
			ch := w[j]
			if ch == 'g' {
				gateway = true
				continue
			}
			if strings.IndexByte(sshValued, ch) < 0 {
				continue
			}
			v := w[j+1:]
			if v == "" && k+1 < len(c.Args) {
				k++
				v = c.Args[k]
			}
			switch ch {
			case 'L', 'D':
				forwards = true
			case 'o':
				low := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(v, "=", " ")), "="))
				gateway = gateway || low == "gatewayports=yes" || low == "gatewayports=clientspecified"
				forwards = forwards || strings.HasPrefix(low, "localforward=") || strings.HasPrefix(low, "dynamicforward=")
			}
			break
		}
	}
	if gateway && forwards {
		a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " -g: its forwards accept other hosts"})
	}
}
