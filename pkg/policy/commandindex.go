package policy

import (
	"slices"

	"rampart.dev/pkg/match"
)

// An entry's command index (the layout's fourth version) follows its rules
// in a snapshot: for each program name, the rules whose command_matches
// has a pattern indexed under it (match.ProgramWords, match.WordNames) and
// those patterns' positions; and the rules that no index can answer for,
// whose command_matches has a simple pattern with no program word (a
// globbed, path or quoted one). It is made with the snapshot, from the
// rules it carries, so it cannot go stale apart from them. A process that
// judges a command finds the rules that may hold for its program with one
// reading of the index, where it asked each rule's command set in turn
// (reading every set's program words and compiling its unindexed
// patterns).
//
// Layout: the open rules (a count, then each rule's position); then the
// names (a count, then each name, sorted, followed by its part as one
// string: a count of rules, then each rule's position, its count of
// patterns and their positions), so that a lookup skips the parts of the
// other names unread.
//
// Only a snapshot built into the binary has its index read (as with its
// program words, TestProfileSnapshots checks it against the YAML as this
// build reads it); one read from a file has its entries' command sets
// asked, as before.

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
}

// NamedRule is a rule of an entry whose command_matches has patterns
// indexed under a program name, and their positions in the set's Sources
// (match.CommandSet.At gives them).
type NamedRule struct {
	Rule     int32
	Patterns []int32
}

// commandIndex writes the index of rules.
func commandIndex(rules []*Rule) string {
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
	var w snapWriter
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
// checked against.
func (e *Entry) CommandIndex(name string) (ix CommandIndex, ok bool) {
	l := e.lazy
	if l == nil || l.index == "" {
		return CommandIndex{}, false
	}
	rules := e.Rules()
	r := &snapReader{s: l.index}
	// fits reads a rule's position: after the last, and a rule with
	// command_matches.
	last := int32(-1)
	fits := func() (int32, bool) {
		j := r.uint()
		if r.bad || j >= uint64(len(rules)) || int32(j) <= last || rules[j].Command.Len() == 0 {
			return 0, false
		}
		last = int32(j)
		return int32(j), true
	}
	if n := r.count(); n > 0 {
		ix.Open = make([]int32, n)
		for k := range ix.Open {
			j, ok := fits()
			if !ok {
				return CommandIndex{}, false
			}
			ix.Open[k] = j
		}
	}
	for range r.count() {
		n, part := r.str(), r.str()
		if n != name {
			continue
		}
		named, ok := readNamed(part, rules, ix.Open)
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
// rules and leaves out the open ones.
func readNamed(part string, rules []*Rule, open []int32) (named []NamedRule, ok bool) {
	r := &snapReader{s: part}
	named = make([]NamedRule, r.count())
	last := int32(-1)
	for k := range named {
		j := r.uint()
		if r.bad || j >= uint64(len(rules)) || int32(j) <= last || slices.Contains(open, int32(j)) {
			return nil, false
		}
		last = int32(j)
		size := rules[j].Command.Len()
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
