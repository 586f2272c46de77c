package shell

import (
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// FuzzMayLoop checks that mayLoop, which spares the tree walk for
// exhausting loops, never says no to text whose tree holds a function
// definition or a loop.
func FuzzMayLoop(f *testing.F) {
	seeds(f)
	for _, s := range []string{":(){ :|:& };:", "f ( ) { f|f& }; f", "f\t(\t)\t{ f|f& }; f", "while true; do x & done",
		"until false; do x & done", "for((;;)); do x& done", "for i in a; do :; done", "select x in a; do :; done",
		"wh\\\nile true; do :; done", "function f { f|f& }", "f(\n) { :; }"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), "")
		if err != nil {
			return
		}
		found := false
		syntax.Walk(file, func(n syntax.Node) bool {
			switch n.(type) {
			case *syntax.FuncDecl, *syntax.WhileClause, *syntax.ForClause:
				found = true
			}
			return !found
		})
		if found && !mayLoop(src) {
			t.Fatalf("mayLoop(%q) is false, but its tree holds a function or a loop", src)
		}
	})
}
