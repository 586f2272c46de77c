package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Filters.
//
// sort, uniq, head, wc, cut, tr, rev and the like read their standard
// input (or files) and print a transformation of it: they run nothing, load
// nothing and are no one's wrapper, so the walk's reading of what a command
// runs (runs) finds nothing in them unless the line wrote a file they could
// be taken to run. The walk, and the effects (package effect), skip their
// readings for them (TestFiltersRunNothing). An option naming a program
// one runs (sort --compress-program=PROG, run as PROG and PROG -d) is the
// catalogue's exec role, which makes the effects read the command in full
// (effect.plainFilter takes data words only).

// filters are the programs Filter names.
var filters = table.Map[string, bool]{Words: `sort uniq wc head tail cut rev fold
	tac nl paste expand unexpand fmt column cat
	tr`}

// skipFilterRuns lets a test turn the skip off, to compare.
var skipFilterRuns = true

// runsNothing reports a command the walk's runs would find nothing in: a
// filter or another program runs reads nothing of (runsNothingName), named
// by its base name alone (not a path a written file could be), on a line
// that wrote no file; or a filter on a line that wrote files (tee
// out.txt), none of which it could run: a filter takes no file for a
// script or module, so only a file written where the program itself is
// found (./sort, ~/.local/bin/sort), one its words name that the line
// wrote unseen, or a program built on the line could be what runs.
func (s *state) runsNothing(c *Command, words []string) bool {
	program, kinds := words[0], c.kindsOf()
	if !skipFilterRuns || strings.Contains(program, "/") {
		return false
	}
	if kinds&kindRunsNothing == 0 {
		if !plainScriptCommand(c, words) { // plainscripts.go: sed 's/a/b/', awk '{print $1}'
			return false
		}
		kinds |= kindFilter // a filter, below
	}
	if len(s.files) == 0 && len(s.opaque) == 0 {
		return true
	}
	// (program has no slash: it is its own fileKey, which only strips
	// and cleans the parts of a path)
	if kinds&kindFilter == 0 || s.built != nil || s.opaque.has(program) || len(s.opaque) > 0 && s.mentionsOpaque(words) {
		return false
	}
	_, written := s.files[program]
	_, onPath := s.pathFileText(program)
	return !written && !onPath
}
