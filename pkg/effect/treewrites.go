package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A patch applied in another directory (git -C ~/.oh-my-zsh apply x.patch,
// cd ~/.nvm && git am < p, patch -d ~/.pyenv -p1 < p.diff) writes files
// there that only the patch names, and a pull there from a URL writes
// someone else's history into its tree: each is a write of that tree, so
// the path rules judge it as they judge a copy into it (a start-up or
// toolchain directory is code every shell runs). In the project itself a
// patch is everyday work, and so is a pull of a tree's own upstream.

// patchDryOptions are the options with which git apply or patch only
// report.
var patchDryOptions = [...]string{"--check", "--stat", "--numstat", "--summary", "--dry-run"}

// writesOtherTree adds a recursive write of the directory a patch or a
// pull from a URL lands in, when that is not the project's.
func (a *analysis) writesOtherTree(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil {
		return
	}
	switch {
	case e.Name == "git apply" || e.Name == "git am":
	case e.Name == "patch":
		for _, w := range cl.Words {
			if w.Option == "" || w.Option == "-o" || w.Option == "--output" {
				return // patch FILE < p, patch -o OUT: the file it names is judged as written
			}
		}
	case e.Name == "git pull":
		if !pullsFromURL(cl) {
			return
		}
	default:
		return
	}
	for _, arg := range c.Args {
		for _, o := range patchDryOptions {
			if arg == o {
				return
			}
		}
	}
	dir := a.clean(".", i)
	if cwd := a.env.Cwd; cwd != "" && (dir == cwd || strings.HasPrefix(dir, strings.TrimSuffix(cwd, "/")+"/")) {
		return
	}
	a.add(Effect{Kind: Write, Cmd: i, Path: dir, Recursive: true, Detail: "tree"})
}

// pullsFromURL reports a git pull whose first operand is a URL: another
// repository's history, not the tree's own upstream.
func pullsFromURL(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option == "" {
			return strings.Contains(w.Text, "://") || strings.HasPrefix(w.Text, "git@")
		}
	}
	return false
}
