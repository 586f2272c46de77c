package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// The project's own source deleted: a tree deleted inside the project whose
// name is a source directory's (src, lib, migrations, internal, Sources),
// or every file of a programming language picked by its ending alone
// (find . -name '*.go' -delete), as destroy:source. Build outputs, caches
// and dependencies are made again by the next build and stay everyday
// work (rm -rf build dist node_modules, app/build, find . -name '*.pyc'),
// and so does a tree inside one of them (dist/lib). What the agent deleted
// can be restored from git only if it was committed: a person confirms.

// sourceDirs are the names of directories that hold a project's source.
var sourceDirs = table.Map[string, bool]{Words: `src lib migrations internal cmd pkg
	include Sources source sources app`}

// sourceExts are the endings of programming languages' source files.
var sourceExts = table.Map[string, bool]{Words: `go rs py ts tsx js jsx java
	kt swift rb php ex exs cs c
	cc cpp h hpp scala m vue svelte`}

// outputDirs are the names of directories a build, a tool or a package
// manager makes again.
var outputDirs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"build": true, "dist": true, "target": true, "out": true, "node_modules": true, "vendor": true,
		"bin": true, "obj": true, "_build": true, "deps": true, "coverage": true, "tmp": true, "temp": true,
		".cache": true, ".next": true, ".nuxt": true, ".turbo": true, ".venv": true, "venv": true,
		"__pycache__": true, ".gradle": true, "DerivedData": true, ".build": true, "Pods": true,
		"generated": true, "gen": true, ".terraform": true, "site": true, "public": true, "storybook-static": true,
		"cache": true, // bootstrap/cache, var/cache: what a framework compiles and caches
		// what a test runner writes on every run: its results, reports,
		// traces and screenshots (Playwright, JUnit XML, coverage.py,
		// Maven's surefire, Allure, .NET, cargo-mutants)
		"test-results": true, "playwright-report": true, "blob-report": true, "htmlcov": true,
		"test-output": true, "TestResults": true, "surefire-reports": true, "failsafe-reports": true,
		"allure-results": true, "allure-report": true, "mutants.out": true,
	}
}}

// OutputDir reports whether a directory's name is one a build, a tool or
// a package manager makes again (build, dist, node_modules…).
func OutputDir(name string) bool { return outputDirs.Get(name) }

// sourceDeletes reports, for each recursive delete from index start on
// inside the call's working directory, one that deletes the project's own
// source, as destroy:source.
func (a *analysis) sourceDeletes(start int) {
	cwd := strings.TrimSuffix(a.env.Cwd, "/")
	if cwd == "" || cwd == strings.TrimSuffix(a.env.Home, "/") {
		return // a call made from the home directory is judged as the home's
	}
	n := len(a.out)
	for k := start; k < n; k++ {
		e := a.out[k]
		if e.Kind != Delete || !strings.HasPrefix(e.Path, cwd+"/") || !e.Recursive && !a.findNamedDelete(e) {
			continue
		}
		rel := e.Path[len(cwd)+1:]
		parts := strings.Split(rel, "/")
		inOutput := false
		for _, p := range parts[:len(parts)-1] {
			inOutput = inOutput || outputDirs.Get(p) || strings.HasPrefix(p, ".")
		}
		if inOutput {
			continue
		}
		base := path.Base(rel)
		if everyEntry(base) && len(parts) > 1 {
			// src/*, cd src && rm -rf ./*: every file of the directory is
			// the directory's own
			parts = parts[:len(parts)-1]
			base = parts[len(parts)-1]
		}
		source := sourceDirs.Get(base) && len(parts) <= 2
		if ext, ok := strings.CutPrefix(base, "*."); ok && !strings.ContainsAny(ext, "*?[{") {
			source = sourceExts.Get(ext)
		}
		if source && !a.madeAgainAfter(e.Cmd, e.Path) {
			a.add(Effect{Kind: Destroy, Cmd: e.Cmd, Detail: "source", Word: "delete " + e.Path})
		}
	}
}

// everyEntry reports a last path part that names every entry of its
// directory (*, .[!.]*, *.*).
func everyEntry(base string) bool {
	switch base {
	case "*", "*.*", ".*", ".[!.]*", ".??*", "{*,.*}":
		return true
	}
	return false
}

// madeAgainAfter reports whether a command after command i of the line,
// run directly, is a build that makes the directory p again as its output
// ("makes=DIR" in the catalogue, under its working directory, no option
// naming another output): rm -rf pkg && wasm-pack build deletes the last
// build's pkg/.
func (a *analysis) madeAgainAfter(i int, p string) bool {
	if a.res == nil {
		return false
	}
	cat := catalog.Default()
	for k := i + 1; k < len(a.res.Commands); k++ {
		c := &a.res.Commands[k]
		if c.Name == "" || len(c.Via) > 0 {
			continue
		}
		e, _ := cat.Lookup(c.Name, c.Args)
		if e == nil || e.Prop("makes") == "" || path.Join(a.cwdOf(k), e.Prop("makes")) != p {
			continue
		}
		cl := cat.Classify(c.Name, c.Args)
		named := false
		for _, w := range cl.Words {
			named = named || w.Option != "" && w.Role == catalog.Write
		}
		if !named {
			return true
		}
	}
	return false
}

// findNamedDelete reports whether the delete e is of the files a find
// -delete picks by name (find . -name '*.go' -delete, which the walk
// reports as rm -f of ./**/*.go: files, not trees).
func (a *analysis) findNamedDelete(e Effect) bool {
	if e.Cmd < 0 || e.Cmd >= len(a.res.Commands) {
		return false
	}
	c := &a.res.Commands[e.Cmd]
	return c.Synthetic && slices.Contains(c.Via, "find")
}
