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
