package shell

import (
	"strings"
	"testing"
)

// TestPyModuleCode checks the code the standard library's code-running
// modules are given on their command line, and which of them take it from
// standard input (code, and pickle, whose input runs what it calls).
func TestPyModuleCode(t *testing.T) {
	for line, want := range map[string]struct {
		code         string
		hasCode, std bool
	}{
		"timeit -s import_os x=1":    {"import_os\nx=1", true, false},
		"pdb -c !print(1) s.py":      {"print(1)", true, false},
		"cProfile -m timeit pass":    {"pass", true, false},
		"code":                       {"", false, true},
		"pickle":                     {"", false, true},
		"pickle -":                   {"", false, true},
		"pickle /dev/stdin":          {"", false, true},
		"pickle fixtures/sample.pkl": {"", false, false},
	} {
		f := strings.Fields(line)
		code, has, stdin, ok := pyModuleCode(f[0], f[1:], 0)
		if !ok || code != want.code || has != want.hasCode || stdin != want.std {
			t.Errorf("pyModuleCode(%q) = %q, %v, %v, %v; want %q, %v, %v", line, code, has, stdin, ok, want.code, want.hasCode, want.std)
		}
	}
	if _, _, _, ok := pyModuleCode("json.tool", nil, 0); ok {
		t.Error("json.tool runs no code")
	}
}
