package match

import (
	"slices"
	"sync/atomic"
	"unicode/utf8"
)

// laterPattern is a lazy set's pattern indexed under a program name and
// not compiled yet (lazyCommands.later): matching it first tries the
// literal words its source requires (mayHaveWords) against the command's
// positional arguments, and compiles the pattern only when each is there.
type laterPattern struct {
	set  *lazyCommands
	i    int
	done atomic.Pointer[CommandPattern]
	// need holds the literal words the source requires (requiredWords),
	// read once: a warm process asks on every command, and re-reading
	// the source each time cost more than compiling saved.
	need atomic.Pointer[requirement]
}

// requirement is what requiredWords read of a pattern's source.
type requirement struct {
	words []string
	bits  uint64 // wordsBits(words)
	any   bool   // the source was not read (quotes): it may match anything
	// room holds words when they are few (most patterns name one or
	// two), so reading them allocates nothing more.
	room [2]string
}

// mayMatch reports whether the pattern can match the command a, whose
// positional arguments must hold each word the pattern requires
// (mayHaveWords), from the words read once. A command whose summary of
// its words (Argv.words) lacks a required word's bit lacks the word.
func (lp *laterPattern) mayMatch(src string, a *Argv) bool {
	r := lp.need.Load()
	if r == nil {
		r = new(requirement)
		words, ok := requiredWords(src, r.room[:0])
		r.words, r.bits, r.any = words, wordsBits(words), !ok
		lp.need.Store(r)
	}
	if r.any {
		return true
	}
	if a.summed && r.bits&^a.words != 0 {
		return false
	}
	for _, w := range r.words {
		if !slices.Contains(a.Positional, w) {
			return false
		}
	}
	return true
}

// lacksWords reports whether cp, a pattern not compiled yet whose
// required words have been read, requires a word the summary of a's
// words (Argv.words) shows a lacks: mayMatch's first test, made where a
// program's patterns are tried one after another without a call for
// each. False tells nothing.
func (cp *CommandPattern) lacksWords(a *Argv) bool {
	if cp.later == nil || !a.summed {
		return false
	}
	r := cp.later.need.Load()
	return r != nil && !r.any && r.bits&^a.words != 0
}

// get returns the compiled pattern, compiling it (once per set) on first
// use.
func (lp *laterPattern) get() *CommandPattern {
	if cp := lp.done.Load(); cp != nil {
		return cp
	}
	lp.set.mu.Lock()
	cp := lp.set.pattern(lp.i)
	lp.set.mu.Unlock()
	lp.done.Store(cp)
	return cp
}

// compiled returns cp itself, or, for a pattern compiled later, the
// compiled pattern.
func (cp *CommandPattern) compiled() *CommandPattern {
	if cp.later != nil {
		return cp.later.get()
	}
	return cp
}

// mayHaveWords reports whether a simple pattern's source can match a
// command whose positional arguments are pos: false when a word of it
// after the program word that the pattern compiles to an exact literal
// (not "*", not a flag, not a path, no glob syntax: see Compiler.simple)
// is none of pos, since matchArgs requires each such word to be one of
// them. A source with quotes is not read here (its words are split by
// splitQuoted): it may match.
func mayHaveWords(src string, pos []string) bool {
	words, ok := requiredWords(src, nil)
	if !ok {
		return true
	}
	for _, w := range words {
		if !slices.Contains(pos, w) {
			return false
		}
	}
	return true
}

// requiredWords returns the exact literal words of a simple pattern's
// source after its program word, each of which a command's positional
// arguments must hold for it to match, appended to words (nil when there
// are none and words is nil); ok is false for a source with quotes, which
// is not read.
//
// A word is required unless it is "*", a flag without "*?[{", a path
// (looksLikePathPattern) or not a plain literal (plainLiteral). The source
// is read once, byte by byte, noting in each word what those tests ask
// (wordTraits): a one-shot process reads the source of each pattern it
// tries (git status tries about thirty), and the tests, each a pass over
// the word, cost several times the split.
func requiredWords(src string, words []string) (_ []string, ok bool) {
	first := true
	for i := 0; i < len(src); {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		j := i
		var traits uint8
		for ; j < len(src); j++ {
			c := src[j]
			if c-'a' < 26 {
				continue // a lower-case letter, most of a source: no trait
			}
			if c == ' ' || c == '\t' {
				break
			}
			traits |= byteTraits(c)
		}
		if traits&traitQuote != 0 {
			return nil, false
		}
		w := src[i:j]
		i = j
		if w == "" {
			break
		}
		if first {
			first = false
			continue
		}
		if w == "*" || len(w) > 1 && w[0] == '-' && traits&traitFlagMeta == 0 || looksLikePathPattern(w) ||
			traits&traitGlobMeta != 0 || traits&traitNul != 0 || traits&traitHigh != 0 && !utf8.ValidString(w) {
			continue
		}
		words = append(words, w)
	}
	return words, true
}

// Traits of a byte of a pattern's source, as requiredWords reads them.
const (
	traitQuote    = 1 << iota // ' or "
	traitFlagMeta             // one of "*?[{" (a flag with one is not skipped as a flag)
	traitGlobMeta             // glob syntax (HasGlobMeta)
	traitNul                  // NUL (plainLiteral)
	traitHigh                 // a byte of a multi-byte UTF-8 sequence, or not UTF-8
)

// byteTraits returns c's traits.
func byteTraits(c byte) uint8 {
	switch c {
	case '\'', '"':
		return traitQuote
	case '*', '?', '[', '{':
		return traitFlagMeta | traitGlobMeta
	case ']', '}', '\\':
		return traitGlobMeta
	case 0:
		return traitNul
	}
	if c >= utf8.RuneSelf {
		return traitHigh
	}
	return 0
}
