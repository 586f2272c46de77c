package shell

import (
	"strings"
	"testing"
)

// TestEchoText checks the text echo and printf write: the words joined by
// spaces and a newline, with -n and -e read as echo reads them.
func TestEchoText(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  string
		ok    bool
	}{
		{[]string{"echo"}, "\n", true},
		{[]string{"echo", "rm", "-rf", "/"}, "rm -rf /\n", true},
		{[]string{"echo", "-n", "a", "b"}, "a b", true},
		{[]string{"echo", "-e", `a\tb`}, "a\tb\n", true},
		{[]string{"echo", "-ne", `x\ny`}, "x\ny", true},
		{[]string{"echo", ""}, "\n", true},
		{[]string{"echo", "", ""}, " \n", true},
		{[]string{"printf", "%s\n", "hi"}, "hi\n", true},
		{[]string{"ls"}, "", false},
	} {
		got, ok := (&state{}).echoText(c.words)
		if got != c.want || ok != c.ok {
			t.Errorf("echoText(%q) = %q, %v; want %q, %v", c.words, got, ok, c.want, c.ok)
		}
	}
}

// TestJoinLine holds joinLine, which writes in the state's bytes, to
// strings.Join and a newline, and checks that a later join leaves an
// earlier one as it was.
func TestJoinLine(t *testing.T) {
	s := &state{}
	var made []string
	cases := [][]string{nil, {""}, {"a"}, {"", ""}, {"echo", "hi", "there"}, {strings.Repeat("x", 3000), "y"}}
	for _, ws := range cases {
		got := s.joinLine(ws)
		if want := strings.Join(ws, " ") + "\n"; got != want {
			t.Errorf("joinLine(%q) = %q, want %q", ws, got, want)
		}
		made = append(made, got)
	}
	for i, ws := range cases {
		if want := strings.Join(ws, " ") + "\n"; made[i] != want {
			t.Errorf("joinLine(%q) changed to %q", ws, made[i])
		}
	}
}
