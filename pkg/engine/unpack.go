package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A file unpacked from a downloaded archive, or checked out of a cloned
// repository, came from the network as much as the download did:
// "curl -o t.tgz URL && tar xzf t.tgz && ./t/install.sh" runs a download.
// Such a run is reported as a pipeline of the unpacking (or the clone) and
// what runs the file, so that a policy can tell it from a script piped
// straight from the network.

// fetchedTree is a directory whose contents came from the network.
type fetchedTree struct {
	dir  string      // cleaned
	from *match.Argv // the download or clone that filled it
}

type fetchedTrees []fetchedTree

// under finds the tree a cleaned path lies in.
func (ts fetchedTrees) under(p string) (*match.Argv, bool) {
	for _, t := range ts {
		if strings.HasPrefix(p, t.dir+"/") || t.dir == "/" {
			return t.from, true
		}
	}
	return nil, false
}

// decompressors write FILE for FILE.gz (and the like) they are given.
var decompressors = table.Map[string, bool]{Words: "gunzip bunzip2 unxz unzstd unlzma uncompress xz gzip bzip2 zstd lzma"}

// unpacks reports an archive extraction: the archive ("" when it is read
// from standard input) and the directory it unpacks into ("" for the
// working directory).
func unpacks(c *shell.Command, a *match.Argv) (archive, dir string, ok bool) {
	args := a.Args
	switch a.Name {
	case "tar", "gtar", "bsdtar":
		extract := false
		for i, x := range args {
			switch {
			case x == "-x" || x == "--extract" || x == "--get":
				extract = true
			case x == "-C" || x == "--directory":
				if i+1 < len(args) {
					dir = args[i+1]
				}
			case strings.HasPrefix(x, "--directory="):
				dir = x[len("--directory="):]
			case x == "-f" || x == "--file":
				if i+1 < len(args) {
					archive = args[i+1]
				}
			case strings.HasPrefix(x, "--file="):
				archive = x[len("--file="):]
			case !strings.HasPrefix(x, "--") && (i == 0 && x != "" && x != "-" || strings.HasPrefix(x, "-") && len(x) > 1):
				// (tar x: the old form's one letter)
				// A cluster (-xzf) or the old form's first word (xzf).
				cl := strings.TrimPrefix(x, "-")
				if strings.ContainsAny(cl, "=/. ") {
					continue
				}
				if strings.Contains(cl, "x") {
					extract = true
				}
				if strings.HasSuffix(cl, "f") && i+1 < len(args) {
					archive = args[i+1]
				}
			}
		}
		if archive == "-" {
			archive = ""
		}
		return archive, dir, extract
	case "unzip", "bsdunzip":
		for i, x := range args {
			if x == "-d" && i+1 < len(args) {
				dir = args[i+1]
			}
		}
		if len(a.Positional) > 0 {
			return a.Positional[0], dir, true
		}
	case "7z", "7za", "7zr":
		if len(a.Positional) >= 2 && (a.Positional[0] == "x" || a.Positional[0] == "e") {
			for _, x := range args {
				if v, ok := strings.CutPrefix(x, "-o"); ok && v != "" {
					dir = v
				}
			}
			return a.Positional[1], dir, true
		}
	}
	return "", "", false
}

// pipedFrom is the download feeding command i's standard input through a
// pipe ("curl URL | tar xz"), or nil.
func pipedFrom(cmds []shell.Command, argvs []match.Argv, i int, from func(string) (*match.Argv, bool)) *match.Argv {
	c := &cmds[i]
	for stage := c.Stage - 1; stage >= 0; stage-- {
		j := stageOf(cmds, c, i, stage)
		if j < 0 {
			return nil
		}
		if downloaders.Get(argvs[j].Name) {
			return &argvs[j]
		}
		if !streamDecompressor(&argvs[j]) {
			return nil
		}
		// wget -qO- URL | xz -dc | tar x, xz -dc t.tar.xz | tar x: what
		// a decompressor passes on is its input's, a stage before or a
		// file the line downloaded
		for _, w := range argvs[j].Positional {
			if f, ok := from(w); ok {
				return f
			}
		}
	}
	return nil
}

// stageOf returns the index of the command at stage of command c's
// pipeline (c being command i), or -1.
func stageOf(cmds []shell.Command, c *shell.Command, i, stage int) int {
	for j := range cmds {
		if j != i && cmds[j].Pipeline == c.Pipeline && cmds[j].Stage == stage {
			return j
		}
	}
	return -1
}

