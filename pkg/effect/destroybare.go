package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A verb that discards every uncommitted change when it names nothing
// (fossil revert) puts back only the files it names otherwise, as git
// checkout -- FILE does: the catalogue's "destroy-bare" narrows the
// entry's "destroy" to the bare run, or to one naming the whole working
// tree (".", "./", "*", a directory above it).

// namesParts reports whether a command names operands and none of them
// is the whole working tree.
func namesParts(cl *catalog.Classified) bool {
	named := false
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		named = true
		if wholeTree(w.Text) {
			return false
		}
	}
	return named
}

// wholeTree reports an operand that names the working tree whole, or more.
func wholeTree(w string) bool {
	w = strings.TrimSuffix(w, "/")
	switch {
	case w == "" || w == "." || w == "*" || w == "./*" || w == "~" || strings.HasPrefix(w, "/") || strings.HasPrefix(w, "$"):
		return true
	case w == ".." || strings.HasPrefix(w, "../") || strings.HasSuffix(w, "/.."):
		return true
	}
	return false
}
