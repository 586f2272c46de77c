package effect

import "testing"

// printsSecret reports whether line prints a secret into the agent's
// context (the flow secret->agent).
func printsSecret(line string) bool {
	for _, e := range keyEffectsOf(line) {
		if e.Kind == Flow && e.Detail == "secret->agent" {
			return true
		}
	}
	return false
}

// TestStoreHere holds a secrets store's client aimed only at a dev server
// on this machine to no secret printed, and one aimed elsewhere, given no
// address, or on a line that forwards a port to another machine, to one.
func TestStoreHere(t *testing.T) {
	for line, want := range map[string]bool{
		"VAULT_ADDR=http://127.0.0.1:8200 vault kv get secret/dev/api":                                         false,
		"VAULT_ADDR=http://[::1]:8200 vault kv get secret/dev/api":                                             false,
		"export VAULT_ADDR=http://localhost:8200 && vault kv get secret/dev/api":                               false,
		"vault kv get -address=http://127.0.0.1:8200 secret/dev/api":                                           false,
		"BAO_ADDR=http://127.0.0.1:8200 bao kv get secret/dev/api":                                             false,
		"vault kv get secret/dev/api":                                                                          true,
		"VAULT_ADDR=https://vault.acme.io vault kv get secret/app":                                             true,
		"VAULT_ADDR=http://127.0.0.1.evil.example:8200 vault kv get secret/app":                                true,
		"VAULT_ADDR=http://127.0.0.1:8200 vault kv get -address=https://vault.acme.io secret/app":              true,
		"export VAULT_ADDR=http://127.0.0.1:8200 && export VAULT_ADDR=https://vault.acme.io && vault kv get s": true,
		"ssh -fNL 8200:vault.acme.internal:8200 bastion && VAULT_ADDR=http://127.0.0.1:8200 vault kv get s":    true,
		"kubectl port-forward svc/vault 8200:8200 & VAULT_ADDR=http://127.0.0.1:8200 vault kv get s":           true,
	} {
		if got := printsSecret(line); got != want {
			t.Errorf("%s: prints a secret %v, want %v", line, got, want)
		}
	}
}

// TestPickedFields holds a credential CLI told to print only fields named
// for no secret to no secret printed, and one picking a field named for a
// secret, by type, or by a name nobody can read, to one.
func TestPickedFields(t *testing.T) {
	for line, want := range map[string]bool{
		`op item get "Staging DB" --fields label=username`:                 false,
		`op item get "Staging DB" --fields username,server`:                false,
		`op item get DB --fields label=hostname,label=port,label=database`: false,
		`vault kv get -field=username secret/app`:                          false,
		`op item get "Staging DB" --fields label=password`:                 true,
		`op item get "Staging DB" --fields label=username,label=password`:  true,
		`op item get Stripe --fields "label=API Key"`:                      true,
		`op item get DB --fields type=concealed`:                           true,
		`op item get Server --fields label=notesPlain`:                     true,
		`op item get DB --fields "$F"`:                                     true,
		`op item get DB --reveal --fields username`:                        true,
		`op item get DB`: true,
		`vault kv get -field=api_token secret/app`:   true,
		`vault kv get -field=db_password secret/app`: true,
	} {
		if got := printsSecret(line); got != want {
			t.Errorf("%s: prints a secret %v, want %v", line, got, want)
		}
	}
}
