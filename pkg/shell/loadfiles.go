package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Files of code loaded by path. Code that loads another file of its own
// language by a path (Ruby's require "/tmp/hook" and load, Perl's require
// and do, Node's require("/tmp/h")) runs that file as the interpreter
// given it on the command line would: a file the line downloaded there is
// code downloaded and run, one in a temporary directory is code nobody
// has read. A name given without its extension is found as the loader
// finds it (require "/tmp/hook" loads /tmp/hook.rb), as is a preload
// named so (ruby -r /tmp/hook, node -r /tmp/h). A module named by its
// package name (require "json") is the installation's, not a file.

// loadExts are the extensions a language's loader adds to a name that
// has none, in the order it tries them.
var loadExts = table.Map[string, []string]{Build: func() map[string][]string {
	js := []string{".js", ".cjs", ".mjs"}
	return map[string][]string{"ruby": {".rb"}, "node": js, "js": js}
}}

// loadedNames returns the files a loader of lang may read for name: the
// name itself, then the name with each extension the loader adds when its
// last element has none.
func loadedNames(name, lang string) []string {
	names := []string{name}
	if strings.IndexByte(path.Base(name), '.') >= 0 {
		return names
	}
	for _, ext := range loadExts.Get(lang) {
		names = append(names, name+ext)
	}
	return names
}

// runsCodeFile runs, as lang, the file code loads by the path name (and
// the names its loader adds an extension to); a name that is no path is
// a module of the installation's and is left, and so is data a loader
// parses (require('./package.json')).
func (s *state) runsCodeFile(lang, name string, f frame) {
	if !preloadFile(name) || strings.HasSuffix(name, ".json") {
		return
	}
	for _, n := range loadedNames(name, lang) {
		s.runFile(n, lang, f)
	}
}
