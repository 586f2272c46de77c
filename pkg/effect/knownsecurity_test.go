package effect

import "testing"

// TestKnownSecurityTools checks that the security team's well-known tools
// installed for the user by their published names fetch no unseen code,
// and that look-alike names and other publishers' modules still do.
func TestKnownSecurityTools(t *testing.T) {
	for line, want := range map[string]bool{
		"pipx install semgrep":                                               false,
		"pipx install sigma-cli":                                             false,
		"cargo install --locked yara-x-cli":                                  false,
		"gem install wpscan":                                                 false,
		"go install github.com/ffuf/ffuf/v2@latest":                          false,
		"go install github.com/projectdiscovery/nuclei/v3/cmd/nuclei@latest": false,
		"pipx install semgrep-pro-unlocker":                                  true,
		"go install github.com/ffuf-fork/ffuf/v2@latest":                     true,
		"go install github.com/projectdiscovery-tools/nuclei@latest":         true,
		"gem install wpscan2":                                                true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "remote-code:package") || hasEffect(effs, "unknown:package") || hasEffect(effs, "unknown:code"); got != want {
			t.Errorf("%q: code fetched = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
