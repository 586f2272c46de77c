package match

import (
	"strings"

	"github.com/gobwas/glob"
)

// maxAlternatives bounds how many brace-free patterns one pattern may
// expand to; a pattern with more is left to gobwas whole.
const maxAlternatives = 256

// expandBraces returns the brace-free patterns that p's groups stand for
// ("{a,b}c" is "ac" and "bc"; groups nest), escapes and character classes
// copied as written. ok is false when p has no group, a group that does
// not close, a stray "}", or too many alternatives.
//
// gobwas compiles a group into a tree whose nodes skip alternatives that
// share a prefix: "{/a/**/b*,/a/**/b*/**}" does not match "/a/x/bc", which
// its first alternative alone matches. Each alternative compiled on its own
// matches as written.
func expandBraces(p string) (alts []string, ok bool) {
	if strings.IndexByte(p, '{') < 0 {
		return nil, false
	}
	alts, ok = expandInto([]string{""}, p)
	if !ok || len(alts) < 2 {
		return nil, false
	}
	return alts, true
}

// expandInto appends every expansion of p to each prefix.
func expandInto(prefixes []string, p string) ([]string, bool) {
	out := append([]string(nil), prefixes...)
	for i := 0; i < len(p); {
		var lit string
		switch p[i] {
		case '\\':
			lit = p[i:min(i+2, len(p))]
		case '[':
			j := classEnd(p, i)
			if j < 0 {
				return nil, false
			}
			lit = p[i:j]
		case '}':
			return nil, false
		case '{':
			j := groupEnd(p, i)
			if j < 0 {
				return nil, false
			}
			var next []string
			for _, alt := range splitTop(p[i+1 : j-1]) {
				exp, ok := expandInto(out, alt)
				if !ok || len(next)+len(exp) > maxAlternatives {
					return nil, false
				}
				next = append(next, exp...)
			}
			out, i = next, j
			continue
		default:
			// The run of plain bytes up to the next escape, class or
			// group, appended at once: a byte at a time, each
			// alternative was copied once per byte.
			j := i + 1
			for j < len(p) && p[j] != '\\' && p[j] != '[' && p[j] != '{' && p[j] != '}' {
				j++
			}
			lit = p[i:j]
		}
		for k := range out {
			out[k] += lit
		}
		i += len(lit)
	}
	return out, true
}

// classEnd is the index after the "]" that closes the class opened at
// p[i], or -1.
func classEnd(p string, i int) int {
	j := strings.IndexByte(p[i+1:], ']')
	if j < 0 {
		return -1
	}
	return i + 1 + j + 1
}

// groupEnd is the index after the "}" that closes the group opened at
// p[i], or -1.
func groupEnd(p string, i int) int {
	depth := 0
	for j := i; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case '[':
			k := classEnd(p, j)
			if k < 0 {
				return -1
			}
			j = k - 1
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// splitTop splits a group's inside at its own commas, not those of a
// nested group, a class or an escape.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			if k := classEnd(s, j); k > 0 {
				j = k - 1
			}
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:j])
				start = j + 1
			}
		}
	}
	return append(parts, s[start:])
}

// anyGlob matches what any of its globs matches.
type anyGlob []glob.Glob

// Match reports whether one of the globs matches s.
func (a anyGlob) Match(s string) bool {
	for _, g := range a {
		if g.Match(s) {
			return true
		}
	}
	return false
}

// compileAlternatives compiles each brace-free alternative on its own; an
// alternative gobwas cannot read alone (a broken UTF-8 sequence split by
// a comma) leaves the whole pattern to gobwas.
func compileAlternatives(alts []string, seps []rune) (glob.Glob, error) {
	out := make(anyGlob, 0, len(alts))
	for _, a := range alts {
		g, err := compileGlob(a, seps)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}
