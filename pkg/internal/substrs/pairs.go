package substrs

// Pairs summarises a text by the pairs of adjacent bytes it holds (1024
// bits, a pair's bit shared by a few pairs): a string whose first two
// bytes are not among them is not in the text. One summary answers for
// many strings searched for in one text, each with a few instructions
// instead of a search (Any; the credential stores a one-liner's code may
// use).
type Pairs [16]uint64

// PairsOf returns the summary of s.
func PairsOf(s string) Pairs {
	var p Pairs
	for i := 0; i+1 < len(s); i++ {
		h := pair(s[i], s[i+1])
		p[h>>6] |= 1 << (h & 63)
	}
	return p
}

// May reports whether x may be in the summarised text: false only when x
// has two bytes or more and its first two are nowhere side by side in
// the text (a string of fewer bytes may always be there).
func (p *Pairs) May(x string) bool {
	if len(x) < 2 {
		return true
	}
	h := pair(x[0], x[1])
	return p[h>>6]&(1<<(h&63)) != 0
}

// pair is a byte pair's bit in the summary.
func pair(a, b byte) uint { return (uint(a)*37 + uint(b)) & 1023 }
