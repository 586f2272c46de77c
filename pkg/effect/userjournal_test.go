package effect

import (
	"strings"
	"testing"
)

// TestUserJournalVacuum: journalctl --user vacuums the user's own journal,
// no system store; without --user (or with only --user-unit) it is the
// system's journal and stays a system destroy.
func TestUserJournalVacuum(t *testing.T) {
	for line, want := range map[string]bool{
		"journalctl --user --vacuum-time=2d":           false,
		"journalctl --user --vacuum-size=200M":         false,
		"journalctl --vacuum-time=2d":                  true,
		"journalctl --vacuum-size=1K --user-unit=x":    true,
		"journalctl --vacuum-files=1 -u nginx.service": true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Destroy && strings.Contains(e.Descriptor(), "system")
		}
		if got != want {
			t.Errorf("%q: system destroy = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
