package catalog

import "testing"

// TestGoFlagsAreWholeWords: a program parsed by Go's flag package reads a
// single-dash word as one option, so an unlisted -update-templates or -as
// takes no value and hides no target, while a listed -u, -u=URL or
// --target still gives its URL.
func TestGoFlagsAreWholeWords(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		args []string
		word string
		role Role
		seen bool
	}{
		{[]string{"-update-templates"}, "pdate-templates", URL, false},
		{[]string{"-as", "-rl", "20", "-u", "http://127.0.0.1:3000"}, "http://127.0.0.1:3000", URL, true},
		{[]string{"-as", "-rl", "20"}, "20", URL, false},
		{[]string{"-u=https://example.com"}, "https://example.com", URL, true},
		{[]string{"--target", "https://example.com"}, "https://example.com", URL, true},
		{[]string{"-as", "-u", "https://example.com"}, "https://example.com", URL, true},
		{[]string{"-o=out.txt"}, "out.txt", Write, true},
		{[]string{"-u", "http://localhost:8080", "-bs", "5"}, "5", Data, true},
	} {
		cl := c.Classify("nuclei", tc.args)
		if cl.Positional != 0 && tc.word != "20" {
			t.Errorf("nuclei %v: %d positionals, want none", tc.args, cl.Positional)
		}
		seen := false
		for _, w := range cl.Words {
			seen = seen || w.Text == tc.word && w.Role == tc.role
		}
		if seen != tc.seen {
			t.Errorf("nuclei %v: %q as role %v seen=%v, want %v (%+v)", tc.args, tc.word, tc.role, seen, tc.seen, cl.Words)
		}
	}
}
