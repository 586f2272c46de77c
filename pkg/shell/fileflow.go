package shell

import (
	"path"
	"slices"
	"sort"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/internal/table"
)

// Files written on the line travel: a script is copied, moved, linked or
// concatenated to another name before it runs, or its text is computed by
// a program the walk cannot follow (base64 -d > run.sh, sed … > c.sh). The
// walk follows the text through the copies, and a file the line wrote
// with text nobody knows is unknown code wherever it runs.

// copyWrites records the text of files a command copies from files the
// line wrote: cp, install, ln, mv and rsync (SOURCE... DEST), dd if= of=,
// and cat FILE... > DEST. It reports whether the command was such a copy.
func (s *state) copyWrites(name string, inner []string, rs []Redirect) bool {
	switch name {
	case "cp", "install", "ln", "mv", "rsync", "gcp", "gmv":
		ops, target := copyOperands(inner[1:])
		if target == "" && len(ops) < 2 || len(ops) == 0 {
			return false
		}
		dest, srcs := target+"/", ops
		if target == "" {
			dest, srcs = ops[len(ops)-1], ops[:len(ops)-1]
		}
		copied := false
		for _, src := range srcs {
			to := dest
			if len(srcs) > 1 || s.dirWord(dest) {
				to = strings.TrimSuffix(dest, "/") + "/" + path.Base(src)
			} else if s.opaque.has(s.key(src)) {
				// cp /tmp/s.sh bin: bin/s.sh when bin is a directory
				s.markOpaque(dest + "/" + path.Base(src))
			}
			if s.copyFile(src, to) {
				copied = true
				if name == "mv" || name == "gmv" {
					delete(s.files, s.key(src))
				}
			}
		}
		return copied
	case "dd":
		var in, out string
		for _, w := range inner[1:] {
			if v, ok := strings.CutPrefix(w, "if="); ok {
				in = v
			}
			if v, ok := strings.CutPrefix(w, "of="); ok {
				out = v
			}
		}
		return in != "" && out != "" && s.copyFile(in, out)
	case "cat":
		ops := operands(inner[1:])
		if len(ops) == 0 {
			return false
		}
		var b strings.Builder
		opaque := false
		for _, op := range ops {
			text, ok := s.files[s.key(op)]
			if !ok && !s.opaque.has(s.key(op)) {
				return false
			}
			opaque = opaque || !ok
			b.WriteString(text)
		}
		for _, r := range rs {
			if isWriteRedirect(r) {
				if opaque {
					s.markOpaque(r.Target)
				} else {
					s.recordFile(r.Target, b.String(), r.Op == ">>" || r.Op == "&>>")
				}
			}
		}
		return true
	case "head", "tail", "tac", "sort", "uniq", "sed", "gsed", "awk", "gawk", "mawk", "grep", "egrep", "fgrep":
		return s.filterCopy(inner, rs)
	}
	return false
}

// filterCopy records the text a filter writes through a redirection from
// files the line wrote (head -1 a.txt > run.sh, sed p a.txt > run.sh):
// what it makes of their text (transform.go), as of a pipe's.
// Its other operands (a script, a pattern, a count) are not files the
// line wrote. It reports whether it recorded anything; an in-place edit
// (sed -i) is sedwrites.go's.
func (s *state) filterCopy(inner []string, rs []Redirect) bool {
	if !slices.ContainsFunc(rs, isWriteRedirect) || slices.ContainsFunc(inner[1:], func(w string) bool {
		return strings.HasPrefix(w, "-i") || strings.HasPrefix(w, "--in-place")
	}) {
		return false
	}
	var b strings.Builder
	found, opaque := false, false
	rest := make([]string, 0, len(inner)) // its words but the files read
	for _, w := range inner {
		if text, ok := s.files[s.key(w)]; ok && w != inner[0] {
			found = true
			b.WriteString(text)
		} else if s.opaque.has(s.key(w)) && w != inner[0] {
			found, opaque = true, true
		} else {
			rest = append(rest, w)
		}
	}
	if !found {
		return false
	}
	out, ok := transform(progName(inner[0]), rest, b.String())
	if !ok && !opaque {
		return false // what it makes of the text is not known
	}
	for _, r := range rs {
		if isWriteRedirect(r) {
			if opaque {
				s.markOpaque(r.Target)
			} else {
				s.recordFile(r.Target, out, r.Op == ">>" || r.Op == "&>>")
			}
		}
	}
	return true
}

