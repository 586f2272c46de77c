package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// Searches: the agents' Grep, Glob and search_file_content tools reach the
// engine as a read of a directory with the search kept as params (a
// "pattern", and a Grep's "glob" of file names). A search reads what
// ripgrep, which those tools run, would read: with a glob, the files it
// names under the directory, hidden ones too (a glob overrides ripgrep's
// ignore rules); without one, the files under the directory that are not
// hidden below it, so a search of ~/.aws reads ~/.aws/credentials and a
// search of the home directory does not read ~/.ssh. The call sites are in
// subject.go, marked "search.go".

// searchParams are the params a search's read carries.
var searchParams = [...]string{"glob", "pattern", "include"}

// isSearch reports whether a read call is a search of its path.
func isSearch(p call.Params) bool {
	for _, k := range searchParams {
		if p.String(k) != "" {
			return true
		}
	}
	return false
}

// judgeSearch judges what a search of the directory dir reads.
func (ev *evaluation) judgeSearch(dir string) {
	if dir == "" || ev.denied() {
		return
	}
	glob := ev.c.Params.String("glob")
	if glob == "" {
		glob = ev.c.Params.String("include")
	}
	if glob == "" {
		ev.searchTree(dir)
		return
	}
	home := ev.e.env.Home
	for _, g := range expandBraces(glob, 8) {
		for _, p := range searchGlobPaths(dir, g) {
			p = match.CleanPath(p, ev.c.Cwd, home)
			ev.pathSubject(call.ToolRead, p)
			if !hasGlob(p) && !ev.denied() {
				// a glob that names a directory (.aws) takes in what it holds
				ev.treeSubjects(call.ToolRead, p)
			}
			if ev.denied() {
				return
			}
		}
	}
}

// searchGlobPaths are the paths a ripgrep glob under dir names: a glob
// without a slash matches a file's name at any depth; a leading or inner
// "**/" matches no directory as well as any.
func searchGlobPaths(dir, glob string) []string {
	glob = strings.TrimPrefix(glob, "/")
	if strings.HasPrefix(glob, "!") {
		return nil // an exclusion names nothing read
	}
	out := []string{path.Join(dir, glob)}
	if !strings.Contains(glob, "/") {
		out = append(out, path.Join(dir, "**", glob))
	}
	for g := glob; strings.Contains(g, "**/"); {
		g = strings.Replace(g, "**/", "", 1)
		out = append(out, path.Join(dir, g))
	}
	return out
}

// expandBraces expands a glob's {a,b} alternatives, up to max results;
// a glob without braces is itself.
func expandBraces(g string, max int) []string {
	i := strings.IndexByte(g, '{')
	j := strings.IndexByte(g, '}')
	if i < 0 || j < i {
		return []string{g}
	}
	var out []string
	for alt := range strings.SplitSeq(g[i+1:j], ",") {
		for _, rest := range expandBraces(g[j+1:], max) {
			if len(out) >= max {
				return out
			}
			out = append(out, g[:i]+alt+rest)
		}
	}
	return out
}

// searchTree judges the well-known files under dir that a search without
// a glob reads: those with no hidden name below dir.
func (ev *evaluation) searchTree(dir string) {
	home := ev.e.env.Home
	prefix := strings.TrimSuffix(dir, "/") + "/"
	for _, f := range wellKnownFiles {
		if strings.HasPrefix(f, "~/") {
			f = home + f[1:]
		}
		rest, ok := strings.CutPrefix(f, prefix)
		if !ok || strings.HasPrefix(rest, ".") || strings.Contains(rest, "/.") {
			continue
		}
		s := subject{tool: call.ToolRead, text: dir + " (holds " + f + ")", path: f}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
}
