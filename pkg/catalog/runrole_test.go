package catalog

import (
	"strings"
	"testing"
)

// wordsRun is textWraps without propRunsAfter and without namesRunRole's
// shortcut: every word of both fields read for its role.
func wordsRun(options, positionals string) bool {
	for w := range strings.FieldsSeq(positionals) {
		if _, r, ok := strings.Cut(w, ":"); ok {
			if role, _ := roleNamed(r); role == Command || role == Shell {
				return true
			}
		}
	}
	for w := range strings.FieldsSeq(options) {
		i := strings.IndexAny(w, ":=")
		if i < 0 || w[i] != ':' {
			continue
		}
		role := w[i+1:]
		if k := strings.Index(role, "=!"); k >= 0 {
			role = role[:k]
		}
		if r, _ := roleNamed(role); r == Shell || r == Command {
			return true
		}
	}
	return false
}

// Every line of the catalogue is read the same with namesRunRole's
// shortcut as word by word.
func TestNamesRunRoleShortcut(t *testing.T) {
	lines, runs := 0, 0
	for line := range strings.SplitSeq(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		_, rest, _ := strings.Cut(line, "|")
		options, rest, _ := strings.Cut(rest, "|")
		positionals, _, _ := strings.Cut(rest, "|")
		want := wordsRun(options, positionals)
		got := (namesRunRole(options) || namesRunRole(positionals)) && wordsRun(options, positionals)
		opts := optionTable{src: options}
		if got != want || opts.runs() != wordsRun(options, "") {
			t.Errorf("line %q: shortcut says %v, words say %v", line, got, want)
		}
		lines++
		if want {
			runs++
		}
	}
	if runs == 0 || runs == lines {
		t.Fatalf("%d of %d lines run a command: the test reads nothing", runs, lines)
	}
}
