package effect

import "testing"

// A client whose own address variable names this machine talks to a dev
// server here; another address on the line, in its options or in the
// variable, or a key naming production, is where it goes.
func TestAddressedHere(t *testing.T) {
	for line, want := range map[string]bool{
		"VAULT_ADDR=http://127.0.0.1:8200 vault kv put secret/dev/db password=devpass":                          false,
		"export VAULT_ADDR=http://localhost:8200 && vault kv put secret/api token=x1":                           false,
		"VAULT_ADDR=https://vault.acme.internal vault kv put secret/dev/db password=devpass":                    true,
		"VAULT_ADDR=http://127.0.0.1:8200 vault kv put secret/prod/db password=devpass":                         true,
		"VAULT_ADDR=http://127.0.0.1:8200 vault kv put -address=https://vault.acme.io secret/api/db password=x": true,
		"VAULT_ADDR=http://127.0.0.1:8200 VAULT_ADDR=https://vault.acme.io vault kv put secret/api/db pw=x":     true,
		"vault kv put secret/api/db password=x":                                                                 true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:deploy"); got != want {
			t.Errorf("%q: destroy:deploy = %v, want %v", line, got, want)
		}
	}
}
