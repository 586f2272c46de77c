// Package substrs answers whether a short text holds any of a list of
// strings without searching the text once for each of them.
//
// The code readings ask it of every one-liner (is this awk program's text
// any of forty network clients, thirty environment dumps, a database
// driver?): a search per marker cost some fifty instructions each, even
// on a ten-byte program, and nearly every answer is no.
package substrs

import "strings"

// Any reports whether s contains one of subs, exactly as a loop of
// strings.Contains over subs does. For a short text and a long list it
// first notes which pairs of adjacent bytes s holds (a 1024-bit summary)
// and searches only for the markers whose first two bytes are among them.
func Any(s string, subs []string) bool {
	if len(subs) < minSubs || len(s) > maxText || len(s) < 2 {
		return plain(s, subs)
	}
	seen := PairsOf(s)
	for _, x := range subs {
		if !seen.May(x) {
			continue // its first two bytes are nowhere side by side in s
		}
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// minSubs and maxText bound where the summary pays: for a few markers, or
// a long text whose summary would hold most pairs, searching is cheaper.
const (
	minSubs = 6
	maxText = 512
)

func plain(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// AnyByte reports whether s holds one of the bytes of set, an ASCII set,
// exactly as strings.ContainsAny(s, set) does: one strings.IndexByte
// search of s for each byte of set. For a short text ContainsAny decodes
// each rune and searches set for it (some fifty instructions a byte); the
// few searches here cost less for sets of a few bytes, as the walk's are
// ("$`", "*?[").
func AnyByte(s, set string) bool {
	for i := 0; i < len(set); i++ {
		if strings.IndexByte(s, set[i]) >= 0 {
			return true
		}
	}
	return false
}
