package effect

import (
	"slices"
	"testing"

	"rampart.dev/pkg/shell"
)

// TestExportedBeforeFromFirstExporter holds exportedBefore, which starts
// at the line's first command that can export, to a reading of every
// command before i.
func TestExportedBeforeFromFirstExporter(t *testing.T) {
	lines := []string{
		"export STAGE=prod; terraform apply",
		"ls | sort | export A=1 B; env | grep A",
		"echo hi; set -a; STAGE=prod; set +a; X=1; deploy",
		"declare -x STAGE=prod; typeset Y=2; kubectl apply -f x",
		"cat a | sort | uniq -c | head -3",
		"A=1 make; export B=2; make",
		"set -o allexport; B=3; run; set +o allexport; C=4; run",
	}
	for _, line := range lines {
		res := shell.Parse(line)
		a := analysis{res: &res}
		for i := 0; i <= len(res.Commands); i++ {
			got, want := a.exportedBefore(i), exportsBetween(&res, 0, i)
			if !slices.Equal(got, want) {
				t.Errorf("%q, command %d: exportedBefore %q, every command before it %q", line, i, got, want)
			}
		}
	}
}
