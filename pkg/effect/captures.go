package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Captures: a packet capturer (an entry with "captures=OPTS": tcpdump -i,
// tshark -i, dumpcap -i, ngrep -d) told to listen on a real network
// interface (eth0, wlan0, en0, any) records everyone's traffic on it:
// other users' and other programs' sessions, cookies and credentials sent
// in the clear. A Capture effect, which a person confirms. The loopback
// (lo, lo0) carries only this machine's own traffic to itself, the
// everyday debugging of a local server; reading a capture file (-r) or
// listing the interfaces captures nothing.

// loopbackInterfaces are the names of the loopback interface.
var loopbackInterfaces = table.Map[string, bool]{Words: "lo lo0 loopback"}

// captures adds a Capture effect for each interface a capturer is told to
// listen on that is not the loopback.
func (a *analysis) captures(i int, c *shell.Command, cl *catalog.Classified) {
	if helpOrDryRunOf(cl, c.Args) {
		return
	}
	opts := cl.Entry.Prop("captures")
	for _, w := range cl.Words {
		if w.Option == "" || !matchesAny(w.Option, opts) {
			continue
		}
		for _, iface := range strings.Split(w.Text, ",") {
			if iface != "" && !loopbackInterfaces.Get(strings.ToLower(iface)) {
				a.add(Effect{Kind: Capture, Cmd: i, Target: iface, Word: c.Name + " " + w.Option + " " + iface})
			}
		}
	}
}
