package shell

import (
	"path"
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

// TestProgName holds progName's own base name to path.Base's.
func TestProgName(t *testing.T) {
	for _, p := range []string{"rm", "/bin/rm", "./x.sh", "a/b/", "/", "//", "a//", "/usr//bin/SUDO", "RM", "../", ".", "x/.", "é/Ü", "é/Ab", "A/b", "A/", "a/B/", "/A//"} {
		want := path.Base(p) // lower-cased when it holds an ASCII capital
		if strings.IndexFunc(want, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0 {
			want = strings.ToLower(want)
		}
		if got := progName(p); got != want {
			t.Errorf("progName(%q) = %q, want %q", p, got, want)
		}
	}
}
