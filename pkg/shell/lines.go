package shell

import (
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// hasBrace reports whether a word has an unquoted brace that may expand.
// (The walk asks it of every word: byte searches, not rune ones.)
func hasBrace(w *syntax.Word) bool {
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok && strings.IndexByte(l.Value, '{') >= 0 &&
			(strings.IndexByte(l.Value, ',') >= 0 || strings.Contains(l.Value, "..")) {
			return true
		}
	}
	return false
}

// braceWords expands a word's braces with the shell library's own brace
// expansion.
func braceWords(w *syntax.Word) []*syntax.Word {
	c := *w
	c.Parts = append([]syntax.WordPart(nil), w.Parts...)
	if !syntax.SplitBraces(&c) {
		return nil
	}
	ws := expand.Braces(&c)
	if len(ws) > 64 {
		return nil
	}
	return ws
}

// withPositional runs fn with $0, $1... and $@ set to args, as for
// "sh -c STR NAME ARGS", then restores what was there.
func (s *state) withPositional(args []string, fn func()) {
	if len(args) == 0 {
		fn()
		return
	}
	names := []string{"@", "*"}
	for i := range args {
		if i > 9 {
			break
		}
		names = append(names, string(rune('0'+i)))
	}
	saved := map[string]variable{}
	had := map[string]bool{}
	for _, n := range names {
		saved[n], had[n] = s.vars[n]
	}
	for i, a := range args {
		if i > 9 {
			break
		}
		s.setVar(string(rune('0'+i)), a, true)
	}
	rest := ""
	if len(args) > 1 {
		rest = strings.Join(args[1:], " ")
	}
	for _, n := range []string{"@", "*"} {
		s.setVar(n, rest, true)
		v := s.vars[n]
		v.elems = args[1:] // ${@: -1} slices the list, not the string
		s.vars[n] = v
	}
	fn()
	for _, n := range names {
		if had[n] {
			s.vars[n] = saved[n]
		} else {
			delete(s.vars, n)
		}
	}
}

// setPositional follows "set -- ARGS" (or set ARGS whose first is no
// option) and "shift [N]": the positional parameters $1..$9, $@ and $*
// they leave, for the rest of the line. A word the walk could not resolve
// leaves them unknown.
func (s *state) setPositional(name string, words []string, dyn []bool) {
	var args []string
	if name == "shift" {
		n := 1
		if len(words) > 1 {
			k, err := strconv.Atoi(words[1])
			if err != nil || k < 0 {
				return
			}
			n = k
		}
		for i := 1; i <= 9; i++ {
			v, ok := s.vars[strconv.Itoa(i)]
			if !ok || !v.known {
				return
			}
			args = append(args, v.val)
		}
		if n > len(args) {
			n = len(args)
		}
		args = args[n:]
	} else {
		i := 1
		for i < len(words) && (strings.HasPrefix(words[i], "-") || strings.HasPrefix(words[i], "+")) {
			if words[i] == "--" {
				i++
				break
			}
			if words[i] == "-" || words[i] == "-o" || words[i] == "+o" {
				return // set -o NAME, set - ...: options, or the old spelling
			}
			i++
		}
		if i >= len(words) && (len(words) < 2 || words[len(words)-1] != "--") {
			return // set -e, set -x: options only
		}
		for j := i; j < len(words); j++ {
			if dyn != nil && j < len(dyn) && dyn[j] {
				for k := 1; k <= 9; k++ {
					delete(s.vars, strconv.Itoa(k))
				}
				s.setVar("@", "", false)
				s.setVar("*", "", false)
				return
			}
		}
		args = words[i:]
	}
	for k := 1; k <= 9; k++ {
		if k <= len(args) {
			s.setVar(strconv.Itoa(k), args[k-1], true)
		} else {
			s.setVar(strconv.Itoa(k), "", true)
		}
	}
	for _, n := range []string{"@", "*"} {
		s.setVar(n, strings.Join(args, " "), true)
		v := s.vars[n]
		v.elems = args // ${@: -1} slices the list, not the string
		s.vars[n] = v
	}
}

// shellArgsAfterScript gives the words after "sh -c STR": $0, $1, ...
func shellArgsAfterScript(words []string) []string {
	i, hasC, _ := shellFlags(words)
	if !hasC || i >= len(words) {
		return nil
	}
	return words[i+1:]
}

// mayHoldOption reports whether a word could be an option to the
// catalogue's Classify: one starting with '-' or '+'. Classify gives a
// word an option (Word.Option) only after such a word, or for an entry
// with the "oldflags" property (tar xzf), which the awk family has not
// (TestMayHoldOptionAwk). scriptOperand asks it before classifying awk's
// words: the walk asks for the operand of one awk command five times, and
// most awk commands have only the program and files.
func mayHoldOption(args []string) bool {
	for _, a := range args {
		if a != "" && (a[0] == '-' || a[0] == '+') {
			return true
		}
	}
	return false
}

// scriptOperand gives the script file a shell or interpreter runs: its
// first operand after options ("bash x.sh", "python3 t.py", "perl
// /dev/stdin"). Options with values are skipped the way shellFlags and
// codeArgs skip them.
func scriptOperand(words []string) string {
	name := progName(words[0])
	if isShell(name) {
		i, hasC, _ := shellFlags(words)
		if hasC || i >= len(words) {
			return ""
		}
		return words[i]
	}
	first := 1
	if runVerb(name, words) {
		first = 2 // deno run -A s.js
	}
	if (name == "r" || name == "R") && len(words) > 3 && words[1] == "CMD" && words[2] == "BATCH" {
		return words[3] // R CMD BATCH x.R
	}
	base := unversioned(name)
	if scriptLang(name) == "awk" {
		// awk -v x=1 -f p.awk data.csv, gawk --file=p.awk: the program's
		// file is the value of the option the catalogue says names code
		// it runs, the words after it data
		if !mayHoldOption(words[1:]) {
			return "" // awk '{print $1}': no option, so no option's value
		}
		for _, w := range catalog.Default().Classify(name, words[1:]).Words {
			if w.Role == catalog.Exec && w.Option != "" {
				return w.Text
			}
		}
		return ""
	}
	if opts, ok := codeFileOptions.Lookup(base); ok && scriptLang(name) != "" {
		// R -f x.R: the program's file is its option's value
		for i := first; i < len(words); i++ {
			for _, o := range opts {
				if words[i] == o && i+1 < len(words) {
					return words[i+1]
				}
				if w := words[i]; strings.HasPrefix(o, "--") && len(w) > len(o) && w[len(o)] == '=' && w[:len(o)] == o {
					return w[len(o)+1:] // --file=p.awk (o and "=" tested apart: no string is built)
				}
			}
		}
		return ""
	}
	valued := interpValueOptions.Get(base)
	for i := first; i < len(words); i++ {
		w := words[i]
		if slices.Contains(valued, w) {
			i++ // julia -t 4 x.jl, php -d memory_limit=-1 x.php: the option's value
			continue
		}
		if w == "--" {
			if i+1 < len(words) {
				return words[i+1]
			}
			return ""
		}
		if w == "-" || !strings.HasPrefix(w, "-") {
			if w == "-m" {
				return ""
			}
			return w
		}
		if w == "-m" || w == "-c" || w == "-e" || w == "-E" || w == "-r" {
			return ""
		}
	}
	return ""
}

