package substrs

import (
	"strings"
	"testing"
)

// Set.In answers as a loop of strings.Contains, for short and long texts
// and for lists with strings shorter than two bytes.
func TestSetInAsContains(t *testing.T) {
	texts := []string{"", "a", "{print $1}", "s/a/b/g", "import socket; s=socket.socket()", "print(os.environ)",
		"echo 'sh' -i", strings.Repeat("ab", 300) + "socket", "require('net').connect(1)", "$<", "z", "zz"}
	for _, s := range texts {
		x := NewText(s)
		for n := 0; n <= len(markers); n++ {
			for _, subs := range [][]string{markers[:n], markers[n:]} {
				if got, want := NewSet(subs).In(&x), plain(s, subs); got != want {
					t.Errorf("NewSet(%q).In(%q) = %v, want %v", subs, s, got, want)
				}
			}
		}
	}
}

// FuzzSetIn holds Set.In against strings.Contains on random texts.
func FuzzSetIn(f *testing.F) {
	f.Add("{print $1}", "print")
	f.Add("a socket b", "ocke")
	f.Fuzz(func(t *testing.T, s, m string) {
		x := NewText(s)
		subs := append([]string{m, m + "x", "x" + m}, markers[:6]...)
		if got, want := NewSet(subs).In(&x), plain(s, subs); got != want {
			t.Errorf("NewSet(%q).In(%q) = %v, want %v", subs, s, got, want)
		}
	})
}
