package match

import (
	"strings"
	"unicode/utf8"

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
type anyGlob struct {
	globs []glob.Glob
	// last is, for each glob, the byte every string it matches ends
	// with (its alternative's last byte, when that is a plain literal),
	// or 0 when there is none: a string that ends otherwise is not tried
	// against it ("~/**/*{mnemonic,seed-phrase,…}" is tried only for
	// paths that end with c, e or s).
	last []byte
}

// Match reports whether one of the globs matches s.
func (a *anyGlob) Match(s string) bool {
	var end byte // no glob with a last byte matches ""
	if s != "" {
		end = s[len(s)-1]
	}
	for i, g := range a.globs {
		if l := a.last[i]; l != 0 && l != end {
			continue
		}
		if g.Match(s) {
			return true
		}
	}
	return false
}

// literalLast is the byte every string the brace-free pattern p matches
// ends with, or 0: p's last byte when it is an ASCII literal (not a
// wildcard, a class's end, a group's or an escape's part, and not after
// a backslash).
func literalLast(p string) byte {
	n := len(p)
	if n == 0 {
		return 0
	}
	c := p[n-1]
	if c == 0 || c >= utf8.RuneSelf || strings.IndexByte("*?[]{},!\\", c) >= 0 || n >= 2 && p[n-2] == '\\' {
		return 0
	}
	return c
}

// compileAlternatives compiles each brace-free alternative on its own; an
// alternative gobwas cannot read alone (a broken UTF-8 sequence split by
// a comma) leaves the whole pattern to gobwas.
func compileAlternatives(alts []string, seps []rune) (glob.Glob, error) {
	out := &anyGlob{globs: make([]glob.Glob, 0, len(alts)), last: make([]byte, 0, len(alts))}
	for _, a := range alts {
		g, err := compileGlob(a, seps)
		if err != nil {
			return nil, err
		}
		out.globs = append(out.globs, g)
		out.last = append(out.last, literalLast(a))
	}
	return out, nil
}
