package proxy

import (
	"encoding/json"
	"fmt"
	"testing"
)

// plainRunRef is plainRun byte by byte.
func plainRunRef(b []byte, i int) int {
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

// TestPlainRun: the word-at-a-time scan stops where the byte-by-byte one
// does, for every stop byte and every byte next to it (the borrows of the
// word tests), at every place in a run longer than two words.
func TestPlainRun(t *testing.T) {
	var stops, others []byte
	for c := 0; c < 256; c++ {
		if c == '"' || c == '\\' || c < 0x20 {
			stops = append(stops, byte(c))
		} else {
			others = append(others, byte(c))
		}
	}
	const n = 21
	for _, fill := range []byte{'a', 0x21, 0x7f, 0x80, 0xff, '#', '[', ']', '!', ' '} {
		for at := 0; at <= n; at++ {
			for _, c := range append(append([]byte(nil), stops...), others...) {
				b := make([]byte, n)
				for k := range b {
					b[k] = fill
				}
				if at < n {
					b[at] = c
				}
				for from := 0; from <= n; from++ {
					if got, want := plainRun(b, from), plainRunRef(b, from); got != want {
						t.Fatalf("plainRun(%q, %d) = %d, want %d", b, from, got, want)
					}
				}
			}
		}
	}
}

// TestSkipStringLong: strings longer than a word, with a stop byte at each
// place, are accepted and refused as encoding/json accepts and refuses
// them.
func TestSkipStringLong(t *testing.T) {
	for _, c := range []string{"\"", "\\", "\\n", "\\u0041", "\\q", "\n", "\x1f", "\x00", "\x7f", "é", "\xff"} {
		for at := 0; at <= 20; at++ {
			body := []byte("abcdefghijklmnopqrst")
			q := `"` + string(body[:at]) + c + string(body[at:]) + `"`
			end, _, ok := skipString([]byte(q), 0)
			valid := json.Valid([]byte(q))
			if (ok && end == len(q)) != valid {
				t.Errorf("skipString(%q) = %d, %v; encoding/json valid %v", q, end, ok, valid)
			}
		}
	}
}

// BenchmarkSkipString: a JSON string as a tool result carries a file's
// text, lines of about 60 bytes each written with the escape \n, and one
// path-like argument without escapes.
func BenchmarkSkipString(b *testing.B) {
	line := `\tfmt.Fprintf(w, \"rampart: %s: %v\", name, err) // a line of code`
	for _, n := range []int{1, 8, 64} {
		q := []byte(`"`)
		for range n {
			q = append(q, line...)
			q = append(q, `\n`...)
		}
		q = append(q, '"')
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(q)))
			for b.Loop() {
				if end, _, ok := skipString(q, 0); !ok || end != len(q) {
					b.Fatal("not a string")
				}
			}
		})
	}
	path := []byte(`"/home/user/projects/rampart/rampart-mcp/internal/proxy/scan.go"`)
	b.Run("path", func(b *testing.B) {
		b.SetBytes(int64(len(path)))
		for b.Loop() {
			if end, _, ok := skipString(path, 0); !ok || end != len(path) {
				b.Fatal("not a string")
			}
		}
	})
}
