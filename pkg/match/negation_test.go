package match

import (
	"strings"
	"testing"
)

// TestNegatedFlag: a later --no-OPTION takes back an earlier -O or
// --OPTION, and an earlier one is taken back by a later -O.
func TestNegatedFlag(t *testing.T) {
	p, err := CompileCommand("git clean -f")
	if err != nil {
		t.Fatal(err)
	}
	for line, want := range map[string]bool{
		"git clean -f":                true,
		"git clean --force":           true,
		"git clean -f --no-force":     false,
		"git clean -fd --no-force x/": false,
		"git clean --no-force -f":     true,
		"git clean -f --no-quiet":     true,
	} {
		w := strings.Fields(line)
		a := NewArgv(w[0], w[0], w[1:], "/home/dev/project", "/home/dev")
		if got := p.Match(&a, "/home/dev"); got != want {
			t.Errorf("%q matches %q: %v, want %v", "git clean -f", line, got, want)
		}
	}
}
