package match

import (
	"slices"
	"testing"

	"github.com/gobwas/glob"
)

func TestExpandBraces(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"{a,b}c", []string{"ac", "bc"}},
		{"x{a,{b,c}d}y", []string{"xay", "xbdy", "xcdy"}},
		{`\{a,b\}`, nil},
		{`{a\,b,c}`, []string{`a\,b`, "c"}},
		{"{[,}]x,y}", []string{"[,}]x", "y"}},
		{"{a,b", nil},
		{"a}", nil},
		{"{a}", nil},
		{"plain", nil},
		{"{D,D/**}", []string{"D", "D/**"}},
	} {
		got, _ := expandBraces(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("expandBraces(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestBracesMatchEachAlternative: a group matches what one of its
// alternatives matches on its own, where gobwas's tree for the group
// misses (the first two rows).
func TestBracesMatchEachAlternative(t *testing.T) {
	for _, tc := range []struct{ pattern, s string }{
		{"{/a/**/b*,/a/**/b*/**}", "/a/x/bc"},
		{"{/a/**/b*,/a/**/b*/**}", "/a/x/bc/d"},
		{"{**0*0,**}", "0"},
		{"/home/*/{.ssh,.aws}/**", "/home/u/.aws/credentials"},
	} {
		g, err := compileGlob(tc.pattern, []rune{'/'})
		if err != nil {
			t.Fatal(err)
		}
		if !g.Match(tc.s) {
			t.Errorf("%q does not match %q", tc.pattern, tc.s)
		}
	}
}

// FuzzBraces holds a compiled pattern to its alternatives: it matches
// exactly when one alternative, compiled by gobwas alone, matches.
func FuzzBraces(f *testing.F) {
	f.Add("{/a/**/b*,/a/**/b*/**}", "/a/x/bc")
	f.Add("x{a,{b,c}d}y", "xbdy")
	f.Add("{[,}]x,y}", ",x")
	f.Add("/**/*{mnemonic,seed-phrase,seed_words}", "/a/b/seed_words")
	f.Add("{a\\*,b?,c[xy],d}", "a*")
	f.Add("{*\u00e9,*x}", "a\u00e9")
	f.Fuzz(func(t *testing.T, pattern, s string) {
		alts, ok := expandBraces(pattern)
		if !ok {
			return
		}
		if _, err := glob.Compile(pattern, '/'); err != nil || balanced(pattern) != nil {
			return // refused by gobwas, or before it (a NUL byte, an empty group)
		}
		g, err := compileGlob(pattern, []rune{'/'})
		if err != nil {
			t.Fatalf("compileGlob(%q): %v", pattern, err)
		}
		want := false
		for _, a := range alts {
			ag, err := glob.Compile(a, '/')
			if err != nil {
				return // gobwas reads the whole pattern, as before
			}
			want = want || ag.Match(s)
		}
		if got := g.Match(s); got != want {
			t.Errorf("%q on %q = %v, alternatives say %v", pattern, s, got, want)
		}
	})
}

// expandByteAtATime is expandInto as first written, a plain byte at a
// time: appending runs of plain bytes must give the same alternatives.
func expandByteAtATime(prefixes []string, p string) ([]string, bool) {
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
				exp, ok := expandByteAtATime(out, alt)
				if !ok || len(next)+len(exp) > maxAlternatives {
					return nil, false
				}
				next = append(next, exp...)
			}
			out, i = next, j
			continue
		default:
			lit = p[i : i+1]
		}
		for k := range out {
			out[k] += lit
		}
		i += len(lit)
	}
	return out, true
}

func TestExpandRunsAsBytes(t *testing.T) {
	for _, p := range []string{
		"~/.{aws,azure}/{credentials,config}", "/etc/{passwd,shadow,sudoers.d/**}", "a{b,c{d,e}f}g,h",
		`x\{y,z}`, `{a\,b,c}`, "[{]x{1,2}", "{a,b}}", "{{a,b},c}.{pem,key}", "**/.env{,.*}", "{a,b", "a}b", "[abc",
	} {
		got, gok := expandInto([]string{""}, p)
		want, wok := expandByteAtATime([]string{""}, p)
		if gok != wok || !slices.Equal(got, want) {
			t.Errorf("expandInto(%q) = %q, %v; want %q, %v", p, got, gok, want, wok)
		}
	}
}

// TestLiteralLast checks the byte an alternative's matches all end with,
// by which a group skips alternatives (anyGlob).
func TestLiteralLast(t *testing.T) {
	for _, tc := range []struct {
		p    string
		want byte
	}{
		{"/**/*mnemonic", 'c'},
		{"a/**", 0},
		{"a?", 0},
		{"a[bc]", 0},
		{`a\*`, 0},
		{`a\b`, 0},
		{"a,", 0},
		{"a!", 0},
		{"\u00e9", 0},
		{"", 0},
		{"x.json", 'n'},
	} {
		if got := literalLast(tc.p); got != tc.want {
			t.Errorf("literalLast(%q) = %q, want %q", tc.p, got, tc.want)
		}
	}
	g, err := compileGlob("/**/*{mnemonic,seed-phrase}", []rune{'/'})
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]bool{"/a/mnemonic": true, "/a/x-seed-phrase": true, "/a/x.go": false, "": false, "/a/mnemonic.bak": false} {
		if got := g.Match(s); got != want {
			t.Errorf("match %q = %v, want %v", s, got, want)
		}
	}
}
