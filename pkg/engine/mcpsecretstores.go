package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A password manager's or secret store's MCP server keeps nothing but
// secrets: an item it reveals, a kv entry it reads, a login it gets is the
// secret itself, whatever the tool calls it (1password item_reveal,
// hashicorp-vault kv_read, keeper get_record). Its server is known by the
// words of its name, as a class (a vault, a password or pass manager, a
// keychain, a secrets manager), not server by server; what it holds is
// known by the item nouns of the tool's name. Its vaults, folders,
// policies and health are not secrets, and a tool whose name says only
// those is not a read of one.

// storeServerWords are words of a server's name that make it a secret
// store: hashicorp-vault, azure-keyvault, 1password, bitwarden, keepassxc,
// lastpass, passbolt, aws-secrets-manager, macos-keychain, gnome-keyring.
var storeServerWords = table.Map[string, bool]{Words: `vault keyvault openbao bao 1password onepassword op
	bitwarden vaultwarden bw keepass keepassxc lastpass
	passbolt dashlane keeper pass gopass password
	passwords secrets secret secretsmanager keychain keyring
	akeyless conjur infisical doppler cyberark thycotic
	delinea psono enpass nordpass proton-pass sops`}

// storeServerParts are pieces of a run-together server name that make it
// a secret store (mysecretsvault, teampasswords, passwordstate).
var storeServerParts = [...]string{"vault", "password", "passwd", "secret", "keychain", "keyring", "warden", "keepass", "lastpass"}

// storeItemNouns are the words a secret store's tool uses for what it
// holds: reading one returns its value.
var storeItemNouns = table.Map[string, bool]{Words: `item items entry entries kv kv2 login
	logins note notes card cards field fields
	record records value values otp totp key
	keys document attachment identity cipher ciphers
	credential password secret`}

// secretStoreServer reports whether a server's name says it is a
// password manager or a secret store.
func secretStoreServer(server string) bool {
	for _, w := range ToolWords(server) {
		if storeServerWords.Get(w) {
			return true
		}
	}
	s := strings.ToLower(server)
	for _, p := range storeServerParts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// storeItem reports whether a tool's words name what a secret store holds.
func storeItem(words []string) bool {
	for _, w := range words {
		if storeItemNouns.Get(w) {
			return true
		}
	}
	return false
}

// revealPrefixes start an argument's name that asks for values
// (include_password, show_secret, with_values, return_plaintext).
var revealPrefixes = [...]string{"include", "show", "with", "reveal", "return", "expose", "unmask", "decrypt", "display", "print", "output", "get", "fetch"}

// revealNouns end such a name: what is asked for is a value.
var revealNouns = table.Map[string, bool]{Words: `value values password passwords secret secrets
	token tokens plaintext cleartext decrypted sensitive
	credential credentials totp passphrase unmasked`}

// revealKey reports whether an argument's name (lower case, separators
// removed) asks a reading tool for the secrets' values: one of revealKeys,
// or a reveal prefix followed by a value noun.
func revealKey(k string) bool {
	if revealKeys.Get(k) {
		return true
	}
	for _, p := range revealPrefixes {
		if rest, ok := strings.CutPrefix(k, p); ok && revealNouns.Get(rest) {
			return true
		}
	}
	return false
}

// fieldsChosen reports whether the arguments choose the fields a read
// returns (fields: [name, uri, username]); revealArg says when they name a
// secret one.
func fieldsChosen(args map[string]any) bool {
	for k, v := range args {
		if !fieldKeys.Get(strings.ToLower(keySeparators.Get().Replace(k))) {
			continue
		}
		switch v.(type) {
		case []any, string:
			return true // a filter object (attributes: {service: prod}) chooses no field
		}
	}
	return false
}

// storeOpens reports a verb that, on a secret store, returns a value
// whatever it is called on (decrypt, reveal, unseal).
func storeOpens(words []string) bool {
	for _, w := range words {
		switch w {
		case "decrypt", "reveal", "unseal", "unlock", "export":
			return true
		}
	}
	return false
}

// storeItemArg reports arguments that say the object read is an item of
// the store (bw get {object: item}).
func storeItemArg(args map[string]any) bool {
	for _, k := range [...]string{"object", "type", "kind", "resource"} {
		if s, ok := args[k].(string); ok && storeItemNouns.Get(strings.ToLower(s)) {
			return true
		}
	}
	return false
}

// valuesKey reports a reveal argument that asks for values in general
// (include_values, with_values): a secret's only where the tool or server
// is about secrets or variables, as a metrics query's values are not.
func valuesKey(k string) bool {
	k = strings.ToLower(keySeparators.Get().Replace(k))
	return strings.HasSuffix(k, "values") || strings.HasSuffix(k, "value")
}