// interpValueOptions are, by interpreter (its version trimmed), the
// options that take the next word as their value, before the script's
// file.
var interpValueOptions = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"julia": {"-t", "--threads", "-p", "--procs", "-J", "--sysimage", "--machine-file"},
		"php":   {"-d", "-c", "-z"},
		"awk":   {"-F", "-v", "--assign", "--field-separator"}, "gawk": {"-F", "-v", "--assign", "--field-separator"},
		"mawk": {"-F", "-v"}, "nawk": {"-F", "-v"},
		"ruby": {"-I", "-r"}, "perl": {"-I"}, "node": {"-r", "--require", "--import", "--loader"},
		"python": {"-W", "-X"}, "lua": {"-l"}, "luajit": {"-l"},
		"Rscript": {"--default-packages"}, "rscript": {"--default-packages"},
	}
}}

// defineAliases records "alias NAME=VALUE" and "hash -p PATH NAME".
func (s *state) defineAliases(name string, args []string) {
	if s.aliases == nil {
		s.aliases = map[string]string{}
	}
	if name == "hash" {
		for i := 0; i+2 < len(args); i++ {
			if args[i] == "-p" {
				s.aliases[args[i+2]] = args[i+1]
			}
		}
		return
	}
	for _, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok && k != "" && !strings.HasPrefix(k, "-") {
			s.aliases[k] = v
		}
	}
}

// copyValueOptions are the options of cp, install and ln that take a
// value (install -m 755): the value is no operand.
var copyValueOptions = table.Map[string, bool]{Words: "-m --mode -o --owner -g --group -S --suffix"}

// defineCopiedProgram records a shell, an interpreter or a catalogued
// program copied, linked or moved under another name on the line (cp
// /usr/bin/python3 ./py, ln -s /bin/sh run, install -m 755 /bin/bash
// /tmp/b, cp /usr/local/bin/kubectl ./k, and a copy moved again): run
// later by that name, the copy is the program it was copied from, as a
// name hash -p gave it is.
func (s *state) defineCopiedProgram(name string, args []string) {
	switch name {
	case "cp", "install", "ln", "rsync", "gcp", "ginstall", "link", "gln", "mv":
	default:
		return
	}
	var ops []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-t" || a == "--target-directory" || strings.HasPrefix(a, "--target-directory="):
			return // into a directory: the copy keeps the program's own name
		case copyValueOptions.Get(a) || name == "rsync" && rsyncValueOptions.Get(a):
			i++
		case strings.HasPrefix(a, "-") && a != "-":
		default:
			ops = append(ops, a)
		}
	}
	if len(ops) != 2 || strings.HasSuffix(ops[1], "/") {
		return
	}
	if prog, ok := s.aliases[fileKey(ops[0])]; ok && copiedProgram(prog) {
		ops[0] = prog // a copy copied or moved again: cp python3 py; mv py q
	}
	if !copiedProgram(ops[0]) {
		return
	}
	if s.aliases == nil {
		s.aliases = map[string]string{}
	}
	dest := fileKey(ops[1])
	// the copy's own name, run from its directory (cp python3 /tmp/py
	// && cd /tmp && ./py), is taken for it too: reading a stranger's
	// ./py as the interpreter is the careful side
	base := path.Base(dest)
	for _, k := range []string{ops[1], dest, "./" + dest, "./" + base} {
		s.aliases[k] = ops[0]
	}
}

// copiedProgram reports a copy's source that is a program run by what it
// is: a shell or an interpreter by any path, or a program the catalogue
// knows named by its path (/usr/local/bin/kubectl, ~/go/bin/terraform),
// whose copy deploys, pushes or deletes as the program does.
func copiedProgram(src string) bool {
	base := path.Base(src)
	return ShellOrInterpreter(base) || strings.Contains(src, "/") && catalog.Default().Known(base)
}

// rsyncValueOptions are rsync's options that take the next word as their
// value (rsync -e ssh SRC DEST).
var rsyncValueOptions = table.Map[string, bool]{Words: `-e --rsh --rsync-path --exclude --include
	--filter --chmod --chown -M --remote-option --exclude-from --include-from --files-from`}

// fileKey normalises a file name written on the line, so that "./x.sh",
// "x.sh" and "$HOME/x" / "~/x" name the same file.
func fileKey(p string) string {
	// $PWD/s.sh and ./a/../s.sh are s.sh, as the shell opens them
	for _, w := range []string{"$PWD/", "${PWD}/"} {
		if strings.HasPrefix(p, w) {
			p = p[len(w):]
		}
	}
	if strings.Contains(p, "/") && !substrs.AnyByte(p, "$`*?[") {
		p = path.Clean(p)
	}
	p = strings.TrimPrefix(p, "./")
	for _, h := range []string{"$HOME/", "${HOME}/"} {
		if strings.HasPrefix(p, h) {
			p = "~/" + p[len(h):]
		}
	}
	return p
}

// recordFile remembers text written to a file on the line.
func (s *state) recordFile(target, text string, appendTo bool) {
	if target == "" || len(text) > MaxExpandBytes {
		return
	}
	if s.files == nil {
		s.files, s.filesAt = map[string]string{}, map[string]int{}
	}
	k := s.key(target)
	s.filesAt[k] = len(s.out)
	if s.opaque.has(k) {
		if appendTo {
			s.addShown(k, text) // appending to unknown text leaves it unknown, with this text in it
			return
		}
		s.opaque.remove(k)
	}
	if !appendTo {
		delete(s.shown, k) // (a nil map deletes nothing)
	}
	if appendTo {
		s.files[k] += text
		return
	}
	s.files[k] = text
}

// runFile judges a script file when the line wrote it: its content is run
// as lang ("sh", a one-liner language, or "make" for a makefile).
func (s *state) runFile(name, lang string, f frame) {
	s.ranFile(len(s.out)-1, name)
	s.runFileText(name, lang, f)
}

// runFileText is runFile for a file the runner reads by default
// (make's Makefile): it runs what the line wrote there, and is no file the
// command was handed to run.
func (s *state) runFileText(name, lang string, f frame) {
	text, ok := s.files[s.key(name)]
	if !ok {
		s.runsOpaque(len(s.out)-1, name)
		s.runsWritten(len(s.out)-1, name) // written.go
		s.runsScratch(len(s.out)-1, name) // scratch.go
		return
	}
	s.runText(text, lang, f)
}

