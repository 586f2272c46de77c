package shell

import (
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// TestFlattenPipeFindsPipesAll holds what flattenPipe reports of |& to
// pipesAll, on pipelines whose stages are pipelines of their own (with
// redirections, negated, or in the background, which are not flattened).
func TestFlattenPipeFindsPipesAll(t *testing.T) {
	lines := []string{
		"a | b | c",
		"a |& b | c",
		"a | b |& c",
		"{ a |& b; } 2>&1 | sh",
		"a | b 2>&1 | c",
		"! a |& b | c",
		"(a |& b) | c",
		"a | { b |& c; }",
		"cat x | grep y | sort | uniq -c | sort -rn | head",
	}
	for _, line := range lines {
		f, err := syntax.NewParser().Parse(strings.NewReader(line), "")
		if err != nil {
			t.Fatal(err)
		}
		syntax.Walk(f, func(n syntax.Node) bool {
			b, ok := n.(*syntax.BinaryCmd)
			if !ok || b.Op != syntax.Pipe && b.Op != syntax.PipeAll {
				return true
			}
			stages, all := flattenPipe(b, nil, false)
			if want := pipesAll(b); all != want {
				t.Errorf("%q at %s: flattenPipe finds |& %v, pipesAll %v", line, b.Pos(), all, want)
			}
			if n := countPipe(b); len(stages) != n {
				t.Errorf("%q at %s: %d stages, countPipe %d", line, b.Pos(), len(stages), n)
			}
			return true
		})
	}
}
