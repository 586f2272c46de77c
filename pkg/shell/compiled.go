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
// X.java, tcc -run x.c, dotnet script x.csx, zig run x.zig), runs what its
// text says, as a script written and run does: the text is judged as code
// of its language (sourcelangs.go has the languages, their files and the
// shapes of the commands that run or build them). Sources the line did
// not write are the project's, built as usual, and judged as before.

// compilerName gives the compiler a program's name stands for, and its
// words from that compiler's name on: a versioned one (gcc-12,
// clang-17), a C compiler for another target or C library
// (x86_64-linux-gnu-gcc, musl-gcc, arm-none-eabi-g++), and zig's cc and
// c++, which are clang's. ok is false when the name stands for no
// compiler of the table (the name and words are then given back as they
// came).
func compilerName(name string, words []string) (string, []string, bool) {
	if !mayBeCompiler(name) {
		return name, words, false // (every command asks: the table is not built for it)
	}
	return compilerNameIn(sourceIdx.Get().shapes, name, words)
}

// compilerNameIn is compilerName through the shapes of the table.
func compilerNameIn(shapes map[string][]sourceShape, name string, words []string) (string, []string, bool) {
	if _, ok := shapes[name]; ok && !(name == "zig" && len(words) > 1 && (words[1] == "cc" || words[1] == "c++")) {
		return name, words, true
	}
	if name == "zig" && len(words) > 1 && (words[1] == "cc" || words[1] == "c++") {
		return "clang", words[1:], true
	}
	base := name
	if i := strings.LastIndexByte(base, '-'); i > 0 && strings.Trim(base[i+1:], "0123456789.") == "" && base[i+1:] != "" {
		base = base[:i] // gcc-12, clang-17, g++-13
	}
	if base != name { // the name itself was looked up above
		if _, ok := shapes[base]; ok {
			return base, words, true
		}
	}
	if i := strings.LastIndexByte(base, '-'); i > 0 {
		c := base[i+1:]
		if sh := shapes[c]; len(sh) > 0 && sh[0].lang == "c" {
			return c, words, true // x86_64-linux-gnu-gcc, musl-gcc
		}
	}
	return name, words, false
}

// compilerNames are the programs of the source languages' run and build
// shapes (sourceIdx's shapes, TestCompilerNamesListed checks), so that a
// command of another program asks compilerName without the languages'
// table being built: every command of a line asks, and building it cost
// a one-shot process some 170k instructions.
var compilerNames = table.Map[string, bool]{Words: `amm c++ cabal cargo cargo-script cc clang clang++
	crystal cs-script csc cscript csi css dart dmd dotnet dotnet-script dub escript g++ gcc gdc ghc
	go groovy hipcc icpx icx java javac jbang kotlin kotlinc kscript ldc2 ldmd2 mcs nim nvcc ocaml ocamlc ocamlfind
	ocamlopt rdmd runghc runhaskell rust-script rustc scala scala-cli scriptisto stack swift
	swift-sh swiftc tcc utop wscript zig`}

// mayBeCompiler reports whether compilerName can find a compiler for
// name, by the names it looks up: the name, the name without a version
// after its last dash, and the part after the last dash of that.
func mayBeCompiler(name string) bool {
	if compilerNames.Get(name) {
		return true
	}
	base := name
	if i := strings.LastIndexByte(base, '-'); i > 0 && strings.Trim(base[i+1:], "0123456789.") == "" && base[i+1:] != "" {
		base = base[:i]
	}
	if base != name && compilerNames.Get(base) {
		return true
	}
	if i := strings.LastIndexByte(base, '-'); i > 0 && compilerNames.Get(base[i+1:]) {
		return true
	}
	return false
}

