package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// A word with spaces given to a program the catalogue does not know is
// walked as a command line it may run (embedded): hyperfine 'rm -rf x'.
// Most such words are messages instead (notify --to ops@acme.io "fixed
// the delete bug"), and a message walked as a command makes its first
// word a program and its later words that program's verbs. A word reads
// as prose, and is not walked, when its first word names no program the
// catalogue knows, no shell and no path and is not shaped as a program's
// name (acme-cli, kubectl2, opsctl), it holds no shell operator, and
// one of its words is a function word that English needs and command
// lines do not (the, is, was, this, our, please), and none of its words
// names a known program, a shell or a path: "rm -rf the dir" and "please
// run rm -rf ~ now" are walked whatever else they say. Nor is a word
// whose first word runs a program the line wrote (printf … > bin/tidy;
// PATH=bin:$PATH runjob "tidy the cache please"): that name is a
// command here, whatever English it makes.

// functionWords are words of English prose that are not a command's words.
var functionWords = table.Map[string, bool]{Words: `the is are was were been this
	these those our your their its
	please we i it's don't didn't`}

// prose reports a word that reads as a message, not a command line (see
// above).
func prose(w string) bool {
	if strings.ContainsAny(w, ";|&$`<>(){}\n") {
		return false
	}
	fields := strings.Fields(w)
	if len(fields) < 3 {
		return false
	}
	first := fields[0]
	if strings.ContainsRune(first, '/') || isShell(first) || scriptLang(first) != "" || catalog.Default().Known(progName(first)) || programShaped(first) {
		return false
	}
	cat, english := catalog.Default(), false
	for _, f := range fields[1:] {
		w := strings.Trim(f, ",.:!?\"'")
		if cat.Known(progName(w)) || isShell(w) || strings.ContainsRune(w, '/') {
			// "please run rm -rf ~ now": a program the walk would find
			// in it keeps the string a command line
			return false
		}
		english = english || functionWords.Get(strings.ToLower(w))
	}
	return english
}

// programShaped reports a word shaped as a program's name rather than an
// English one: with a hyphen, an underscore or a digit, or ending as
// command-line tools' names do (ctl, cli, adm).
func programShaped(w string) bool {
	if strings.ContainsAny(w, "-_0123456789") {
		return true
	}
	l := strings.ToLower(w)
	return strings.HasSuffix(l, "ctl") || strings.HasSuffix(l, "cli") || strings.HasSuffix(l, "adm")
}

// namesWritten reports a word whose first word runs a file the line
// wrote, by its name in the working directory or on PATH.
func (s *state) namesWritten(w string) bool {
	if len(s.files) == 0 {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(w), " ")
	if _, ok := s.pathFileText(first); ok {
		return true
	}
	_, ok := s.files[s.key(first)]
	return ok
}
