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
		// the body of an if is gated on its condition's last command
		{"if a; then b; fi", 1, 0, true},
		{"if x; a; then b; fi", 2, 1, true},
		{"if x; a; then b; fi", 2, 0, false},
		{"if x; then a; else b; fi", 2, 0, false},
		{"if x; then a; elif y; then b; fi", 3, 2, true},
		{"if x; then a; elif y; then b; fi", 3, 0, false},
		{"if ! a; then b; fi", 1, 0, false},
		{"if a || x; then b; fi", 2, 0, false},
		// a line function's call and eval's static string pass on the
		// status of their last command
		{"f() { a; }; f && b", 2, 1, true},
		{"f() { x; a; }; f && b", 3, 2, true},
		{"f() { a || x; }; f && b", 3, 1, false},
		{"f() { if x; then a; fi; }; f && b", 3, 2, false},
		{"eval 'a' && b", 2, 1, true},
		{"eval 'x; a' && b", 3, 2, true},
		{"eval 'a || x' && b", 3, 1, false},
		{"eval \"$s\" && b", 2, 1, false},
	} {
		res := Parse(tc.line)
		if got := GatedOn(&res, tc.j, tc.g); got != tc.want {
			t.Errorf("%q: GatedOn(%d, %d) = %v, want %v", tc.line, tc.j, tc.g, got, tc.want)
		}
	}
}

// TestIfNotExitHalts checks that "if ! X; then exit; fi" is "X || exit":
// a failing X ends the script, so what follows runs only after it.
func TestIfNotExitHalts(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"if ! cd build; then exit 1; fi; rm -f x", true},
		{"if ! cd build; then echo no; exit 1; fi; rm -f x", true},
		{"if ! cd build; then { echo no; exit 1; }; fi; rm -f x", true},
		{"if ! cd build; then echo no; fi; rm -f x", false},
		{"if cd build; then exit 1; fi; rm -f x", false},
		{"if ! cd build; then exit 1; else echo; fi; rm -f x", false},
		{"exit() { :; }; if ! cd build; then exit 1; fi; rm -f x", false},
	} {
		res := Parse(tc.line)
		got := false
		for _, c := range res.Commands {
			if c.Name == "cd" {
				got = c.Halts
			}
		}
		if got != tc.want {
			t.Errorf("%q: cd halts = %v, want %v", tc.line, got, tc.want)
		}
	}
}
