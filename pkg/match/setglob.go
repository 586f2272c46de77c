package match

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/gobwas/glob"
	gmatch "github.com/gobwas/glob/match"
)

// setGlob matches a glob by running its automaton over a set of states,
// one bit per position in the pattern. It stands in for the compiled form
// of github.com/gobwas/glob where that form is a tree whose nodes try
// every offset of the input ("{**/.git/hooks,**/.git/hooks/**}"): such a
// tree allocates the offsets on every match, the automaton nothing.
//
// It takes only the plainest patterns: ASCII literals, `?`, `*` and `**`,
// and a literal directory pattern's "{D,D/**}"; anything else stays with
// gobwas. FuzzSetGlobMatchesGobwas holds the two to the same
// answers.
type setGlob struct {
	alts []setPattern
	seps string    // separators `*` and `?` do not cross
	g    glob.Glob // gobwas's form, for input that is not ASCII
}

// setPattern is one alternative: its tokens, and for each position the
// positions reached from it without reading (across `*` and `**`).
type setPattern struct {
	toks    []setTok
	closure []uint64

	// Literal runs any match holds: the pattern's start and end when
	// they are literal, and its longest run, checked before the automaton
	// runs.
	prefix, suffix, inner string
}

type setTok struct {
	kind byte // setLit, setOne, setAny, setSuper
	c    byte // the literal byte
}

const (
	setLit = iota
	setOne
	setAny
	setSuper
)

// maxSetTokens bounds an alternative's tokens: positions 0..len(toks) must
// fit in one word.
const maxSetTokens = 63

// newSetGlob returns the automaton for pattern, or false when the pattern
// is outside what it takes.
func newSetGlob(pattern string, seps []rune, g glob.Glob) (*setGlob, bool) {
	sg := &setGlob{g: g}
	for _, r := range seps {
		if r >= utf8.RuneSelf {
			return nil, false
		}
		sg.seps += string(r)
	}
	alts, ok := expandAlternatives(pattern)
	if !ok {
		return nil, false
	}
	for _, toks := range alts {
		p, ok := newSetPattern(toks)
		if !ok {
			return nil, false
		}
		sg.alts = append(sg.alts, p)
	}
	return sg, true
}

// expandAlternatives reads a pattern into the token lists it stands for:
// one, or two for the form PathPattern gives a directory ("{D,D/**}")
// when D is literal but for a leading "**/". Other groups stay with
// gobwas, whose reading of them an automaton would not repeat: there
// "{**0*0,**}" does not match "0", nor "{/a/**/b*,/a/**/b*/**}" "/a/x/bc".
func expandAlternatives(p string) ([][]setTok, bool) {
	alts := []string{p}
	if strings.IndexByte(p, '{') >= 0 {
		inner, ok := strings.CutPrefix(p, "{")
		inner, ok2 := strings.CutSuffix(inner, "/**}")
		dir, sub, ok3 := strings.Cut(inner, ",")
		if !ok || !ok2 || !ok3 || dir != sub || strings.ContainsAny(strings.TrimPrefix(dir, "**/"), "*?") {
			return nil, false
		}
		alts = []string{dir, dir + "/**"}
	}
	out := make([][]setTok, 0, len(alts))
	for _, a := range alts {
		toks, ok := setTokens(a)
		if !ok {
			return nil, false
		}
		out = append(out, toks)
	}
	return out, true
}

// setTokens tokenises a pattern without groups as the gobwas lexer does
// (`**` pairs greedily). It refuses the bytes it does not take (groups,
// classes, escapes, non-ASCII, NUL, which the gobwas lexer reads as the
// end).
func setTokens(p string) ([]setTok, bool) {
	if p == "" {
		return nil, false
	}
	var toks []setTok
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == 0 || c >= utf8.RuneSelf || strings.IndexByte("{},[]\\", c) >= 0:
			return nil, false
		case c == '?':
			toks = append(toks, setTok{kind: setOne})
		case c == '*' && i+1 < len(p) && p[i+1] == '*':
			toks = append(toks, setTok{kind: setSuper})
			i++
		case c == '*':
			toks = append(toks, setTok{kind: setAny})
		default:
			toks = append(toks, setTok{kind: setLit, c: c})
		}
	}
	return toks, true
}

