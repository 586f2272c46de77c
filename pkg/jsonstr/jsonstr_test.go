package jsonstr

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// marshal is encoding/json's quoting of s with HTML escaping off.
func marshal(t testing.TB, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestAppendMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rret", "\b\f\x00\x1f\x7f",
		"<script>&amp;</script>", "é ü 漢字 🙂", "line\u2028para\u2029", "bad \xff\xfe utf-8", "\xed\xa0\x80",
	} {
		got := Append(nil, s, `\ufffd`)
		if want := marshal(t, s); !bytes.Equal(got, want) {
			t.Errorf("Append(%q) = %s, encoding/json writes %s", s, got, want)
		}
	}
}

func TestAppendInvalidReplacement(t *testing.T) {
	got := string(Append([]byte("x="), "a\xffb", "\uFFFD"))
	if want := "x=\"a\uFFFDb\""; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestAppendWords: strings longer than two words with any one byte at any
// place (the words are read eight bytes at a time) are quoted as
// encoding/json quotes them.
func TestAppendWords(t *testing.T) {
	for _, fill := range []byte{'a', ' ', '!', '#', '[', ']', 0x7e, 0x7f} {
		for at := 0; at < 21; at++ {
			for c := 0; c < 256; c++ {
				b := bytes.Repeat([]byte{fill}, 21)
				b[at] = byte(c)
				s := string(b)
				if got, want := Append(nil, s, `\ufffd`), marshal(t, s); !bytes.Equal(got, want) {
					t.Fatalf("Append(%q) = %s, encoding/json writes %s", s, got, want)
				}
			}
		}
	}
	for _, s := range []string{"0123456789abcdef\u2028", "01234567é89abcdef", "0123456\xe2\x80\xa8abcdefgh"} {
		if got, want := Append(nil, s, `\ufffd`), marshal(t, s); !bytes.Equal(got, want) {
			t.Errorf("Append(%q) = %s, encoding/json writes %s", s, got, want)
		}
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\x00", "\xff", "\u2028", "🙂"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Append(nil, s, `\ufffd`), marshal(t, s); !bytes.Equal(got, want) {
			t.Fatalf("Append(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}

// BenchmarkAppendText: a tool argument of a few KB of text (a file written
// through MCP), lines of code with a newline each.
func BenchmarkAppendText(b *testing.B) {
	s := strings.Repeat("\tfmt.Fprintf(w, \"rampart: %s: %v\", name, err) // a line of code\n", 64)
	buf := make([]byte, 0, 8<<10)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = Append(buf[:0], s, `\ufffd`)
	}
}

func BenchmarkAppend(b *testing.B) {
	s := "Reading credentials is blocked (SSH, cloud, cluster, registry): /home/dev/.ssh/id_rsa"
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf = Append(buf[:0], s, `\ufffd`)
	}
}