// streamDecompressor reports a command that writes what it decompresses
// to its output (xz -dc, gunzip -c, zcat): an archive passed on.
func streamDecompressor(a *match.Argv) bool {
	switch a.Name {
	case "zcat", "xzcat", "bzcat", "zstdcat", "lzcat", "gzcat":
		return true
	}
	if !decompressors.Get(a.Name) {
		return false
	}
	for _, w := range a.Args {
		if w == "-c" || w == "--stdout" || w == "--to-stdout" || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "c") {
			return true
		}
	}
	return false
}

// clones reports the directory "git clone URL [DIR]" checks a repository
// out into.
func clones(a *match.Argv) (string, bool) {
	if a.Name != "git" {
		return "", false
	}
	// git's own options before the subcommand take values (-C DIR, -c K=V).
	args := a.Args
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		if args[i] == "-C" || args[i] == "-c" {
			i++
		}
		i++
	}
	if i >= len(args) || args[i] != "clone" {
		return "", false
	}
	var ops []string
	for j := i + 1; j < len(args); j++ {
		x := args[j]
		switch {
		case x == "--":
			ops = append(ops, args[j+1:]...)
			j = len(args)
		case x == "-b" || x == "--branch" || x == "-o" || x == "--origin" || x == "--depth" || x == "-c" || x == "--config" ||
			x == "--reference" || x == "--separate-git-dir" || x == "--template" || x == "-u" || x == "--upload-pack" || x == "-j" || x == "--jobs" || x == "--filter":
			j++
		case strings.HasPrefix(x, "-"):
		default:
			ops = append(ops, x)
		}
	}
	switch len(ops) {
	case 0:
		return "", false
	case 1:
		name := strings.TrimSuffix(strings.TrimRight(ops[0], "/"), ".git")
		if k := strings.LastIndexAny(name, "/:"); k >= 0 {
			name = name[k+1:]
		}
		if name == "" {
			return "", false
		}
		return name, true
	default:
		return path.Clean(ops[1]), true
	}
}

// buildFiles are the files a build tool runs from the directory it builds:
// its rules are commands (a Makefile's recipes, a CMakeLists' execute_process,
// setup.py), run as written by whoever wrote them.
var buildFiles = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"make": "Makefile", "gmake": "Makefile", "bmake": "Makefile", "ninja": "build.ninja",
		"cmake": "CMakeLists.txt", "meson": "meson.build", "scons": "SConstruct",
		"pip": "setup.py", "pip3": "setup.py",
	}
}}

// buildsFetched gives the download behind the build file a build tool
// runs (make -C kit, cd kit && make, make -f kit/Makefile, cmake -S kit,
// pip install ./kit) when it lies in a tree unpacked from a downloaded
// archive; a cloned repository's build is left to the clone's own rules.
func buildsFetched(a *match.Argv, clean func(string) string, from func(string) (*match.Argv, bool)) (*match.Argv, bool) {
	file := buildFiles.Get(a.Name)
	if file == "" {
		return nil, false
	}
	dirs := []string{"."}
	args := a.Args
	for k := 0; k < len(args); k++ {
		w := args[k]
		next := ""
		if k+1 < len(args) {
			next = args[k+1]
		}
		switch {
		case (w == "-C" || w == "--directory" || w == "-S") && next != "":
			dirs = append(dirs, next)
			k++
		case (w == "-f" || w == "--file" || w == "--makefile" || w == "-P") && next != "":
			if f, ok := from(next); ok {
				return f, true
			}
			k++
		case strings.HasPrefix(w, "--directory="):
			dirs = append(dirs, w[len("--directory="):])
		case len(w) > 2 && (strings.HasPrefix(w, "-C") || strings.HasPrefix(w, "-S")) && a.Name != "pip" && a.Name != "pip3":
			dirs = append(dirs, w[2:])
		case !strings.HasPrefix(w, "-") && (a.Name == "cmake" || a.Name == "pip" || a.Name == "pip3") && (strings.HasPrefix(w, ".") || strings.HasPrefix(w, "/")):
			dirs = append(dirs, w) // cmake ../kit, pip install ./kit
		}
	}
	for _, d := range dirs {
		f, ok := from(d + "/" + file)
		if !ok && file == "setup.py" {
			f, ok = from(d + "/pyproject.toml")
		}
		if ok && f.Name != "git" {
			// (a repository cloned is a project's, built and tested as
			// its own: git clone … && cd app && make test)
			return f, true
		}
	}
	return nil, false
}
