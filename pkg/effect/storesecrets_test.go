package effect

import "testing"

// TestStoreSecretPrinted: a data store's own command that prints the
// server's password settings (CONFIG GET requirepass, or a glob that
// matches one) or its users' password hashes (ACL LIST) is a secret
// printed, from its words or the text fed to it; its other settings and
// names are not.
func TestStoreSecretPrinted(t *testing.T) {
	for line, want := range map[string]bool{
		"redis-cli CONFIG GET requirepass":                  true,
		"redis-cli -h cache.acme.net config get masterauth": true,
		"redis-cli CONFIG GET '*'":                          true,
		"redis-cli CONFIG GET '*pass*'":                     true,
		"valkey-cli CONFIG GET requirepass":                 true,
		"echo 'CONFIG GET requirepass' | redis-cli":         true,
		"redis-cli ACL LIST":                                true,
		"redis-cli ACL GETUSER default":                     true,
		"redis-cli CONFIG GET maxmemory":                    false,
		"redis-cli CONFIG GET 'max*'":                       false,
		"redis-cli ACL WHOAMI":                              false,
		"redis-cli CONFIG SET maxmemory 256mb":              false,
		"redis-cli GET requirepass_hint":                    false,
		"redis-cli -a \"$REDIS_PASSWORD\" ping":             false,
		"nmcli device wifi show-password":                   true,
		"nmcli --show-secrets connection show home":         true,
		"nmcli connection show home":                        false,
		"nmcli device wifi list":                            false,
	} {
		if got := hasEffect(effectsOf(line), "flow:secret->agent"); got != want {
			t.Errorf("%q: flow:secret->agent = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
