package shell

import (
	"strings"
	"testing"
)

// TestScriptOperandSkipsOptionValues checks that the file an interpreter
// runs is found past its options' values, in awk's program-file options
// and after R CMD BATCH, and that awk's --file leaves no inline program.
func TestScriptOperandSkipsOptionValues(t *testing.T) {
	for line, want := range map[string]string{
		"julia -t 4 x.jl":                  "x.jl",
		"julia --project=. x.jl":           "x.jl",
		"php -d memory_limit=-1 x.php":     "x.php",
		"awk -v x=1 -f p.awk data.csv":     "p.awk",
		"gawk --file=p.awk data.csv":       "p.awk",
		"awk -F, '{print $1}' data.csv":    "",
		"R CMD BATCH x.R":                  "x.R",
		"R --file=x.R":                     "x.R",
		"R -f x.R":                         "x.R",
		"Rscript --vanilla x.R":            "x.R",
		"python3 -W ignore tools/run.py a": "tools/run.py",
	} {
		if got := scriptOperand(strings.Fields(strings.ReplaceAll(line, "'", ""))); got != want {
			t.Errorf("scriptOperand(%q) = %q, want %q", line, got, want)
		}
	}
	if _, _, ok := interpCode([]string{"gawk", "--file=p.awk", "data.csv"}); ok {
		t.Errorf("gawk --file=p.awk: data.csv read as the program")
	}
	res := Parse("gawk --file=p.awk data.csv")
	if len(res.Commands) == 0 || len(res.Commands[0].Runs) == 0 || res.Commands[0].Runs[0] != "p.awk" {
		t.Errorf("gawk --file=p.awk runs no p.awk: %+v", res.Commands)
	}
}