func (s *state) runText(text, lang string, f frame) {
	switch lang {
	case "sh":
		s.parseString(text, f)
	case "cron":
		// A crontab line is five time fields (or @reboot and the like)
		// and a command.
		var b strings.Builder
		for _, l := range strings.Split(text, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") || shellAssignment(l) {
				continue
			}
			fields := strings.Fields(l)
			n := 5
			if strings.HasPrefix(l, "@") {
				n = 1
			}
			if len(fields) > n {
				b.WriteString(strings.Join(fields[n:], " ") + "\n")
			}
		}
		s.parseString(b.String(), f)
	case "make":
		// Recipe lines start with a tab, or follow a rule's ";" on its
		// own line ("x: ; cmd"); make's $(VAR) reads like $VAR.
		var b strings.Builder
		for _, l := range strings.Split(text, "\n") {
			recipe, ok := strings.CutPrefix(l, "\t")
			if k := strings.IndexByte(l, ':'); !ok && k > 0 && !strings.HasPrefix(l[k+1:], "=") && !strings.HasPrefix(l, "#") {
				_, recipe, ok = strings.Cut(l[k+1:], ";")
			}
			if ok {
				recipe = strings.TrimLeft(recipe, " \t@-+")
				b.WriteString(makeRecipe(recipe) + "\n")
				continue
			}
			// $(shell CMD) outside a recipe (a variable, a condition, text
			// given to --eval) runs when make reads the makefile, even
			// under -n
			for _, c := range makeShellBodies(l) {
				b.WriteString(c + "\n")
			}
		}
		s.parseString(b.String(), f)
		for _, inc := range makeIncludes(text) {
			// include FILE: its rules are the makefile's
			if s.includes < maxIncludes {
				s.includes++
				s.runFile(inc, "make", f)
			}
		}
	case "indented":
		// A justfile: a recipe's lines are indented under its name.
		var b strings.Builder
		for _, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, " ") {
				b.WriteString(strings.TrimLeft(l, " \t@-") + "\n")
			}
		}
		s.parseString(b.String(), f)
	case "strings":
		s.parseString(recipeStrings(text), f)
	case "sshconfig":
		s.parseString(sshConfigCommands(text), f)
		for _, inc := range sshIncludes(text) {
			if s.includes < maxIncludes {
				s.includes++
				s.runFile(inc, "sshconfig", f)
			}
		}
	case "cmake":
		s.parseString(cmakeCommands(text), f)
	case "meson":
		s.parseString(mesonCommands(text), f)
	case "bazel":
		s.parseString(genruleCommands(text), f)
	case "ini":
		s.parseString(iniValues(text), f)
	case "key:entry", "key:run":
		s.parseString(keyedValues(text, lang[len("key:"):]), f)
	case "expect":
		s.wrapperString("expect", text, f)
	case "pwsh":
		s.parseString(translatePwsh(text), f)
	case "cmd":
		s.parseString(translateCmdExe(text), f)
	default:
		if tclInterpreter(lang) {
			s.tclCommands(text, s.viaFrame(f, lang)) // echo 'exec rm …' | tclsh
			return
		}
		s.scanCode(lang, text, f)
	}
}

// A recipeRunner is a program that runs commands it reads from a recipe
// file: the files it reads by default in the working directory, the
// options that name another, and the file's format for runText.
type recipeRunner struct {
	files  []string
	flags  []string
	format string
	dirs   []string // options that name the directory the files are in
}

// recipeRunners are the programs that run recipe files. A recipe file the
// line wrote is judged whole when its runner runs: every recipe in it,
// since which one runs (and what npm's install scripts do) is the
// runner's business.
var recipeRunners = table.Map[string, recipeRunner]{Build: func() map[string]recipeRunner {
	return map[string]recipeRunner{
		"make":  {[]string{"GNUmakefile", "makefile", "Makefile"}, []string{"-f", "--file", "--makefile"}, "make", []string{"-C", "--directory"}},
		"gmake": {[]string{"GNUmakefile", "makefile", "Makefile"}, []string{"-f", "--file", "--makefile"}, "make", []string{"-C", "--directory"}},
		"bmake": {[]string{"makefile", "Makefile"}, []string{"-f"}, "make", []string{"-C"}},
		"just":  {[]string{"justfile", "Justfile", ".justfile"}, []string{"-f", "--justfile"}, "indented", []string{"-d", "--working-directory"}},
		"task":  {[]string{"Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "taskfile.yaml"}, []string{"-t", "--taskfile"}, "strings", []string{"-d", "--dir"}},
		"npm":   {[]string{"package.json"}, nil, "strings", []string{"--prefix", "-C"}},
		"pnpm":  {[]string{"package.json"}, nil, "strings", []string{"-C", "--dir", "--prefix"}},
		"yarn":  {[]string{"package.json"}, nil, "strings", []string{"--cwd"}},
		"bun":   {[]string{"package.json"}, nil, "strings", []string{"--cwd", "--cd"}},
		"mise":  {[]string{"mise.toml", ".mise.toml"}, nil, "strings", []string{"-C", "--cd"}},
		// deno task NAME runs the tasks of deno.json (its other verbs do not)
		"deno": {[]string{"deno.json", "deno.jsonc"}, []string{"-c", "--config"}, "strings", []string{"--cwd"}},
		"tox":  {[]string{"tox.ini"}, []string{"-c", "--conf"}, "ini", []string{"--root"}},
		// pre-commit's hooks of language system or script run their entry.
		"pre-commit": {[]string{".pre-commit-config.yaml"}, []string{"-c", "--config"}, "key:entry", nil},
		"lefthook":   {[]string{"lefthook.yml", ".lefthook.yml"}, nil, "key:run", nil},
		"cmake":      {[]string{"CMakeLists.txt"}, []string{"-P", "-C"}, "cmake", []string{"-S"}},
		// meson setup runs meson.build's run_command calls; bazel build,
		// run or test a genrule's cmd (buildfiles.go)
		"meson":    {[]string{"meson.build"}, nil, "meson", nil},
		"bazel":    {[]string{"BUILD", "BUILD.bazel"}, nil, "bazel", nil},
		"bazelisk": {[]string{"BUILD", "BUILD.bazel"}, nil, "bazel", nil},
	}
}}

// runRecipes judges the recipe files a runner reads that the line wrote:
// the one an option names, else the default ones.
func (s *state) runRecipes(r recipeRunner, words []string, f frame) {
	named, dir := false, ""
	for i := 1; i < len(words); i++ {
		for _, fl := range r.dirs {
			if words[i] == fl && i+1 < len(words) {
				dir = words[i+1]
			} else if v, ok := strings.CutPrefix(words[i], fl+"="); ok && strings.HasPrefix(fl, "--") {
				dir = v
			}
		}
		for _, fl := range r.flags {
			if words[i] == fl && i+1 < len(words) {
				s.runFile(words[i+1], r.format, f)
				named = true
			} else if v, ok := strings.CutPrefix(words[i], fl+"="); ok && strings.HasPrefix(fl, "--") {
				s.runFile(v, r.format, f)
				named = true
			}
		}
	}
	if !named {
		for _, name := range r.files {
			if dir != "" {
				name = strings.TrimSuffix(dir, "/") + "/" + name
			}
			s.runFileText(name, r.format, f)
		}
	}
}

// recipeStrings are the command lines in a recipe file of a structured
// format (package.json, Taskfile.yml, mise.toml): its quoted strings and
// the values of its "key: value" and "key = value" lines, each parsed as
// shell. Reading more than the recipes only adds words to judge.
func recipeStrings(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		for _, part := range quotedParts(l) {
			b.WriteString(part + "\n")
		}
		t := strings.TrimLeft(strings.TrimSpace(l), "- ")
		if k := strings.IndexAny(t, ":="); k > 0 && !strings.ContainsAny(t[k+1:], "\"'") {
			if v := strings.TrimSpace(t[k+1:]); v != "" && v != "|" && v != ">" && !strings.HasPrefix(v, "[") && !strings.HasPrefix(v, "{") {
				b.WriteString(v + "\n")
			}
		} else if !strings.ContainsAny(t, ":=\"'[]{}") && t != "" && strings.HasPrefix(strings.TrimSpace(l), "- ") {
			b.WriteString(t + "\n")
		}
	}
	return b.String()
}

// quotedParts returns the double- and single-quoted strings on a line,
// JSON escapes undone for double quotes.
func quotedParts(l string) []string {
	var out []string
	for i := 0; i < len(l); i++ {
		q := l[i]
		if q != '"' && q != '\'' {
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(l) && l[j] != q; j++ {
			if l[j] == '\\' && q == '"' && j+1 < len(l) {
				j++
				switch l[j] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				default:
					b.WriteByte(l[j])
				}
				continue
			}
			b.WriteByte(l[j])
		}
		out = append(out, b.String())
		i = j
	}
	return out
}

// makeRecipe is a recipe line as the shell receives it: "$$" is a "$",
// $(VAR) and ${VAR} read like $VAR, $(shell CMD) runs CMD, and make's
// other functions and automatic variables ($@, $(patsubst ...)) are text
// the shell gets computed ($MAKE).
func makeRecipe(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		if l[i] != '$' || i+1 >= len(l) {
			b.WriteByte(l[i])
			continue
		}
		open := l[i+1]
		if open == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if open != '(' && open != '{' {
			b.WriteString("$MAKE")
			i++
			continue
		}
		closer := byte(')')
		if open == '{' {
			closer = '}'
		}
		depth, j := 0, i+1
		for ; j < len(l); j++ {
			if l[j] == open {
				depth++
			} else if l[j] == closer {
				if depth--; depth == 0 {
					break
				}
			}
		}
		inner := l[i+2 : min(j, len(l))]
		switch {
		case identName(inner):
			b.WriteString("$" + inner)
		case strings.HasPrefix(inner, "shell "):
			b.WriteString("$(" + makeRecipe(inner[len("shell "):]) + ")")
		default:
			b.WriteString("$MAKE")
		}
		i = j
	}
	return b.String()
}

