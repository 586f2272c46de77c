package substrs

import "testing"

// TestOccurrences checks that every occurrence is yielded once, in order,
// the next search starting after the last one found.
func TestOccurrences(t *testing.T) {
	var got []int
	for k := range Occurrences("abcabcab", "ab") {
		got = append(got, k)
	}
	if len(got) != 3 || got[0] != 0 || got[1] != 3 || got[2] != 6 {
		t.Errorf("Occurrences = %v, want [0 3 6]", got)
	}
	got = got[:0]
	for k := range Occurrences("aaaa", "aa") {
		got = append(got, k)
	}
	if len(got) != 2 || got[0] != 0 || got[1] != 2 {
		t.Errorf("Occurrences of overlapping = %v, want [0 2]", got)
	}
	for range Occurrences("abc", "") {
		t.Errorf("an empty string occurs nowhere")
	}
}
