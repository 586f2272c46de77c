package effect

import "testing"

// TestCopiesOver checks that a directory copied or moved into the home
// directory is judged as written where it lands, that contents spread over
// it are unknown, and that copies elsewhere add nothing.
func TestCopiesOver(t *testing.T) {
	for line, want := range map[string]string{
		"cp -r payload/.secret ~/":    "write /home/dev/.secret",
		"mv payload/.secret ~/":       "write /home/dev/.secret",
		"rsync -a payload/.secret ~":  "write /home/dev/.secret",
		"cp -a dotfiles/. /home/dev/": "unknown:copied-contents",
		"rsync -av payload/ ~/":       "unknown:copied-contents",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%s: no %q in %v", line, want, effs)
		}
	}
	for line, not := range map[string]string{
		"cp -r .git /tmp/git-backup": "write /tmp/git-backup/.git",
		"rsync -a src/ build/src/":   "unknown:copied-contents",
		"cp -r templates/ out/":      "write /home/dev/project/out/templates",
	} {
		if effs := effectsOf(line); hasEffect(effs, not) {
			t.Errorf("%s: %q in %v", line, not, effs)
		}
	}
}