// identName reports whether s is a variable name.
func identName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) {
			return false
		}
	}
	return true
}

// fileTextLang is the language a file written on the line, named name, is
// judged in when it is run: its #! line's, else, when its text is no
// shell's (print(1) in x.py, run by uv run x.py or python3 x.py), its
// extension's. Text that parses as shell stays shell's: run directly, a
// file with no #! line is a shell script whatever its name.
func (s *state) fileTextLang(name, text string) string {
	lang := shebangLang(text)
	if lang != "sh" || strings.HasPrefix(text, "#!") {
		return lang
	}
	ext := strings.ToLower(path.Ext(name))
	if l := scriptExtLangs.Get(ext); l != "" {
		if _, ok := s.parse(text); !ok {
			return l
		}
	}
	return lang
}

// scriptExtLangs are the languages of script files by extension.
var scriptExtLangs = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		".py": "python", ".js": "node", ".mjs": "node", ".cjs": "node", ".ts": "node", ".mts": "node",
		".rb": "ruby", ".pl": "perl", ".pm": "perl", ".php": "php", ".lua": "lua", ".r": "r", ".jl": "julia",
		".awk": "awk",
	}
}}

// shebangLang is the language a script written on the line is run in.
func shebangLang(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(first, "#!") {
		return "sh"
	}
	for _, w := range strings.Fields(strings.TrimPrefix(first, "#!")) {
		if l := scriptLang(progName(w)); l != "" {
			return l
		}
		if isPwsh(progName(w)) {
			return "pwsh"
		}
	}
	return "sh"
}

// recordWrites remembers what a command writes to files, when the text is
// known: echo and printf output, here-documents through cat, tee or
// install, and what a pipeline's earlier stages feed its last stage.
// name is progName(inner[0]) and kinds its kinds (nameKinds; 0 when inner
// is empty); argsFed says xargs adds words from its input
// (… | xargs -0 printf '%s' > f writes the input, not the words seen).
func (s *state) recordWrites(f frame, name string, kinds uint32, inner []string, rs []Redirect, bodies []string, unseenIn, argsFed bool) {
	if len(inner) == 1 && inner[0] == "exec" && printsToFileRs(rs) {
		bp := s.noteExecPrint(f, rs) // blockout.go: exec >> F; echo …
		defer s.startExecPrint(bp)   // once the exec's own writes are recorded
	}
	if s.emptyWrites(inner, rs) {
		return
	}
	s.forgetFiles(name, inner)
	if s.copyWrites(name, inner, rs) || s.ddText(name, inner, bodies) {
		return
	}
	if name == "sed" || name == "gsed" {
		// sed -i: what its script puts into the files (sedwrites.go).
		files, text := sedInPlaceTexts(inner)
		for _, file := range files {
			s.recordFile(file, text, true)
			s.walkConfigFile(f, file) // settings.go
		}
	}
	// jq and yq: the document their filter's assignments write (jqwrites.go)
	jfiles, jt, jok := jqEditText(name, inner, s.knownValue)
	for _, file := range jfiles {
		s.recordFile(file, jt, true)
		s.walkConfigFile(f, file) // settings.go
	}
	text, known := "", false
	pt, pok := "", false
	if !argsFed && len(inner) > 0 {
		pt, pok = argPrinterText(name, inner[1:]) // yes …, jq -rn '"…"' (argprinters.go)
	}
	switch {
	case jok:
		text, known = jt, true
	case pok:
		text, known = pt, true
	case (name == "echo" || name == "printf" || kinds&kindScriptLang != 0) && !argsFed: // (scriptLang(name) != "")
		// (awk 'BEGIN{print …}', a one-liner printing literals: echoText)
		text, known = s.echoText(inner)
	case len(bodies) > 0 && (name == "cat" || name == "tee" || name == "install" || name == "dd" || name == "cp"):
		text, known = strings.Join(bodies, "\n"), true
	case len(bodies) > 0 && name != "":
		// a filter given a here-string writes what it makes of the
		// text, as one fed by a pipe does (head > run.sh <<< '…')
		text, known = transform(name, inner, strings.Join(bodies, "\n"))
	case (stdinCopy(name, inner) != "" || stdinSink(name, inner)) && f.inPipe && f.pl.stage > 0:
		// printf … | install -m 755 /dev/stdin ./t: the stage's input
		text, known = s.stageIn, s.stageIn != "" && !unseenIn
		s.stageIn = ""
	case f.inPipe && f.pl.stage > 0 && !unseenIn:
		// (with part of its input unseen, what it writes is unknown:
		// { echo ls; pbpaste; } | tee run.sh)
		for _, fd := range f.pl.feeds {
			if fd.stage == f.pl.stage {
				if text == "" {
					text = fd.text // most stages have one feed: no concatenation
				} else {
					text += fd.text
				}
				known = true
			}
		}
	}
	if !known {
		s.unknownWrites(inner, rs)
		if in := s.givenText(f, inner, rs, bodies); in != "" {
			// … | envsubst >> F: a filter the walk does not follow
			// writes what it made of text the line shows, which F holds
			// in some form among the rest (Result.Shown)
			if bp := s.printing; bp != nil && !bp.noting && !f.inPipe && f.depth == bp.depth && !stdoutAway(rs, false) {
				bp.shown += in // { envsubst <<< '…'; } >> F (blockout.go)
			}
			for _, r := range rs {
				if isWriteRedirect(r) && (r.FD == "" || r.FD == "1") && !strings.HasPrefix(r.Target, "/dev/") {
					s.addShown(s.key(r.Target), in)
				}
			}
			if name == "tee" || name == "sponge" {
				for _, a := range operands(inner[1:]) {
					if !strings.HasPrefix(a, "/dev/") {
						s.addShown(s.key(a), in) // … | envsubst | tee -a F
					}
				}
			}
			for _, a := range filterOutputs(name, inner) {
				s.addShown(s.key(a), in) // … | sort -o F (filterout.go)
			}
		}
		s.pipeIn = ""
		return
	}
	for _, a := range filterOutputs(name, inner) {
		s.recordFile(a, text, false) // … | sort -o F, uniq - F (filterout.go)
		s.walkConfigFile(f, a)
	}
	s.pipeIn = ""
	for _, r := range rs {
		if (r.Op == ">" || r.Op == ">>" || r.Op == ">|" || r.Op == "&>" || r.Op == "&>>") && r.Target != "/dev/null" {
			s.recordFile(r.Target, text, r.Op == ">>" || r.Op == "&>>")
		} else if overwrites(r) {
			s.markOpaque(r.Target)
			if r.FD == "1" { // its start is this text, the rest unseen
				s.addShown(s.key(r.Target), text)
			}
		}
	}
	for _, r := range rs {
		s.walkConfigFile(f, r.Target) // settings.go
	}
	switch name {
	case "tee":
		for _, a := range inner[1:] {
			if !strings.HasPrefix(a, "-") {
				s.recordFile(a, text, false)
				s.walkConfigFile(f, a)
			}
		}
	case "install", "cp":
		if to := stdinCopy(name, inner); to != "" {
			s.recordFile(to, text, false)
		}
	case "sponge":
		// … | sponge run.sh, sponge -a: its input, written when it ends
		appendTo := slices.Contains(inner[1:], "-a")
		for _, a := range operands(inner[1:]) {
			s.recordFile(a, text, appendTo)
		}
	case "dd":
		// … | dd of=run.sh: its input (dd if= of= is a copy, copyWrites)
		for _, w := range inner[1:] {
			if v, ok := strings.CutPrefix(w, "of="); ok {
				s.recordFile(v, text, slices.Contains(inner[1:], "oflag=append"))
			}
		}
	}
}

