package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestAppendFields checks that appendFields splits as strings.Fields does,
// for the head of every line of the embedded table and for heads with
// other spaces, and that the words it gave stay as they were while more
// are appended after them (into the same array or a new one).
func TestAppendFields(t *testing.T) {
	heads := []string{"", " ", "git", "git  remote\tadd", " a b ", "x\u00a0y z", "a\u2003b", "é f", "a\vb\fc\rd"}
	for line := range strings.SplitSeq(table, "\n") {
		head, _, _ := strings.Cut(line, "|")
		heads = append(heads, head)
	}
	var buf []string
	var got [][]string
	for _, h := range heads {
		var f []string
		f, buf = appendFields(buf, h)
		if want := strings.Fields(h); !slices.Equal(f, want) {
			t.Fatalf("appendFields(%q) = %q, want %q", h, f, want)
		}
		if cap(f) != len(f) {
			t.Fatalf("appendFields(%q) left room past its words (cap %d, len %d)", h, cap(f), len(f))
		}
		got = append(got, f)
	}
	for i, h := range heads {
		if want := strings.Fields(h); !slices.Equal(got[i], want) {
			t.Fatalf("the words of %q became %q after later appends, want %q", h, got[i], want)
		}
	}
}
