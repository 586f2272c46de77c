package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestSubSkipPrefix checks that a sub-skip entry ending in "*" skips the
// words that begin so before the subcommand (wp @production config get),
// and that a word not begun so is still taken as the subcommand.
func TestSubSkipPrefix(t *testing.T) {
	cat := Default()
	for line, want := range map[string]string{
		"wp @production config get DB_PASSWORD": "wp config get",
		"wp config get DB_PASSWORD":             "wp config get",
		"wp @staging config list":               "wp config list",
		"gcloud beta compute ssh vm":            "gcloud compute ssh",
		"bw get template item":                  "bw get template",
		"bw get github.com":                     "bw get item",
	} {
		f := strings.Fields(line)
		e, _ := cat.Lookup(f[0], f[1:])
		if e == nil || !strings.HasPrefix(e.Name, f[0]) || !nameCovers(e.Name, want) {
			got := "<nil>"
			if e != nil {
				got = e.Name
			}
			t.Errorf("%s: entry %q, want %q", line, got, want)
		}
	}
	for w, want := range map[string]bool{"@prod": true, "@": false, "prod": false, "beta": true} {
		if got := skipsWord("@*,beta", w); got != want {
			t.Errorf("skipsWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSubSkipNoOperand checks that a word sub-skip stepped over is no
// operand of the subcommand: drush @prod php:eval CODE gives CODE, its
// first positional, the code role, as drush php:eval CODE does.
func TestSubSkipNoOperand(t *testing.T) {
	cat := Default()
	for _, line := range [][]string{
		{"drush", "@prod", "php:eval", "echo 1;"},
		{"drush", "php:eval", "echo 1;"},
		{"wp", "@staging", "eval", "echo 1;"},
	} {
		cl := cat.Classify(line[0], line[1:])
		if len(cl.Words) != 1 || cl.Words[0].Role != Code || cl.Words[0].Text != "echo 1;" {
			t.Errorf("%q: words %+v, want the code alone", line, cl.Words)
		}
	}
}

// TestFamilyEntry checks that a program the table does not name, whose
// name begins with a family's prefix, takes the family's entry
// (docker-credential-gcr get prints a login as docker-credential-pass get
// does), while a named program keeps its own and other names have none.
func TestFamilyEntry(t *testing.T) {
	cat := Default()
	for line, want := range map[string]string{
		"docker-credential-gcr get":     "docker-credential-* get",
		"git-credential-acme-vault get": "git-credential-* get",
		"git-credential get":            "git-credential get",
		"docker-credential-gcr version": "docker-credential-*",
		"docker-compose-extra get":      "",
		"docker-credential- get":        "",
	} {
		f := strings.Fields(line)
		e, _ := cat.Lookup(f[0], f[1:])
		got := ""
		if e != nil {
			got = e.Name
		}
		if want == "" && got != "" || want != "" && !nameCovers(got, want) {
			t.Errorf("%s: entry %q, want %q", line, got, want)
		}
	}
	// a family is no program a glob can name (the walk would judge the
	// family's name as the command, and match it again)
	if ps := ProgramsMatching("docker-credential-*", nil, 12); slices.ContainsFunc(ps, func(p string) bool { return strings.Contains(p, "*") }) {
		t.Errorf("ProgramsMatching gives a family: %q", ps)
	}
}

// nameCovers reports whether an entry's name (its aliases joined by
// commas at each level) covers the command words want.
func nameCovers(name, want string) bool {
	n, w := strings.Fields(name), strings.Fields(want)
	if len(n) != len(w) {
		return false
	}
	for i := range n {
		if !listed(n[i], w[i]) {
			return false
		}
	}
	return true
}