// givenText is the text known to reach a command's standard input, when
// it writes what it makes of it to a file the walk cannot follow
// (envsubst): what earlier stages of its pipeline gave it (feedPipe's
// pipeIn), its here-documents and here-strings, and a file the line wrote
// redirected in.
func (s *state) givenText(f frame, inner []string, rs []Redirect, bodies []string) string {
	in := ""
	if f.inPipe && f.pl.stage > 0 {
		in = s.pipeIn
	}
	if len(inner) == 0 || !printsOutput(progName(inner[0]), inner) {
		return in
	}
	for _, b := range bodies {
		in += b
	}
	for _, t := range s.fileInputs(inner, rs) {
		in += t
	}
	return in
}

// fileInputs are the texts of the files the line wrote that a command
// reads: those it names (iconv -t ascii /tmp/e) and those redirected in
// (envsubst < /tmp/e).
func (s *state) fileInputs(inner []string, rs []Redirect) []string {
	if len(s.files) == 0 {
		return nil
	}
	var out []string
	if len(inner) > 1 {
		for _, op := range operands(inner[1:]) {
			if t, ok := s.files[s.key(op)]; ok {
				out = append(out, t)
			}
		}
	}
	for _, r := range rs {
		if t, ok := s.files[s.key(r.Target)]; ok && r.Op == "<" {
			out = append(out, t)
		}
	}
	return out
}

// stdinSink reports a command that writes its standard input to the
// files it names and prints nothing: sponge FILE, dd of=FILE (without
// if=).
func stdinSink(name string, inner []string) bool {
	switch name {
	case "sponge":
		return len(operands(inner[1:])) > 0
	case "dd":
		of := false
		for _, w := range inner[1:] {
			if strings.HasPrefix(w, "if=") {
				return false
			}
			of = of || strings.HasPrefix(w, "of=")
		}
		return of
	}
	return false
}

// stdinCopy gives the file install or cp writes from its standard input
// (install -m 755 /dev/stdin F, cp - F, /dev/fd/0), or "".
func stdinCopy(name string, inner []string) string {
	if name != "install" && name != "cp" && name != "ginstall" && name != "gcp" {
		return ""
	}
	if n := len(inner); n >= 3 && (inner[n-2] == "/dev/stdin" || inner[n-2] == "-" || inner[n-2] == "/dev/fd/0") {
		return inner[n-1]
	}
	return ""
}

// shellAssignment reports whether a crontab line sets a variable.
func shellAssignment(l string) bool {
	i := strings.IndexByte(l, '=')
	return i > 0 && !strings.ContainsAny(l[:i], " \t")
}

// wrapperString runs the string a catalogue wrapper hands a shell: as
// shell text (script -c), the spawn and exec commands of a Tcl script, or
// an editor's "!CMD" ex command.
func (s *state) wrapperString(name, text string, f frame) {
	e, _ := catalog.Default().Lookup(name, nil)
	g := s.viaFrame(f, name)
	fed := len(s.out)
	defer s.markFedCode(name, fed)
	switch {
	case e != nil && e.Prop("shell-lang") == "tcl":
		s.tclCommands(text, g)
	case e != nil && e.Prop("shell-prefix") != "":
		if rest, ok := catalog.PrefixedShell(text, e.Prop("shell-prefix")); ok {
			s.parseString(rest, g)
		} else if interp, code, ok := catalog.PrefixedCode(text, e.Prop("code-prefix")); ok {
			// gdb's python CODE, vim's lua CODE: the code as that
			// interpreter's one-liner (python -c, lua, perl and ruby -e)
			flag := " -e "
			if strings.HasPrefix(interp, "python") {
				flag = " -c "
			}
			s.parseString(interp+flag+quoteWord(code), g)
		}

	default:
		s.parseString(dialectText(name, text), g) // nu, elvish, xonsh: dialects.go
	}
}

// tclCommands walks what a Tcl script (expect's, OpenOCD's, tclsh's) hands
// a shell: a command ends at ";" or a newline, and one runs inside
// another's brackets or braces ([exec CMD], if {1} {exec CMD}); its spawn,
// exec or system, wherever it stands (eval exec CMD), runs what follows.
func (s *state) tclCommands(text string, g frame) {
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(";\n[]{}", r) }) {
		if rest, ok := tclShellCommand(part); ok {
			s.parseString(rest, g)
		}
	}
	if strings.Contains(text, "spawn") {
		for _, line := range expectRuns(text) { // what is typed into what it spawned: expectsend.go
			s.parseString(line, g)
		}
	}
}

// tclInterpreter reports a Tcl interpreter's name (tclsh, wish, tclsh8.6).
func tclInterpreter(name string) bool {
	n := unversioned(name)
	return n == "tclsh" || n == "wish" || n == "expect" // expect is Tcl with spawn
}

