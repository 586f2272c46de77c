// Package match holds Rampart's matchers: globs compiled once at policy load,
// path cleaning, URL and host normalisation, and command patterns that see
// through flag spelling.
//
// # Glob dialect
//
// One dialect (github.com/gobwas/glob), three ways of applying it:
//
//   - Commands: `*` matches any run of characters, spaces included.
//     `git push *` matches "git push origin main".
//   - Paths: `*` stays within one path segment, `**` crosses segments, and a
//     leading `**/` also matches nothing, so `**/.env` matches "/p/.env" and
//     ".env". A pattern starting with `~/` is relative to the user's home,
//     one starting with `./` to the call's working directory (`./**` is
//     "inside the project"). A pattern with no `/` at all matches the last
//     segment (the base name), as in .gitignore: `*.pem` matches
//     "/srv/tls/site.pem".
//   - Domains: matched on the lower-cased host without a trailing dot or
//     port; `*.x.com` matches "a.x.com" and "a.b.x.com" but not "x.com".
//
// `?` is one character, `[abc]` and `[a-z]` are classes, `{a,b}` are
// alternatives, `\` escapes. Matching never allocates.
package match

import (
	"fmt"
	"strings"
	"sync"

	"github.com/gobwas/glob"
	gmatch "github.com/gobwas/glob/match"
)

// Glob is a compiled glob with its source text.
type Glob struct {
	src string
	g   *lazyGlob
}

// String returns the pattern as written.
func (g Glob) String() string { return g.src }

// Match reports whether s matches.
func (g Glob) Match(s string) bool { return g.g.Match(s) }

// Compiler compiles patterns. The zero value checks and compiles every
// glob at once, so a bad one is an error at load. With Lazy set, globs are
// compiled on first use instead: for sources already known to be valid
// (the embedded profiles, checked by their tests), a process that judges
// one call then pays only for the patterns that call reaches.
type Compiler struct {
	Lazy bool
}

// CompileText compiles a glob in which `*` crosses every character, as used
// for commands, URLs, domains and content.
func CompileText(pattern string) (Glob, error) { return Compiler{}.Text(pattern) }

// Text compiles a glob in which `*` crosses every character.
func (c Compiler) Text(pattern string) (Glob, error) {
	g, err := c.glob(pattern)
	if err != nil {
		return Glob{}, err
	}
	return Glob{src: pattern, g: g}, nil
}

// LazyTexts returns the text globs of srcs, known to compile (from a
// policy snapshot or an embedded profile, checked when they were made), as
// Compiler{Lazy: true}.Text gives each, compiled on first use, with one
// allocation for all of them: a process that loads a policy makes them
// for every entry and matches few.
func LazyTexts(srcs []string) []Glob {
	out := make([]Glob, len(srcs))
	ls := make([]lazyGlob, len(srcs))
	for i, src := range srcs {
		ls[i].src = src
		out[i] = Glob{src: src, g: &ls[i]}
	}
	return out
}

// LazyTextRoom makes the lazy text globs of many short lists (LazyTexts of
// each) out of shared allocations: a process that loads a policy snapshot
// makes three lists for each of its entries, most of one or two patterns,
// and one allocation per list was most of the cost. Its zero value is
// ready; it is not safe for concurrent use.
type LazyTextRoom struct {
	globs []Glob
	lazy  []lazyGlob
}

// lazyTextChunk is the number of globs a LazyTextRoom makes room for at a
// time.
const lazyTextChunk = 32

// Texts is LazyTexts(srcs), carved out of the room: the slice's capacity
// is its length, so a caller's append copies it.
func (r *LazyTextRoom) Texts(srcs []string) []Glob {
	n := len(srcs)
	if n == 0 {
		return []Glob{}
	}
	if len(r.globs) < n {
		r.globs = make([]Glob, max(n, lazyTextChunk))
		r.lazy = make([]lazyGlob, len(r.globs))
	}
	out, ls := r.globs[:n:n], r.lazy[:n:n]
	r.globs, r.lazy = r.globs[n:], r.lazy[n:]
	for i, src := range srcs {
		ls[i].src = src
		out[i] = Glob{src: src, g: &ls[i]}
	}
	return out
}

// glob compiles pattern, where `*` stops at seps and `**` crosses them.
func (c Compiler) glob(pattern string, seps ...rune) (*lazyGlob, error) {
	l := &lazyGlob{src: pattern, seps: seps}
	if !c.Lazy {
		g, err := compileGlob(pattern, seps)
		if err != nil {
			return nil, fmt.Errorf("bad glob %q: %v", pattern, err)
		}
		l.g = g
	}
	return l, nil
}

// lazyGlob is a glob compiled on first use unless it was compiled at load.
type lazyGlob struct {
	src  string
	seps []rune
	prep func(string) string // applied to src before a lazy compile
	once sync.Once
	g    glob.Glob
}

// Match compiles the glob if needed and matches s. A lazily compiled glob
// that turns out to be invalid matches nothing; only trusted sources are
// compiled lazily.
func (l *lazyGlob) Match(s string) bool {
	l.once.Do(l.compile)
	return l.g.Match(s)
}

func (l *lazyGlob) compile() {
	if l.g != nil {
		return // compiled at load
	}
	src := l.src
	if l.prep != nil {
		src = l.prep(src)
	}
	g, err := compileGlob(src, l.seps)
	if err != nil {
		g = matchNothing{}
	}
	l.g = g
}

// compileGlob compiles a glob with gobwas/glob, and keeps the result
// unless it is a form whose matching allocates and setGlob takes the
// pattern.
func compileGlob(pattern string, seps []rune) (glob.Glob, error) {
	if err := balanced(pattern); err != nil {
		return nil, err
	}
	if g, ok := starGlobFor(pattern, seps); ok {
		return g, nil
	}
	g, err := glob.Compile(pattern, seps...)
	if err != nil {
		return nil, err
	}
	if alts, ok := expandBraces(pattern); ok {
		if ag, err := compileAlternatives(alts, seps); err == nil {
			return ag, nil
		}
	}
	if m, ok := g.(gmatch.Matcher); ok && allocates(m) {
		if sg, ok := newSetGlob(pattern, seps, g); ok {
			return sg, nil
		}
	}
	return g, nil
}

// balanced refuses a pattern whose braces or brackets do not close, or
// that holds an empty group or a NUL byte: gobwas/glob accepts "x{",
// "*0{}" and "*0{\x00}" and then panics when it matches.
func balanced(pattern string) error {
	depth := 0
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case 0:
			return fmt.Errorf("NUL byte at byte %d", i)
		case '\\':
			i++ // an escaped character
		case '[':
			j := strings.IndexByte(pattern[i+1:], ']')
			if j < 0 {
				return fmt.Errorf("unclosed [ at byte %d", i)
			}
			i += j + 1
		case '{':
			if i+1 < len(pattern) && pattern[i+1] == '}' {
				return fmt.Errorf("empty {} at byte %d", i)
			}
			depth++
		case '}':
			if depth == 0 {
				return fmt.Errorf("} without { at byte %d", i)
			}
			depth--
		}
	}
	if depth > 0 {
		return fmt.Errorf("unclosed {")
	}
	return nil
}

type matchNothing struct{}

func (matchNothing) Match(string) bool { return false }
