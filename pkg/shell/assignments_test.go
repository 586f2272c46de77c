package shell

import (
	"slices"
	"testing"
)

func TestAssignedValues(t *testing.T) {
	for _, tc := range []struct {
		code, name string
		values     []string
		compound   bool
	}{
		{`u = 'https://a'; get(u)`, "u", []string{`'https://a'; get(u)`}, false},
		{`const u='x'; u = y`, "u", []string{`'x'; u = y`, `y`}, false},
		{`base = 'a'; base += 'b'`, "base", []string{`'a'; base += 'b'`}, true},
		{`b := f()`, "b", nil, true},
		{`if u == 'x' or u=>1: pass`, "u", nil, false},
		{`self.u = 'x'; uu = 'y'; $u = 'z'`, "u", nil, false},
		{`verb='patch'`, "", nil, false},
	} {
		values, compound := AssignedValues(tc.code, tc.name)
		if !slices.Equal(values, tc.values) || compound != tc.compound {
			t.Errorf("AssignedValues(%q, %q) = %q, %v; want %q, %v", tc.code, tc.name, values, compound, tc.values, tc.compound)
		}
	}
}
