package effect

import (
	"strings"
	"testing"
)

// TestNamesDownloads holds namesDownloads, which passes over words shorter
// than "ownloads" without a search, to a search of every word.
func TestNamesDownloads(t *testing.T) {
	for _, args := range [][]string{
		nil, {""}, {"ownloads"}, {"ownload"}, {"-v", "~/Downloads/x.sh"}, {"Downloads"}, {"downloads/"},
		{"-rf", "a", "b"}, {"wnloads"}, {"x", "/home/u/Downloads"}, {"ownloadsx"}, {"DOWNLOADS"},
	} {
		want := false
		for _, w := range args {
			want = want || strings.Contains(w, "ownloads")
		}
		if got := namesDownloads(args); got != want {
			t.Errorf("namesDownloads(%q) = %v, want %v", args, got, want)
		}
	}
}
