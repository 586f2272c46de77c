package effect

import "strings"

// pathspecScope is the directory an operand written as a git pathspec
// reaches, for a command whose entry says its operands are pathspecs
// ("pathspecs", git clean): magic (":/", ":(top)", ":!keep", an
// exclusion meaning everything else) reaches the whole tree, and so does
// a glob in the first component ("*", "*.log"), which git matches at any
// depth; a plain path ("build/", "build/*.o") is itself.
func pathspecScope(w string) string {
	if strings.HasPrefix(w, ":") {
		return "."
	}
	first, _, _ := strings.Cut(w, "/")
	if strings.ContainsAny(first, "*?[") {
		return "."
	}
	return w
}
