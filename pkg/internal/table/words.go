package table

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words returns the set of the words of s (separated by white space), for
// a Map's Build written as one list of names:
//
//	var verbs = table.Map[string, bool]{Build: func() map[string]bool {
//		return table.Words("delete remove purge")
//	}}
//
// The map is made with room for every word separated by a space: one
// grown from empty, as inserting word by word into map[string]bool{}
// grows it, rehashes its entries at each doubling and costs a one-shot
// process, which builds a dozen such sets for one command, several times
// the inserts themselves.
func Words(s string) map[string]bool {
	m := make(map[string]bool, strings.Count(s, " ")+1)
	for w := range strings.FieldsSeq(s) {
		m[w] = true
	}
	return m
}

// wordsSummed is Words with the summary of its keys (Map.classes), made
// as the words are read.
func wordsSummed(s string) (map[string]bool, [4]uint64) {
	var classes [4]uint64
	m := make(map[string]bool, strings.Count(s, " ")+1)
	for w := range strings.FieldsSeq(s) {
		m[w] = true
		c := keyClass(w)
		classes[c>>6] |= 1 << (c & 63)
	}
	return m, classes
}

// hasWord reports whether w is one of the words of s, as Words(s)[w]
// does, without making the set: w is found in s with white space (or
// the end of s) on each side, and holds none itself.
func hasWord(s, w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if unicode.IsSpace(r) {
			return false
		}
	}
	for i := 0; i+len(w) <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if spaceBefore(s, j) && spaceAfter(s, end) {
			return true
		}
		i = j + 1
	}
	return false
}

// spaceBefore reports whether s[:i] is empty or ends in white space.
func spaceBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return asciiSpace(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}

// spaceAfter reports whether s[i:] is empty or starts with white space.
func spaceAfter(s string, i int) bool {
	if i == len(s) {
		return true
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// asciiSpace is unicode.IsSpace of an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
