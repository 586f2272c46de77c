package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// find -delete of litter only. "find ~ -name .DS_Store -delete" deletes
// the files of that name below its starting point, which the shell's walk
// names as their own delete (rm -f ~/.DS_Store ~/**/.DS_Store); the
// starting point itself is no longer "files deleted there" when every
// name the expression picks is one of the litter programs and systems
// leave behind (a Finder's .DS_Store, an editor's swap file, a core dump,
// nohup.out, *.tmp). A name that may be a person's file (*.docx, *.*,
// '*', core.*: core.py is code) keeps the starting point judged as
// before, and so does any alternative (-o), negation or group.

// junkNames are the litter names and patterns, as find's -name is written:
// a -name pattern is litter when it is one of them as written, or when it
// is a plain name one of them matches.
var junkNames = table.Map[string, bool]{Words: `.DS_Store ._* Thumbs.db desktop.ini .directory
	nohup.out core core.[0-9]* *.core *.tmp *.temp *.swp *.swo *~ .*.swp *.pyc *.pyo
	*.orig *.rej .zcompdump .zcompdump* *.crdownload *.part .netrwhist npm-debug.log
	yarn-error.log hs_err_pid*.log`}

// junkName reports whether a find -name pattern picks litter only.
func junkName(p string) bool {
	if junkNames.Get(p) {
		return true
	}
	if strings.ContainsAny(p, "*?[\\") {
		return false
	}
	for n := range junkNames.All() {
		if ok, _ := path.Match(n, p); ok {
			return true
		}
	}
	return false
}

// findDeletesJunk reports whether find command c deletes, by -delete,
// only files picked by litter names: one alternative, no negation, at
// least one -name or -iname test, each of them litter, before the
// -delete (find tests its expression in order: what comes after the
// delete picks nothing it deleted).
func findDeletesJunk(c *shell.Command) bool {
	named := false
	for k := 0; k < len(c.Args); k++ {
		switch w := c.Args[k]; w {
		case "-o", "-or", ",", "!", "-not", "(", ")":
			return false
		case "-delete":
			if !named {
				return false // find ~ -delete -name .DS_Store: the delete comes first, of everything
			}
		case "-name", "-iname":
			if k+1 >= len(c.Args) || !junkName(c.Args[k+1]) {
				return false
			}
			named = true
			k++
		}
	}
	return named
}