// dirWord reports a copy's destination that is a directory whatever the
// file system holds: ".", "..", "~", the working directory spelled by its
// path, or a name ending in "/".
func (s *state) dirWord(dest string) bool {
	switch {
	case dest == "." || dest == ".." || dest == "~" || strings.HasSuffix(dest, "/"),
		strings.HasSuffix(dest, "/.") || strings.HasSuffix(dest, "/.."):
		return true
	}
	k := s.key(dest)
	return k == "." || k == "~"
}

// copyFile gives to the text (or the unknown text) of from, when the line
// wrote from.
func (s *state) copyFile(from, to string) bool {
	s.copyBuilt(from, to) // compiled.go: a program built on the line, copied
	if text, ok := s.files[s.key(from)]; ok {
		s.recordFile(to, text, false)
		return true
	}
	if s.opaque.has(s.key(from)) {
		s.markOpaque(to)
		return true
	}
	return s.copyDir(from, to)
}

// copyDir copies what the line wrote below directory from to below to:
// both to/NAME (to did not exist) and to/BASE/NAME (it did), since which
// one the copy makes depends on the file system.
func (s *state) copyDir(from, to string) bool {
	prefix := strings.TrimSuffix(s.key(from), "/") + "/"
	to = strings.TrimSuffix(to, "/")
	base := path.Base(strings.TrimSuffix(from, "/"))
	var texts, opaque []string
	for k := range s.files {
		if strings.HasPrefix(k, prefix) {
			texts = append(texts, k)
		}
	}
	for _, k := range s.opaque {
		if strings.HasPrefix(k, prefix) {
			opaque = append(opaque, k)
		}
	}
	for _, k := range texts {
		rest := k[len(prefix):]
		s.recordFile(to+"/"+rest, s.files[k], false)
		s.recordFile(to+"/"+base+"/"+rest, s.files[k], false)
	}
	for _, k := range opaque {
		rest := k[len(prefix):]
		s.markOpaque(to + "/" + rest)
		s.markOpaque(to + "/" + base + "/" + rest)
	}
	return len(texts)+len(opaque) > 0
}

// unknownWrites marks the files a command writes through redirections (and
// dd of=, tee FILE) when the text it writes is not known.
func (s *state) unknownWrites(inner []string, rs []Redirect) {
	for _, r := range rs {
		if isWriteRedirect(r) {
			s.keepShown(r)
			s.markOpaque(r.Target)
		}
	}
	name := progName(inner[0])
	if to := stdinCopy(name, inner); to != "" {
		s.markOpaque(to) // curl … | install /dev/stdin F
	}
	switch name {
	case "dd":
		for _, w := range inner[1:] {
			if v, ok := strings.CutPrefix(w, "of="); ok {
				s.markOpaque(v)
			}
		}
	case "tee", "sponge":
		for _, a := range operands(inner[1:]) {
			s.markOpaque(a)
		}
	}
}

// keepShown keeps, for a file text nobody knows is appended to (curl …
// >> F), the text the line wrote there before (echo A >> F): F holds it
// still (Result.Shown). Text nobody knows written over F leaves nothing
// the line showed there.
func (s *state) keepShown(r Redirect) {
	if r.Target == "" || strings.HasPrefix(r.Target, "/dev/") {
		return
	}
	k := s.key(r.Target)
	if r.Op != ">>" && r.Op != "&>>" {
		delete(s.shown, k)
		return
	}
	if t, ok := s.files[k]; ok {
		s.addShown(k, t)
	}
}

// addShown records text the line wrote into the file keyed k, whose
// whole text is not known.
func (s *state) addShown(k, text string) {
	if text == "" || len(s.shown[k])+len(text) > MaxExpandBytes {
		return
	}
	if s.shown == nil {
		s.shown = map[string]string{}
	}
	s.shown[k] += text
}

