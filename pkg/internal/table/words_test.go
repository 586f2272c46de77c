package table

import "testing"

// Words holds each word once, whatever white space separates them, and
// nothing else.
func TestWords(t *testing.T) {
	m := Words("  rm\tunlink  shred\nrm ")
	if len(m) != 3 || !m["rm"] || !m["unlink"] || !m["shred"] || m[""] {
		t.Errorf("Words = %v, want rm unlink shred", m)
	}
	if len(Words("")) != 0 {
		t.Error("Words of nothing is not empty")
	}
}

// wordTable is a set declared by its words.
var wordTable = Map[string, bool]{Words: "  rm\tunlink  shred\nrm git python3 "}

// A Map declared by its words is built at its first lookup, holds what
// Words makes of them, and answers every string as that map does, the
// misses its summary rules out included.
func TestMapOfWords(t *testing.T) {
	if wordTable.m != nil {
		t.Fatal("a table declared by its words was built before its first use")
	}
	want := Words(wordTable.Words)
	for _, s := range []string{"rm", "unlink", "shred", "git", "python3", "", "r", "rmx", "gi", "python", "sh", "\xff"} {
		if got := wordTable.Get(s); got != want[s] {
			t.Errorf("Get(%q) = %v, want %v", s, got, want[s])
		}
		if _, ok := wordTable.Lookup(s); ok != want[s] {
			t.Errorf("Lookup(%q) found %v, want %v", s, ok, want[s])
		}
	}
	if wordTable.Len() != len(want) {
		t.Errorf("Len() = %d, want %d", wordTable.Len(), len(want))
	}
	var built Map[string, bool]
	built.Build = func() map[string]bool { return Words(wordTable.Words) }
	built.load()
	if built.classes != wordTable.classes {
		t.Errorf("the summary made with the words is %x, the one made from the map %x", wordTable.classes, built.classes)
	}
}
