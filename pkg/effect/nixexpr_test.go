package effect

import (
	"slices"
	"testing"
)

// TestFlakeRemote: a forge's repository or a URL is code from elsewhere; a
// registry's name, a local path and the distribution's own are not.
func TestFlakeRemote(t *testing.T) {
	for w, want := range map[string]bool{
		"github:someone/tools#setup":             true,
		"gitlab:someone/env":                     true,
		"sourcehut:~someone/devtools":            true,
		"git+https://git.sr.ht/~x/y":             true,
		"https://files.example.net/f.tar.gz":     true,
		"nixpkgs=https://example.net/n.tar.gz":   true,
		"github:NixOS/nixpkgs/nixos-24.05#hello": false,
		"https://nixos.org/channels/nixpkgs":     false,
		"nixpkgs#hello":                          false,
		"home-manager/master":                    false,
		".#ci":                                   false,
		"./shell.nix":                            false,
		"path:/tmp/flake":                        false,
		"git+file:///home/dev/project":           false,
	} {
		if got := flakeRemote(w); got != want {
			t.Errorf("flakeRemote(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestNixTokens: a Nix expression's path literals and strings.
func TestNixTokens(t *testing.T) {
	got := nixTokens(`builtins.readFile ~/.aws/credentials + import (fetchTarball "https://x.example/a.tar.gz") ./lib.nix`)
	want := []string{"~/.aws/credentials", "https://x.example/a.tar.gz", "./lib.nix"}
	if !slices.Equal(got, want) {
		t.Errorf("nixTokens = %q, want %q", got, want)
	}
	if got := nixTokens(`a.b.c 1.5 x/y`); len(got) != 0 {
		t.Errorf("nixTokens of names = %q, want none", got)
	}
}

// TestMiseRemote: mise's backends that fetch a repository's release or
// plugin, against the registries'.
func TestMiseRemote(t *testing.T) {
	for w, want := range map[string]bool{
		"ubi:someone/cli":              true,
		"vfox:someone/vfox-x":          true,
		"github:someone/tool@latest":   true,
		"cargo:https://github.com/x/y": true,
		"asdf:someone/asdf-x":          true,
		"node@20":                      false,
		"npm:prettier@3":               false,
		"aqua:cli/cli":                 false,
		"asdf:nodejs":                  false,
	} {
		if got := miseRemote(w); got != want {
			t.Errorf("miseRemote(%q) = %v, want %v", w, got, want)
		}
	}
}
