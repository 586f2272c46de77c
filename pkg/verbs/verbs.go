// Package verbs is the lexicon of the verbs a tool's action is named by
// (toolverbs.txt), by class (read, change, destroy, wipe, reset, disable,
// overwrite, transfer, publish), shared by the readings that need it: an
// MCP tool's name (engine) and an unknown program's leading words
// (effect). A verb has one class whatever interface names it, and a new
// spelling of a known class is a line of data.
package verbs

import (
	_ "embed"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Text is the lexicon as written; the engine reads it whole.
//
//go:embed toolverbs.txt
var Text string

// lexicon is Text read: each word's class, the verbs two words make, and
// the same run together ("wipeout").
type lexicon struct {
	class, phrases, joined map[string]string
}

var lexOnce = table.Once[lexicon]{Build: load}

var (
	lex     = table.Map[string, string]{Build: func() map[string]string { return lexOnce.Get().class }}
	phrases = table.Map[string, string]{Build: func() map[string]string { return lexOnce.Get().phrases }}
	joined  = table.Map[string, string]{Build: func() map[string]string { return lexOnce.Get().joined }}
)

// load reads Text; a malformed line is left to the engine's loader, which
// panics on it at start-up.
func load() lexicon {
	lx := lexicon{class: map[string]string{}, phrases: map[string]string{}, joined: map[string]string{}}
	for line := range strings.SplitSeq(Text, "\n") {
		line = strings.TrimSpace(line)
		class, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		class = strings.TrimSpace(class)
		if class == "phrase" {
			pair, verb, _ := strings.Cut(words, "=")
			if f := strings.Fields(pair); len(f) == 2 {
				lx.phrases[f[0]+" "+f[1]] = strings.TrimSpace(verb)
				lx.joined[f[0]+f[1]] = strings.TrimSpace(verb)
			}
			continue
		}
		for _, w := range strings.Fields(words) {
			if _, seen := lx.class[w]; !seen {
				lx.class[w] = class
			}
		}
	}
	return lx
}

// Class returns the class of a verb word in its lexicon spelling
// (Spelled), or "" for a word that is no verb.
func Class(w string) string {
	if c, ok := lex.Lookup(w); ok {
		return c
	}
	return lex.Get(Spelled(w))
}

// Spelled returns a lower-case word in the lexicon's spelling: a British
// -ise verb in its -ize spelling (reinitialise, finalise), and a phrase
// run together (wipeout, blowaway) as the verb it makes.
func Spelled(w string) string {
	if _, ok := lex.Lookup(w); ok {
		return w
	}
	if v, ok := joined.Lookup(w); ok {
		return v
	}
	if strings.Contains(w, "is") {
		for _, s := range [...]struct{ uk, us string }{{"ise", "ize"}, {"ised", "ized"}, {"ising", "izing"}} {
			if b, ok := strings.CutSuffix(w, s.uk); ok && len(b) >= 3 {
				if _, ok := lex.Lookup(b + s.us); ok {
					return b + s.us
				}
			}
		}
	}
	return w
}

// joinPrefixes are the prefixes a verb is written apart from (re-init,
// de_provision, un-deploy).
var joinPrefixes = table.Map[string, bool]{Words: "re de un dis pre"}

// Join returns the verb two words in a row make, and whether they make
// one: a phrase (tear down → teardown, wipe out → wipe) or a prefix
// written apart from its verb (re-initialize, de-provision).
func Join(a, b string) (string, bool) {
	if v, ok := phrases.Lookup(a + " " + b); ok {
		return v, true
	}
	if joinPrefixes.Get(a) {
		if w := Spelled(a + b); lex.Get(w) != "" {
			return w, true
		}
	}
	return "", false
}
