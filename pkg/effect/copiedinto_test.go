package effect

import "testing"

// TestCopiedIntoDirectory checks that a file copied into a directory the
// line marks as one (a trailing slash, site-packages) is written there
// under its own name, and that a copy to a new name is not doubled.
func TestCopiedIntoDirectory(t *testing.T) {
	for line, want := range map[string]string{
		`cp evil.pth .venv/lib/python3.12/site-packages/`:                 "write /home/dev/project/.venv/lib/python3.12/site-packages/evil.pth",
		`install -m 644 /tmp/hook.pth .venv/lib/python3.12/site-packages`: "write /home/dev/project/.venv/lib/python3.12/site-packages/hook.pth",
		`mv a.txt b.txt docs/`: "write /home/dev/project/docs/b.txt",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: no %s: %v", line, want, effs)
		}
	}
	if effs := effectsOf(`cp a.txt b.txt`); hasEffect(effs, "write /home/dev/project/b.txt/a.txt") {
		t.Errorf("cp a.txt b.txt: written as a directory: %v", effs)
	}
}
