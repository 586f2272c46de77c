package shell

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
)

// Source code in a compiled language, written on the line and then built
// and run (cc x.c -o x && ./x, go run x.go, rustc m.rs && ./m, java
// X.java, tcc -run x.c), runs what its text says, as a script written and
// run does: the text is judged as code of its language. Sources the line
// did not write are the project's, built as usual, and judged as before.

// compiledLangs gives the language of a source file by its ending.
var compiledLangs = map[string]string{
	".c": "c", ".cc": "c", ".cpp": "c", ".cxx": "c", ".C": "c", ".c++": "c",
	".go": "go", ".rs": "rust", ".java": "java",
}

// compilers names the programs that build or run compiled sources, and the
// language each reads.
var compilers = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"cc": "c", "gcc": "c", "clang": "c", "c++": "c", "g++": "c", "clang++": "c", "tcc": "c",
		"rustc": "rust", "go": "go", "java": "java", "javac": "java", "cargo": "rust",
	}
}}

// compilerName gives the compiler a program's name stands for, and its
// words from that compiler's name on: a versioned one (gcc-12,
// clang-17), a C compiler for another target or C library
// (x86_64-linux-gnu-gcc, musl-gcc, arm-none-eabi-g++), and zig's cc and
// c++, which are clang's.
func compilerName(name string, words []string) (string, []string) {
	if _, ok := compilers.Lookup(name); ok {
		return name, words
	}
	if name == "zig" && len(words) > 1 && (words[1] == "cc" || words[1] == "c++") {
		return "clang", words[1:]
	}
	base := name
	if i := strings.LastIndexByte(base, '-'); i > 0 && strings.Trim(base[i+1:], "0123456789.") == "" && base[i+1:] != "" {
		base = base[:i] // gcc-12, clang-17, g++-13
	}
	if _, ok := compilers.Lookup(base); ok {
		return base, words
	}
	if i := strings.LastIndexByte(base, '-'); i > 0 {
		c := base[i+1:]
		if lang, _ := compilers.Lookup(c); lang == "c" {
			return c, words // x86_64-linux-gnu-gcc, musl-gcc
		}
	}
	return name, words
}

// builtProgram is what a program built on the line from sources it wrote
// runs: their texts, in their language.
type builtProgram struct {
	lang   string
	texts  []string
	unseen []string // sources whose text the line did not write (a download's): run when it runs
}

// compiledCode judges a compiler's command: sources the line wrote that
// it runs at once (go run, tcc -run, java X.java) are judged as code now,
// and the program it builds from them (-o OUT, a.out, rustc's name) is
// remembered, to be judged when the line runs it (runBuilt).
func (s *state) compiledCode(f frame, name string, words []string) {
	name, words = compilerName(name, words)
	lang, ok := compilers.Lookup(name)
	if !ok {
		return
	}
	out, runNow, sub := "", false, ""
	var texts, unseen []string
	var first string
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case (name == "go" || name == "cargo") && sub == "" && !strings.HasPrefix(w, "-"):
			sub = w
			runNow = w == "run"
		case w == "-run" && name == "tcc":
			runNow = true
		case w == "-o" && i+1 < len(words):
			i++
			out = words[i]
		case strings.HasPrefix(w, "-o") && len(w) > 2 && name != "go" && name != "java":
			out = w[2:]
		case compiledLangs[path.Ext(w)] == lang:
			if text, ok := s.sourceText(w); ok {
				texts = append(texts, text)
			} else {
				unseen = append(unseen, w)
			}
			if first == "" {
				first = w
			}
		case name == "java" && !strings.HasPrefix(w, "-") && path.Ext(w) == "":
			if b, ok := s.built[s.key(w+".class")]; ok {
				texts = append(texts, b.texts...) // javac X.java, then java X
				unseen = append(unseen, b.unseen...)
			}
		case path.Ext(w) == ".o" || path.Ext(w) == ".a":
			if b, ok := s.built[s.key(w)]; ok {
				texts = append(texts, b.texts...) // cc -c x.c -o x.o, then cc x.o -o x
				unseen = append(unseen, b.unseen...)
			}
		case name == "go" && (w == "." || strings.HasPrefix(w, "./") || strings.HasPrefix(w, "/")) && !strings.HasSuffix(w, ".go"):
			texts = append(texts, s.filesIn(w, ".go")...) // go run . with main.go written
			if d := s.lastCd(); d != "" && (w == "." || w == "./") {
				texts = append(texts, s.filesIn(d, ".go")...) // cd /tmp/p && go run .
			}
		}
	}
	if name == "java" {
		runNow = true // java X.java runs the source file it is given
	}
	if name == "cargo" && sub == "run" {
		// cargo run builds the package's sources and runs them: those the
		// line wrote under src (or src of the directory it moved to).
		for _, d := range []string{"src", "src/bin"} {
			texts = append(texts, s.filesIn(d, ".rs")...)
			if c := s.lastCd(); c != "" {
				texts = append(texts, s.filesIn(path.Join(c, d), ".rs")...)
			}
		}
	}
	if name == "cargo" && sub != "run" {
		return
	}
	if name == "go" && sub != "run" && sub != "build" || len(texts) == 0 && len(unseen) == 0 {
		return
	}
	if runNow {
		// the sources it runs at once are marked run (runners.go)
		i := len(s.out) - 1
		for _, t := range texts {
			facts := s.scanCode(lang, t, f)
			s.out[i].Code = s.out[i].Code.or(facts)
		}
		return
	}
	if out == "" {
		switch {
		case lang == "c" && slices.Contains(words, "-c"):
			out = strings.TrimSuffix(path.Base(first), path.Ext(first)) + ".o" // cc -c x.c makes x.o
		case name == "javac":
			out = strings.TrimSuffix(path.Base(first), path.Ext(first)) + ".class" // java X runs it
		case name == "rustc" || name == "go":
			out = strings.TrimSuffix(path.Base(first), path.Ext(first))
		default:
			out = "a.out"
		}
	}
	if s.built == nil {
		s.built = map[string]builtProgram{}
	}
	s.built[s.key(out)] = builtProgram{lang, texts, unseen}
}

