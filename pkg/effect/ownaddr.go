package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A client that takes its server's address from a variable named for
// itself (VAULT_ADDR for vault, BAO_ADDR for bao, NOMAD_ADDR for nomad,
// CONSUL_HTTP_ADDR for consul) talks to the server that variable names.
// Set on the line or exported before it to an address of this machine
// (VAULT_ADDR=http://127.0.0.1:8200 vault kv put secret/dev/db …), the
// server is a dev server here: a secret put into it changes no running
// service. A variable of another name (API_URL=http://localhost:3000 fly
// deploy) says nothing of where the client itself goes.

// addressedHere reports whether command i's own address variable, set on
// its line or exported before it, names this machine, no other value of
// it does, and no option or URL among its words names another.
func (a *analysis) addressedHere(i int, c *shell.Command) bool {
	if c.Name == "" || len(c.Via) > 0 {
		return false
	}
	prefix := strings.ToUpper(strings.ReplaceAll(c.Name, "-", "_")) + "_"
	here := false
	for _, kv := range append(carriedAssigns(a.res, i), a.exportedBefore(i)...) {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, prefix) || !addressVar(name[len(prefix):]) {
			continue
		}
		if !allHere([]string{strings.Trim(val, `"'`)}) {
			return false
		}
		here = true
	}
	if !here {
		return false
	}
	// an address its options give instead (vault kv put
	// -address=https://vault.acme.io …) is where it goes
	urls := optionValues(c.Args, serverHostOptions.Get)
	for _, w := range c.Args {
		if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "-") {
			w = v
		}
		if strings.Contains(w, "://") {
			urls = append(urls, w)
		}
	}
	return len(urls) == 0 || allHere(urls)
}

// addressVar reports the tail of a client's variable that holds its
// server's address: ADDR, HTTP_ADDR, ADDRESS, HOST, URL, ENDPOINT.
func addressVar(tail string) bool {
	switch tail {
	case "ADDR", "HTTP_ADDR", "ADDRESS", "HOST", "URL", "ENDPOINT", "SERVER":
		return true
	}
	return false
}
