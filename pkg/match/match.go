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

	"github.com/gobwas/glob"
)

// Glob is a compiled glob with its source text.
type Glob struct {
	src string
	g   glob.Glob
}

// String returns the pattern as written.
func (g Glob) String() string { return g.src }

// Match reports whether s matches.
func (g Glob) Match(s string) bool { return g.g.Match(s) }

// CompileText compiles a glob in which `*` crosses every character, as used
// for commands, URLs, domains and content.
func CompileText(pattern string) (Glob, error) {
	g, err := glob.Compile(pattern)
	if err != nil {
		return Glob{}, fmt.Errorf("bad glob %q: %v", pattern, err)
	}
	return Glob{src: pattern, g: g}, nil
}

// compileSep compiles a glob where `*` stops at sep and `**` crosses it.
func compileSep(pattern string, sep rune) (glob.Glob, error) {
	g, err := glob.Compile(pattern, sep)
	if err != nil {
		return nil, fmt.Errorf("bad glob %q: %v", pattern, err)
	}
	return g, nil
}