// runBuilt judges a command that runs a program built on the line from
// sources it wrote, by their text.
func (s *state) runBuilt(f frame, prog string) {
	b, ok := s.built[s.key(prog)]
	if !ok {
		return
	}
	i := len(s.out) - 1
	for _, t := range b.texts {
		facts := s.scanCode(b.lang, t, f)
		s.out[i].Code = s.out[i].Code.or(facts)
	}
	for _, src := range b.unseen {
		// curl -o x.c URL && cc x.c -o x && ./x: running the program runs
		// the source it was built from (downloaded, or from Downloads or
		// a temporary directory the line did not write)
		s.ranFile(i, src)
		s.runsScratch(i, src)
	}
}

// filesIn gives the texts of the files the line wrote directly in dir
// whose names end in ext.
func (s *state) filesIn(dir, ext string) []string {
	d := path.Clean(s.key(dir))
	var keys []string
	for k := range s.files {
		if path.Ext(k) == ext && path.Dir(k) == d {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // the order the walk meets them in, every time
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, s.files[k])
	}
	return out
}

// compiledStdin judges source a compiler reads on its standard input (cc
// -x c - -o x <<< …): the program it builds runs that text.
func (s *state) compiledStdin(f frame, name string, words []string, in []string) {
	lang := compilers.Get(name)
	if lang != "c" || len(in) == 0 || !slices.Contains(words, "-") {
		return
	}
	out := "a.out"
	for i := 1; i < len(words); i++ {
		if words[i] == "-o" && i+1 < len(words) {
			out = words[i+1]
		} else if strings.HasPrefix(words[i], "-o") && len(words[i]) > 2 {
			out = words[i][2:]
		}
	}
	if name == "tcc" && slices.Contains(words, "-run") {
		i := len(s.out) - 1
		for _, t := range in {
			facts := s.scanCode(lang, t, f)
			s.out[i].Code = s.out[i].Code.or(facts)
		}
		return
	}
	if s.built == nil {
		s.built = map[string]builtProgram{}
	}
	s.built[s.key(out)] = builtProgram{lang: lang, texts: in}
}

// copyBuilt carries what a built program runs to its copy (cp, mv,
// install).
func (s *state) copyBuilt(from, to string) {
	if b, ok := s.built[s.key(from)]; ok {
		s.built[s.key(to)] = b
	}
}

// sourceText gives the text the line wrote to a source file a compiler
// is given: by the name as written, or, for a relative name, in the
// directory the line moved to (printf … > /tmp/x.c && cd /tmp && cc x.c).
func (s *state) sourceText(name string) (string, bool) {
	if text, ok := s.files[s.key(name)]; ok {
		return text, true
	}
	if d := s.lastCd(); d != "" && !strings.HasPrefix(name, "/") && !strings.HasPrefix(name, "~") {
		text, ok := s.files[s.key(path.Join(d, name))]
		return text, ok
	}
	return "", false
}

// lastCd is the directory the last cd of the line named, or "".
func (s *state) lastCd() string {
	for i := len(s.out) - 1; i >= 0; i-- {
		if c := &s.out[i]; c.Name == "cd" && len(c.Args) == 1 && !strings.HasPrefix(c.Args[0], "-") {
			return c.Args[0]
		}
	}
	return ""
}

// dynProgramFile judges a program spelled through a variable that names a
// known directory ($PWD/x, ${HOME}/bin/t): the file it runs is the one
// the line built or wrote there, as ./x and ~/bin/t are.
func (s *state) dynProgramFile(f frame, prog string) {
	k := fileKey(prog)
	if k == prog || substrs.AnyByte(k, "$`") {
		return // a directory no variable here names
	}
	i := len(s.out) - 1
	if s.built != nil {
		s.runBuilt(f, prog)
	}
	if text, ok := s.files[s.key(prog)]; ok {
		s.runText(text, s.fileTextLang(prog, text), f)
	}
	s.runsWritten(i, prog) // written.go
	s.runsScratch(i, prog) // scratch.go
}

// makeImplicit remembers the programs "make T" builds by make's built-in
// rules from a source T.c (or .cc, .cpp) the line wrote: T runs that
// source's text, as cc T.c -o T's does. An option's value or an
// assignment (CC=clang) is no target; -C DIR builds DIR/T from DIR/T.c.
func (s *state) makeImplicit(words []string) {
	dir := ""
	for i := 1; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") {
			switch {
			case (w == "-C" || w == "--directory") && i+1 < len(words):
				dir = path.Join(dir, words[i+1])
				i++
			case strings.HasPrefix(w, "--directory="):
				dir = path.Join(dir, w[len("--directory="):])
			case strings.HasPrefix(w, "-C") && len(w) > 2:
				dir = path.Join(dir, w[2:])
			case len(w) == 2 && strings.ContainsRune("fIjloW", rune(w[1])):
				i++ // make -f Makefile x: the value
			}
			continue
		}
		if strings.Contains(w, "=") || path.Ext(w) != "" {
			continue
		}
		prog := path.Join(dir, w)
		for _, ext := range [...]string{".c", ".cc", ".cpp", ".cxx"} {
			if text, ok := s.sourceText(prog + ext); ok {
				if s.built == nil {
					s.built = map[string]builtProgram{}
				}
				s.built[s.key(prog)] = builtProgram{lang: "c", texts: []string{text}}
				break
			}
		}
	}
}
