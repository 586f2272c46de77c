package shell

import (
	"strings"
	"testing"
)

// scratchWordSlow is the reading wordNamesScratch stands for.
func scratchWordSlow(w string) bool {
	return strings.Contains(w, "/tmp/") || strings.Contains(w, "/dev/shm/") || strings.Contains(w, "ownloads/")
}

func TestWordNamesScratch(t *testing.T) {
	for _, w := range []string{
		"", "/", "//", "tmp", "/tmp", "/tmp/", "/tmp/x", "-f/tmp/x.mk", "--file=/tmp/x.awk",
		"x//tmp/", "/var/tmp/a", "/dev/shm", "/dev/shm/", "/dev//shm/x", "a/dev/shm/b",
		"~/Downloads/x.gdb", "Downloads/", "ownloads/", "wnloads/", "/ownloads", "~/downloads/a",
		"a/b/c/d", "/tm/p/", "/tmp/tmp/", "s/a/b/g", "{print $1}", "ownloadsownloads/",
	} {
		if got, want := wordNamesScratch(w), scratchWordSlow(w); got != want {
			t.Errorf("wordNamesScratch(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzWordNamesScratch(f *testing.F) {
	for _, w := range []string{"/tmp/x", "~/Downloads/a", "/dev/shm/q", "a/b", "x"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := wordNamesScratch(w), scratchWordSlow(w); got != want {
			t.Errorf("wordNamesScratch(%q) = %v, want %v", w, got, want)
		}
	})
}
