package shell

import (
	"strings"
	"testing"
)

// TestUnversioned holds unversioned to strings.TrimRight with the cutset
// it stands in for.
func TestUnversioned(t *testing.T) {
	for _, name := range []string{"", "python", "python3", "python3.12", "perl5.36.0", "3.12", "...", "node18", "lua5.4", "gawk", "a1b2", "x.", "é9"} {
		if got, want := unversioned(name), strings.TrimRight(name, "0123456789."); got != want {
			t.Errorf("unversioned(%q) = %q, want %q", name, got, want)
		}
	}
}
