package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
)

// pathspecScope is the directory an operand written as a git pathspec
// reaches, for a command whose entry says its operands are pathspecs
// ("pathspecs", git clean): magic (":/", ":(top)", ":!keep", an
// exclusion meaning everything else) reaches the whole tree; a glob
// reaches everything under the directory before it, at any depth, since
// git's wildcards match across slashes ("*" and "./*" the whole tree,
// "src/*" all of src), but a last component that only names an extension
// ("*.orig", "build/*.o") is the files so named; a plain path ("build/")
// is itself.
func pathspecScope(w string) string {
	if strings.HasPrefix(w, ":") {
		return "."
	}
	parts := strings.Split(w, "/")
	for k, p := range parts {
		if !strings.ContainsAny(p, "*?[") {
			continue
		}
		if k == len(parts)-1 && extensionGlob(p) {
			return w
		}
		if dir := strings.Join(parts[:k], "/"); dir != "" {
			return dir
		}
		if k > 0 {
			return "/" // "/*"
		}
		return "."
	}
	return w
}

// extensionGlob reports whether a glob names files by their extension
// only ("*.orig", "*.py"): a star, then a dot and no other wildcard.
func extensionGlob(p string) bool {
	rest, ok := strings.CutPrefix(p, "*.")
	return ok && rest != "" && !strings.ContainsAny(rest, "*?[")
}

// optionDir is the directory a command's options move it to, relative to
// the one it starts in ("." for none): each -C DIR is taken from the one
// before (git -C a -C b is a/b).
func optionDir(cl *catalog.Classified) string {
	dir := "."
	for _, w := range cl.Words {
		if w.Role != catalog.Cd || w.Text == "" {
			continue
		}
		if strings.HasPrefix(w.Text, "/") || strings.HasPrefix(w.Text, "~") || strings.HasPrefix(w.Text, "$") {
			dir = w.Text
		} else {
			dir = path.Join(dir, w.Text)
		}
	}
	return dir
}
