package substrs

import (
	"strings"
	"testing"
)

var markers = []string{"socket", "urllib", "os.environ)", "'sh'", "-i", "x", "", "fetch(", "require('net')", "print", "$<", "zz"}

// Any answers as a loop of strings.Contains, whatever the text's length and
// the list's.
func TestAnyAsContains(t *testing.T) {
	texts := []string{"", "a", "{print $1}", "s/a/b/g", "import socket; s=socket.socket()", "print(os.environ)",
		"echo 'sh' -i", strings.Repeat("ab", 300) + "socket", "require('net').connect(1)", "$<", "z", "zz"}
	for _, s := range texts {
		for n := 0; n <= len(markers); n++ {
			for _, subs := range [][]string{markers[:n], markers[n:]} {
				if got, want := Any(s, subs), plain(s, subs); got != want {
					t.Errorf("Any(%q, %q) = %v, want %v", s, subs, got, want)
				}
			}
		}
	}
}

// FuzzAny holds Any against strings.Contains on random texts.
func FuzzAny(f *testing.F) {
	f.Add("{print $1}", "print")
	f.Add("a socket b", "ocke")
	f.Fuzz(func(t *testing.T, s, m string) {
		subs := append([]string{m, m + "x", "x" + m}, markers...)
		if got, want := Any(s, subs), plain(s, subs); got != want {
			t.Errorf("Any(%q, %q) = %v, want %v", s, subs, got, want)
		}
	})
}
