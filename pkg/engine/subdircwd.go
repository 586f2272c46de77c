package engine

import (
	"path/filepath"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A command that deletes "everything here" (rm -rf ./*, rm -rf .) deletes
// the content of the directory it runs in. Typed in the project, that is
// the whole project, and the profile asks; run after the line moved into
// a subdirectory of the project (cd build && rm -rf ./*) or of a temporary
// directory (pushd /tmp/scratch), it is that subdirectory's content, which
// the delete's own paths are judged by (a source directory's asks,
// effect/sourcedeletes.go). The simple command then carries cwdSubdir.
// A directory the line could not resolve, the project's parent, or the
// home is none of these; and the moves must be ones the rest of the line
// depends on: joined by && alone (a cd that fails, or runs in a pipeline's
// or a background job's own process, leaves the line where it was: cd
// build; rm -rf ./*, cd build | cat && …, cd build & …) or ending the
// script when they fail (set -e; cd build; …, cd build || exit 1; …:
// Command.Halts), each naming one
// directory (not cd alone, which goes home, nor cd -, which goes back),
// and no popd before the command.

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

// movesTrusted reports whether the directory moves before command i of a
// line are ones it depends on (see above).
func movesTrusted(res *shell.Result, i int, line string) bool {
	// joined by ; | & or a line break: each move must end the script
	// when it fails (set -e, cd build || exit 1; shell/errexit.go) or be
	// one command i runs only after
	halting := strings.ContainsAny(line, ";|\n") || strings.Contains(strings.ReplaceAll(line, "&&", ""), "&")
	if i < len(res.Commands) && (!sameDirVia(res.Commands[i].Via) || !hereOperandsOnly(&res.Commands[i])) {
		return false // bash -c 'cd ~ && rm -rf ./*': another shell's moves; rm -rf ./* ../*
	}
	if shell.DebugTrap(res) {
		return false // trap 'cd ..' DEBUG runs before every command
	}
	for k := 0; k < i && k < len(res.Commands); k++ {
		c := &res.Commands[k]
		for _, v := range c.Via {
			if v == "cd" || v == "pushd" {
				return false // cd() { :; }: a function in the builtin's place
			}
		}
		switch c.Name {
		case "builtin", "command":
			if len(c.Args) > 0 && (c.Args[0] == "cd" || c.Args[0] == "pushd") && len(c.Assigns) == 0 && !slices.Contains(res.Functions, c.Name) {
				continue // builtin cd build: the shell's own cd, read as the cd it runs (below)
			}
			return false // a builtin's other moves; builtin() { :; } in its place
		case "eval":
			if k+1 < len(res.Commands) && res.Commands[k+1].Depth > c.Depth && len(c.Assigns) == 0 && !slices.Contains(res.Functions, "eval") {
				continue // eval 'cd build': its string was read, and its cd is judged below
			}
			return false // eval "$x": moves nobody here reads
		case "popd", "source", ".":
			return false // a sourced file's cd: moves nobody here reads
		case "alias":
			for _, a := range c.Args {
				if strings.HasPrefix(a, "cd=") || strings.HasPrefix(a, "pushd=") {
					return false // alias cd=true: a cd that goes nowhere
				}
			}
		case "enable", "shopt":
			for _, a := range c.Args {
				if a == "cd" || a == "pushd" || a == "cdable_vars" {
					return false // enable -n cd: the builtin gone; shopt -s cdable_vars: cd h goes where $h says
				}
			}

		case "cd", "pushd":
			if len(c.Assigns) > 0 || !builtinVia(c.Via, res.Functions) {
				return false // CDPATH=~ cd Documents
			}
			if halting && !c.Halts && !shell.GatedOn(res, i, k) {
				return false // cd build; rm -rf ./*: a cd that fails leaves the line where it was
			}
			n := 0
			for _, a := range c.Args {
				if a == "-" || a == "--" || strings.HasPrefix(a, "-") && c.Name == "pushd" || strings.HasPrefix(a, "+") ||
					strings.HasPrefix(a, "~-") || strings.HasPrefix(a, "~+") || strings.ContainsAny(a, "$`") {
					return false // ~- is where the line was, $OLDPWD too
				}
				if !strings.HasPrefix(a, "-") {
					n++
				}
			}
			if n != 1 {
				return false
			}
		}
	}
	return true
}

// builtinVia reports a cd run as itself or through builtin or command,
// which bypass a function or alias of its name, or from the body of a
// function the line defined (funcs), which runs in the line's own shell.
func builtinVia(via, funcs []string) bool {
	for _, v := range via {
		if v != "builtin" && v != "command" && !slices.Contains(funcs, v) {
			return false
		}
	}
	return true
}

// hereOperandsOnly reports an rm whose operands are all of the directory
// it runs in ("." or its content, ./*, .[!.]*): none climbs out of it or
// names a place of its own (../*, /x, ~/x, $DIR).
func hereOperandsOnly(c *shell.Command) bool {
	for _, a := range c.Args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if strings.Contains(a, "..") && !strings.HasPrefix(a, ".[!.]") && !strings.HasPrefix(a, "./.[!.]") || strings.HasPrefix(a, "/") || strings.HasPrefix(a, "~") || strings.ContainsAny(a, "$`") {
			return false
		}
	}
	return true
}

// sameDirWrappers are wrappers that run what they wrap in the directory
// they run in, and read no moves of their own: the rm -rf a find -delete
// stands for (cd dist && find . -mindepth 1 -delete), nice or time. env
// moves only by -C DIR, which the line's directory tracker follows
// (cwd.go), and runs nothing when the move fails.
var sameDirWrappers = table.Map[string, bool]{Words: "find nice time nohup env"}

// sameDirVia reports whether every wrapper a command was found behind is
// one of sameDirWrappers (none at all included).
func sameDirVia(via []string) bool {
	for _, v := range via {
		if !sameDirWrappers.Get(v) {
			return false
		}
	}
	return true
}
