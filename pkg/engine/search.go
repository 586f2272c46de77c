package engine

import (
	"path"
	"strings"
	"sync"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// Searches: the agents' Grep, Glob and search_file_content tools reach the
// engine as a read of a directory with the search kept as params (a
// "pattern", and a Grep's "glob" of file names). A search reads what
// ripgrep, which those tools run, would read: with a glob, the files it
// names under the directory, hidden ones too (a glob overrides ripgrep's
// ignore rules); without one, the files under the directory that are not
// hidden below it, so a search of ~/.aws reads ~/.aws/credentials and a
// search of the home directory does not read ~/.ssh. The files judged are
// the well-known ones and those the policy's read rules name. The call sites are in
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
			if hasGlob(p) && !ev.denied() {
				ev.searchGlobNamed(p)
			}
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

// searchTree judges the files under dir that a search without a glob
// reads, those with no hidden name below dir: the well-known files, and
// the files the policy's own read rules name there.
func (ev *evaluation) searchTree(dir string) {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	for _, f := range ev.namedFiles(prefix, true) {
		s := subject{tool: call.ToolRead, text: dir + " (holds " + f + ")", path: f}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
}

// hiddenName reports a relative path with a hidden name in it.
func hiddenName(rest string) bool {
	return strings.HasPrefix(rest, ".") || strings.Contains(rest, "/.")
}

// searchGlobNamed judges the files a search glob with glob characters
// could name among the policy's (globSubjects judges the well-known ones).
func (ev *evaluation) searchGlobNamed(glob string) {
	lit := glob
	if i := strings.IndexAny(glob, `*?[\`); i >= 0 {
		lit = glob[:i]
	}
	if j := strings.LastIndexByte(lit, '/'); j >= 0 {
		lit = lit[:j+1]
	}
	for _, f := range ev.namedFiles(lit, false) {
		if ok, err := path.Match(glob, f); err == nil && ok {
			s := subject{tool: call.ToolRead, text: glob + " (may name " + f + ")", path: f}
			ev.judge(&s)
			if ev.denied() {
				return
			}
		}
	}
}

// namedFiles are the files below prefix (a directory ending in "/") that
// a search there reads and the policy has a word about (with visible, only
// those with no hidden name below it): the well-known
// files, and each path pattern of a read rule that stops a read, with ~
// written as the home directory and its glob characters kept (a file
// the pattern names matches it, so judging the pattern's own text as a
// path judges such a file).
func (ev *evaluation) namedFiles(prefix string, visible bool) []string {
	home := ev.e.env.Home
	var out []string
	add := func(f string) {
		if strings.HasPrefix(f, "~/") {
			if !hasSplitPrefix(f, home, prefix) {
				return // globs.go: compared without building the name
			}
			if visible && len(prefix) >= len(home)+1 && hiddenName(f[len(prefix)-len(home)+1:]) {
				return // hidden below the directory, known before the name is built
			}
			f = home + f[1:]
		}
		if strings.HasPrefix(f, prefix) && len(f) > len(prefix) && !strings.Contains(f[len(prefix):], "**") &&
			!(visible && hiddenName(f[len(prefix):])) {
			out = append(out, f)
		}
	}
	for _, f := range wellKnownFiles {
		add(f)
	}
	// The policy's files are looked for below the directory searched, but
	// not from home or above: a search of ~ for TODO is everyday, as rg
	// TODO ~ is, whatever ~/Library holds.
	if strings.HasPrefix(home+"/", prefix) {
		return out
	}
	c := &ev.c
	for _, n := range ev.e.namedReadPaths() {
		if strings.HasPrefix(n.path, prefix) && n.ent.AppliesTo(call.ToolRead, c.Agent, c.Session) {
			add(n.path)
		}
	}
	return out
}

// namedReads are the path patterns of the policy's read rules that stop a
// read, with ~ written as the home directory, listed once per engine.
type namedReads struct {
	once  sync.Once
	paths []namedRead
	dirs  map[string]bool // the directories in which a rule names one file (~/.m2 for ~/.m2/settings.xml)
}

type namedRead struct {
	ent  *policy.Entry
	path string
	alts []namedAlt // the path's {A,B} alternatives, for globSubjects
}

// namedAlt is one alternative of a read rule's path, with what
// globSubjects compares a glob against, worked out once.
type namedAlt struct {
	text string
	lit  string      // before its first glob character
	stem []string    // the literal runs of its name's stem (sharedStem)
	toks []globToken // its tokens (globsOverlap)
}

func (e *Engine) namedReadPaths() []namedRead {
	e.namedReadsOnce()
	return e.named.paths
}

// namedFileDirs are the directories in which a read rule names one file.
func (e *Engine) namedFileDirs() map[string]bool {
	e.namedReadsOnce()
	return e.named.dirs
}

// namedReadsOnce lists the read rules' paths, once per engine.
func (e *Engine) namedReadsOnce() {
	n := &e.named
	n.once.Do(func() {
		for _, ent := range e.p.Entries {
			for _, r := range ent.Rules() {
				if r.Action <= call.Log || r.Path.Len() == 0 {
					continue
				}
				for _, src := range leadingAlternatives(r.Path.Sources()) {
					if strings.HasPrefix(src, "~/") {
						src = e.env.Home + src[1:]
					}
					if strings.HasPrefix(src, "/") {
						nr := namedRead{ent: ent, path: src, alts: namedAlts(src)}
						n.paths = append(n.paths, nr)
						for _, a := range nr.alts {
							if !hasGlob(path.Base(a.text)) && !hasGlob(path.Dir(a.text)) {
								if n.dirs == nil {
									n.dirs = map[string]bool{}
								}
								n.dirs[path.Dir(a.text)] = true
							}
						}
					}
				}
			}
		}
	})
}

// namedAlts works out a read rule's path's alternatives for globSubjects.
func namedAlts(p string) []namedAlt {
	var out []namedAlt
	for _, alt := range braceAlternatives(p) {
		out = append(out, namedAlt{text: alt, lit: literalPrefix(alt), stem: literalRuns(nameStem(path.Base(alt))), toks: globTokens(alt)})
	}
	return out
}

// leadingAlternatives returns the patterns with each one that starts with
// a brace ({/etc,/usr/local/etc}/x.conf, {/var/lib/jenkins,~/.jenkins}/…)
// written out as its alternatives, so each is a path from the root or
// the home.
func leadingAlternatives(srcs []string) []string {
	var out []string
	for _, src := range srcs {
		if !strings.HasPrefix(src, "{") {
			out = append(out, src)
			continue
		}
		end := strings.IndexByte(src, '}')
		if end < 0 {
			out = append(out, src)
			continue
		}
		for _, alt := range strings.Split(src[1:end], ",") {
			out = append(out, alt+src[end+1:])
		}
	}
	return out
}
