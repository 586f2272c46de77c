package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// Payloads built on the line: a payload generator (msfvenom) writes a
// program that opens a shell, to the host its LHOST names (a reverse
// shell) or to whoever connects (a bind shell). Built for a host that is
// not this machine, or as a bind shell, the file it writes is treated as a
// download (downloadRuns): running it later on the line is "a stranger's
// shell run", the same as curl … | sh. A payload for this machine's own
// listener (LHOST=127.0.0.1, a lab's host-only address) written to a
// file stays lab work; running it is judged as any local program.

// payloadGenerators are the programs whose output is a payload.
var payloadGenerators = table.Map[string, bool]{Words: "msfvenom msfpayload"}

// strangerPayload reports whether the payload a generator is told to
// build opens a shell to another machine (LHOST=HOST that is not this
// machine or a network it hosts) or to anyone (a bind payload).
func strangerPayload(a *match.Argv) bool {
	for i, x := range a.Args {
		k, v, ok := strings.Cut(x, "=")
		if !ok {
			if (x == "-p" || x == "--payload") && i+1 < len(a.Args) && strings.Contains(a.Args[i+1], "bind") {
				return true // shell_bind_tcp: a shell for whoever connects
			}
			continue
		}
		switch strings.ToUpper(k) {
		case "LHOST", "RHOST":
			if v == "" || !effect.OwnMachine(v) {
				return true
			}
		case "--PAYLOAD":
			if strings.Contains(v, "bind") {
				return true
			}
		}
	}
	return false
}

// payloadOutputs are the files a payload generator writes: -o/--out FILE
// (and --out=FILE).
func payloadOutputs(a *match.Argv) []string {
	var out []string
	for i, x := range a.Args {
		switch {
		case (x == "-o" || x == "--out") && i+1 < len(a.Args):
			out = append(out, a.Args[i+1])
		case strings.HasPrefix(x, "--out="):
			out = append(out, x[len("--out="):])
		}
	}
	return out
}
