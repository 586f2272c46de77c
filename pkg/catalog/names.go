package catalog

import (
	"path"
	"slices"
	"strings"

	lazy "rampart.dev/pkg/internal/table"
)

// programNames are the names of every program the embedded table lists,
// sorted, read from the table's lines once.
var programNames = lazy.Once[[]string]{Build: func() []string {
	seen := map[string]bool{}
	eachLine(table, func(_ int, line string) bool {
		head, _, _ := strings.Cut(line, " ")
		for n := range strings.SplitSeq(head, ",") {
			if n != "" && !strings.ContainsAny(n, "|@*") { // a family (docker-credential-*) is no one program
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
}}

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
	pats := extglobPatterns(pattern, nil, maxExtglob)
	if len(pats) == 0 {
		pats = []string{pattern}
	}
	for _, pattern = range pats {
		for _, n := range extra {
			try(n)
		}
		for _, n := range programNames.Get() {
			try(n)
		}
	}
	return out
}

// maxExtglob bounds the plain patterns one extended pattern is read as.
const maxExtglob = 16

// extglobPatterns reads bash's extended patterns (shopt -s extglob) as
// plain ones, appended to out: @(a|b) is a or b, ?(a|b) and *(a|b) also
// nothing, +(a|b) one of them (once), !(a) anything (*). A pattern with
// none is itself; out stays empty past limit patterns.
func extglobPatterns(pattern string, out []string, limit int) []string {
	k := -1
	for i := 1; i < len(pattern); i++ {
		if pattern[i] == '(' && strings.IndexByte("@?*+!", pattern[i-1]) >= 0 {
			k = i - 1
			break
		}
	}
	if k < 0 {
		if len(out) >= limit {
			return nil
		}
		return append(out, pattern)
	}
	depth, end := 0, -1
	var alts []string
	from := k + 2
	for i := k + 1; i < len(pattern) && end < 0; i++ {
		switch pattern[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				alts, end = append(alts, pattern[from:i]), i
			}
		case '|':
			if depth == 1 {
				alts, from = append(alts, pattern[from:i]), i+1
			}
		}
	}
	if end < 0 {
		return append(out, pattern) // unbalanced: left to path.Match
	}
	head, tail := pattern[:k], pattern[end+1:]
	switch pattern[k] {
	case '!':
		alts = []string{"*"}
	case '?', '*':
		alts = append(alts, "")
	}
	for _, a := range alts {
		if out = extglobPatterns(head+a+tail, out, limit); out == nil {
			return nil
		}
	}
	return out
}