// ddText records what dd writes to of= from a here-document or here-string.
func (s *state) ddText(name string, inner []string, bodies []string) bool {
	if name != "dd" || len(bodies) == 0 {
		return false
	}
	for _, w := range inner[1:] {
		if strings.HasPrefix(w, "if=") {
			return false
		}
	}
	done := false
	for _, w := range inner[1:] {
		if v, ok := strings.CutPrefix(w, "of="); ok {
			s.recordFile(v, strings.Join(bodies, "\n"), false)
			done = true
		}
	}
	return done
}

func isWriteRedirect(r Redirect) bool {
	switch r.Op {
	case ">", ">>", ">|", "&>", "&>>":
		return !strings.HasPrefix(r.Target, "/dev/")
	case "<>":
		return overwrites(r)
	}
	return false
}

// overwrites reports a read-write redirection of the output (1<> f,
// 2<> f): the command's output is written over the start of the file,
// whose text is then known to nobody.
func overwrites(r Redirect) bool {
	return r.Op == "<>" && (r.FD == "1" || r.FD == "2") && !strings.HasPrefix(r.Target, "/dev/")
}

// markOpaque remembers that the line wrote name with text nobody knows.
func (s *state) markOpaque(name string) {
	if name == "" || strings.HasPrefix(name, "/dev/") {
		return
	}
	k := s.key(name)
	delete(s.files, k)
	if !s.opaque.has(k) {
		s.opaque = append(s.opaque, k)
	}
}

// ranFile records that the command at index i runs the file name as code
// (Command.Runs), and the files name copies when it is a process
// substitution (<(cat s.sh) runs s.sh).
func (s *state) ranFile(i int, name string) {
	if i < 0 || i >= len(s.out) || name == "" || name == "-" {
		return
	}
	c := &s.out[i]
	if c.Runs == nil {
		c.Runs = s.strs(2)
	}
	c.Runs = append(c.Runs, name)
	c.Runs = append(c.Runs, s.substFiles[name]...)
}

// mentionsOpaque reports whether a word of a command names, or holds (as
// -xFILE or --opt=FILE), a file the line wrote unseen: only then is the
// catalogue asked what the command runs.
func (s *state) mentionsOpaque(words []string) bool {
	for _, k := range s.opaque {
		b := path.Base(k)
		for _, w := range words[1:] {
			if strings.Contains(w, b) {
				return true
			}
		}
	}
	return false
}

// runsOpaque marks the command at index i as running unknown code when
// name is a file the line wrote with text nobody knows.
func (s *state) runsOpaque(i int, name string) {
	if s.opaque.has(s.key(name)) {
		s.markUnknown(i, "runs "+name+", written on the line with text that is not known")
	}
}

// copyOptions are the options of cp, install, ln, mv and rsync that take
// a value in the next word.
var copyOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"-m": true, "--mode": true, "-o": true, "--owner": true, "-g": true, "--group": true,
		"-S": true, "--suffix": true, "--backup": false, "-e": true, "--rsh": true,
		"--exclude": true, "--include": true, "--filter": true, "-f": false,
	}
}}

// copyOperands gives a copy's operands, and the directory -t
// (--target-directory) names, if any.
func copyOperands(words []string) (ops []string, target string) {
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			return append(ops, words[i+1:]...), target
		case w == "-t" || w == "--target-directory":
			if i+1 < len(words) {
				target = words[i+1]
				i++
			}
		case strings.HasPrefix(w, "--target-directory="):
			target = strings.TrimPrefix(w, "--target-directory=")
		case copyOptions.Get(w):
			i++
		case strings.HasPrefix(w, "-") && w != "-":
		default:
			ops = append(ops, w)
		}
	}
	return ops, target
}

// operands are the words of a command that are not options (a rough cut:
// options' values are not skipped, which only adds names to look up).
func operands(words []string) []string {
	var out []string
	for i, w := range words {
		if w == "--" {
			return append(out, words[i+1:]...)
		}
		if !strings.HasPrefix(w, "-") || w == "-" {
			out = append(out, w)
		}
	}
	return out
}