// shapeOf gives the command shape a compiler's words take, and the
// languages of its sources: the shapes naming a word among its words come
// first (go run, nim c -r, dart compile), then the program's plain ones
// (java, swift, crystal).
func shapeOf(name string, words []string) (sourceShape, []string, bool) {
	shapes := sourceIdx.Get().shapes[name]
	var langs []string
	for _, sh := range shapes {
		if !slices.Contains(langs, sh.lang) {
			langs = append(langs, sh.lang)
		}
	}
	for _, worded := range [...]bool{true, false} {
		for _, sh := range shapes {
			if (sh.word != "") != worded {
				continue
			}
			if sh.word == "" || slices.Contains(words[1:], sh.word) {
				return sh, langs, true
			}
		}
	}
	return sourceShape{}, nil, false
}

// builtProgram is what a program built on the line from sources it wrote
// runs: their texts, each in its language.
type builtProgram struct {
	lang   string
	texts  []string
	langs  []string // the language of each text, when they differ from lang
	unseen []string // sources whose text the line did not write (a download's): run when it runs
}

// outputOptions are the compilers' options naming the program they
// build: -o OUT (and -oOUT, -o=OUT), dmd's and ldc's -of, nim's -o: and
// --out:, csc's -out:, kotlinc's -d JAR, --output.
var outputOptions = [...]string{"--output=", "--output", "--out:", "-out:", "-of", "-o:", "-o"} // longest first

// outputOf gives the value of an output option at words[i], and how many
// words it took.
func outputOf(name string, words []string, i int) (string, int) {
	w := words[i]
	if (w == "-o" || w == "--output" || w == "-of" || name == "kotlinc" && w == "-d") && i+1 < len(words) {
		return words[i+1], 2
	}
	for _, o := range outputOptions {
		if v, ok := strings.CutPrefix(w, o); ok && v != "" && (len(o) > 2 || v[0] == '=' || name != "go" && name != "java" && name != "javac") {
			return strings.TrimPrefix(v, "="), 1
		}
	}
	return "", 0
}

// compiledCode judges a compiler's command: sources the line wrote that
// it runs at once (go run, tcc -run, java X.java, swift x.swift) are
// judged as code now, and the program it builds from them (-o OUT, a.out,
// rustc's name) is remembered, to be judged when the line runs it
// (runBuilt).
func (s *state) compiledCode(f frame, name string, words []string) {
	name, words, ok := compilerName(name, words)
	if !ok {
		return // no compiler: shapeOf would find no shape for name
	}
	shape, langs, ok := shapeOf(name, words)
	if !ok {
		return
	}
	lang := shape.lang
	var out, first, cp string
	var texts, textLangs, unseen, dirs []string
	for i := 1; i < len(words); i++ {
		w := words[i]
		if v, n := outputOf(name, words, i); n > 0 {
			out = v
			i += n - 1
			continue
		}
		if (w == "-cp" || w == "-classpath" || w == "--class-path" || w == "-d" && name == "javac") && i+1 < len(words) {
			i++
			cp = words[i] // java -cp DIR X, javac -d DIR X.java
			continue
		}
		if l := sourceLangOf(w, langs); l != "" && !strings.HasPrefix(w, "-") {
			if text, ok := s.sourceText(w); ok {
				texts, textLangs = append(texts, text), append(textLangs, l)
			} else {
				unseen = append(unseen, w)
			}
			if first == "" {
				first = w
			}
			continue
		}
		switch {
		case name == "java" && !strings.HasPrefix(w, "-") && path.Ext(w) == "" || name == "java" && path.Ext(w) == ".jar":
			for _, k := range []string{w + ".class", path.Join(cp, w+".class"), w} {
				if b, ok := s.built[s.key(k)]; ok {
					texts = append(texts, b.texts...) // javac X.java, then java X; kotlinc -d x.jar, then java -jar x.jar
					textLangs = append(textLangs, b.textLangs()...)
					unseen = append(unseen, b.unseen...)
					break
				}
			}
		case path.Ext(w) == ".o" || path.Ext(w) == ".a":
			if b, ok := s.built[s.key(w)]; ok {
				texts = append(texts, b.texts...) // cc -c x.c -o x.o, then cc x.o -o x
				textLangs = append(textLangs, b.textLangs()...)
				unseen = append(unseen, b.unseen...)
			}
		case w == "." || strings.HasPrefix(w, "./") || strings.HasPrefix(w, "/") || strings.HasPrefix(w, "~/") || strings.HasSuffix(w, "/Cargo.toml"):
			dirs = append(dirs, strings.TrimSuffix(w, "/Cargo.toml")) // go run ./cmd/x, dotnet run --project DIR
		}
	}
	if len(texts) == 0 && len(unseen) == 0 && lang != "c" && lang != "java" {
		// go run ., cargo run, swift run, dotnet run --project DIR: the
		// sources the line wrote in the directory it is pointed at, or
		// moved to
		if d := s.lastCd(); d != "" {
			dirs = append(dirs, d)
		}
		if len(dirs) == 0 {
			dirs = append(dirs, ".")
		}
		for _, d := range dirs {
			for _, t := range s.sourcesUnder(d, langs) {
				texts, textLangs = append(texts, t[1]), append(textLangs, t[0])
			}
		}
		if first == "" && len(dirs) > 0 {
			first = path.Base(path.Clean(dirs[0])) + ".dir" // go build in DIR makes DIR's name
		}
	}
	if len(texts) == 0 && len(unseen) == 0 {
		return
	}
	if shape.run {
		// the sources it runs at once are marked run (runners.go)
		i := len(s.out) - 1
		for k, t := range texts {
			facts := s.scanCode(textLangs[k], t, f)
			s.out[i].Code = s.out[i].Code.or(facts)
		}
		return
	}
	if out == "" {
		base := strings.TrimSuffix(path.Base(first), path.Ext(first))
		switch {
		case lang == "c" && slices.Contains(words, "-c"):
			out = base + ".o" // cc -c x.c makes x.o
		case name == "javac":
			out = path.Join(cp, base+".class") // java X runs it
		case lang == "c":
			out = "a.out"
		default:
			out = base // go build x.go, rustc x.rs, swiftc x.swift, ghc x.hs
		}
	}
	if s.built == nil {
		s.built = map[string]builtProgram{}
	}
	b := builtProgram{lang: lang, texts: texts, langs: textLangs, unseen: unseen}
	s.built[s.key(out)] = b
	if d := path.Dir(first); lang != "c" && !strings.Contains(out, "/") && d != "." && d != "" {
		s.built[s.key(path.Join(d, out))] = b // ghc /tmp/x.hs and nim c /tmp/x.nim build /tmp/x
	}
}

