package match

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Argv is one simple command prepared for matching: its program, its flags
// as a set (so "-fr", "-r -f" and "--recursive --force" are the same set),
// and its positional arguments, each also as a cleaned path.
type Argv struct {
	Name       string   // program base name
	Program    string   // program as written
	Args       []string // arguments as given
	Positional []string // arguments that are not flags
	short      uint64
	long       []string

	// Positional arguments cleaned as paths (Path), each made when first
	// asked for: only a pattern with a path word reads one, and most
	// commands meet none that names their program.
	paths     []string // room for each, filled as made
	made      uint64   // which of the first 64 paths are made
	cwd, home string
	buf       *ArgvBuf // where the paths are built, or nil

	// words summarises Positional, when summed (NewArgv and InitArgv
	// made it): a bit (nameBit) for each word. A pattern not compiled yet
	// is tried first against the literal words it requires (mayMatch):
	// a command that lacks one of their bits lacks the word, and is
	// answered without reading its words again for each pattern of its
	// program (some thirty for git status).
	words  uint64
	summed bool
}

// wordsBits is the summary of words an Argv keeps (Argv.words).
func wordsBits(words []string) uint64 {
	var m uint64
	for _, w := range words {
		m |= nameBit(w)
	}
	return m
}

// NewArgv prepares a simple command. cwd and home clean path arguments.
func NewArgv(name, program string, args []string, cwd, home string) Argv {
	// Program names are matched in lower case: on a case-insensitive file
	// system (macOS by default) "RM" runs rm.
	a := Argv{Name: lower(name), Program: program, Args: args, cwd: cwd, home: home}
	a.short, a.long, a.Positional = parseFlags(name, args, true)
	if len(a.Positional) > 0 {
		a.paths = make([]string, len(a.Positional))
	}
	a.words, a.summed = wordsBits(a.Positional), true
	return a
}

// Path returns positional argument i cleaned as a path (CleanPath with the
// cwd and home the command was prepared with).
func (a *Argv) Path(i int) string {
	if i < 64 && a.made&(1<<i) != 0 {
		return a.paths[i]
	}
	var p string
	if a.buf != nil {
		p = a.buf.cleanPath(a.Positional[i], a.cwd, a.home)
	} else {
		p = CleanPath(a.Positional[i], a.cwd, a.home)
	}
	if i < 64 && i < len(a.paths) {
		a.paths[i], a.made = p, a.made|1<<i
	}
	return p
}

// String is the command as a space-separated line.
func (a *Argv) String() string {
	if len(a.Args) == 0 {
		return a.Name
	}
	n := len(a.Name) + len(a.Args)
	for _, w := range a.Args {
		n += len(w)
	}
	var b strings.Builder // one allocation, not Join's and the concatenation's
	b.Grow(n)
	b.WriteString(a.Name)
	for _, w := range a.Args {
		b.WriteByte(' ')
		b.WriteString(w)
	}
	return b.String()
}

// HasFlag reports whether the command has the flag, written as in a
// pattern ("-f", "--force").
func (a *Argv) HasFlag(flag string) bool {
	s, l, _ := parseFlags(a.Name, []string{flag}, false)
	return a.hasFlags(s, l)
}

