package shell

import "testing"

// TestGatedOn checks that a command right of && is gated on the command
// whose status the left side is, and that ;, ||, &, !, if and blocks
// gate nothing.
func TestGatedOn(t *testing.T) {
	for _, tc := range []struct {
		line string
		j, g int
		want bool
	}{
		{"a && b", 1, 0, true},
		{"a && b && c", 2, 0, true},
		{"a && b && c", 2, 1, true},
		{"x | a && b", 2, 1, true},
		{"a && { b; c; }", 2, 0, true},
		{"a; b", 1, 0, false},
		{"a || b", 1, 0, false},
		{"[ -f k ] || a; b", 2, 1, false},
		{"[ -f k ] || a && b", 2, 1, false},
		{"a & b", 1, 0, false},
		{"! a && b", 1, 0, false},
		{"if x; then a; fi && b", 2, 1, false},
	} {
		res := Parse(tc.line)
		if got := GatedOn(&res, tc.j, tc.g); got != tc.want {
			t.Errorf("%q: GatedOn(%d, %d) = %v, want %v", tc.line, tc.j, tc.g, got, tc.want)
		}
	}
}
