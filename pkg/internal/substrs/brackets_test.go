package substrs

import "testing"

// TestTopLevelEnd checks that the scan stops at the first stop byte or
// closing bracket outside the brackets and strings it meets.
func TestTopLevelEnd(t *testing.T) {
	for _, tc := range []struct {
		code, stops string
		k, at       int
		c           byte
	}{
		{`a, b`, ",", 0, 1, ','},
		{`f(a, b), c`, ",", 0, 7, ','},
		{`"a,b", c`, ",", 0, 5, ','},
		{`'it''s', x`, ",", 0, 7, ','},
		{`"a\",b", c`, ",", 0, 7, ','},
		{`[1, 2]) tail`, ",", 0, 6, ')'},
		{`x(y)`, ",", 2, 3, ')'},
		{`{a: [1, 2]}`, ",", 0, -1, 0},
		{`lo_from_bytea(0, 'x'), '/tmp/f'`, ",", 0, 21, ','},
	} {
		at, c := TopLevelEnd(tc.code, tc.k, tc.stops)
		if at != tc.at || c != tc.c {
			t.Errorf("TopLevelEnd(%q, %d, %q) = %d %q, want %d %q", tc.code, tc.k, tc.stops, at, c, tc.at, tc.c)
		}
	}
}
