package policy

import (
	"slices"

	"rampart.dev/pkg/match"
)

// An entry's command index (the layout's fifth version) follows its rules
// in a snapshot: for each rule, its size and whether it has
// command_matches or effect_matches; for each program name, the rules
// whose command_matches has a pattern indexed under it (match.ProgramWords,
// match.WordNames) and those patterns' positions; and the rules that no
// index can answer for, whose command_matches has a simple pattern with no
// program word (a globbed, path or quoted one). It is made with the
// snapshot, from the rules it carries, so it cannot go stale apart from
// them. A process that judges a command finds the rules that may hold for
// its program with one reading of the index, where it asked each rule's
// command set in turn (reading every set's program words and compiling its
// unindexed patterns), and lays out only the rules it reaches (Entry.Rule),
// where it read every rule of the entry.
//
// Layout: the rules (one string: a count, then each rule's size in bytes
// and its flags, ruleHasCommand and ruleHasEffect); the open rules (a
// count, then each rule's position); then the names (a count, then each
// name, sorted, followed by its part as one string: a count of rules, then
// each rule's position, its count of patterns and their positions), so
// that a lookup skips the parts of the other names unread.
//
// Only a snapshot built into the binary has its index read (as with its
// program words, TestProfileSnapshots checks it against the YAML as this
// build reads it); one read from a file has its entries' command sets
// asked, and its rules laid out together, as before. A rule laid out alone
// whose bytes or flags are not what the index says makes its entry deny
// what it admits, as rules that cannot be read do (decodeRules).

// The flags the command index keeps of each rule.
const (
	ruleHasCommand = 1 << iota // command_matches
	ruleHasEffect              // effect_matches
)

// ruleFlags returns the flags the command index keeps of r.
func ruleFlags(r *Rule) uint64 {
	var f uint64
	if r.Command.Len() > 0 {
		f |= ruleHasCommand
	}
	if len(r.Effect) > 0 {
		f |= ruleHasEffect
	}
	return f
}

// CommandIndex is, for one program name, what an entry's index says of its
// rules (Entry.CommandIndex).
type CommandIndex struct {
	// Open are the positions in Rules of the rules whose command_matches
	// must be asked (match.CommandSet.For), in order.
	Open []int32
	// Named are the other rules whose command_matches has a pattern
	// indexed under the name, in order. A rule with command_matches in
	// neither list has no pattern that can match a simple command of
	// that name.
	Named []NamedRule
	// Plain are the positions of the rules without command_matches, in
	// order: they are left for every name.
	Plain []int32
}

// NamedRule is a rule of an entry whose command_matches has patterns
// indexed under a program name, and their positions in the set's Sources
// (match.CommandSet.At gives them).
type NamedRule struct {
	Rule     int32
	Patterns []int32
}

