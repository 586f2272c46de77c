package effect

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code loaded for one call from the project or the system
//
// A variable that makes a program load code (LD_PRELOAD, BASH_ENV,
// PYTHONSTARTUP; PERL5OPT and RUBYOPT, whose switches load modules) changes
// nothing a person must confirm when, set for the one call, it loads the
// project's own files or the system's own libraries and modules: that is
// the code the project's build and tests run anyway (LD_PRELOAD of the
// system's jemalloc or ASan, BASH_ENV=./ci/env.sh, RUBYOPT=-W:no-deprecated,
// PERL5OPT=-MCarp::Always). Code from anywhere else (a temporary or
// downloaded file, standard input, a path the line cannot resolve, Perl
// written into a -M switch) is still the setting reported.

// systemLibDirs are the directories of the system's own shared libraries.
var systemLibDirs = []string{"/usr/lib/", "/usr/lib64/", "/lib/", "/lib64/", "/usr/local/lib/", "/opt/homebrew/lib/", "/opt/homebrew/opt/", "/nix/store/", "/run/current-system/"}

// localCode reports whether every entry of a code-loading value (a list
// split by spaces or colons, as the loader splits LD_PRELOAD) is a bare
// name the loader finds in the system's directories or a path under them,
// or, when project is set (a script read as source: BASH_ENV,
// PYTHONSTARTUP), a file of the project; in either case not one an earlier
// command of the line writes. A shared library the project holds is a
// binary nobody here has read, so for the loader's variables it is not.
func (a *analysis) localCode(v string, i int, project bool) bool {
	any := false
	for _, e := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ':' }) {
		any = true
		if unresolved(e) || strings.HasPrefix(e, "~") || strings.Contains(e, "..") {
			return false
		}
		if strings.Contains(e, "/") && !hasDirPrefix(e, systemLibDirs) && !(project && a.inProject(e, i)) {
			return false
		}
		if !strings.Contains(e, "/") && !project && !strings.Contains(e, ".so") && !strings.HasSuffix(e, ".dylib") {
			return false // not a library's name: a file of the working directory
		}
		if a.lineWrites(a.clean(e, i), i) {
			return false
		}
	}
	return any
}

// lineWrites reports whether the line writes the cleaned path p: with
// text it shows, or by an earlier command (a download, a compiler's
// output, a copy): code nobody has read yet.
func (a *analysis) lineWrites(p string, i int) bool {
	if a.writtenText(p) {
		return true
	}
	for _, e := range a.out {
		if e.Kind == Write && e.Cmd >= 0 && e.Cmd < i && e.Path == p {
			return true
		}
	}
	return false
}

func hasDirPrefix(p string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

// moduleName is a Perl module (with an import list of plain words) or a
// Ruby feature name, namespaced: -MCarp::Always, -MList::Util=sum,max,
// -rbundler/setup. A bare name is one of coreModules.
// (compiled at first use: a hook's start-up compiles none)
var moduleName = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^-?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z0-9_]+)*(/[A-Za-z0-9_.-]+)*(=[A-Za-z0-9_,:]*)?$`)
}}

// coreModules are the pragmas and standard modules of Perl and Ruby that a
// bare -M or -r name loads (a bare name nobody knows, -Mwipe, may be a
// module planted on the search path).
var coreModules = table.Map[string, bool]{Words: `strict warnings utf8 diagnostics feature autodie
	bigint bignum integer locale open bytes vars
	constant English Carp POSIX Benchmark O
	json yaml pp set securerandom logger debug
	benchmark coverage tempfile fileutils pathname optparse
	time date csv erb digest base64 bundler`}

// ordinaryModule reports whether a -M, -m or -r value names a module or a
// feature, not code: namespaced, or one of the core ones.
func ordinaryModule(arg string) bool {
	if !moduleName.Get().MatchString(arg) {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(arg, "-"), "=")
	return strings.Contains(name, "::") || strings.Contains(name, "/") || coreModules.Get(name)
}

// moduleSwitches reports whether every word of a PERL5OPT or RUBYOPT value
// is a switch that loads nothing (warnings, taint, encodings, Ruby's
// --enable/--disable) or loads a known or namespaced module or feature, a
// project file or a library directory of the project or the system: no
// code of its own and nothing from elsewhere.
func (a *analysis) moduleSwitches(v string, i int) bool {
	f := strings.Fields(v)
	if len(f) == 0 {
		return false
	}
	for k := 0; k < len(f); k++ {
		w := f[k]
		if len(w) < 2 || w[0] != '-' {
			return false
		}
		arg := w[2:]
		switch {
		case strings.HasPrefix(w, "--enable") || strings.HasPrefix(w, "--disable") || strings.HasPrefix(w, "--jit") || strings.HasPrefix(w, "--yjit"):
		case w[1] == 'w' && arg == "", w[1] == 'W', w[1] == 'T' && arg == "", w[1] == 't' && arg == "", w[1] == 'C', w[1] == 'E', w[1] == 'K':
		case w[1] == 'M' || w[1] == 'm' || w[1] == 'r':
			if arg == "" && k+1 < len(f) {
				k++
				arg = f[k]
			}
			if strings.HasPrefix(arg, ".") && !strings.HasPrefix(arg, "..") {
				if !a.inProject(arg, i) || a.lineWrites(a.clean(arg, i), i) {
					return false
				}
				continue
			}
			if !ordinaryModule(arg) {
				return false
			}
		case w[1] == 'd' && strings.HasPrefix(arg, ":"):
			// -d:NYTProf runs the debugger Devel::NYTProf: a module
			if !ordinaryModule("Devel::" + arg[1:]) {
				return false
			}
		case w[1] == 'I':
			if arg == "" && k+1 < len(f) {
				k++
				arg = f[k]
			}
			if unresolved(arg) || !a.inProject(arg, i) && !hasDirPrefix(arg, systemLibDirs) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
