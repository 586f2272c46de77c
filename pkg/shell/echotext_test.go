package shell

import "testing"

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
		got, ok := echoText(c.words)
		if got != c.want || ok != c.ok {
			t.Errorf("echoText(%q) = %q, %v; want %q, %v", c.words, got, ok, c.want, c.ok)
		}
	}
}
