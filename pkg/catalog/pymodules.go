package catalog

import (
	"strings"

	lazy "rampart.dev/pkg/internal/table"
)

// A Python module run as a program ("python3 -m MODULE ARGS…") is judged
// by the catalogue entry of the program it stands for: the module's own
// name when the catalogue lists it (pip, pytest), "python-MODULE" for the
// standard library's modules that the catalogue lists under that prefix
// (python-tarfile, python-pickle, python-http.server), or the program a
// package installs for its module under another name (python -m django is
// django-admin).

// moduleCommands are the programs a Python package installs for its
// module's command line where the names differ.
var moduleCommands = lazy.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"django": "django-admin", "yt_dlp": "yt-dlp", "youtube_dl": "youtube-dl", "gallery_dl": "gallery-dl"}
}}

// PythonModule finds "-m MODULE" among a Python interpreter's own options
// (its arguments after the program name): the module and the words after
// it, which are the module's. ok is false when the interpreter runs a
// script, code (-c) or its standard input instead.
func PythonModule(args []string) (mod string, rest []string, ok bool) {
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-m":
			if k+1 < len(args) {
				return args[k+1], args[k+2:], true
			}
			return "", nil, false
		case strings.HasPrefix(w, "-m"):
			return w[2:], args[k+1:], true
		case w == "-W" || w == "-X":
			k++
		case w == "-c" || w == "-" || w == "--" || !strings.HasPrefix(w, "-"):
			return "", nil, false
		case !strings.HasPrefix(w, "--"):
			// -Im pip, -IBm pip, -Impip: the interpreter's switches run
			// together, the last of them -m with its module after it
			switch j := pythonSwitches(w); {
			case j == len(w) || w[j] == 'W' || w[j] == 'X':
				// -IB alone; -IW error: a value of its own, attached or next
				if j < len(w) && j == len(w)-1 {
					k++
				}
			case w[j] == 'm' && j+1 < len(w):
				return w[j+1:], args[k+1:], true
			case w[j] == 'm' && k+1 < len(args):
				return args[k+1], args[k+2:], true
			default:
				return "", nil, false // -Ic CODE, or a letter it does not know
			}
		}
	}
	return "", nil, false
}

// pythonSwitches is the index in w (one word of an interpreter's short
// options, "-IBm") of the first letter that is not one of Python's
// switches that take no value, or len(w).
func pythonSwitches(w string) int {
	for j := 1; j < len(w); j++ {
		if !strings.ContainsRune("bBdEhiIOPqRsSuvVx", rune(w[j])) {
			return j
		}
	}
	return len(w)
}

// IsPython reports whether name is a Python interpreter's program name
// (python, python3.12, pypy3).
func IsPython(name string) bool {
	return strings.HasPrefix(name, "python") || strings.HasPrefix(name, "pypy")
}

// ModuleCommand is the program name python -m mod stands for when a
// package installs it under another name (django-admin for django), else
// mod itself.
func ModuleCommand(mod string) string {
	if c := moduleCommands.Get(mod); c != "" {
		return c
	}
	return mod
}

// ModuleEntry is the name of the catalogue entry a Python module run as a
// program is judged by, and false when the catalogue lists none.
func (c *Catalog) ModuleEntry(mod string) (string, bool) {
	for _, n := range [...]string{mod, ModuleCommand(mod), "python-" + strings.ToLower(mod)} {
		if c.Known(n) {
			return n, true
		}
	}
	return "", false
}

// ModuleProgram is the entry and words a command line is judged by when a
// Python interpreter runs a module the catalogue lists as a program
// ("python3 -m pickle F" is python-pickle's "F"), else name and args.
func (c *Catalog) ModuleProgram(name string, args []string) (string, []string) {
	if !IsPython(name) {
		return name, args
	}
	if mod, rest, ok := PythonModule(args); ok {
		if n, known := c.ModuleEntry(mod); known {
			return n, rest
		}
	}
	return name, args
}
