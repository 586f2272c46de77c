package effect

import (
	"path/filepath"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A scratch clone: history rewritten or discarded in a repository the line
// itself cloned (or initialised) into a temporary directory ("git clone
// --no-local . /tmp/scratch && cd /tmp/scratch && git filter-repo --path
// legacy --invert-paths --force", "git clone --mirror ../p /tmp/p.git && cd
// /tmp/p.git && git filter-repo …"). Nothing there is anyone's but the
// line's: the clone has its own refs, reflog and objects. A push from it
// still changes the remote it names, and is judged as any push. A
// directory the line did not make a repository (a worktree of the
// project's own repository in /tmp shares its branches), a line that makes
// a link, copy or mount first, or a git pointed elsewhere by --git-dir,
// --work-tree, -c or GIT_DIR is no scratch clone.

// scratchGitVerbs are the git verbs that rewrite or discard only what the
// repository they run in holds.
var scratchGitVerbs = table.Map[string, bool]{Words: "reset checkout switch restore clean stash branch tag reflog gc prune filter-branch filter-repo update-ref replace worktree rebase commit"}

// repoMakers are the git verbs that make a new repository in a directory
// they name (git clone SRC DIR, git init DIR).
var repoMakers = table.Map[string, bool]{Words: "clone init"}

// cloneValued are git clone's and init's options that take a value in
// the next word.
var cloneValued = table.Map[string, bool]{Words: "-b --branch -o --origin -u --upload-pack --reference --reference-if-able --separate-git-dir --depth --shallow-since --shallow-exclude -c --config --template -j --jobs --filter --server-option --bundle-uri --object-format --ref-format --initial-branch"}

// ScratchRepo reports whether command i of res is git rewriting or
// discarding history in a repository an earlier command of the line
// cloned or initialised into a temporary directory (see above). cwds are
// where each command runs (after the line's cd).
func ScratchRepo(res *shell.Result, cwds []string, i int) bool {
	c := &res.Commands[i]
	if c.Name != "git" || len(c.Via) > 0 || i >= len(cwds) || cwds[i] == "" {
		return false
	}
	cwd := cwds[i]
	dir, verb, ok := gitPlace(c.Args, cwd)
	if !ok || !scratchGitVerbs.Get(verb) || !underTemp(dir) {
		return false
	}
	for k := range res.Commands {
		o := &res.Commands[k]
		for _, as := range o.Assigns {
			if strings.HasPrefix(as, "GIT_") {
				return false // GIT_DIR, GIT_WORK_TREE, GIT_CONFIG_*: another repository
			}
		}
		if exportsGitVariable(o) {
			return false // export GIT_DIR=…: the same, for the rest of the line
		}
	}
	made := false
	for k := 0; k < i; k++ {
		o := &res.Commands[k]
		switch {
		case o.Name == "ln" || o.Name == "link" || o.Name == "cp" || o.Name == "mv" || o.Name == "install" || o.Name == "mount" || o.Name == "bindfs" || o.Name == "rsync":
			return false // the directory may lead to another's data
		case o.Name == "git" && len(o.Via) == 0:
			if d, ok := madeRepo(o.Args, cwds[k]); ok && d == dir {
				made = true
			}
		}
	}
	return made
}

// exportsGitVariable reports a builtin that sets a git variable for the
// rest of the line (export GIT_DIR=…, declare -x GIT_WORK_TREE=…).
func exportsGitVariable(c *shell.Command) bool {
	switch c.Name {
	case "export", "declare", "typeset", "readonly", "local":
	default:
		return false
	}
	for _, a := range c.Args {
		name, _, _ := strings.Cut(a, "=")
		if gitPlaceVariable(name) {
			return true
		}
	}
	return false
}

// gitPlaceVariable reports a variable that points git at another
// repository, work tree, object store or configuration (GIT_DIR,
// GIT_WORK_TREE, GIT_COMMON_DIR, GIT_OBJECT_DIRECTORY, GIT_CONFIG_*), not
// one that only names an author or sets an editor.
func gitPlaceVariable(name string) bool {
	switch name {
	case "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE":
		return true
	}
	return strings.HasPrefix(name, "GIT_CONFIG")
}

// gitPlace reads git's global options: the directory it runs in (-C DIR
// from cwd) and its verb. It fails on options that point it at another
// repository or work tree, or set configuration.
func gitPlace(args []string, cwd string) (dir, verb string, ok bool) {
	dir = cwd
	for k := 0; k < len(args); k++ {
		a := args[k]
		switch {
		case a == "-C" && k+1 < len(args):
			k++
			dir = joinDir(dir, args[k])
		case a == "-c" || strings.HasPrefix(a, "--git-dir") || strings.HasPrefix(a, "--work-tree") || strings.HasPrefix(a, "--namespace") || strings.HasPrefix(a, "--config-env"):
			return "", "", false
		case strings.HasPrefix(a, "-"):
		default:
			return dir, a, dir != ""
		}
	}
	return "", "", false
}

// madeRepo reads git clone SRC [DIR] and git init [DIR]: the directory the
// repository is made in, from cwd.
func madeRepo(args []string, cwd string) (string, bool) {
	at := ""
	k := 0
	for ; k < len(args); k++ {
		a := args[k]
		if a == "-C" && k+1 < len(args) {
			k++
			at = args[k]
			continue
		}
		if !strings.HasPrefix(a, "-") {
			break
		}
		if a == "-c" {
			k++
		}
	}
	if k >= len(args) || !repoMakers.Get(args[k]) {
		return "", false
	}
	verb := args[k]
	var ops []string
	for k++; k < len(args); k++ {
		a := args[k]
		if a == "--" {
			ops = append(ops, args[k+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") {
			if strings.HasPrefix(a, "--separate-git-dir") {
				return "", false // its history kept elsewhere, maybe in another's .git
			}
			if cloneValued.Get(a) {
				k++
			}
			continue
		}
		ops = append(ops, a)
	}
	target := ""
	switch {
	case verb == "init" && len(ops) == 1:
		target = ops[0]
	case verb == "clone" && len(ops) == 2:
		target = ops[1]
	default:
		return "", false // a clone into a directory named for its source: not read
	}
	base := cwd
	if at != "" {
		base = joinDir(cwd, at)
	}
	d := joinDir(base, target)
	return d, d != ""
}

// joinDir resolves dir from base; it is "" when either is unknown or dir
// holds what the shell would expand.
func joinDir(base, dir string) string {
	if dir == "" || strings.ContainsAny(dir, "$`*?[{~") {
		return ""
	}
	if !filepath.IsAbs(dir) {
		if base == "" {
			return ""
		}
		dir = filepath.Join(base, dir)
	}
	return filepath.Clean(dir)
}

// underTemp reports a directory below a temporary directory (not the
// temporary directory itself).
func underTemp(dir string) bool {
	for _, t := range []string{"/tmp/", "/var/tmp/", "/private/tmp/"} {
		if rest, ok := strings.CutPrefix(dir, t); ok && rest != "" && !strings.Contains(rest, "..") {
			return true
		}
	}
	return false
}
