package catalog

import (
	"slices"
	"strings"
	"testing"
)

// TestBuiltSubLinesAsRead checks that a subcommand line of the embedded
// table kept through the facts built in (its head's words not read) is
// kept as reading its fields keeps it, for every program, and that the
// lazy catalogue using them gives every program the entry a whole parse
// gives.
func TestBuiltSubLinesAsRead(t *testing.T) {
	built := lazyCatalog(table)
	built.built = builtFor(table)
	if !built.built {
		t.Fatal("the index built in was not made from the embedded table")
	}
	read := lazyCatalog(table)
	whole, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	subs := 0
	for name, want := range whole.programs {
		got, other := built.entry(name), read.entry(name)
		if got == nil || other == nil {
			t.Errorf("%s: no lazy entry", name)
			continue
		}
		if (got.pend == nil) != (other.pend == nil) {
			t.Errorf("%s: subcommand lines kept through the facts built in: %v, read: %v", name, got.pend != nil, other.pend != nil)
			continue
		}
		if got.pend != nil {
			if !slices.Equal(got.pend.subs.lines, other.pend.subs.lines) {
				t.Errorf("%s: subcommand lines differ:\n%+v\n%+v", name, got.pend.subs.lines, other.pend.subs.lines)
			}
			subs += len(got.pend.subs.lines)
			for i := range got.pend.subs.lines {
				l := &got.pend.subs.lines[i]
				head, _, _ := strings.Cut(l.line, "|")
				if w := strings.Fields(head)[1:]; l.depth != len(w) || l.word(l.depth-1) != w[len(w)-1] || l.word(l.depth) != "" {
					t.Errorf("%s: line %d: depth %d, words %q", name, l.n, l.depth, w)
				}
			}
		}
		if got.tree != other.tree {
			t.Errorf("%s: summary differs", name)
		}
		sameEntry(t, got, want)
	}
	if subs == 0 {
		t.Fatal("no subcommand lines were kept")
	}
}

// TestAfterFirstWord checks the words after the first of heads spelled
// with other spaces, as strings.Fields splits them.
func TestAfterFirstWord(t *testing.T) {
	for _, head := range []string{"", " ", "git", "git  remote\tadd ", " a b ", "x\u00a0y z", "a\u2003b", "é f", "a\vb\fc\rd", "git status,log ", "\u2003a b", " \u00a0a\u00a0b c", "ab\u00a0"} {
		l := pendingLine{heads: afterFirstWord(head)}
		want := strings.Fields(head)
		if len(want) > 0 {
			want = want[1:]
		}
		var got []string
		for i := 0; l.word(i) != ""; i++ {
			got = append(got, l.word(i))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: words after the first %q, want %q", head, got, want)
		}
	}
}
