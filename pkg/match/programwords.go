package match

import (
	"slices"
	"strings"
)

// A lazy command set finds the patterns that can match a program by the
// program word each pattern is indexed under (indexedNames), read from
// every source of the set the first time the set is asked: some 300
// instructions a source, 100k in a one-shot process that asks two dozen
// sets. A policy snapshot built into the binary carries these words beside
// the sources, made when the snapshot was (ProgramWords), so that such a
// set reads none of its sources until it compiles them.

// ProgramWords returns, beside each source, the program word its pattern
// is indexed under in a command set ("rm", "{curl,wget}"), or "" when it is
// tried for every program (a globbed or path program word, a quoted one, a
// pipeline). They are what IndexedCommandSet takes.
func ProgramWords(srcs []string) []string {
	if len(srcs) == 0 {
		return nil
	}
	words := make([]string, len(srcs))
	for i, src := range srcs {
		if w, ok := indexedNames(src); ok {
			words[i] = w
		}
	}
	return words
}

// IndexedCommandSet is LazyCommandSet given the program words of its
// sources, as ProgramWords makes them from the same sources, through
// words, called once, when the set is first asked about a program (a set
// never asked decodes none): the caller vouches for them (a snapshot built
// into the binary, checked by its test against the sources as this build
// reads them). Words of another length than srcs (nil from a damaged
// snapshot) are not used: the set then reads its sources.
func IndexedCommandSet(srcs []string, words func() []string) *CommandSet {
	s := LazyCommandSet(srcs)
	s.lazy.given = words
	return s
}

// WordNames returns the program names a word from ProgramWords stands
// for, each once, in the order written: the word itself, or the names of
// a brace list ("{curl,wget}"), as a set asked about a name finds them
// (hasName).
func WordNames(word string) []string {
	inner, ok := strings.CutPrefix(word, "{")
	if !ok {
		return []string{word}
	}
	var names []string
	for n := range strings.SplitSeq(strings.TrimSuffix(inner, "}"), ",") {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

// IsPipelineSource reports whether a pattern's source compiles to a
// pipeline pattern, which a simple command never meets.
func IsPipelineSource(src string) bool { return isPipelineSource(src) }

// At returns the set's patterns at positions idx of Sources, in the order
// given: for a lazy set, each compiled when first matched (as For's
// patterns indexed under a name are). It is For(name)'s indexed patterns
// when idx are, in order, the positions of the sources whose program word
// stands for name (ProgramWords, WordNames) and no simple pattern of the
// set has the program word "" (For's other patterns, and the quoted
// program words it also indexes, are then none): an index of a policy
// snapshot made ahead gives them so, without reading the set's words. A
// position out of range is left out.
func (s *CommandSet) At(idx []int32) []*CommandPattern {
	if s == nil || len(idx) == 0 {
		return nil
	}
	ps := make([]*CommandPattern, 0, len(idx))
	if s.lazy == nil {
		for _, i := range idx {
			if i >= 0 && int(i) < len(s.all) {
				ps = append(ps, s.all[i])
			}
		}
		return ps
	}
	if full := s.lazy.ready.Load(); full != nil {
		return full.At(idx)
	}
	l := s.lazy
	l.mu.Lock()
	for _, i := range idx {
		if i >= 0 && int(i) < len(l.srcs) {
			ps = append(ps, l.later(int(i)))
		}
	}
	l.mu.Unlock()
	return ps
}