// tclShellCommand returns what a Tcl command hands a shell: the words
// after its spawn, exec or system.
// Tcl's own file commands are the shell's (file delete -force P is rm
// -rf P), and its env array ($env(HOME), array get env, parray env) the
// environment.
func tclShellCommand(part string) (string, bool) {
	rest := strings.NewReplacer("$env(", "${", "$::env(", "${").Replace(part)
	if strings.Contains(rest, "${") {
		rest = tclEnvClose.Get().ReplaceAllString(rest, "${$1}")
	}
	for {
		rest = strings.TrimLeft(rest, " \t")
		word, after, _ := strings.Cut(rest, " ")
		switch word {
		case "spawn", "exec", "system":
			return after, strings.TrimSpace(after) != ""
		case "file":
			verb, paths, _ := strings.Cut(strings.TrimLeft(after, " \t"), " ")
			switch verb {
			case "delete":
				return "rm -rf " + strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(paths), "-force")), "-- "), strings.TrimSpace(paths) != ""
			case "copy", "rename", "link":
				return "cp -rf " + strings.TrimPrefix(strings.TrimSpace(paths), "-force "), strings.TrimSpace(paths) != ""
			}
			return "", false
		case "array", "parray":
			if f := strings.Fields(after); word == "parray" && len(f) > 0 && strings.TrimPrefix(f[0], "::") == "env" ||
				len(f) > 1 && f[0] == "get" && strings.TrimPrefix(f[1], "::") == "env" {
				return "env", true // the whole environment, values and all
			}
			return "", false
		case "":
			return "", false
		}
		rest = after
	}
}

// tclEnvClose finishes $env(NAME), opened as ${NAME), into ${NAME}.
var tclEnvClose = table.Regexp{Expr: `\$\{(\w+)\)`}

// markFedCode marks, for a program whose catalogue entry "feeds-shell"
// (tar --to-command=sh: the command reads each member on its standard
// input), the commands from index start on that run what their standard
// input holds: a shell or interpreter there runs what the archive holds,
// which the line does not show.
func (s *state) markFedCode(name string, start int) {
	if e, _ := catalog.Default().Lookup(name, nil); e == nil || e.Prop("feeds-shell") == "" {
		return
	}
	for k := start; k < len(s.out); k++ {
		if readsCodeOnStdin(s.out[k].Program, s.out[k].Args) {
			s.markUnknown(k, "stdin code from "+name+": its command is fed what it unpacks")
		}
	}
}

// readsCodeOnStdin reports whether a command is a shell or an interpreter
// given no script, no -c and no code of its own: it runs what its standard
// input holds.
func readsCodeOnStdin(program string, args []string) bool {
	words := append([]string{program}, args...)
	name := progName(program)
	if isShell(name) {
		i, hasC, _ := shellFlags(words)
		return !hasC && i >= len(words)
	}
	if scriptLang(name) == "" {
		return false
	}
	if _, _, ok := interpCode(words); ok {
		return false
	}
	return scriptOperand(words) == ""
}

// arrayElems gives the elements of an array assignment when each is known.
func (e *expander) arrayElems(a *syntax.ArrayExpr) ([]string, bool) {
	var out []string
	for _, el := range a.Elems {
		if el.Index != nil || el.Value == nil {
			return nil, false
		}
		n := len(e.words)
		e.word(el.Value, true)
		for i := n; i < len(e.words); i++ {
			if e.dyn[i] {
				e.words, e.dyn = e.words[:n], e.dyn[:n]
				return nil, false
			}
			out = append(out, e.words[i])
		}
		e.words, e.dyn = e.words[:n], e.dyn[:n]
	}
	return out, true
}

// keyedElems records the elements of an array assignment written with
// keys or indexes (declare -A m=([k]=v), a=([2]=x)) each under
// "NAME[KEY]", where ${m[k]} and ${a[2]} read them back; an assignment
// of the whole array drops the elements keyed before it.
func (s *state) keyedElems(e *expander, name string, a *syntax.ArrayExpr, appendTo bool) {
	name = s.refName(name)
	if !appendTo {
		// m=(…) replaces every element the line keyed before
		for k := range s.vars {
			if strings.HasPrefix(k, name+"[") {
				s.logVar(k)
				delete(s.vars, k)
			}
		}
	}
	for _, el := range a.Elems {
		if el.Index == nil || el.Value == nil {
			continue
		}
		k, ok := indexKey(el.Index)
		if bashTableCommand(name) != "" {
			k, ok = s.tableKey(e, el.Index) // BASH_ALIASES=([rampart-hook]=…): bashtables.go
		}
		if !ok {
			continue
		}
		if hasSubst(el.Value) {
			continue // walked once already, with the array (walkNested)
		}
		if v, dyn := e.one(el.Value); !dyn {
			s.setVar(name+"["+k+"]", v, true)
			s.bashTableElem(e.f, name, k, v)
		}
	}
}

// hasSubst reports a word holding a command or process substitution.
func hasSubst(w *syntax.Word) bool {
	found := false
	syntax.Walk(w, func(n syntax.Node) bool {
		switch n.(type) {
		case *syntax.CmdSubst, *syntax.ProcSubst:
			found = true
		}
		return !found
	})
	return found
}

// indexKey is an array index or key written as a literal word ("k", "2").
func indexKey(x syntax.ArithmExpr) (string, bool) {
	w, ok := x.(*syntax.Word)
	if !ok {
		return "", false
	}
	k := w.Lit()
	return k, k != "" && k != "@" && k != "*"
}

// funcDef is a function defined on the line.
type funcDef struct {
	body   *syntax.Stmt
	f      frame
	called bool
	active bool     // being walked: a recursive call is not walked again
	alt    *funcDef // the body it had before a branch that may not have run redefined it (scopes.go)
}

// walkUncalled walks the bodies of functions nothing on the line called,
// so what they would run is still judged.
func (s *state) walkUncalled() {
	names := make([]string, 0, len(s.funcs))
	for name := range s.funcs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if fn := s.funcs[name]; !fn.called {
			fn.called, fn.active = true, true
			s.walkStmt(fn.body, fn.f)
		}
	}
}

// wellKnownEnv are environment variables whose value the system sets and
// the line did not: temporary directories, and the XDG base directories,
// as the specification's defaults (what a tool uses when they are unset,
// and what they are set to on most desktops). The runtime directory is
// /run/user/UID; 1000 stands for the user's.
var wellKnownEnv = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"TMPDIR": "/tmp", "TMP": "/tmp", "TEMP": "/tmp", "RUNNER_TEMP": "/tmp",
		"XDG_CONFIG_HOME": "~/.config", "XDG_DATA_HOME": "~/.local/share", "XDG_STATE_HOME": "~/.local/state",
		"XDG_CACHE_HOME": "~/.cache", "XDG_RUNTIME_DIR": "/run/user/1000"}
}}

// whichName resolves "which X", "command -v X" and "type -P X": they print
// where X is installed, taken as /usr/bin/X: run, that runs X; moved or
// deleted, that is a system program.
func whichName(words []string) (string, bool) {
	if words[0] == "mktemp" {
		// mktemp prints a new name under the temporary directory.
		dir := "/tmp"
		for i, w := range words[1:] {
			if (w == "-p" || w == "--tmpdir") && i+2 < len(words) {
				dir = words[i+2]
			} else if strings.HasPrefix(w, "--tmpdir=") {
				dir = w[len("--tmpdir="):]
			}
		}
		return strings.TrimRight(dir, "/") + "/tmp.mktemp", true
	}
	x := ""
	switch {
	case len(words) == 2 && words[0] == "which":
		x = words[1]
	case len(words) == 3 && words[0] == "command" && (words[1] == "-v" || words[1] == "-V"):
		x = words[2]
	case len(words) == 3 && words[0] == "type" && (words[1] == "-P" || words[1] == "-p"):
		x = words[2]
	}
	if x == "" || strings.Contains(x, "/") {
		return x, x != ""
	}
	return "/usr/bin/" + x, true
}

