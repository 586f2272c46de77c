package effect

import "testing"

// TestDestroyBare checks that fossil revert discards every change only when
// it names nothing or the whole tree, and puts back one file otherwise.
func TestDestroyBare(t *testing.T) {
	for line, want := range map[string]bool{ // destroy:history
		"fossil revert":                   true,
		"fossil revert .":                 true,
		"fossil revert ./":                true,
		"fossil revert src/main.c README": false,
		"fossil revert src/main.c .":      true,
		"fossil revert -r trunk src/a.c":  false,
		"fossil revert ../":               true,
		"fossil revert /home/dev/project": true,
		"fossil clean":                    true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "destroy:history"); got != want {
			t.Errorf("%q: destroy:history = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