// textLangs gives the language of each of the texts.
func (b builtProgram) textLangs() []string {
	if len(b.langs) == len(b.texts) {
		return b.langs
	}
	out := make([]string, len(b.texts))
	for i := range out {
		out[i] = b.lang
	}
	return out
}

// sourcesUnder gives the language and text of each file the line wrote
// under dir, at any depth, whose ending is a source of one of langs.
func (s *state) sourcesUnder(dir string, langs []string) [][2]string {
	d := path.Clean(s.key(dir))
	var keys []string
	for k := range s.files {
		if (d == "." && !strings.HasPrefix(k, "/") && !strings.HasPrefix(k, "~") || strings.HasPrefix(k, d+"/")) && sourceLangOf(k, langs) != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // the order the walk meets them in, every time
	out := make([][2]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, [2]string{sourceLangOf(k, langs), s.files[k]})
	}
	return out
}

// runBuilt judges a command that runs a program built on the line from
// sources it wrote, by their text.
func (s *state) runBuilt(f frame, prog string) {
	b, ok := s.built[s.key(prog)]
	if !ok {
		return
	}
	i := len(s.out) - 1
	for k, t := range b.texts {
		facts := s.scanCode(b.textLangs()[k], t, f)
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

// compiledStdin judges source a compiler reads on its standard input (cc
// -x c - -o x <<< …): the program it builds runs that text.
func (s *state) compiledStdin(f frame, name string, words []string, in []string) {
	if len(in) == 0 || !slices.Contains(words, "-") {
		return // no source on stdin: no need to look the program up
	}
	shape, _, ok := shapeOf(name, words)
	lang := shape.lang
	if !ok || lang != "c" {
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
