package match

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
