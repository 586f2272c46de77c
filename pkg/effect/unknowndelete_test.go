package effect

import "testing"

// TestUnknownDeleteTarget checks that a delete or an emptying whose target
// the line does not know is unknown, whatever program does it, and that a
// variable whose name only starts with HOME is not the home.
func TestUnknownDeleteTarget(t *testing.T) {
	unknown := func(line string) bool { return lineHas(line, Unknown, "delete-target") }
	for line, want := range map[string]bool{
		`rm -rf "$X"`:                                true,
		`rm -rf "$HOME_DIR"`:                         true,
		`rm -rf "$HOMEDIR"/`:                         true,
		`rsync -a --delete /tmp/empty/ "$X/"`:        true,
		`rsync -a --delete /tmp/empty/ "$HOMEPATH/"`: true,
		`truncate -s 0 "$F"`:                         true,
		`rm -rf "$HOME/.cache/pip"`:                  false,
		`rm -rf "${HOME}/.npm"`:                      false,
		`rsync -a --delete dist/ build/`:             false,
		`truncate -s 0 "logs/app-$(date +%F).log"`:   false,
	} {
		if got := unknown(line); got != want {
			t.Errorf("%s: unknown delete target %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
