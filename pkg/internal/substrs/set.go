package substrs

import "strings"

// Set is a list of strings made ready to be looked for in many short
// texts: beside the list it keeps the summary of its strings' first byte
// pairs, so that a text holding none of those pairs (most one-liners, for
// most lists) is answered by comparing two summaries, without a test per
// string. The code readings ask a dozen lists of one program's text.
type Set struct {
	subs  []string
	first Pairs // the first two bytes of each string of two bytes or more
	short bool  // a string of fewer than two bytes, which any text may hold
}

// NewSet makes the set of subs (which it keeps: do not change them).
func NewSet(subs []string) *Set {
	t := &Set{subs: subs}
	for _, x := range subs {
		if len(x) < 2 {
			t.short = true
			continue
		}
		h := pair(x[0], x[1])
		t.first[h>>6] |= 1 << (h & 63)
	}
	return t
}

// Text is a text summarised once for the sets it is looked for in.
type Text struct {
	s          string
	pairs      Pairs
	summarised bool // s is short enough for its summary to pay (maxText)
}

// NewText summarises s.
func NewText(s string) Text {
	t := Text{s: s}
	if len(s) >= 2 && len(s) <= maxText {
		t.pairs, t.summarised = PairsOf(s), true
	}
	return t
}

// In reports whether the text contains one of the set's strings, exactly
// as a loop of strings.Contains over them does.
func (t *Set) In(x *Text) bool {
	if !x.summarised {
		return plain(x.s, t.subs)
	}
	if !t.short && !x.pairs.meets(&t.first) {
		return false // no string of the set starts with a pair the text holds
	}
	for _, sub := range t.subs {
		if x.pairs.May(sub) && strings.Contains(x.s, sub) {
			return true
		}
	}
	return false
}

// meets reports whether two summaries share a pair's bit.
func (p *Pairs) meets(o *Pairs) bool {
	var m uint64
	for i := range p {
		m |= p[i] & o[i]
	}
	return m != 0
}
