package shell

import (
	"strings"
	"testing"
)

// TestEstimateCommandsBytes checks that the byte table counts what the
// operators' switch counted, for every byte.
func TestEstimateCommandsBytes(t *testing.T) {
	for b := range 256 {
		want := false
		switch byte(b) {
		case '|', ';', '&', '\n', '(', '`':
			want = true
		}
		if commandStarts[b] != want {
			t.Errorf("commandStarts[%q] = %v, want %v", byte(b), commandStarts[b], want)
		}
	}
	if n := estimateCommands("a | b; c && (d) `e`\nf"); n != min(9+9/2+2, MaxCommands) {
		t.Errorf("estimateCommands = %d, want %d", n, min(9+9/2+2, MaxCommands))
	}
}

// TestWalkCallAllocsPerCommand checks that a simple command's walk keeps
// its expander on the stack: a line of 22 plain commands allocates no more
// than one of 2 and a few, not one expander per command (the subscript
// reading of arrayitems.go once made every expander escape).
func TestWalkCallAllocsPerCommand(t *testing.T) {
	line := func(n int) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = "grep -v x"
		}
		return strings.Join(parts, " | ")
	}
	parse := func(src string) float64 {
		r := Parse(src)
		Release(&r)
		return testing.AllocsPerRun(20, func() {
			r := Parse(src)
			Release(&r)
		})
	}
	short, long := parse(line(2)), parse(line(22))
	if long-short >= 10 {
		t.Errorf("20 more commands allocate %v more times (%v, %v), want fewer than 10", long-short, short, long)
	}
	// A subscript the walk cannot resolve still reads its variables' values.
	r := Parse(`dirs=(dist /home/dev); for i in 0 1; do rm -rf "${dirs[$i]}"; done`)
	found := false
	for _, g := range describeAll(r) {
		found = found || strings.HasPrefix(g, "rm -rf /home/dev @")
	}
	if !found {
		t.Errorf("the subscript ${dirs[$i]} no longer takes i's values:\n\t%s", strings.Join(describeAll(r), "\n\t"))
	}
}
