package engine

import (
	"path/filepath"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A file's contents destroyed for good (shred -u) is asked about because
// what it held cannot be had back. A file in a temporary directory
// (/tmp/session-dump.txt) or in the project's own scratch directory
// (tmp/test-key.pem: a directory the project keeps for throwaway files,
// as rm -rf tmp is everyday), or in its build output (build/test-key.pem),
// held nothing to have back: shredding it is
// how a careful developer removes a throwaway key. The simple command then
// carries scratchFiles. Any operand elsewhere, a glob, a word the line
// cannot resolve, or a path climbing out (tmp/../notes.txt) is none.

// scratchFiles is the descriptor of a command that destroys only files in
// temporary or scratch directories.
const scratchFiles = "files:scratch"

// contentDestroyers are the programs whose operands are files whose
// contents they destroy for good, with their options that take a value in
// the next word.
// catalogKnownKind is the kind of the names the catalogue has an entry
// for: catalog.Dry answers no for every other, and exec asks it of every
// command with a bit test (shell.NewNameKind).
var catalogKnownKind = shell.NewNameKind(func(name string) bool { return catalog.Default().Known(name) })

// contentDestroyerKind is contentDestroyers' kind of program name, asked of
// every command with a bit test (shell.NewNameKind).
var contentDestroyerKind = shell.NewNameKind(func(name string) bool {
	_, ok := contentDestroyers.Lookup(name)
	return ok
})

var contentDestroyers = table.Map[string, map[string]bool]{Words: "shred", Build: func() map[string]map[string]bool {
	return map[string]map[string]bool{
		"shred": wordSet("-n --iterations -s --size --random-source"),
	}
}}

// scratchDirs are the names of a project's directories for throwaway files,
// and of its build output, which a build makes again (rm -rf build dist
// target is everyday; so is shredding a test key a build wrote there).
var scratchDirs = table.Map[string, bool]{Words: "tmp temp .tmp scratch build dist out target"}

// onlyScratchFiles reports whether command c, run in cwd during a call
// made in project, destroys only files in temporary or scratch
// directories.
func onlyScratchFiles(c *shell.Command, cwd, project, home string) bool {
	if c.IsNot(contentDestroyerKind) {
		return false // (every command asks: a bit test, no lookup)
	}
	valued, ok := contentDestroyers.Lookup(c.Name)
	if !ok || len(c.Via) > 0 {
		return false
	}
	n := 0
	for j := 0; j < len(c.Args); j++ {
		w := c.Args[j]
		if strings.HasPrefix(w, "-") && w != "-" {
			if valued[w] {
				j++
			}
			continue
		}
		if !scratchFile(w, cwd, project, home) {
			return false
		}
		n++
	}
	return n > 0
}

// scratchFile reports whether the file w names (from cwd) is in a
// temporary directory or in a scratch directory of the project.
func scratchFile(w, cwd, project, home string) bool {
	if w == "" || strings.ContainsAny(w, "$`*?[{~") || strings.Contains(w, "..") {
		return false
	}
	p := w
	if !filepath.IsAbs(p) {
		if cwd == "" {
			return false
		}
		p = filepath.Join(cwd, p)
	}
	p = filepath.Clean(p)
	for _, t := range []string{"/tmp/", "/var/tmp/", "/private/tmp/"} {
		if strings.HasPrefix(p, t) {
			return true
		}
	}
	project = filepath.Clean(project)
	if project == "" || project == "/" || project == filepath.Clean(home) || !strings.HasPrefix(p, project+"/") {
		return false
	}
	parts := strings.Split(p[len(project)+1:], "/")
	return len(parts) > 1 && scratchDirs.Get(parts[0])
}

// linkMakers are the programs that make a path lead to another file's
// data: a link, a copy sharing its blocks (cp -l, cp -al), a move, or a
// mount.
var linkMakers = table.Map[string, bool]{Words: "ln link cp mv install mount bindfs rsync"}

// linksMadeBefore reports whether the line makes a link, a copy or a mount
// before command i (ln -sfn ~/project/config /tmp/cfg && shred -u
// /tmp/cfg/master.key): a scratch path may then hold another file's data,
// and its directory says nothing of what is destroyed.
func linksMadeBefore(res *shell.Result, i int) bool {
	for k := 0; k < i && k < len(res.Commands); k++ {
		if linkMakers.Get(res.Commands[k].Name) {
			return true
		}
	}
	return false
}
