package engine

import (
	"path"
	"slices"
	"strings"
	"testing"
)

// TestGlobMatchesPrefix holds globMatches, which passes over files not
// starting with the glob's literal prefix, to matching every file.
func TestGlobMatchesPrefix(t *testing.T) {
	every := func(glob, home string) []string {
		var out []string
		for _, f := range wellKnownFiles {
			if strings.HasPrefix(f, "~/") || f == "~" {
				f = home + f[1:]
			}
			if ok, _ := path.Match(glob, f); ok {
				out = append(out, f)
			}
		}
		return out
	}
	for _, glob := range []string{
		"/home/dev/.ss?/id_*", "/home/dev/.ssh/*", "/home/*/.ssh/id_*", "/home/dev/*", "/*/shadow",
		"/etc/s*", "/root/.ssh/*", "/home/de?/.aws/credentials", "/home/dev/project/$(ls src/*.go | head -1)",
		"/home/d*", "/home/dev/.config/*/hosts.yml", "*", "/[a-z]tc/shadow", `/etc/\s*`, "/home/dev[",
	} {
		for _, home := range []string{"/home/dev", "/root", "/"} {
			if got, want := globMatches(glob, home), every(glob, home); !slices.Equal(got, want) {
				t.Errorf("globMatches(%q, %q) = %q, want %q", glob, home, got, want)
			}
		}
	}
}
