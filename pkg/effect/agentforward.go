package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// ssh -A (or -o ForwardAgent=yes) lends the SSH agent to the machine it
// connects to: whoever holds that machine signs with every key the agent
// holds for as long as the session lasts. To a host of one's own network
// or one named in the configuration that is everyday work; to a public
// address literal nobody named, it is the keys handed out, and is access
// granted.

// forwardsAgentToPublicHost adds destroy:access for an ssh that forwards
// the agent to a public IP address given as a literal.
func (a *analysis) forwardsAgentToPublicHost(i int, c *shell.Command, cl *catalog.Classified) {
	flags, ok := sshClients.Lookup(c.Name)
	if !ok || !forwardsAgentWith(c.Args, flags) {
		return
	}
	for _, w := range cl.Words {
		if w.Option != "" || w.Role != catalog.Remote {
			continue
		}
		host := w.Text
		if _, h, ok := strings.Cut(host, "@"); ok {
			host = h
		}
		if publicAddress(strings.Trim(host, "[]")) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "access", Word: c.Name + " lends the SSH agent to " + host})
		}
		return
	}
}

// sshValueFlags are ssh's one-letter options that take a value: in a
// cluster of flags (-Ao, -tp2222) the rest of the word after one is its
// value.
const sshValueFlags = "BbcDEeFIiJLlmOopQRSWw"

// sshClients are the programs that take ssh's options, with the
// one-letter options of each that take a value: autossh is ssh under a
// monitor whose -M takes its port.
var sshClients = table.Map[string, string]{Words: "ssh autossh", Build: func() map[string]string {
	return map[string]string{"ssh": sshValueFlags, "autossh": sshValueFlags + "M"}
}}

// forwardsAgent is forwardsAgentWith for ssh's own options.
func forwardsAgent(args []string) bool { return forwardsAgentWith(args, sshValueFlags) }

// forwardsAgentWith reports ssh options that forward the agent: -A, alone or
// in a cluster of flags (-At, -Ao …), or -o ForwardAgent=yes. ssh reads
// options before and after its host; the words after the next operand are
// the remote command's (ssh h ls -A).
func forwardsAgentWith(args []string, valueFlags string) bool {
	operands := 0
	for k := 0; k < len(args); k++ {
		w := args[k]
		if w == "--" || len(w) < 2 || w[0] != '-' {
			if operands++; operands > 1 || w == "--" {
				return false
			}
			continue
		}
		for j := 1; j < len(w); j++ {
			if w[j] == 'A' {
				return true
			}
			if strings.IndexByte(valueFlags, w[j]) < 0 {
				continue
			}
			opt := w[j+1:] // the value, in the word or the next one
			if opt == "" && k+1 < len(args) {
				k++
				opt = args[k]
			}
			if w[j] == 'o' {
				name, v, ok := strings.Cut(strings.ReplaceAll(opt, " ", "="), "=")
				if ok && strings.EqualFold(name, "ForwardAgent") && strings.EqualFold(v, "yes") {
					return true
				}
			}
			break
		}
	}
	return false
}
