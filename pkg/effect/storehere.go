package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A secrets store's dev server on this machine. "vault server -dev" keeps
// made-up secrets in memory on 127.0.0.1:8200 for the work at hand, so
// "VAULT_ADDR=http://127.0.0.1:8200 vault kv get secret/dev/api" prints
// no one's secret. A store client is aimed here when every address it is
// given (its variable, on the command or exported before it on the line,
// and its address option) is a loopback one, on a line that opens no port
// leading to another machine (ssh -L, kubectl port-forward: a loopback
// address may then reach production's store). Given none, the client uses
// what the environment says, which the line does not show: a secret.

// secretStoreClients are the secrets stores' clients, with the variable that
// names their server.
var secretStoreClients = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"vault": "VAULT_ADDR", "bao": "BAO_ADDR"}
}}

// storeAddressOptions are the options by which a store's client is given
// its server's address.
var storeAddressOptions = table.Map[string, bool]{Words: "-address --address"}

// storeHere reports whether command i is a secrets store's client aimed
// only at a server on this machine (see above).
func (a *analysis) storeHere(i int) bool {
	c := &a.res.Commands[i]
	v, ok := secretStoreClients.Lookup(c.Name)
	if !ok || len(c.Via) > 0 {
		return false
	}
	var hosts []string
	for _, as := range c.Assigns {
		if k, val, ok := strings.Cut(as, "="); ok && k == v {
			hosts = append(hosts, val)
		}
	}
	if len(hosts) == 0 {
		// export VAULT_ADDR=http://127.0.0.1:8200 && vault kv get ...
		for j := i - 1; j >= 0 && len(hosts) == 0; j-- {
			d := &a.res.Commands[j]
			if d.Name != "export" && d.Name != "declare" && d.Name != "typeset" {
				continue
			}
			for _, w := range d.Args {
				if val, ok := strings.CutPrefix(w, v+"="); ok {
					hosts = append(hosts, val)
				}
			}
		}
	}
	hosts = append(hosts, optionValues(c.Args, storeAddressOptions.Get)...)
	return allHere(hosts) && !forwardsOnLine(a.res)
}
