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
