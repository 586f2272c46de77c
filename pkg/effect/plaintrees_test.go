package effect

import "testing"

// TestPlainTreesCopied checks that a plain folder of the home copied into
// the project (assets, icons, fonts from ~/Downloads) is no archive of the
// home written to a file, while the home itself, or a directory above it,
// still is.
func TestPlainTreesCopied(t *testing.T) {
	for cmd, want := range map[string]bool{
		"cp -r ~/Downloads/assets ./public/":          false,
		"cp -R ~/Downloads/icons src/assets/icons":    false,
		"rsync -a ~/Downloads/images/ public/images/": false,
		"cp -a ~/Pictures/screenshots docs/img":       false,
		"cp -r ~ ./backup":                            true,
		"tar czf home.tgz ~":                          true,
	} {
		if got := hasEffect(effectsOf(cmd), "flow:home-archive->file"); got != want {
			t.Errorf("%s: home archive written %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
