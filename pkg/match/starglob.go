package match

import (
	"strings"
	"unicode/utf8"
)

// starGlob is a glob with no separators whose only syntax is a star at
// one end or both ("mkfs.*", "*manage.py", "*DROP*", "*"): gobwas/glob
// compiles these to its prefix, suffix, contains and super matchers,
// which compare bytes as strings.HasPrefix, HasSuffix and Contains do.
// Matching them so needs no compile: a command set's globbed program
// words (mongo*, python*) were compiled, some 9k instructions each, to
// tell a one-shot process that git is none of them.
type starGlob struct {
	lit              string
	lead, trail, any bool // a star before lit, after it; the pattern is stars only
}

// starGlobOf returns pattern as a starGlob when it is one of those forms;
// the literal between the stars holds none of glob's syntax (nor a NUL,
// which balanced refuses), and the pattern is valid UTF-8 (gobwas/glob
// refuses it otherwise).
func starGlobOf(pattern string) (starGlob, bool) {
	if pattern == "" || !utf8.ValidString(pattern) { // gobwas/glob refuses invalid UTF-8
		return starGlob{}, false
	}
	lit := strings.TrimLeft(pattern, "*")
	lead := len(lit) < len(pattern)
	if lit == "" {
		return starGlob{any: true}, true
	}
	trimmed := strings.TrimRight(lit, "*")
	trail := len(trimmed) < len(lit)
	if !lead && !trail || strings.ContainsAny(trimmed, "*?[]{}\\\x00") {
		return starGlob{}, false
	}
	return starGlob{lit: trimmed, lead: lead, trail: trail}, true
}

// starGlobFor returns the matcher of a pattern that is a starGlob, when
// there are no separators.
func starGlobFor(pattern string, seps []rune) (starGlob, bool) {
	if len(seps) > 0 {
		return starGlob{}, false
	}
	return starGlobOf(pattern)
}

// Match reports whether s matches the pattern.
func (g starGlob) Match(s string) bool {
	switch {
	case g.any:
		return true
	case g.lead && g.trail:
		return strings.Contains(s, g.lit)
	case g.lead:
		return strings.HasSuffix(s, g.lit)
	default:
		return strings.HasPrefix(s, g.lit)
	}
}