// stdinFiles gives the text of the files the line wrote that a command
// reads on stdin through "<" (sh < x.sh, python3 - < t.py), and marks the
// command at index i when such a file's text is not known.
func (s *state) stdinFiles(rs []Redirect, i int) []string {
	var out []string
	for _, r := range rs {
		if r.Op != "<" {
			continue
		}
		if text, ok := s.files[s.key(r.Target)]; ok {
			out = append(out, text)
		}
		s.ranFile(i, r.Target)
		s.runsOpaque(i, r.Target)
		s.runsWritten(i, r.Target) // written.go
		s.runsScratch(i, r.Target) // scratch.go
	}
	return out
}

// runsUnseen marks the command at index i as running code nobody can see
// when the file name it runs, not written on the line with known text, is
// one: written with unknown text, written by a program (written.go), in a
// temporary directory anyone can write (scratch.go), or named by no word
// of the line ("$X"). It stands for sh FILE wherever the file reaches a
// shell another way (cat FILE | sh, xargs -a FILE sh -c '{}').
func (s *state) runsUnseen(i int, name string) {
	s.ranFile(i, name)
	s.runsOpaque(i, name)
	s.runsWritten(i, name) // written.go
	s.runsScratch(i, name) // scratch.go
	if strings.Contains(name, "$") && dynName(name) == name {
		s.markUnknown(i, "code read from "+name+", a file the line does not name")
	}
	if fetchedAtRun(name) {
		// papermill https://…/nb.ipynb, jbang https://…/x.java: fetched
		// when it runs, by the runner itself
		s.markUnknown(i, "runs "+name+", code fetched from the network when it runs that nobody here has read")
	}
}

// fetchedAtRun reports a script named by a URL, which the runner fetches
// itself (https://, s3://, gs://): not a file of this machine.
func fetchedAtRun(name string) bool {
	scheme, rest, ok := strings.Cut(name, "://")
	if !ok || rest == "" || scheme == "" || scheme == "file" {
		return false
	}
	for i := 0; i < len(scheme); i++ {
		if c := scheme[i] | 0x20; (c < 'a' || c > 'z') && !(scheme[i] >= '0' && scheme[i] <= '9') && scheme[i] != '+' {
			return false
		}
	}
	return true
}

// startupFiles are the files a shell runs before its commands: bash
// --rcfile FILE and --init-file FILE (for an interactive shell).
func startupFiles(words []string) []string {
	var out []string
	for i := 1; i < len(words); i++ {
		w := words[i]
		if (w == "--rcfile" || w == "--init-file") && i+1 < len(words) {
			out = append(out, words[i+1])
		}
		if v, ok := strings.CutPrefix(w, "--rcfile="); ok {
			out = append(out, v)
		}
		if v, ok := strings.CutPrefix(w, "--init-file="); ok {
			out = append(out, v)
		}
	}
	return out
}

// ModuleExts gives the endings of the files a program may load by name
// from its working directory (python's .py, node's .js, rake's Rakefile),
// nil for a program that loads none.
func ModuleExts(name string) []string { return moduleLangs.Get()[unversioned(name)].ext }

// moduleLang is a language and its files' name endings (see moduleLangs).
type moduleLang struct {
	lang string
	ext  []string
}

