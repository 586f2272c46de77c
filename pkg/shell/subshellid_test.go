package shell

import "testing"

// TestCommandShell checks that each command names the shell it runs in
// (Command.Shell) and that Result.Shells gives each subshell's parent: a
// (…) group, a pipeline stage, a background job, $(…) and bash -c are
// shells of their own; { …; } and the line's own commands are not.
func TestCommandShell(t *testing.T) {
	for _, tc := range []struct {
		line string
		want map[string]int // command name -> depth of its shell (0: the line's own)
	}{
		{"cd build && make", map[string]int{"cd": 0, "make": 0}},
		{"(cd build) && make", map[string]int{"cd": 1, "make": 0}},
		{"{ cd build; } && make", map[string]int{"cd": 0, "make": 0}},
		{"cd build | cat; make", map[string]int{"cd": 1, "cat": 1, "make": 0}},
		{"(cd build && (make))", map[string]int{"cd": 1, "make": 2}},
		{"x=$(pwd); make", map[string]int{"pwd": 1, "make": 0}},
		{"bash -c 'cd build' && make", map[string]int{"bash": 0, "cd": 1, "make": 0}},
		{"sleep 1 & make", map[string]int{"sleep": 1, "make": 0}},
	} {
		res := Parse(tc.line)
		for _, c := range res.Commands {
			want, ok := tc.want[c.Name]
			if !ok {
				continue
			}
			depth, id := 0, c.Shell
			for id != 0 && depth <= len(res.Shells) {
				depth++
				id = res.Shells[id-1]
			}
			if depth != want {
				t.Errorf("%q: %s runs %d shells deep (Shell %d, Shells %v), want %d", tc.line, c.Name, depth, c.Shell, res.Shells, want)
			}
		}
	}
}
