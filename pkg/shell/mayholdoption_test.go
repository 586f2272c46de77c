package shell

import (
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"
)

// TestMayHoldOptionAwk checks the premise of scriptOperand's gate: no
// program of the awk family reads a first word as flags without a dash
// (the catalogue's "oldflags"), so without a word starting with '-' or '+'
// Classify gives no word an option, and the classification can be skipped.
func TestMayHoldOptionAwk(t *testing.T) {
	for _, name := range []string{"awk", "gawk", "mawk", "nawk"} {
		if scriptLang(name) != "awk" {
			t.Fatalf("scriptLang(%q) = %q, want awk", name, scriptLang(name))
		}
		e, _ := catalog.Default().Lookup(name, nil)
		if e != nil && e.Prop("oldflags") != "" {
			t.Errorf("%s has oldflags: scriptOperand's mayHoldOption gate no longer holds", name)
		}
	}
}

// TestMayHoldOptionSame holds scriptOperand with the gate to the full
// classification it skips.
func TestMayHoldOptionSame(t *testing.T) {
	for _, line := range []string{
		"awk {print}", "awk {print} a.txt b.txt", "gawk -f p.awk data.csv", "awk --file=p.awk x",
		"mawk -v x=1 -f p.awk", "nawk +x y", "awk -- {print} f", "awk -e {x} -f q.awk", "gawk5 {print}",
		"awk x=1 {print} f", "awk -E /tmp/s.awk", "awk", "gawk --exec /tmp/x",
	} {
		words := strings.Fields(line)
		want := ""
		for _, w := range catalog.Default().Classify(progName(words[0]), words[1:]).Words {
			if w.Role == catalog.Exec && w.Option != "" {
				want = w.Text
				break
			}
		}
		if !mayHoldOption(words[1:]) && want != "" {
			t.Errorf("%q: mayHoldOption false, but Classify gives the option value %q", line, want)
		}
		if got := scriptOperand(words); got != want {
			t.Errorf("scriptOperand(%q) = %q, want %q", line, got, want)
		}
	}
}
