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

// AnyByte answers as strings.ContainsAny for the ASCII sets it is given,
// on short and long texts, valid UTF-8 or not.
func TestAnyByteAsContainsAny(t *testing.T) {
	texts := []string{"", "a", "$", "`", "out.txt", "/tmp/out.txt", "src/*.go", "a?b", "x[1]", "ü$", "\xff\xfe", "日本`語",
		strings.Repeat("abc/", 40) + "*", strings.Repeat("é", 20)}
	for _, s := range texts {
		for _, set := range []string{"$`", "*?[", "$`*?[", " \n\t=*?[{|", "rR", "", "a"} {
			if got, want := AnyByte(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("AnyByte(%q, %q) = %v, ContainsAny %v", s, set, got, want)
			}
		}
	}
}

// FuzzAnyByte holds AnyByte to strings.ContainsAny for ASCII sets.
func FuzzAnyByte(f *testing.F) {
	f.Add("src/*.go", "*?[")
	f.Fuzz(func(t *testing.T, s, set string) {
		for i := 0; i < len(set); i++ {
			if set[i] >= 0x80 {
				return
			}
		}
		if got, want := AnyByte(s, set), strings.ContainsAny(s, set); got != want {
			t.Errorf("AnyByte(%q, %q) = %v, ContainsAny %v", s, set, got, want)
		}
	})
}

// Pairs.May is never false for a string the text holds, long or short.
func TestPairsMay(t *testing.T) {
	texts := []string{"", "a", "{print $1}", "import keyring; keyring.get_password('a', 'b')", strings.Repeat("xy", 400) + "boto3"}
	for _, s := range texts {
		p := PairsOf(s)
		for i := 0; i <= len(s); i++ {
			for j := i; j <= len(s) && j <= i+8; j++ {
				if !p.May(s[i:j]) {
					t.Errorf("PairsOf(%q).May(%q) = false, but the text holds it", s, s[i:j])
				}
			}
		}
		for _, x := range []string{"boto3", "keyring", "zq", "netrc"} {
			if !p.May(x) && strings.Contains(s, x) {
				t.Errorf("PairsOf(%q).May(%q) = false, but the text holds it", s, x)
			}
		}
	}
	if p := PairsOf("{print $1}"); p.May("keyring") {
		t.Errorf("PairsOf(%q).May(%q) = true: no pair of it is in the text", "{print $1}", "keyring")
	}
}
