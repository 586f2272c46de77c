package catalog

import "testing"

// A word shaped like a negative number is an option where the entry
// lists it (nmap -6, -4); elsewhere it stays an operand (a count, an
// offset).
func TestListedNumberOptions(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		prog string
		args []string
		pos  int
	}{
		{"nmap", []string{"-6", "-sV", "::1"}, 1},
		{"nmap", []string{"-4", "-p", "22", "scanme.example.org"}, 1},
		{"nmap", []string{"-sV", "-Pn", "10.0.0.1", "10.0.0.2"}, 2},
	} {
		if cl := c.Classify(tc.prog, tc.args); cl.Positional != tc.pos {
			t.Errorf("%s %v: %d operands, want %d (%v)", tc.prog, tc.args, cl.Positional, tc.pos, cl.Words)
		}
	}
	// a dry-run flag clustered with another's value still marks the run
	if cl := c.Classify("visudo", []string{"-cf", "/etc/sudoers.d/90-dev"}); !cl.Mark("dry") {
		t.Errorf("visudo -cf FILE: not marked dry (%v)", cl.Marks)
	}
	if cl := c.Classify("visudo", []string{"-f", "/etc/sudoers.d/90-dev"}); cl.Mark("dry") {
		t.Errorf("visudo -f FILE: marked dry")
	}
}
