package effect

import "testing"

// TestValueWrites checks that ssh-keygen -p or -c rewrites the key its -f
// names (a write of that file), and that its other verbs (fingerprint,
// public half, a new key elsewhere) write no key they name by -f.
func TestValueWrites(t *testing.T) {
	for line, want := range map[string]bool{
		`ssh-keygen -p -N '' -f ~/.ssh/id_ed25519`: true,
		`ssh-keygen -c -C laptop -f ~/.ssh/id_rsa`: true,
		`ssh-keygen -lf ~/.ssh/id_ed25519.pub`:     false,
		`ssh-keygen -y -f ~/.ssh/id_ed25519`:       false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Write && e.Path == "/home/dev/.ssh/id_ed25519" || e.Kind == Write && e.Path == "/home/dev/.ssh/id_rsa"
		}
		if got != want {
			t.Errorf("%s: writes the key %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
