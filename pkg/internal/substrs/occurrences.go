package substrs

import (
	"iter"
	"strings"
)

// Occurrences yields the index of every occurrence of sub in s, in order,
// each search starting after the last one found (the callers tell a whole
// name from part of another).
func Occurrences(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for at := 0; at <= len(s) && sub != ""; {
			k := strings.Index(s[at:], sub)
			if k < 0 || !yield(at+k) {
				return
			}
			at += k + len(sub)
		}
	}
}