// moduleLangs maps a program to the language whose files it may load by
// name from the working directory (import helper, require("./h"), pytest's
// conftest.py, node -r, perl -M, ruby -r), and the file name endings of
// that language.
var moduleLangs = table.Once[map[string]moduleLang]{Build: func() map[string]moduleLang {
	return map[string]moduleLang{
		"python":  {"python", []string{".py"}},
		"pytest":  {"python", []string{".py"}},
		"py.test": {"python", []string{".py"}},
		"node":    {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"nodejs":  {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"bun":     {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"deno":    {"node", []string{".js", ".mjs", ".ts"}},
		"tsx":     {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"ts-node": {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"jest":    {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"vitest":  {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"perl":    {"perl", []string{".pm", ".pl"}},
		"ruby":    {"ruby", []string{".rb"}},
		"rspec":   {"ruby", []string{".rb"}},
		"rake":    {"ruby", []string{".rb", ".rake", "Rakefile", "rakefile"}},
		"bundle":  {"ruby", []string{".rb", "Gemfile"}},
		"pod":     {"ruby", []string{".rb", "Podfile"}},
		"vagrant": {"ruby", []string{"Vagrantfile"}},
		"rails":   {"ruby", []string{".rb", ".rake", "Rakefile"}},
		"guard":   {"ruby", []string{".rb", "Guardfile"}},
		// Python tools that import the project's files: test and task
		// runners, documentation builders (conf.py), installers (setup.py).
		"nox":          {"python", []string{".py"}},
		"tox":          {"python", []string{".py"}},
		"invoke":       {"python", []string{".py"}},
		"inv":          {"python", []string{".py"}},
		"fab":          {"python", []string{".py"}},
		"doit":         {"python", []string{".py"}},
		"locust":       {"python", []string{".py"}},
		"behave":       {"python", []string{".py"}},
		"sphinx-build": {"python", []string{".py"}},
		"mkdocs":       {"python", []string{".py"}},
		"pip":          {"python", []string{".py"}},
		"uv":           {"python", []string{".py"}},
		"poetry":       {"python", []string{".py"}},
		"pdm":          {"python", []string{".py"}},
		"hatch":        {"python", []string{".py"}},
		"scons":        {"python", []string{".py", "SConstruct", "SConscript"}},
		// JavaScript tools that load the project's configuration modules.
		"vite":             {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"vue-cli-service":  {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"eslint":           {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"prettier":         {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"stylelint":        {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"mocha":            {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"ava":              {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"jasmine":          {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"karma":            {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"nyc":              {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"c8":               {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"playwright":       {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"cypress":          {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"webpack":          {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"rollup":           {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"next":             {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"nuxt":             {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"astro":            {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"svelte-kit":       {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"babel":            {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"tsup":             {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"gulp":             {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"grunt":            {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"storybook":        {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"tailwindcss":      {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"postcss":          {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"commitlint":       {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"semantic-release": {"node", []string{".js", ".cjs", ".mjs", ".ts"}},
		"php":              {"php", []string{".php", ".inc"}},
		"lua":              {"lua", []string{".lua"}},
		"luajit":           {"lua", []string{".lua"}},
	}
}}

// loadModules judges the source files of a program's language that the
// line wrote, when the program runs: any of them may be loaded by name.
// The script operand itself is judged by its runner already. go generate
// runs the //go:generate lines of the Go files; cargo runs a build.rs the
// line wrote, which no scanner reads, so it is unknown code.
func (s *state) loadModules(name string, words []string, f frame) {
	base := unversioned(name)
	// The module table is looked up once, and only when the answer can
	// matter: another command may have written modules (written.go), or
	// the line wrote files.
	var m moduleLang
	module := false
	if (len(s.out) > 1 || len(s.files) > 0 || len(s.opaque) > 0) && moduleKeys.Get().mayHold(base) {
		m, module = moduleLangs.Get()[base]
	}
	if !(module && len(s.out) > 1) && len(s.files) == 0 && len(s.opaque) == 0 {
		return
	}
	switch name {
	case "go":
		if len(words) > 1 && words[1] == "generate" {
			for _, k := range s.sortedFiles(".go") {
				s.parseString(goGenerateLines(s.files[k]), s.viaFrame(f, name))
			}
		}
		return
	}
	if files, ok := buildScripts.Lookup(name); ok {
		// A build script no scanner reads, written on the line, runs.
		for _, file := range files {
			if _, ok := s.files[file]; ok || s.opaque.has(file) {
				s.markUnknown(len(s.out)-1, name+" runs "+file+", written on the line")
				break
			}
		}
		return
	}
	if !module {
		return
	}
	if by, ext, ok := s.writtenExt(len(s.out)-1, m.ext, scriptOperand(words)); ok {
		// written.go: a module an earlier command may have written.
		s.markUnknown(len(s.out)-1, name+" may load a "+ext+" file "+by+" may have written on the line")
	}
	op := s.key(scriptOperand(words))
	i := len(s.out) - 1
	for _, ext := range m.ext {
		for _, k := range s.sortedFiles(ext) {
			if k != op {
				s.runText(s.files[k], m.lang, f)
			}
		}
		for _, k := range s.opaque {
			if strings.HasSuffix(k, ext) && k != op {
				s.markUnknown(i, name+" may load "+k+", written on the line with text that is not known")
			}
		}
	}
}

// buildScripts are the build files in languages no scanner reads that a
// build tool runs as code: cargo's build.rs, Gradle's Groovy and Kotlin
// scripts, sbt's build definition, Maven's and Ant's plugins' commands.
var buildScripts = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"cargo":   {"build.rs"},
		"gradle":  {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "init.gradle"},
		"gradlew": {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "init.gradle"},
		"sbt":     {"build.sbt"},
		"mvn":     {"pom.xml"},
		"mvnw":    {"pom.xml"},
		"ant":     {"build.xml"},
	}
}}

// sortedFiles are the names of files written on the line ending in ext,
// in a stable order.
func (s *state) sortedFiles(ext string) []string {
	var out []string
	for k := range s.files {
		if strings.HasSuffix(k, ext) {
			out = append(out, k)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// goGenerateLines gives the commands of a Go file's //go:generate lines.
func goGenerateLines(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), "//go:generate "); ok {
			b.WriteString(rest + "\n")
		}
	}
	return b.String()
}

// fdRedirects follows the descriptors a bare exec opens onto files (exec
// 3>f): a later ">&3" writes to f, and is reported as appending to it.
// "exec 3>/dev/null" and "exec 3>&-" close the descriptor again.
func (s *state) fdRedirects(words []string, raw []*syntax.Redirect, rs []Redirect) {
	if len(words) >= 3 && words[0] == "ztcp" && (!strings.HasPrefix(words[1], "-") || words[1] == "-l") {
		// zsh's ztcp HOST PORT opens a connection and leaves its
		// descriptor in $REPLY: <&$REPLY and >&$REPLY are the connection.
		// ztcp -l PORT listens, and ztcp -a $REPLY leaves the connection
		// it accepts there: whoever connects to the port.
		host, port := words[1], words[2]
		if host == "-l" {
			host, port = "0.0.0.0", words[2]
		}
		if s.fds == nil {
			s.fds = map[string]string{}
		}
		if s.infds == nil {
			s.infds = map[string]string{}
		}
		for _, k := range fdKeys("{REPLY}") {
			s.fds[k] = "/dev/tcp/" + host + "/" + port
			s.infds[k] = s.fds[k]
		}
	}
	bare := len(words) == 0 || len(words) == 1 && words[0] == "exec"
	for i, r := range raw {
		if i >= len(rs) {
			break
		}
		fd := redirFD(r)
		switch rs[i].Op {
		case ">", ">>", ">|", "<>", "&>", "&>>":
			if bare && len(words) == 1 && (fd == "" || fd == "1" || fd == "2") && rs[i].Op != "<>" {
				// exec >f: everything the line prints from here on goes
				// to f, text nobody follows.
				s.execOut = append(s.execOut, rs[i].Target)
			}
			if bare && fd != "" && fd != "0" && fd != "1" && fd != "2" {
				if s.fds == nil {
					s.fds = map[string]string{}
				}
				for _, k := range fdKeys(fd) {
					if strings.HasPrefix(rs[i].Target, "/dev/") && !netDevice(rs[i].Target) || procSubstOf(r) != nil {
						delete(s.fds, k) // (exec 3> >(X): fdsubst.go follows it)
					} else {
						s.fds[k] = rs[i].Target
					}
				}
			}
		case ">&":
			if bare && rs[i].Target == "-" {
				for _, k := range fdKeys(fd) {
					delete(s.fds, k)
					delete(s.infds, k)
				}
			} else if f, ok := s.fds[rs[i].Target]; ok {
				rs[i] = Redirect{Op: ">>", Target: f}
			}
		case "<&":
			if f, ok := s.infds[rs[i].Target]; ok {
				rs[i] = Redirect{Op: "<", Target: f} // cat <&3 reads what exec 3<f opened
			}
		}
		if (rs[i].Op == "<<<" || rs[i].Op == "<<" || rs[i].Op == "<<-") && bare && fd != "" && fd != "0" && fd != "1" && fd != "2" {
			// exec 3<<<TEXT: the descriptor reads TEXT, a file's content
			// the line wrote as far as <&3 and /dev/fd/3 go.
			text := rs[i].Target
			if rs[i].Op == "<<<" {
				text += "\n"
			}
			s.textFd(fd, text) // fdsubst.go
		}
		if (rs[i].Op == "<" || rs[i].Op == "<>") && bare && fd != "" && fd != "0" && fd != "1" && fd != "2" && procSubstOf(r) == nil {
			// exec 3<f (or 3<>f): /dev/fd/3 and <&3 name f from here on.
			if s.infds == nil {
				s.infds = map[string]string{}
			}
			for _, k := range fdKeys(fd) {
				s.infds[k] = rs[i].Target
			}
		}
	}
}

// netDevice reports whether p is bash's name for a connection
// (/dev/tcp/HOST/PORT, /dev/udp/HOST/PORT): what ">&N" writes after exec
// N<>p goes to the network.
func netDevice(p string) bool {
	return strings.HasPrefix(p, "/dev/tcp/") || strings.HasPrefix(p, "/dev/udp/")
}

// inheritedSockets adds to an interpreter's redirections the connections
// exec opened on spare descriptors earlier on the line (exec 3<>/dev/tcp/…):
// the interpreter inherits them, and its code can make one its input and
// output (os.dup2(3, 0)) whatever its own words say.
func (s *state) inheritedSockets(rs []Redirect) []Redirect {
	for _, m := range []map[string]string{s.infds, s.fds} {
		keys := make([]string, 0, len(m))
		for k, t := range m {
			if netDevice(t) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			r := Redirect{Op: "<>", Target: m[k], FD: k}
			if !slices.Contains(rs, r) {
				rs = append(rs, r)
			}
		}
	}
	return rs
}

// fdPaths rewrites the words that name a descriptor exec opened onto a
// file (/dev/fd/3, /proc/self/fd/3, @/dev/fd/3; fdPathKey) to name the file.
// A file whose name the walk did not resolve makes the word dynamic.
func (s *state) fdPaths(words []string, dyn []bool) []bool {
	for i, w := range words {
		k := strings.Index(w, "/dev/fd/")
		if k < 0 {
			k = strings.Index(w, "/proc/")
		}
		if k < 0 {
			continue
		}
		key, ok := fdPathKey(w[k:])
		if !ok {
			continue
		}
		if f, ok := s.infds[key]; ok {
			words[i] = w[:k] + f
			if strings.ContainsAny(f, "$`") {
				if dyn == nil {
					dyn = make([]bool, len(words))
				}
				dyn[i] = true
			}
		}
	}
	return dyn
}

// fdKeys are the spellings a later ">&" names a descriptor by: its number,
// or for bash's "exec {fd}>f" (the shell picks the number and stores it in
// fd) the variable, "$fd" or "${fd}".
func fdKeys(fd string) []string {
	if len(fd) > 2 && fd[0] == '{' && fd[len(fd)-1] == '}' {
		name := fd[1 : len(fd)-1]
		return []string{"$" + name, "${" + name + "}"}
	}
	return []string{fd}
}

// emptyWrites records the files a statement with no command (or only
// exec, ":" or true) creates or truncates: "> f", "exec 3>f" leave f
// empty, which is known text.
func (s *state) emptyWrites(inner []string, rs []Redirect) bool {
	if len(inner) > 1 || len(inner) == 1 && inner[0] != ":" && inner[0] != "true" && inner[0] != "exec" {
		return false
	}
	if s.compound || len(s.execOut) > 0 {
		if s.compound && s.printing != nil {
			s.noteBlockFile(s.printing, rs) // blockout.go
		}
		s.unknownWrites([]string{""}, rs)
		s.execOut = s.execOut[:0]
		return true
	}
	for _, r := range rs {
		if (r.Op == ">" || r.Op == ">|" || r.Op == "&>") && !strings.HasPrefix(r.Target, "/dev/") {
			s.recordFile(r.Target, "", false)
		}
	}
	return true
}

// forgetFiles drops what the line wrote to the files a command removes:
// running them later runs nothing the line wrote.
func (s *state) forgetFiles(name string, inner []string) {
	if len(s.files) == 0 && len(s.opaque) == 0 {
		return // nothing written to forget
	}
	switch name {
	case "rm", "unlink", "shred":
		for _, op := range operands(inner[1:]) {
			k := s.key(op)
			delete(s.files, k)
			s.opaque.remove(k)
		}
	}
}

// forgetWritten lets go of the known text of files that a command from
// index start on may write otherwise than with known text (perl -pi,
// open(F, "a") in a one-liner): what runs the file later runs what that
// command left, which writtenBefore then names. A writer of known text
// records it again after this (recordWrites).
func (s *state) forgetWritten(start int) {
	if len(s.files) == 0 {
		return
	}
	if start >= len(s.out) {
		return
	}
	depth := s.out[start].Depth
	for k := range s.files {
		if s.filesAt[k] > start {
			continue // written by this command's own code (node -e "writeFileSync('r.js', 'x')")
		}
		base := path.Base(k)
		for i := start; i < len(s.out); i++ {
			// (commands deeper in, sh -c's or a one-liner's, were
			// walked, and their writes weighed, on their own)
			if s.out[i].Depth != depth {
				continue
			}
			if _, ok := s.writes(i, k, base); ok || s.replaces(&s.out[i], k) {
				delete(s.files, k)
				break
			}
		}
	}
}

// fileSet is a small set of file keys (a line writes few files).
type fileSet []string

func (fs fileSet) has(k string) bool {
	for _, x := range fs {
		if x == k {
			return true
		}
	}
	return false
}

func (fs *fileSet) remove(k string) {
	for i, x := range *fs {
		if x == k {
			*fs = append((*fs)[:i], (*fs)[i+1:]...)
			return
		}
	}
}

// pathBinDirs are directories on a usual PATH, written as fileKey keeps
// them ("$HOME/.local/bin/" is "~/.local/bin/").
var pathBinDirs = []string{"~/.local/bin/", "~/bin/", "~/.cargo/bin/", "~/go/bin/", "/usr/local/bin/", "/usr/local/sbin/", "/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/", "/opt/homebrew/bin/"}

// pathFileText is the text the line wrote to a program a bare name runs
// from a directory on PATH: a usual one (install -m 755 x
// ~/.local/bin/tidy; tidy), or one the line put on PATH.
func (s *state) pathFileText(name string) (string, bool) {
	if len(s.files) == 0 || name == "" || strings.ContainsAny(name, "/$`") {
		return "", false
	}
	for _, d := range pathBinDirs {
		if t, ok := s.files[d+name]; ok {
			return t, true
		}
	}
	if v, ok := s.vars["PATH"]; ok {
		// PATH=bin:$PATH tidy, export PATH="$PWD/bin:$PATH": a
		// directory the line put on PATH, where it wrote the program
		for entry := range strings.SplitSeq(v.val, ":") {
			for _, pwd := range [...]string{"$PWD", "${PWD}", "$(pwd)"} {
				if rest, ok := strings.CutPrefix(entry, pwd); ok && (rest == "" || rest[0] == '/') {
					entry = "." + rest // the line's own directory
				}
			}
			for _, home := range [...]string{"$HOME", "${HOME}"} {
				if rest, ok := strings.CutPrefix(entry, home); ok && (rest == "" || rest[0] == '/') {
					entry = "~" + rest // PATH=$HOME/project/bin:$PATH
				}
			}
			if entry == "" || strings.ContainsAny(entry, "$`") {
				continue
			}
			if t, ok := s.files[s.key(strings.TrimSuffix(entry, "/")+"/"+name)]; ok {
				return t, true
			}
		}
	}
	return "", false
}
