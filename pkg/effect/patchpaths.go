package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/shell"
)

// patchPaths handles a command that prints the changes made to the paths
// after "--" (git log -p -- .env, git show HEAD~3 -- config/master.key):
// every line a commit added to the file is printed, which is the file's
// text, so each path is judged as read. flags are the options that make
// it print them, or "*" when it always does.
func (a *analysis) patchPaths(i int, c *shell.Command, flags string, f *cmdFacts) {
	dash := slices.Index(c.Args, "--")
	if dash < 0 || flags != "*" && !hasPrintFlag(c.Args[:dash], flags, false) {
		return
	}
	for _, w := range c.Args[dash+1:] {
		if w == "" || strings.HasPrefix(w, ":") {
			continue // pathspec magic (:(exclude)x, :!x): not a file read
		}
		p := a.clean(strings.TrimPrefix(w, "./"), i)
		a.add(Effect{Kind: Read, Cmd: i, Path: p})
		f.reads = append(f.reads, p)
	}
}