// homeExprs are, per language, the expressions that mean the home
// directory; the scanner reads them as the literal "~" so that
// rmtree(Path.home()) is seen as a delete of ~. Interpolated at the start
// of a string ("$ENV{HOME}/.bashrc", "#{Dir.home}/x", f"{Path.home()}/x",
// perl's ">>$ENV{HOME}/x" open mode) they are the "~" that starts the
// path the string holds. Made on first use.
var homeExprs = table.Once[map[string]*strings.Replacer]{Build: func() map[string]*strings.Replacer {
	m := scriptHomes()
	for lang, l := range sourceLangs.Get() {
		if len(l.homes) > 0 {
			if len(l.interps) > 0 {
				// the home read as '~' before (envhomes.go), interpolated
				// anywhere in the string: $"-rf {'~'}" is "-rf ~"
				extra := []string{}
				for _, o := range l.interps {
					extra = append(extra, o+"'~'}", `"~`)
				}
				m[lang] = homeReplacer(l.homes, l.interps, "}", append(extra, "{'~'}", "~")...) // sourcelangs.go: $"{…}/.ssh"
				continue
			}
			m[lang] = homeReplacer(l.homes, nil, "") // sourcelangs.go
		}
	}
	return m
}}

// scriptHomes are the interpreters' languages' spellings of the home
// directory.
func scriptHomes() map[string]*strings.Replacer {
	return map[string]*strings.Replacer{
		"python": homeReplacer([]string{"pathlib.Path.home()", "Path.home()",
			"__import__('os').path.expanduser('~')", `__import__("os").path.expanduser("~")`,
			"os.path.expanduser('~')", `os.path.expanduser("~")`, "os.environ['HOME']",
			`os.environ["HOME"]`, "os.getenv('HOME')", `os.getenv("HOME")`,
			"os.environ.get('HOME')", `os.environ.get("HOME")`},
			[]string{`f"{`, `f'{`}, "}"),
		"node": homeReplacer([]string{"require('os').homedir()", `require("os").homedir()`,
			"os.homedir()", "homedir()", "process.env.HOME", "process.env['HOME']", `process.env["HOME"]`,
			// Deno's and Bun's own spellings of the environment
			`Deno.env.get("HOME")`, "Deno.env.get('HOME')", "Bun.env.HOME"},
			[]string{"`${"}, "}",
			"require('path').join(", "path.join(", `require("path").join(`, "path.join(", "require('node:path').join(", "path.join("),
		"ruby": homeReplacer([]string{"Dir.home", "ENV['HOME']", `ENV["HOME"]`, "File.expand_path('~')"},
			[]string{`"#{`}, "}",
			// interpolated inside a string ("rm -rf #{Dir.home}"): the ~ there
			"#{Dir.home}", "~", "#{ENV['HOME']}", "~", `#{ENV["HOME"]}`, "~"),
		"perl": homeReplacer([]string{"$ENV{HOME}", "$ENV{'HOME'}", `$ENV{"HOME"}`},
			[]string{`"`, `">`, `">>`, `"+<`, `"+>`, `"> `, `">> `}, ""),
		"php": homeReplacer([]string{"getenv('HOME')", `getenv("HOME")`, "$_SERVER['HOME']"}, nil, ""),
		"r": homeReplacer([]string{`path.expand("~")`, "path.expand('~')", `Sys.getenv("HOME")`, "Sys.getenv('HOME')",
			`normalizePath("~")`, "normalizePath('~')"}, nil, ""),
		"lua": homeReplacer([]string{`os.getenv("HOME")`, "os.getenv('HOME')", "vim.env.HOME", "vim.loop.os_homedir()",
			"vim.uv.os_homedir()", `vim.fn.expand("~")`, "vim.fn.expand('~')"}, nil, ""),
		"vim": homeReplacer([]string{`expand("~")`, "expand('~')", `expand("$HOME")`, "expand('$HOME')", "$HOME"}, nil, ""),
		"julia": homeReplacer([]string{"homedir()", `ENV["HOME"]`}, []string{`"$(`}, ")",
			// interpolated inside a string or a command (`rm -rf $(homedir())`)
			"$(homedir())", "~", `$(ENV["HOME"])`, "~"),
		// awk's strings are double-quoted only
		"awk": strings.NewReplacer(`ENVIRON["HOME"]`, `"~"`),
		// AppleScript's home folder, quoted for the shell or not (JXA's too)
		"applescript": homeReplacer([]string{"quoted form of (POSIX path of (path to home folder))", "quoted form of POSIX path of (path to home folder)",
			"(POSIX path of (path to home folder))", "POSIX path of (path to home folder)", "POSIX path of (get path to home folder)",
			`(system attribute "HOME")`, `system attribute "HOME"`, `$.getenv("HOME")`, `app.pathTo("home folder")`}, nil, ""),
	}
}

// homeReplacer reads each of exprs as the literal '~', and each
// interpolated at the start of a string (an opener from opens, then the
// expression, then closeInterp) as the string's own leading "~"; extra
// are more old, new pairs.
func homeReplacer(exprs, opens []string, closeInterp string, extra ...string) *strings.Replacer {
	var pairs []string
	for _, e := range exprs {
		for _, o := range opens {
			q := o // perl interpolates the bare expression
			if closeInterp != "" {
				q = o[strings.IndexAny(o, "'\"`"):][:1] // the quote that opens the string
			}
			pairs = append(pairs, o+e+closeInterp, q+"~")
		}
	}
	for _, e := range exprs {
		pairs = append(pairs, e, "'~'")
	}
	return strings.NewReplacer(append(pairs, extra...)...)
}

func homeExpr(lang, code string) string {
	if r, ok := homeExprs.Get()[lang]; ok {
		code = r.Replace(code)
		if strings.Contains(code, ".'~'") {
			code = homeMember(code)
		}
	}
	return code
}

// homeMember drops the object a home spelling was called on
// (sh.ExpandEnvironmentStrings("%USERPROFILE%"), read as sh.'~'): the
// value is the home directory whichever object gave it.
func homeMember(code string) string {
	var b strings.Builder
	for {
		k := strings.Index(code, ".'~'")
		if k < 0 {
			b.WriteString(code)
			return b.String()
		}
		if k == 0 || !isIdent(code[k-1]) && code[k-1] != ')' {
			// "rm -rf "..'~', "rm -rf ".'~': a concatenation (Lua's, PHP's)
			b.WriteString(code[:k+4])
			code = code[k+4:]
			continue
		}
		j := k
		for j > 0 {
			if isIdent(code[j-1]) || code[j-1] == '.' {
				j--
				continue
			}
			if code[j-1] != ')' {
				break
			}
			// CreateObject("WScript.Shell").'~': the call that made the object
			o := strings.LastIndexByte(code[:j-1], '(')
			if o < 0 || strings.ContainsAny(code[o+1:j-1], "()") {
				break
			}
			j = o
		}
		b.WriteString(code[:j])
		b.WriteString("'~'")
		code = code[k+4:]
	}
}

