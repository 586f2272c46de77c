package catalog

import (
	"path"
	"slices"
	"strings"
	"sync"
)

// programNames are the names of every program the embedded table lists,
// sorted, read from the table's lines once.
var programNames = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	eachLine(table, func(_ int, line string) bool {
		head, _, _ := strings.Cut(line, " ")
		for n := range strings.SplitSeq(head, ",") {
			if n != "" && !strings.ContainsAny(n, "|@") {
				seen[n] = true
			}
		}
		return true
	})
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
})

// binDirs are the directories a program named by a pattern is looked for
// in: where the system keeps its programs.
var binDirs = []string{"/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"}

// ProgramsMatching returns the known programs (the table's, and extra) that a
// program word with glob characters could name, at most limit of them: by
// base name for a bare pattern ("r?"), by full path in the system's program
// directories for one with a slash ("/???/r?", "/bin/r[m]"). The shell
// expands such a word to the files it matches before running it.
func ProgramsMatching(pattern string, extra []string, limit int) []string {
	var out []string
	try := func(name string) {
		if len(out) >= limit || slices.Contains(out, name) {
			return
		}
		if !strings.Contains(pattern, "/") {
			if ok, _ := path.Match(pattern, name); ok {
				out = append(out, name)
			}
			return
		}
		for _, d := range binDirs {
			if ok, _ := path.Match(pattern, d+"/"+name); ok {
				out = append(out, d+"/"+name)
				return
			}
		}
	}
	for _, n := range extra {
		try(n)
	}
	for _, n := range programNames() {
		try(n)
	}
	return out
}
