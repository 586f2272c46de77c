package engine

import (
	"path/filepath"
	"strings"
)

// A command that deletes "everything here" (rm -rf ./*, rm -rf .) deletes
// the content of the directory it runs in. Typed in the project, that is
// the whole project, and the profile asks; run after the line moved into
// a subdirectory of the project (cd build && rm -rf ./*) or of a temporary
// directory (pushd /tmp/scratch), it is that subdirectory's content, which
// the delete's own paths are judged by (a source directory's asks,
// effect/sourcedeletes.go). The simple command then carries cwdSubdir.
// A directory the line could not resolve, the project's parent, or the
// home is none of these.

// cwdSubdir is the descriptor of a simple command that runs in a strict
// subdirectory of the project or of a temporary directory.
const cwdSubdir = "cwd:subdir"

// subdirCwd reports whether cwd, the directory a command of the line runs
// in, is a strict subdirectory of project (the call's directory, not the
// home nor the root) or of a temporary directory.
func subdirCwd(cwd, project, home string) bool {
	if cwd == "" || !filepath.IsAbs(cwd) || strings.ContainsAny(cwd, "$`*?[") {
		return false
	}
	cwd = filepath.Clean(cwd)
	for _, t := range []string{"/tmp", "/var/tmp", "/private/tmp"} {
		if strings.HasPrefix(cwd, t+"/") {
			return true
		}
	}
	if project == "" {
		return false
	}
	project = filepath.Clean(project)
	if project == "/" || project == filepath.Clean(home) {
		return false
	}
	return strings.HasPrefix(cwd, project+"/")
}
