package shell

import (
	"path"
	"strings"
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
var compilers = map[string]string{
	"cc": "c", "gcc": "c", "clang": "c", "c++": "c", "g++": "c", "clang++": "c", "tcc": "c",
	"rustc": "rust", "go": "go", "java": "java",
}

// builtProgram is what a program built on the line from sources it wrote
// runs: their texts, in their language.
type builtProgram struct {
	lang  string
	texts []string
}

// compiledCode judges a compiler's command: sources the line wrote that
// it runs at once (go run, tcc -run, java X.java) are judged as code now,
// and the program it builds from them (-o OUT, a.out, rustc's name) is
// remembered, to be judged when the line runs it (runBuilt).
func (s *state) compiledCode(f frame, name string, words []string) {
	lang, ok := compilers[name]
	if !ok || s.files == nil {
		return
	}
	out, runNow, sub := "", false, ""
	var texts []string
	var first string
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case name == "go" && sub == "" && !strings.HasPrefix(w, "-"):
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
			if text, ok := s.files[fileKey(w)]; ok {
				texts = append(texts, text)
			}
			if first == "" {
				first = w
			}
		}
	}
	if name == "java" {
		runNow = true // java X.java runs the source file it is given
	}
	if name == "go" && sub != "run" && sub != "build" || len(texts) == 0 {
		return
	}
	if runNow {
		i := len(s.out) - 1
		for _, t := range texts {
			facts := s.scanCode(lang, t, f)
			s.out[i].Code = s.out[i].Code.or(facts)
		}
		return
	}
	if out == "" {
		switch name {
		case "rustc", "go":
			out = strings.TrimSuffix(path.Base(first), path.Ext(first))
		default:
			out = "a.out"
		}
	}
	if s.built == nil {
		s.built = map[string]builtProgram{}
	}
	s.built[fileKey(out)] = builtProgram{lang, texts}
}

// runBuilt judges a command that runs a program built on the line from
// sources it wrote, by their text.
func (s *state) runBuilt(f frame, prog string) {
	b, ok := s.built[fileKey(prog)]
	if !ok {
		return
	}
	i := len(s.out) - 1
	for _, t := range b.texts {
		facts := s.scanCode(b.lang, t, f)
		s.out[i].Code = s.out[i].Code.or(facts)
	}
}
