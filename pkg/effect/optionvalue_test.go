package effect

import "testing"

// TestReaderOptionValueRead checks that a file given as the value of a
// reader's option (an arity another implementation does not share: head
// -n FILE, tac -s FILE) is judged as read, and that counts, separators and
// patterns are not.
func TestReaderOptionValueRead(t *testing.T) {
	for line, want := range map[string]string{
		"head -n ~/.secret/key":           "read /home/dev/.secret/key",
		"tac -s ~/.secret/key x":          "read /home/dev/.secret/key",
		"cut -d ~/.secret/key x":          "read /home/dev/.secret/key",
		"grep -m /home/dev/.secret/key x": "read /home/dev/.secret/key",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%s: no %q in %v", line, want, effs)
		}
	}
	for line, not := range map[string]string{
		"cut -d / -f 2 paths.txt":           "read /",
		"tac -s / a.txt":                    "read /",
		"grep --include=src/*.go -r TODO .": "read /home/dev/project/src/*.go",
	} {
		if effs := effectsOf(line); hasEffect(effs, not) {
			t.Errorf("%s: %q in %v", line, not, effs)
		}
	}
}
