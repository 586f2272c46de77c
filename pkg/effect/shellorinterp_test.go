package effect

import (
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"
)

// TestShellOrInterpMemo holds isShellOrInterp's kept answers to the
// reading they keep, on every program the catalogue names and versioned,
// upper-case and .exe spellings of each, asked twice (a kept answer, then
// one computed again when another name took its slot).
func TestShellOrInterpMemo(t *testing.T) {
	names := catalog.ProgramsMatching("*", nil, 1<<20)
	if len(names) < 500 {
		t.Fatalf("only %d catalogue names", len(names))
	}
	for _, n := range names {
		for _, v := range []string{n, n + "3", n + "3.12", n + "js", n + "3.12-dbg", n + "3.13t", n + ".exe", strings.ToUpper(n)} {
			for range 2 {
				if got, want := isShellOrInterp(v), shellOrInterpName(v); got != want {
					t.Errorf("isShellOrInterp(%q) = %v, computed %v", v, got, want)
				}
			}
		}
	}
}
