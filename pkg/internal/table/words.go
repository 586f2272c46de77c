package table

import "strings"

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
