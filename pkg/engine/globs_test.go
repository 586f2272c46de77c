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

// TestGlobMatchesAnyDepth checks that "/**/" in a glob (a find listing
// at any depth) names files zero or more directories down, and nothing
// outside the directory it starts from.
func TestGlobMatchesAnyDepth(t *testing.T) {
	for _, tc := range []struct {
		glob string
		want []string
		not  []string
	}{
		{"/home/dev/**/credentials", []string{"/home/dev/.aws/credentials", "/home/dev/.cargo/credentials"}, []string{"/root/.aws/credentials"}},
		{"/home/dev/**/.bashrc", []string{"/home/dev/.bashrc"}, nil},
		{"/home/dev/**/id_*", []string{"/home/dev/.ssh/id_rsa", "/home/dev/.ssh/id_ed25519"}, []string{"/root/.ssh/id_rsa"}},
		{"/home/dev/project/**/__pycache__", nil, []string{"/home/dev/.ssh/id_rsa"}},
		{"/**/shadow", []string{"/etc/shadow"}, nil},
		{"/home/dev/**/{id_*,*.pub}", []string{"/home/dev/.ssh/id_rsa"}, []string{"/home/dev/.aws/credentials"}},
		{"/home/dev/**/{credentials,config}", []string{"/home/dev/.aws/credentials", "/home/dev/.kube/config", "/home/dev/.ssh/config"}, []string{"/home/dev/.netrc"}},
	} {
		got := globMatches(tc.glob, "/home/dev")
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("globMatches(%q) = %q, want it to hold %s", tc.glob, got, w)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("globMatches(%q) = %q, holds %s", tc.glob, got, n)
			}
		}
	}
}

// TestGlobMatchesPersonalFolders checks that a glob at any depth below
// the home (find ~ -name '*.docx') names a file of its name in the
// user's own folders, and one in the project does not.
func TestGlobMatchesPersonalFolders(t *testing.T) {
	got := globMatches("/home/dev/**/*.docx", "/home/dev")
	if !slices.Contains(got, "/home/dev/Documents/x.docx") {
		t.Errorf("globMatches(~/**/*.docx) = %q, want ~/Documents/x.docx among them", got)
	}
	for _, g := range []string{"/home/dev/project/**/*.docx", "/home/dev/Documents/*.docx", "/home/dev/**/.env*"} {
		for _, f := range globMatches(g, "/home/dev") {
			if strings.HasSuffix(f, "/x.docx") || strings.Contains(f, "/Documents/") {
				t.Errorf("globMatches(%q) names %q", g, f)
			}
		}
	}
}