func (a *Argv) hasFlags(short uint64, long []string) bool {
	if a.short&short != short {
		return false
	}
	for _, want := range long {
		found := false
		for _, have := range a.long {
			if have == want {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func bit(c byte) uint64 {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= 'A' && c <= 'Z':
		return 1 << (26 + c - 'A')
	case c >= '0' && c <= '9':
		return 1 << (52 + c - '0')
	}
	return 0
}

// parseFlags splits args into a short-flag set, long flags and positional
// arguments. With positional false, only flags are collected (for patterns).
func parseFlags(prog string, args []string, positional bool) (short uint64, long []string, pos []string) {
	return parseFlagsInto(prog, args, positional, nil, nil)
}

// parseFlagsInto is parseFlags appending to pos and long.
func parseFlagsInto(prog string, args []string, positional bool, pos, long []string) (uint64, []string, []string) {
	var short uint64
	// The program's flag table (flagTableFor), nil for most programs.
	t := flagTableFor(prog)
	resolve := func(name string) (byte, bool, string) {
		c, ok := t.alias(name)
		if !ok && t != nil && len(name) >= minAbbrev(prog) {
			// GNU tools take any unambiguous prefix: --rec is --recursive.
			for _, a := range t.aliases {
				if full, fc := a.name, a.c; len(full) > len(name) && full[:len(name)] == name {
					if ok && fc != c {
						ok = false
						break
					}
					c, ok, name = fc, true, full
				}
			}
		}
		return c, ok, name
	}
	addLong := func(name string) {
		if rest, neg := strings.CutPrefix(name, "no-"); neg && rest != "" {
			// --no-force after -f or --force: the last one given wins, as
			// getopt programs and git read them (git clean -f --no-force).
			if c, ok, full := resolve(rest); ok && c != 0 {
				short &^= bit(c)
			} else {
				long = slices.DeleteFunc(long, func(l string) bool { return l == full })
			}
		}
		c, ok, name := resolve(name)
		if ok && c != 0 {
			short |= bit(c)
			return
		}
		long = append(long, name)
	}
	dashdash := false
	var vals string
	single, subs := false, false // subs: the program's table may still give way to a subcommand's
	if t != nil {
		vals, single, subs = t.vals, t.single, len(t.subs) > 0
	}
	for _, a := range args {
		switch {
		case dashdash || len(a) < 2 || a[0] != '-':
			if positional {
				pos = append(pos, a)
			}
			if subs && !dashdash {
				if v, ok := t.subVals(a); ok {
					vals, subs = v, false
				}
			}
		case a == "--":
			// Recorded as a flag of its own: "git checkout -- ." differs
			// from "git checkout main".
			dashdash = true
			long = append(long, "--")
		case strings.HasPrefix(a, "--"):
			name := a[2:]
			if i := strings.IndexByte(name, '='); i >= 0 {
				if positional {
					// --context=kind-dev is --context kind-dev: its value
					// is the word a pattern names after the option
					pos = append(pos, name[i+1:])
				}
				name = name[:i]
			}
			addLong(strings.ToLower(name))
		case single && len(a) > 2:
			addLong(a[1:])
		default:
			for i := 1; i < len(a); i++ {
				c := a[i]
				if bit(c) == 0 {
					break
				}
				orig := c
				if alias, ok := t.alias(string(c)); ok && alias != 0 {
					c = alias
				}
				short |= bit(c)
				if strings.IndexByte(vals, orig) >= 0 {
					break // the rest of the word is this option's value
				}
			}
		}
	}
	return short, long, pos
}

// CommandPattern is a compiled command pattern.
//
// A pattern is read like a command: its first word is a glob over the
// program's base name (or its full path when the word holds a `/`); words
// starting with `-` are flags the command must have, in any order and any
// spelling; every other word is a glob that one of the command's positional
// arguments must match, in order, with others allowed in between and after.
// A word that looks like a path (`/…`, `~`, `~/…`, `$HOME/…`) is matched as a
// path pattern against the argument cleaned as a path, so `rm -rf ~` also
// matches "rm -rf $HOME/" and "rm -rf ../.." run from two levels below
// home. A lone `*` word matches anything, including nothing. A name (or a
// {list,of,names}) right after the program word matches a word of the
// command, never only the value of an option its program's table knows (ArgvBuf.OptionValues):
// "git reset --hard" holds for "git -C dir reset --hard", not for "git log
// --grep reset --hard"; and where the table says which word is the
// subcommands (ArgvBuf.Subcommands), the pattern's leading names name those
// words: "docker rm -v" does not hold for "docker run --rm alpine rm -v x".
//
// A pattern holding " | " is a pipeline pattern: its stages must match
// commands of one pipeline in order, others allowed in between, so
// `curl * | sh` matches "curl -s x | tee log | sudo sh".
//
// A pattern never matches the raw command line: quoted data that is not
// run (a grep pattern, a commit message) is not a command, and a rule that
// wants raw text says line_matches. The whole pattern is a text glob only
// over statement text (SQL, MatchText). A globbed flag word ("-*f*") is
// matched as a positional word.
type CommandPattern struct {
	src      string
	text     Glob // the whole pattern as a text glob, for MatchText
	prog     *lazyGlob
	progWord string
	names    []string // literal program names, when literal
	nameBits uint64   // nameBit of each of names
	// nameClasses is a finer summary of names (nameClass), for a word
	// naming many programs ("{sh,bash,zsh,…}", thirty in a pipeline
	// pattern of the standard profile), whose nameBits has most bits set.
	nameClasses [4]uint64
	literal     bool
	byNames     bool // the program word matches exactly its names (see matchProg)
	byPath      bool
	short       uint64
	long        []string
	words       []wordMatcher
	// subFirst: the pattern's first word after the program word is a
	// name or a list of names (not a flag, glob or path), so it never
	// matches only an option's value (ArgvBuf.OptionValues).
	subFirst bool
	stages   []*CommandPattern
	never    bool // a lazily compiled pattern that did not compile: matches nothing
	// textOnce makes text's glob on first use for a lazily compiled
	// pattern: the whole-pattern glob serves only MatchText (SQL).
	textOnce sync.Once
	// later, when set, is where this pattern is compiled on first use:
	// the pattern holds only src, and every method answers as the
	// compiled pattern would (laterPattern).
	later *laterPattern
}

type wordMatcher struct {
	text  *lazyGlob
	path  *PathPattern
	lit   string // the word, when exact: a literal its glob would match exactly
	exact bool
	name  bool // a name or a {list,of,names}, after names only: it may name a subcommand
}

// plainLiteral reports whether a word has no glob syntax and is read by
// gobwas as the bytes it holds (valid UTF-8, no NUL): its glob matches
// exactly the word, so it is compared as a string, with no glob to make.
func plainLiteral(w string) bool {
	return !HasGlobMeta(w) && utf8.ValidString(w) && !strings.Contains(w, "\x00")
}

// CompileCommand compiles a command pattern.
func CompileCommand(pattern string) (*CommandPattern, error) { return Compiler{}.Command(pattern) }

// Command compiles a command pattern.
func (c Compiler) Command(pattern string) (*CommandPattern, error) {
	text := Glob{src: pattern} // a lazy compile makes its glob on first use (matchText)
	if !c.Lazy {
		var err error
		if text, err = c.Text(pattern); err != nil {
			return nil, err
		}
	}
	if strings.Contains(pattern, " | ") {
		cp := &CommandPattern{src: pattern, text: text}
		for _, st := range strings.Split(pattern, " | ") {
			sp, err := c.simple(strings.TrimSpace(st))
			if err != nil {
				return nil, fmt.Errorf("pipeline stage %q: %w", st, err)
			}
			cp.stages = append(cp.stages, sp)
		}
		cp.names, cp.literal = cp.stages[0].names, cp.stages[0].literal && !cp.stages[0].byPath
		return cp, nil
	}
	sp, err := c.simple(pattern)
	if err != nil {
		return nil, err
	}
	sp.src, sp.text = pattern, text
	return sp, nil
}

func (c Compiler) simple(pattern string) (*CommandPattern, error) {
	words := splitWords(pattern)
	if len(words) == 0 {
		return nil, fmt.Errorf("empty command pattern")
	}
	cp := &CommandPattern{src: pattern}
	prog := words[0]
	cp.byPath = strings.Contains(prog, "/")
	cp.progWord = prog
	cp.names, cp.literal = literalNames(prog)
	// gobwas reads a NUL as the pattern's end, and walks runes: only a
	// plain UTF-8 word is matched by name.
	cp.byNames = cp.literal && !cp.byPath && utf8.ValidString(prog) && !strings.Contains(prog, "\x00")
	if !c.Lazy || !cp.byNames {
		// A word matched by its names never uses its glob (matchProg);
		// a lazy compile makes none for it.
		g, err := c.glob(prog)
		if err != nil {
			return nil, err
		}
		cp.prog = g
	}
	for _, n := range cp.names {
		cp.nameBits |= nameBit(n)
		c := nameClass(n)
		cp.nameClasses[c>>6] |= 1 << (c & 63)
	}
	name := path.Base(prog)
	var flags []string
	names := true // the positional words so far are all names (wordMatcher.name)
	for i, w := range words[1:] {
		if i == 0 {
			// A name or a list of names (reset, {drop,clear}); a glob
			// (*dropDatabase*) may be meant to match inside any word.
			cp.subFirst = !strings.ContainsAny(w, "*?[") && !(len(w) > 1 && w[0] == '-') && !looksLikePathPattern(w)
		}
		switch {
		case w == "*":
			// matches anything, including nothing
		case len(w) > 1 && w[0] == '-' && !strings.ContainsAny(w, "*?[{"):
			flags = append(flags, w)
		case looksLikePathPattern(w):
			pp, err := c.Path(w)
			if err != nil {
				return nil, err
			}
			cp.words = append(cp.words, wordMatcher{path: &pp})
		case plainLiteral(w):
			cp.words = append(cp.words, wordMatcher{lit: w, exact: true, name: names})
		default:
			g, err := c.glob(w)
			if err != nil {
				return nil, err
			}
			names = names && !strings.ContainsAny(w, "*?[")
			cp.words = append(cp.words, wordMatcher{text: g, name: names})
		}
		if w == "*" || looksLikePathPattern(w) {
			names = false
		}
	}
	cp.short, cp.long, _ = parseFlags(name, flags, false)
	return cp, nil
}

func looksLikePathPattern(w string) bool {
	return strings.HasPrefix(w, "/") || w == "~" || strings.HasPrefix(w, "~/") ||
		w == "$HOME" || strings.HasPrefix(w, "$HOME/")
}

// splitWords splits a pattern on spaces, honouring single and double quotes
// so a word may hold spaces. A pattern without quotes (nearly all) is cut
// into slices of itself, without building each word anew.
func splitWords(s string) []string {
	if !strings.ContainsAny(s, `'"`) {
		return splitBlanks(s)
	}
	return splitQuoted(s)
}

// splitBlanks splits s at runs of spaces and tabs, as strings.FieldsFunc
// would (neither byte occurs inside a UTF-8 sequence), byte by byte and
// into a slice made once: patterns are split as they are compiled, a few
// dozen in a one-shot process, where FieldsFunc's decoding of every rune
// and its growing of a list of spans cost several times the split.
func splitBlanks(s string) []string {
	blank := func(c byte) bool { return c == ' ' || c == '\t' }
	n := 0
	for i := 0; i < len(s); i++ {
		if !blank(s[i]) && (i == 0 || blank(s[i-1])) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	words := make([]string, 0, n)
	for i := 0; i < len(s); {
		for i < len(s) && blank(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !blank(s[j]) {
			j++
		}
		if j > i {
			words = append(words, s[i:j])
		}
		i = j
	}
	return words
}

// splitQuoted is splitWords for a pattern that may hold quotes.
func splitQuoted(s string) []string {
	var words []string
	var cur strings.Builder
	in := false
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '\'' || c == '"':
			quote, in = c, true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}

// String returns the pattern as written.
func (cp *CommandPattern) String() string { return cp.src }

// matchText matches the whole pattern, read as one text glob, against s.
func (cp *CommandPattern) matchText(s string) bool {
	cp = cp.compiled()
	cp.textOnce.Do(func() {
		if cp.text.g == nil {
			cp.text.g = &lazyGlob{src: cp.text.src}
		}
	})
	return cp.text.Match(s)
}

// IsPipeline reports whether the pattern has stages.
func (cp *CommandPattern) IsPipeline() bool { return len(cp.compiled().stages) > 0 }

// Match reports whether a simple command matches a simple pattern.
func (cp *CommandPattern) Match(a *Argv, home string) bool {
	if cp.later != nil {
		return cp.later.mayMatch(cp.src, a) && cp.later.get().Match(a, home)
	}
	if cp.IsPipeline() || cp.never {
		return false
	}
	if !cp.matchProg(a) {
		return false
	}
	return cp.matchArgs(a, home)
}

// MayMatchName reports whether the pattern can match a simple command
// whose program is named name (Argv.Name): false when Match is false for
// every command of that name, whatever its path and words (a pipeline
// pattern, or a program word matched by name that does not match it).
// A program word holding a path is matched against the command's path,
// and may match any name.
func (cp *CommandPattern) MayMatchName(name string) bool {
	cp = cp.compiled()
	if cp.IsPipeline() || cp.never {
		return false
	}
	if cp.byPath {
		return true
	}
	return cp.matchProg(&Argv{Name: name})
}

// matchProg matches the program word. A literal word or brace list of
// literals is its names (the glob would match exactly those), tried
// without the glob: a pipeline pattern's first stage is tried on every
// stage of every pipeline.
func (cp *CommandPattern) matchProg(a *Argv) bool {
	cp = cp.compiled()
	if cp.byPath {
		return cp.prog.Match(a.Program)
	}
	if !cp.byNames {
		return cp.prog.Match(a.Name)
	}
	if cp.nameBits&nameBit(a.Name) == 0 {
		return false
	}
	if c := nameClass(a.Name); cp.nameClasses[c>>6]&(1<<(c&63)) == 0 {
		return false
	}
	for _, n := range cp.names {
		if n == a.Name {
			return true
		}
	}
	return false
}

// matchArgs matches the flags and words, the program being known to match.
func (cp *CommandPattern) matchArgs(a *Argv, home string) bool {
	if cp.later != nil {
		return cp.later.mayMatch(cp.src, a) && cp.later.get().matchArgs(a, home)
	}
	if cp.never || !a.hasFlags(cp.short, cp.long) {
		return false
	}
	j := 0
	for _, w := range cp.words {
		for ; j < len(a.Positional); j++ {
			if w.exact && a.Positional[j] == w.lit || w.path != nil && w.path.Match(a.Path(j), home, "") || w.text != nil && w.text.Match(a.Positional[j]) {
				break
			}
		}
		if j == len(a.Positional) {
			return false
		}
		j++
	}
	if cp.subFirst && a.buf != nil && a.buf.OptionValues != nil {
		// git log --grep reset --hard is no "git reset --hard": the
		// pattern's first word names a word of the command, not an
		// option's value.
		if !cp.firstOutsideValues(a.Args, a.buf.OptionValues(a.Name, a.Args)) {
			return false
		}
	}
	if cp.subFirst && a.buf != nil && a.buf.Subcommands != nil {
		// docker run --rm alpine rm -v x is no "docker rm -v", nor
		// docker container run … rm -v x a "docker container rm -v":
		// the pattern's leading names name the subcommands where the
		// table knows which words those are.
		for j, k := range a.buf.Subcommands(a.Name, a.Args) {
			if j >= len(cp.words) || !cp.words[j].name {
				break
			}
			if k >= len(a.Args) || !cp.words[j].matches(a.Args[k]) {
				return false
			}
		}
	}
	return true
}

// firstOutsideValues reports whether the pattern's first word matches an
// argument that is neither a flag (nor a value attached to one: git log
// --grep=reset) nor one of vals (ArgvBuf.OptionValues).
func (cp *CommandPattern) firstOutsideValues(args []string, vals uint64) bool {
	for k, w := range args {
		if k < 64 && vals&(1<<k) != 0 || len(w) > 1 && w[0] == '-' {
			continue
		}
		if cp.words[0].matches(w) {
			return true
		}
	}
	return false
}

// matches reports whether a text word (not a path word) matches s.
func (w *wordMatcher) matches(s string) bool {
	return w.exact && s == w.lit || w.text != nil && w.text.Match(s)
}

// MatchPipeline reports whether the stages of a pipeline pattern match the
// commands of one pipeline, in order.
func (cp *CommandPattern) MatchPipeline(stages []*Argv, home string) bool {
	return cp.matchPipeline(stages, StageNames(stages), home)
}

// StageNames is the one-word summary (nameBit) of the program names of a
// pipeline's stages, for matching it against many pipeline patterns.
func StageNames(stages []*Argv) uint64 {
	var bits uint64
	for _, st := range stages {
		bits |= nameBit(st.Name)
	}
	return bits
}

// matchPipeline is MatchPipeline with the stages' names summarized: a
// pattern one of whose stages names programs (not a glob or a path) none
// of the stages can be called is refused before its stages are tried in
// turn against the pipeline's.
func (cp *CommandPattern) matchPipeline(stages []*Argv, names uint64, home string) bool {
	cp = cp.compiled()
	if !cp.IsPipeline() {
		return false
	}
	for _, sp := range cp.stages {
		if sp.byNames && !sp.byPath && sp.nameBits&names == 0 {
			return false
		}
	}
	i := 0
	for _, st := range stages {
		if i == len(cp.stages) {
			break
		}
		sp := cp.stages[i]
		if sp.byNames && !sp.byPath && sp.nameBits&nameBit(st.Name) == 0 {
			continue // not one of the stage's names (the test above, for this stage alone)
		}
		if sp.Match(st, home) {
			i++
		}
	}
	return i == len(cp.stages)
}