// newSetPattern prepares one alternative. It refuses adjacent wildcards.
func newSetPattern(toks []setTok) (setPattern, bool) {
	sp := setPattern{toks: toks}
	n := len(sp.toks)
	for k := 1; k < n; k++ {
		// gobwas reads adjacent wildcards ("***") in its own way: "***"
		// does not match the empty path.
		if sp.toks[k].kind >= setAny && sp.toks[k-1].kind >= setAny {
			return setPattern{}, false
		}
	}
	if n > maxSetTokens {
		return setPattern{}, false
	}
	var runs []string
	run := []byte{}
	for k := 0; k <= n; k++ {
		if k < n && toks[k].kind == setLit {
			run = append(run, toks[k].c)
			continue
		}
		runs = append(runs, string(run))
		run = run[:0]
	}
	// runs[0] ends at the first wildcard and runs[len-1] starts after the
	// last; with no wildcard at all the one run is the whole pattern.
	sp.prefix, sp.suffix = runs[0], runs[len(runs)-1]
	for _, r := range runs {
		if len(r) > len(sp.inner) {
			sp.inner = r
		}
	}
	sp.closure = make([]uint64, n+1)
	for k := n; k >= 0; k-- {
		sp.closure[k] = 1 << k
		if k < n && (sp.toks[k].kind == setAny || sp.toks[k].kind == setSuper) {
			sp.closure[k] |= sp.closure[k+1]
		}
	}
	return sp, true
}

// Match reports whether s matches any alternative. Input that is not
// ASCII goes to gobwas, which mixes counting bytes and runes in ways of
// its own ("*0??" does not match "0ţ0").
func (g *setGlob) Match(s string) bool {
	if !isASCII(s) {
		return g.g.Match(s)
	}
	for i := range g.alts {
		if g.alts[i].match(s, g.seps) {
			return true
		}
	}
	return false
}

func (sp *setPattern) match(s, seps string) bool {
	if !strings.HasPrefix(s, sp.prefix) || !strings.HasSuffix(s, sp.suffix) || !strings.Contains(s, sp.inner) {
		return false
	}
	n := len(sp.toks)
	cur := sp.closure[0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		sep := strings.IndexByte(seps, c) >= 0
		var next uint64
		for set := cur &^ (1 << n); set != 0; set &= set - 1 {
			k := bits.TrailingZeros64(set)
			switch t := sp.toks[k]; t.kind {
			case setLit:
				if c == t.c {
					next |= sp.closure[k+1]
				}
			case setOne:
				if !sep {
					next |= sp.closure[k+1]
				}
			case setAny:
				if !sep {
					next |= sp.closure[k]
				}
			case setSuper:
				next |= sp.closure[k]
			}
		}
		if next == 0 {
			return false
		}
		cur = next
	}
	return cur&(1<<n) != 0
}

// allocates reports whether a compiled gobwas matcher holds a tree node,
// whose matching allocates.
func allocates(m gmatch.Matcher) bool {
	switch m := m.(type) {
	case gmatch.BTree:
		return true
	case *gmatch.BTree:
		return true
	case gmatch.AnyOf:
		return anyAllocates(m.Matchers)
	case *gmatch.AnyOf:
		return anyAllocates(m.Matchers)
	case gmatch.EveryOf:
		return true
	case *gmatch.EveryOf:
		return true
	}
	return false
}

func anyAllocates(ms gmatch.Matchers) bool {
	for _, m := range ms {
		if allocates(m) {
			return true
		}
	}
	return false
}