// embedded judges what a program the catalogue does not know may run: a
// word that names a known program or a shell starts a command it may run
// with the words after it (rlwrap rm -rf DIR, mpirun -np 1 rm ...), and a
// word holding a command line (hyperfine 'rm -rf DIR') is parsed as one.
// The known program is a guess (mytool sync --then='CMD' names its own
// verb sync, not the sync program): the command lines held by the words
// after it are read all the same, whatever that program makes of them.
// Programs the catalogue lists are judged by their own entries instead.
func (s *state) embedded(f frame, name string, words []string, dyn []bool) {
	cat := catalog.Default()
	if cat.Known(name) || isShell(name) || scriptLang(name) != "" || isPwsh(name) || isCmdExe(name) || pwshCmdlet(name) || pwshCmdletShape(words[0]) || len(words) < 2 || f.depth >= MaxDepth {
		return
	}
	g := s.viaFrame(f, name)
	g.synthetic = true
	started := false // a word started a known program's command
	for k := 1; k < len(words); k++ {
		w := words[k]
		if dyn != nil && dyn[k] {
			continue
		}
		if strings.HasPrefix(w, "-") {
			// --before='CMD': an attached value is read as the same
			// value given as the next word is
			if _, v, ok := strings.Cut(w, "="); ok && strings.ContainsAny(v, " \t;|&") {
				h := g
				h.guessed = true
				s.parseString(v, h)
			}
			continue
		}
		if started && !strings.HasPrefix(words[k-1], "--") {
			if strings.ContainsAny(w, ";|&") {
				// pdsh -R ssh -w HOSTS 'curl … | bash': the known word
				// may be an option's value, not the program run; a word
				// that holds a pipeline or a list is a command line all
				// the same
				h := g
				h.guessed, h.pl = true, nil
				s.parseString(w, h)
			}
			continue // the known program's operands (ssh HOST 'CMD'), read by its entry
		}
		if strings.ContainsAny(w, " \t;|&") {
			if prose(w) && !s.namesWritten(w) {
				continue // notify "fixed the delete bug": a message (prose.go)
			}
			h := g
			h.guessed = true
			s.parseString(w, h)
			continue
		}
		if started {
			continue
		}
		p := progName(w)
		if shellOnly(p) {
			continue // a program cannot start what only a shell has
		}
		if cat.Known(p) && p != name || isShell(p) || scriptLang(p) != "" {
			var d []bool
			if dyn != nil {
				d = dyn[k:]
			}
			g.pl = s.newPipe()
			s.emitWords(g, words[k:], d, nil, false)
			if isShell(p) || scriptLang(p) != "" {
				return // its words are its code's, read there
			}
			started = true
		}
	}
}

// readBuiltin records the variables read, mapfile, readarray and printf -v
// set: their values are unknown, and come from the command's input or
// arguments, whose substitutions they carry. It returns their names.
func (s *state) readBuiltin(words []string, subs []span) []string {
	var names []string
	switch words[0] {
	case "read":
		for i := 1; i < len(words); i++ {
			w := words[i]
			switch {
			case w == "-d" || w == "-n" || w == "-N" || w == "-p" || w == "-t" || w == "-u" || w == "-i":
				i++
			case w == "-a" && i+1 < len(words):
				names = append(names, words[i+1])
				i++
			case strings.HasPrefix(w, "-"):
			default:
				names = append(names, w)
			}
		}
		if len(names) == 0 {
			names = append(names, "REPLY") // read with no name sets REPLY
		}
	case "getopts":
		// getopts OPTSTRING NAME: NAME and OPTARG come from the arguments.
		names = append(names, "OPTARG", "OPTIND")
		if len(words) > 2 {
			names = append(names, words[2])
		}
	case "wait":
		for i := 1; i+1 < len(words); i++ {
			if words[i] == "-p" {
				names = append(names, words[i+1])
			}
		}
	case "mapfile", "readarray":
		for i := 1; i < len(words); i++ {
			w := words[i]
			switch {
			case w == "-d" || w == "-n" || w == "-O" || w == "-s" || w == "-u" || w == "-C" || w == "-c":
				i++
			case strings.HasPrefix(w, "-"):
			default:
				names = append(names, w)
			}
		}
		if len(names) == 0 {
			names = append(names, "MAPFILE")
		}
	case "printf":
		rest := []string(nil)
		if len(words) > 2 && words[1] == "-v" {
			names, rest = append(names, words[2]), words[3:]
		} else if len(words) > 1 && len(words[1]) > 2 && strings.HasPrefix(words[1], "-v") {
			names, rest = append(names, words[1][2:]), words[2:] // printf -vNAME
		}
		if len(names) == 1 && len(rest) > 0 && len(subs) == 0 && knownWords(rest) {
			if v, ok := printfText(rest[0], rest[1:]); ok {
				// printf -v d '%s' /home/u: d holds what printf would print
				s.setVar(names[0], v, true)
				return names
			}
		}
	default:
		return nil
	}
	for _, n := range names {
		if promptVar(n) {
			// read PS4: a prompt whose substitutions run, from input
			// nobody sees.
			s.scope.unknownPrompt = true
		}
		s.setVar(n, "", false)
		if len(subs) > 0 {
			v := s.vars[n]
			v.subs = append([]span(nil), subs...)
			s.vars[n] = v
		}
	}
	return names
}

// knownWords reports words holding no expansion the walk left unresolved.
func knownWords(words []string) bool {
	for _, w := range words {
		if strings.ContainsAny(w, "$`") {
			return false
		}
	}
	return true
}

// exCode scans an editor's ex command that runs code: Lua (nvim -c 'lua
// os.execute(…)') or Vim script's functions that run or delete (vim +'call
// system("…")', +'call delete(expand("~"), "rf")').
func (s *state) exCode(text string, g frame) {
	t := strings.TrimLeft(text, ": \t")
	if rest, ok := strings.CutPrefix(t, "lua "); ok {
		s.scanCode("lua", rest, g)
	} else if strings.Contains(t, "system") || strings.Contains(t, "delete(") || strings.Contains(t, "readfile(") || strings.Contains(t, "eval(") {
		s.scanCode("vim", t, g) // call system("CMD"), call delete(P, "rf")
	}
}

// vimNames are the editors whose -c, --cmd and +CMD words are ex commands.
var vimNames = table.Map[string, bool]{Words: "vim nvim vi ex gvim view rvim"}

// makeShellBodies returns the commands of the $(shell CMD) and ${shell CMD}
// calls in a makefile line, nested parentheses kept.
func makeShellBodies(l string) []string {
	var out []string
	for i := 0; i+8 < len(l) && len(out) < 16; i++ {
		if l[i] != '$' || l[i+1] != '(' && l[i+1] != '{' || !strings.HasPrefix(l[i+2:], "shell") {
			continue
		}
		open, closer := l[i+1], byte(')')
		if open == '{' {
			closer = '}'
		}
		j, depth := i+2+len("shell"), 1
		if j >= len(l) || l[j] != ' ' && l[j] != '\t' {
			continue
		}
		start := j + 1
		for ; j < len(l) && depth > 0; j++ {
			switch l[j] {
			case open:
				depth++
			case closer:
				depth--
			}
		}
		if depth == 0 {
			out = append(out, makeRecipe(strings.TrimSpace(l[start:j-1])))
			i = j - 1
		}
	}
	return out
}

// makeIncludes gives the files a makefile's include, -include and sinclude
// lines read as part of it.
func makeIncludes(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		fields := strings.Fields(l)
		if len(fields) < 2 {
			continue
		}
		switch fields[0] {
		case "include", "-include", "sinclude":
			for _, w := range fields[1:] {
				if !strings.ContainsAny(w, "$(") {
					out = append(out, w)
				}
			}
		}
	}
	return out
}