// commandIndex writes the index of rules, whose sizes in the snapshot are
// sizes.
func commandIndex(rules []*Rule, sizes []int) string {
	type part struct {
		rule int32
		pats []int32
	}
	byName := map[string][]part{}
	var open []int32
	for j, r := range rules {
		srcs := r.Command.Sources()
		words := match.ProgramWords(srcs)
		isOpen := false
		for i, w := range words {
			if w == "" && !match.IsPipelineSource(srcs[i]) {
				isOpen = true
			}
		}
		if isOpen {
			open = append(open, int32(j))
			continue
		}
		for i, w := range words {
			if w == "" {
				continue
			}
			for _, n := range match.WordNames(w) {
				ps := byName[n]
				if len(ps) == 0 || ps[len(ps)-1].rule != int32(j) {
					ps = append(ps, part{rule: int32(j)})
				}
				ps[len(ps)-1].pats = append(ps[len(ps)-1].pats, int32(i))
				byName[n] = ps
			}
		}
	}
	var w, rw snapWriter
	rw.uint(uint64(len(rules)))
	for j, r := range rules {
		rw.uint(uint64(sizes[j]))
		rw.uint(ruleFlags(r))
	}
	w.str(string(rw.b))
	w.uint(uint64(len(open)))
	for _, j := range open {
		w.uint(uint64(j))
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	slices.Sort(names)
	w.uint(uint64(len(names)))
	for _, n := range names {
		var pw snapWriter
		pw.uint(uint64(len(byName[n])))
		for _, p := range byName[n] {
			pw.uint(uint64(p.rule))
			pw.uint(uint64(len(p.pats)))
			for _, i := range p.pats {
				pw.uint(uint64(i))
			}
		}
		w.str(n)
		w.str(string(pw.b))
	}
	return string(w.b)
}

// CommandIndex returns what the entry's command index says of the rules
// for a simple command whose program is name; ok is false when the entry
// has none (it was not loaded from a snapshot built into the binary) or
// the index does not fit the rules (positions out of order or range, a
// rule listed without command_matches), and the caller then asks each
// rule's command set: an index is never trusted past what it can be
// checked against. It lays out only the rules named under name (Rule).
func (e *Entry) CommandIndex(name string) (ix CommandIndex, ok bool) {
	l := e.lazy
	if l == nil || l.index == "" {
		return CommandIndex{}, false
	}
	sp := l.spanned()
	if sp == nil {
		return CommandIndex{}, false
	}
	n := len(sp.at)
	r := &snapReader{s: l.index}
	r.str() // the rules, read by spanned
	// fits reads a rule's position: after the last, and a rule with
	// command_matches.
	last := int32(-1)
	fits := func() (int32, bool) {
		j := r.uint()
		if r.bad || j >= uint64(n) || int32(j) <= last || sp.at[j].flags&ruleHasCommand == 0 {
			return 0, false
		}
		last = int32(j)
		return int32(j), true
	}
	if k := r.count(); k > 0 {
		ix.Open = make([]int32, k)
		for m := range ix.Open {
			j, ok := fits()
			if !ok {
				return CommandIndex{}, false
			}
			ix.Open[m] = j
		}
	}
	for j := range sp.at {
		if sp.at[j].flags&ruleHasCommand == 0 {
			ix.Plain = append(ix.Plain, int32(j))
		}
	}
	for range r.count() {
		k, part := r.str(), r.str()
		if k != name {
			continue
		}
		named, ok := readNamed(part, e, n, ix.Open)
		if !ok {
			return CommandIndex{}, false
		}
		ix.Named = named
		break
	}
	if r.bad {
		return CommandIndex{}, false
	}
	return ix, true
}

// readNamed reads a name's part of an index; ok is false unless it fits
// the entry's n rules (laying out those it names) and leaves out the open
// ones.
func readNamed(part string, e *Entry, n int, open []int32) (named []NamedRule, ok bool) {
	r := &snapReader{s: part}
	named = make([]NamedRule, r.count())
	last := int32(-1)
	for k := range named {
		j := r.uint()
		if r.bad || j >= uint64(n) || int32(j) <= last || slices.Contains(open, int32(j)) {
			return nil, false
		}
		last = int32(j)
		size := e.Rule(int(j)).Command.Len()
		pats := make([]int32, r.count())
		prev := int32(-1)
		for m := range pats {
			i := r.uint()
			if r.bad || i >= uint64(size) || int32(i) <= prev {
				return nil, false
			}
			pats[m], prev = int32(i), int32(i)
		}
		if len(pats) == 0 {
			return nil, false
		}
		named[k] = NamedRule{Rule: int32(j), Patterns: pats}
	}
	if r.bad || r.i != len(r.s) {
		return nil, false
	}
	return named, true
}

// indexFits reports whether an entry's command index follows the layout,
// reading it through without keeping it (a snapshot read from a file,
// whose index is not used, is still refused when it is malformed).
func indexFits(index string) bool {
	r := &snapReader{s: index}
	rr := &snapReader{s: r.str()}
	for range rr.count() {
		rr.uint()
		rr.uint()
	}
	if rr.bad || rr.i != len(rr.s) {
		return false
	}
	for range r.count() {
		r.uint()
	}
	for range r.count() {
		r.str()
		pr := &snapReader{s: r.str()}
		for range pr.count() {
			pr.uint()
			for range pr.count() {
				pr.uint()
			}
		}
		if pr.bad || pr.i != len(pr.s) {
			return false
		}
	}
	return !r.bad && r.i == len(r.s)
}
