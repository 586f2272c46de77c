package shell

import (
	"path"
	"strings"
)

// Code a variable makes a program load before its own. NODE_OPTIONS holds
// node's preload options (--require ./x.cjs), PERL5OPT perl's module
// switches (-MData::Hook, -d:Trace) and RUBYOPT ruby's (-rhook); held for
// a command (assigned before it, or earlier on the line), they load those
// files into every such process the command starts (npm test runs node,
// prove runs perl), as the same options on the interpreter's command line
// do. A module named by its package name is found through the include
// directories the line gives (-I, PERL5LIB, RUBYLIB): each file it may be
// is run as the command line's own preload is, so a file the line
// downloaded there is code downloaded and run, one in a temporary
// directory is code nobody has read, and a project file is judged by its
// text. The system's own directories are not searched: their modules are
// the system's.

// moduleLoader is one language's reading of the variables that make its
// interpreter load modules.
type moduleLoader struct {
	lang     string   // the language the loaded files are run as
	prog     string   // the interpreter whose own words hold the same switches
	opts     string   // the variable holding its switches
	libs     []string // variables holding include directories, colon-separated
	load     string   // the switch letters that load a module (-M, -m; -r)
	flags    string   // the switch letters that take no value, which may lead a cluster (-wMHook)
	ext      string   // the file a module name is found in: Name/Sub + ext
	sep      string   // the separator of a module name's parts
	debugger string   // the namespace of -d:Name (Devel::Name), or ""
}

// moduleLoaders are the languages whose variables load modules by name.
var moduleLoaders = [...]moduleLoader{
	{lang: "perl", prog: "perl", opts: "PERL5OPT", libs: []string{"PERL5LIB", "PERLLIB"}, load: "Mm", flags: "acnpsStTuUwWX", ext: ".pm", sep: "::", debugger: "Devel::"},
	{lang: "ruby", prog: "ruby", opts: "RUBYOPT", libs: []string{"RUBYLIB"}, load: "r", flags: "acdlnpsvwy", ext: ".rb", sep: "/"},
}

// envPreloads runs, as files, what the variables held for a command make
// its interpreters load.
func (s *state) envPreloads(f frame, name string, words []string) {
	prog := unversioned(name)
	own := prog == "perl" || prog == "ruby"
	if len(s.vars) == 0 && !own || nameKinds.Get(name)&kindRunsNothing != 0 {
		return // no variable, or export, sort: a program that starts none
	}
	if v, ok := s.vars["NODE_OPTIONS"]; ok && v.known {
		for _, p := range preloadValues(strings.Fields(v.val), nil) {
			s.runsCodeFile("js", p, f) // loadfiles.go: --require /tmp/h finds /tmp/h.js
		}
	}
	for i := range moduleLoaders {
		l := &moduleLoaders[i]
		var mods, dirs []string
		if v, ok := s.vars[l.opts]; ok && v.known {
			mods, dirs = l.switches(strings.Fields(v.val), false, mods, dirs)
		}
		if prog == l.prog && len(words) > 1 {
			mods, dirs = l.switches(words[1:], true, mods, dirs)
		}
		if len(mods) == 0 {
			continue
		}
		for _, lib := range l.libs {
			if v, ok := s.vars[lib]; ok && v.known {
				dirs = append(dirs, strings.Split(v.val, ":")...)
			}
		}
		for _, m := range mods {
			if preloadFile(m) {
				s.runsCodeFile(l.lang, m, f) // ruby -r ./hook.rb, -r /tmp/hook
				continue
			}
			file := strings.ReplaceAll(m, l.sep, "/")
			if !strings.HasSuffix(file, l.ext) {
				file += l.ext
			}
			for _, d := range dirs {
				if d != "" && !strings.ContainsAny(d, "$`") {
					s.runFile(path.Join(d, file), l.lang, f)
				}
			}
		}
	}
}

// switches appends the modules and include directories a list of
// switches names: -MName, -M Name, -mName=imports, -d:Name, -Idir. On a
// command line (cmdline) the switches end at the script or the code (-e).
func (l *moduleLoader) switches(words []string, cmdline bool, mods, dirs []string) ([]string, []string) {
	for k := 0; k < len(words); k++ {
		w := words[k]
		if cmdline && (w == "--" || w == "-" || w == "-e" || w == "-E" || !strings.HasPrefix(w, "-")) {
			break
		}
		if len(w) < 2 || w[0] != '-' || w[1] == '-' {
			continue
		}
		for len(w) > 2 && strings.IndexByte(l.flags, w[1]) >= 0 {
			w = "-" + w[2:] // -wI/tmp/lib: -w, then -I/tmp/lib
		}
		arg := w[2:]
		switch {
		case w[1] == 'I':
			if arg == "" && k+1 < len(words) {
				k++
				arg = words[k]
			}
			dirs = append(dirs, arg)
		case strings.IndexByte(l.load, w[1]) >= 0:
			if arg == "" && k+1 < len(words) {
				k++
				arg = words[k]
			}
			name, imports, _ := strings.Cut(strings.TrimPrefix(arg, "-"), "=")
			if name == "lib" && l.lang == "perl" {
				// -Mlib=/tmp/lib,/opt/lib: include directories, as -I
				dirs = append(dirs, strings.Split(imports, ",")...)
				continue
			}
			if name != "" {
				mods = append(mods, name)
			}
		case w[1] == 'd' && l.debugger != "" && (strings.HasPrefix(arg, ":") || strings.HasPrefix(arg, "t:")):
			name, _, _ := strings.Cut(arg[strings.IndexByte(arg, ':')+1:], "=") // -d:Name, -dt:Name (threads)
			if name != "" {
				mods = append(mods, l.debugger+name)
			}
		}
	}
	return mods, dirs
}
