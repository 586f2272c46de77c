package shell

import (
	"strings"
	"testing"
)

// TestIndexSearchFeedsItsPaths checks that what locate and mdfind -name
// print reaches xargs and a substitution as the paths they may name,
// while a metadata query or a regex is no listing.
func TestIndexSearchFeedsItsPaths(t *testing.T) {
	for line, want := range map[string]string{
		"mdfind -name id_ed25519 | xargs cat":            "/**/*id_ed25519*",
		"mdfind -0 -name .pem -onlyin ~ | xargs -0 cat":  "~/**/*.pem*",
		"locate id_rsa | xargs cat":                      "/**/*id_rsa*",
		"cat $(mdfind -name credentials -onlyin ~/.aws)": "~/.aws/**/*credentials*",
		"mdfind 'kMDItemFSName == id_rsa' | xargs cat":   "",
		"locate -r 'id_.*' | xargs cat":                  "",
	} {
		got := ""
		for _, c := range Parse(line).Commands {
			if c.Name == "cat" && got == "" {
				for _, a := range c.Args {
					if a != "" && a[0] != '-' {
						got = a
						break
					}
				}
			}
		}
		if want == "" && strings.HasPrefix(got, "/**") || want != "" && got != want {
			t.Errorf("%s: cat's first path = %q, want %q", line, got, want)
		}
	}
}
