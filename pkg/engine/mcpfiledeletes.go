package engine

import (
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// An MCP tool that deletes files of this machine (delete_file,
// delete_directory, remove {path}, delete_path {path, recursive}) does what
// rm does with the paths it is given. Those paths are judged as the deletes
// they are, a directory's as a tree's, by the rules exec's deletes meet
// (rm -rf dist is everyday work; the project, the home or the system is
// not). When every path is the agent's own output (a build's, a cache's,
// a dependency tree, a temporary directory's) the tool's verb is no longer
// judged by its class (mcpverbs.go); a source file deleted through a tool
// still is (delete_file src/billing.ts), as before. A path
// of another machine is no file here: one on a code host (a repository or
// a branch is named), in a storage service (s3, drive, dropbox: the server
// sends what it holds elsewhere), or on a host the arguments name.

// fileObjects are the words of a tool's name that say what it deletes is
// files or directories; dirObjects those that say it is a whole tree.
var (
	fileObjects = &table.Map[string, bool]{Words: "file files path paths directory directories dir dirs folder folders tree entry entries"}
	dirObjects  = &table.Map[string, bool]{Words: "directory directories dir dirs folder folders tree"}
)

// localFileDeletes judges the files of this machine a deleting tool (its
// name read as p) removes, and reports whether they all are the agent's
// own outputs: the call's deletes are then those paths and nothing more.
func (w *mcpWalk) localFileDeletes(p toolParts, args map[string]any) bool {
	if toolVerbKinds.Get(p.verb) != "destroy" || w.outgoing || repoKeyIn(args) || branchKeyIn(args) || remoteHostArgs(args) {
		return false
	}
	tree := p.verb == "rmdir"
	for i, o := range p.words {
		if i == p.at {
			continue
		}
		if !fileObjects.Get(o) {
			return false // delete_database, remove_user: not a file
		}
		tree = tree || dirObjects.Get(o)
	}
	tree = tree || argSaysTrue(args, "recursive") || argSaysTrue(args, "force")
	var paths []string
	for k, v := range args {
		if w.keyKind(k) != keyPath {
			continue
		}
		for _, s := range stringValues(v) {
			if s == "" {
				continue
			}
			if strings.Contains(s, "://") {
				if !strings.HasPrefix(s, "file://") {
					return false // a URL: another machine's
				}
				s = strings.TrimPrefix(s, "file://")
			}
			paths = append(paths, s)
		}
	}
	if len(paths) == 0 {
		return false
	}
	slices.Sort(paths) // one order, one decision's text
	ev, own := w.ev, true
	for _, s := range paths {
		pth := match.CleanPath(s, ev.c.Cwd, ev.e.env.Home)
		if ev.judgeEffect(effect.Effect{Kind: effect.Delete, Cmd: -1, Path: pth, Recursive: tree}, call.ToolMCP); ev.denied() {
			return false
		}
		own = own && ownOutput(pth, ev.c.Cwd)
	}
	return own
}

// ownOutput reports whether p is inside a temporary directory, or inside
// the project at cwd under a directory a build, a tool or a package
// manager makes again (dist, build, node_modules, .cache: effect.OutputDir).
func ownOutput(p, cwd string) bool {
	for _, t := range [...]string{"/tmp/", "/var/tmp/", "/private/tmp/"} {
		if strings.HasPrefix(p, t) {
			return true
		}
	}
	rel, ok := strings.CutPrefix(p, strings.TrimSuffix(cwd, "/")+"/")
	if !ok || cwd == "" {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if effect.OutputDir(part) || strings.HasSuffix(part, "cache") {
			return true // dist, node_modules; .pytest_cache, .eslintcache
		}
	}
	return false
}

// argSaysTrue reports whether an argument (its key normalised) is true,
// as a boolean or as the word "true".
func argSaysTrue(args map[string]any, key string) bool {
	for k, v := range args {
		if normKey(k) != key {
			continue
		}
		switch x := v.(type) {
		case bool:
			return x
		case string:
			return strings.EqualFold(x, "true")
		}
	}
	return false
}
