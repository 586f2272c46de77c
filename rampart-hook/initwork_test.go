package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoStartupRegexps checks that no package of Rampart's own that
// rampart-hook links compiles a regular expression in a package-level
// variable's initialiser: package initialisation runs in every hook
// process before its one decision, and compiling is most of what it cost
// (the engine's six took 700k instructions of the 1.8M the hook's
// packages spent initialising, and 60 page faults). A pattern a decision
// may need is compiled at first use (sync.OnceValue).
func TestNoStartupRegexps(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Dir,GoFiles", ".")
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0", "GOOS=linux")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	checked := 0
	for dec.More() {
		var p struct {
			ImportPath, Dir string
			GoFiles         []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(p.ImportPath, "rampart.dev/") {
			continue
		}
		checked++
		fset := token.NewFileSet()
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.VAR {
					continue
				}
				for _, s := range g.Specs {
					for _, v := range s.(*ast.ValueSpec).Values {
						if pos, ok := compilesAtInit(v); ok {
							t.Errorf("%s: %s compiles a regular expression at start-up: compile it at first use", p.ImportPath, fset.Position(pos))
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("go list named no package of Rampart's")
	}
}

// compilesAtInit reports where e calls regexp's Compile or MustCompile
// outside a function literal (whose body runs when called, not when the
// variable is initialised).
func compilesAtInit(e ast.Expr) (token.Pos, bool) {
	var at token.Pos
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "regexp" && strings.HasSuffix(sel.Sel.Name, "Compile") && at == token.NoPos {
					at = n.Pos()
				}
			}
		}
		return at == token.NoPos
	})
	return at, at != token.NoPos
}
