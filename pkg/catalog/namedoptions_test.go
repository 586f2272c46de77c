package catalog

import "testing"

// TestJqFilterIsNoFile: jq's first operand is its filter (data), the rest
// are files it reads; with -f the filter comes from a file and every
// operand is read. An option spelled "::ROLE" takes a name and then its
// value (jq --arg NAME VALUE, --rawfile NAME FILE), so the operands count
// from the word after the value.
func TestJqFilterIsNoFile(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		word string
		role Role
	}{
		{"jq", []string{"-r", ".a | .key", "x.json"}, ".a | .key", Data},
		{"jq", []string{"-r", ".a | .key", "x.json"}, "x.json", Read},
		{"gojq", []string{".data.key"}, ".data.key", Data},
		{"jq", []string{"--arg", "k", "v", ".[$k]", "x.json"}, "v", Data},
		{"jq", []string{"--arg", "k", "v", ".[$k]", "x.json"}, ".[$k]", Data},
		{"jq", []string{"--arg", "k", "v", ".[$k]", "x.json"}, "x.json", Read},
		{"jq", []string{"-n", "--rawfile", "k", "secret.pem", "$k"}, "secret.pem", Read},
		{"jq", []string{"-n", "--rawfile", "k", "secret.pem", "$k"}, "$k", Data},
		{"jq", []string{"--slurpfile", "k", "a.json", ".", "b.json"}, "a.json", Read},
		{"jq", []string{"--slurpfile", "k", "a.json", ".", "b.json"}, "b.json", Read},
		{"jq", []string{"-f", "prog.jq", "in.json"}, "in.json", Read},
		{"jq", []string{"-f", "prog.jq", "in.json"}, "prog.jq", Read},
		{"jq", []string{"--from-file", "prog.jq", "a.json", "b.json"}, "a.json", Read},
	} {
		cl := c.Classify(tc.name, tc.args)
		found := false
		for _, w := range cl.Words {
			if w.Text == tc.word {
				found = true
				if w.Role != tc.role {
					t.Errorf("%s %q: %q role %v, want %v", tc.name, tc.args, tc.word, w.Role, tc.role)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: %q not classified", tc.name, tc.args, tc.word)
		}
	}
}
