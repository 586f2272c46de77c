package catalog

import (
	"slices"
	"testing"
)

// TestProgramsMatching: a program pattern names the known programs it
// can expand to, by path in the system's program directories or by name.
func TestProgramsMatching(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    string
	}{
		{"/???/r?", "/bin/rm"},
		{"/bin/r[m]", "/bin/rm"},
		{"/usr/bin/sh?ed", "/usr/bin/shred"},
		{"r?", "rm"},
		{"/???/?as?", "/bin/bash"},
		{"/usr/bin/@(rm)", "/usr/bin/rm"},
		{"@(true|rm)", "rm"},
		{"+(r)m", "rm"},
		{"?(x)shred", "shred"},
	} {
		got := ProgramsMatching(tc.pattern, []string{"bash"}, 12)
		if !slices.Contains(got, tc.want) {
			t.Errorf("ProgramsMatching(%q) = %q, want it to hold %q", tc.pattern, got, tc.want)
		}
	}
	if got := ProgramsMatching("./scripts/b*.sh", nil, 12); len(got) != 0 {
		t.Errorf("a project script pattern named programs: %q", got)
	}
	if got := ProgramsMatching("[", nil, 12); len(got) != 0 {
		t.Errorf("[ named programs: %q", got)
	}
}

// TestExtglobPatterns: bash's extended patterns read as plain ones.
func TestExtglobPatterns(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		{"rm", []string{"rm"}},
		{"@(rm|ls)", []string{"rm", "ls"}},
		{"/bin/?(r)m", []string{"/bin/rm", "/bin/m"}},
		{"!(x)", []string{"*"}},
		{"@(a|@(b|c))d", []string{"ad", "bd", "cd"}},
		{"@(a", []string{"@(a"}},
	} {
		if got := extglobPatterns(tc.pattern, nil, maxExtglob); !slices.Equal(got, tc.want) {
			t.Errorf("extglobPatterns(%q) = %q, want %q", tc.pattern, got, tc.want)
		}
	}
	if got := extglobPatterns("@(a|b)@(a|b)@(a|b)@(a|b)@(a|b)", nil, maxExtglob); got != nil {
		t.Errorf("32 patterns past the bound: got %d, want none", len(got))
	}
}
