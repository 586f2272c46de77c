package shell

import "testing"

// After set -a a plain assignment is exported to the programs after it:
// the walk reports it as a command with no program, as it reports an
// assignment to a setting; before set -a or after set +a it does not.
func TestAllExportAssigns(t *testing.T) {
	reported := func(src string) bool {
		for _, c := range Parse(src).Commands {
			if c.Name == "" && len(c.Assigns) == 1 && c.Assigns[0] == "APP_MODE=x" {
				return true
			}
		}
		return false
	}
	for src, want := range map[string]bool{
		"set -a; APP_MODE=x; run":                             true,
		"set -o allexport; APP_MODE=x; run":                   true,
		"set -eua; APP_MODE=x; run":                           true,
		"APP_MODE=x; run":                                     false,
		"set -a; set +a; APP_MODE=x; run":                     false,
		"set -o allexport; set +o allexport; APP_MODE=x; run": false,
		"set -- -a; APP_MODE=x; run":                          false,
	} {
		if got := reported(src); got != want {
			t.Errorf("%q: assignment reported = %v, want %v", src, got, want)
		}
	}
}
