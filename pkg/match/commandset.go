package match

import (
	"strings"
	"sync"
	"sync/atomic"
)

// lazyLookups is how many lookups a lazy set answers by compiling per
// name: a one-shot process asks a few, and a long-lived one, past this,
// is answered from the whole index (compiled once, and no per-name map to
// grow with every name it is asked about).
const lazyLookups = 64

// CommandSet is a list of command patterns indexed by program name, so a
// command is only tried against the patterns that can match it. Patterns
// whose program word is a literal ("rm") or a list of literals
// ("{curl,wget}") are indexed under each name; the rest are always tried.
//
// A set made by LazyCommandSet holds only the patterns' sources and
// compiles, for each program name asked about, just the patterns that can
// match it (see lazyCommands).
type CommandSet struct {
	all    []*CommandPattern
	byProg map[string][]*CommandPattern
	other  []*CommandPattern // program is a glob or a path
	pipes  []*CommandPattern
	names  uint64 // nameBit of every name in byProg: a name whose bit is clear is not there
	lazy   *lazyCommands
}

// nameBit is a cheap one-bit summary of a program name (its length and
// end bytes), for telling without a map lookup that a set indexes no
// pattern under the name: most sets name a few programs, and every
// command of a line is tried against every set of the rules that admit it.
func nameBit(name string) uint64 {
	if name == "" {
		return 1
	}
	return 1 << ((uint(len(name)) + uint(name[0])*7 + uint(name[len(name)-1])*31) & 63)
}

// nameClass is a program name's class, one of 256 (from its length and its
// first and last bytes, mixed otherwise than nameBit): a word naming many
// programs sets few of them.
func nameClass(name string) uint8 {
	if name == "" {
		return 0
	}
	return uint8(len(name)*7 + int(name[0])*31 + int(name[len(name)-1]))
}

// NewCommandSet indexes ps.
func NewCommandSet(ps []*CommandPattern) *CommandSet {
	// byProg is made with the first pattern indexed by name: a lazy
	// set's unindexed patterns (lazyCommands.unindexed), made for every
	// rule a command is judged against, are most often none.
	s := &CommandSet{all: ps}
	for _, p := range ps {
		if p.IsPipeline() {
			s.pipes = append(s.pipes, p)
			continue
		}
		if !p.literal || p.byPath {
			s.other = append(s.other, p)
			continue
		}
		if s.byProg == nil {
			s.byProg = map[string][]*CommandPattern{}
		}
		for _, n := range p.names {
			s.byProg[n] = append(s.byProg[n], p)
			s.names |= nameBit(n)
		}
	}
	return s
}

// LazyCommandSet is a set of patterns known to compile (from a policy
// snapshot or an embedded profile, checked when they were made), compiled
// as they are needed: a process that judges one command pays only for the
// patterns naming its program and those that could match any program.
func LazyCommandSet(srcs []string) *CommandSet {
	p := &lazyCommandSet{lazy: lazyCommands{srcs: srcs}}
	p.set.lazy = &p.lazy
	return &p.set
}

// lazyCommandSet is a lazy set and its lazyCommands, made in one
// allocation: a process that loads a policy snapshot makes one for each
// command condition of the rules it lays out.
type lazyCommandSet struct {
	set  CommandSet
	lazy lazyCommands
}

// Len is the number of patterns; a nil set has none.
func (s *CommandSet) Len() int {
	if s == nil {
		return 0
	}
	if s.lazy != nil {
		return len(s.lazy.srcs)
	}
	return len(s.all)
}

// Sources returns the patterns as written, in order.
func (s *CommandSet) Sources() []string {
	if s == nil {
		return nil
	}
	if s.lazy != nil {
		return s.lazy.srcs
	}
	out := make([]string, len(s.all))
	for i, p := range s.all {
		out[i] = p.String()
	}
	return out
}

// For returns the patterns that may match a simple command named name:
// those indexed under it, then those that could match any name.
func (s *CommandSet) For(name string) (indexed, other []*CommandPattern) {
	if s.lazy != nil {
		if full := s.lazy.index(); full != nil {
			return full.For(name)
		}
		return s.lazy.named(name), s.lazy.unindexed().other
	}
	if s.names&nameBit(name) == 0 {
		return nil, s.other
	}
	return s.byProg[name], s.other
}

// Pipelines returns the pipeline patterns.
func (s *CommandSet) Pipelines() []*CommandPattern {
	if s.lazy != nil {
		if full := s.lazy.ready.Load(); full != nil {
			return full.pipes
		}
		return s.lazy.pipelines()
	}
	return s.pipes
}

// All returns every pattern, in the order given.
func (s *CommandSet) All() []*CommandPattern {
	if s.lazy != nil {
		return s.lazy.full().all
	}
	return s.all
}

// lazyCommands compiles a lazy set's patterns on demand: per program name
// the literal patterns naming it, and, once, the rest (globbed or path
// programs, pipelines) and the whole list. Each source is compiled at most
// once.
type lazyCommands struct {
	srcs []string

	wordsOnce sync.Once
	words     []string        // by index into srcs: indexedNames of each, "" when not indexed (read by programWords)
	given     func() []string // the words, from IndexedCommandSet

	mu       sync.Mutex
	compiled []*CommandPattern          // by index into srcs; nil until needed
	byName   sync.Map                   // name → []*CommandPattern
	asked    atomic.Int32               // lookups so far, up to lazyLookups
	ready    atomic.Pointer[CommandSet] // the full index, once a process has asked enough
	restOnce sync.Once
	rest     *CommandSet // the simple patterns no name indexes, built by unindexed
	pipeOnce sync.Once
	pipes    []*CommandPattern // the pipeline patterns, built by pipelines
	once     sync.Once
	set      *CommandSet // the full index, built by full
}

// pattern compiles srcs[i] once. The caller holds mu.
func (l *lazyCommands) pattern(i int) *CommandPattern {
	if l.compiled == nil {
		l.compiled = make([]*CommandPattern, len(l.srcs))
	}
	if l.compiled[i] == nil {
		cp, err := Compiler{Lazy: true}.Command(l.srcs[i])
		if err != nil {
			cp = &CommandPattern{src: l.srcs[i], never: true}
		}
		l.compiled[i] = cp
	}
	return l.compiled[i]
}

// later returns srcs[i] as a pattern compiled when it is first matched
// (laterPattern), and not at all when the words of the commands it meets
// rule it out: a program named by many patterns (git's three dozen in the
// standard profile) is asked about with one subcommand, which most of them
// name otherwise. The caller holds mu.
func (l *lazyCommands) later(i int) *CommandPattern {
	if l.compiled != nil && l.compiled[i] != nil {
		return l.compiled[i]
	}
	p := &laterCommand{lp: laterPattern{set: l, i: i}}
	p.cp = CommandPattern{src: l.srcs[i], later: &p.lp}
	return &p.cp
}

// laterCommand is a pattern of later and its laterPattern, made in one
// allocation: a one-shot process makes one for each of the three dozen
// patterns of git's in the standard profile.
type laterCommand struct {
	cp CommandPattern
	lp laterPattern
}

// index returns the full index once the set has been asked lazyLookups
// times, building it then; nil before.
func (l *lazyCommands) index() *CommandSet {
	if full := l.ready.Load(); full != nil {
		return full
	}
	if l.asked.Add(1) <= lazyLookups {
		return nil
	}
	full := l.full()
	l.ready.Store(full)
	return full
}

// named returns the literal patterns indexed under name, as NewCommandSet
// would index them, compiling only those.
func (l *lazyCommands) named(name string) []*CommandPattern {
	if v, ok := l.byName.Load(name); ok {
		return v.([]*CommandPattern)
	}
	rest := l.unindexed()
	var ps []*CommandPattern
	l.mu.Lock()
	for i, w := range l.programWords() {
		if w != "" && hasName(w, name) {
			ps = append(ps, l.later(i))
		}
	}
	l.mu.Unlock()
	// A program word in quotes ('rm', "curl") is left unindexed by its
	// source, but compiles to literal names, which NewCommandSet indexes
	// (byProg), not among the patterns For tries for every name (other):
	// without these, such a pattern was never tried while the set was lazy.
	if rest.names&nameBit(name) != 0 {
		ps = append(ps, rest.byProg[name]...)
	}
	l.byName.Store(name, ps)
	return ps
}

// unindexed compiles the simple patterns no program name indexes: those
// whose program word is a glob, a path or quoted. Pipelines are left to
// pipelines: a simple command, which is what most calls are, never meets
// them.
func (l *lazyCommands) unindexed() *CommandSet {
	l.restOnce.Do(func() {
		var ps []*CommandPattern
		l.mu.Lock()
		for i, w := range l.programWords() {
			if w == "" && !isPipelineSource(l.srcs[i]) {
				ps = append(ps, l.pattern(i))
			}
		}
		l.mu.Unlock()
		l.rest = NewCommandSet(ps)
	})
	return l.rest
}

// pipelines compiles the pipeline patterns.
func (l *lazyCommands) pipelines() []*CommandPattern {
	l.pipeOnce.Do(func() {
		var ps []*CommandPattern
		l.mu.Lock()
		for i, src := range l.srcs {
			if isPipelineSource(src) {
				ps = append(ps, l.pattern(i))
			}
		}
		l.mu.Unlock()
		l.pipes = ps
	})
	return l.pipes
}

// programWords returns, beside each source, the program word it is
// indexed under (indexedNames), "" when it is not: read once per set, since
// the set is asked for the patterns of each name and for the unindexed
// ones, and each asking used to read every source again.
func (l *lazyCommands) programWords() []string {
	l.wordsOnce.Do(func() {
		if l.given != nil {
			if w := l.given(); len(w) == len(l.srcs) {
				l.words = w
				return
			}
		}
		l.words = ProgramWords(l.srcs)
	})
	return l.words
}

// isPipelineSource reports whether a pattern's source compiles to a
// pipeline, as Compiler.Command decides it.
func isPipelineSource(src string) bool { return strings.Contains(src, " | ") }

// full builds the whole index (every pattern compiled, lazily globbed).
func (l *lazyCommands) full() *CommandSet {
	l.once.Do(func() {
		l.mu.Lock()
		ps := make([]*CommandPattern, len(l.srcs))
		for i := range l.srcs {
			ps[i] = l.pattern(i)
		}
		l.mu.Unlock()
		l.set = NewCommandSet(ps)
	})
	return l.set
}

// indexedNames returns the program word of src when NewCommandSet would
// index the pattern by name: a simple pattern whose program word is a
// literal or a brace list of literals, without a '/'. It does not allocate;
// a program word with quotes is left unindexed (it is then matched in
// full, program included, which decides the same).
func indexedNames(src string) (string, bool) {
	if isPipelineSource(src) {
		return "", false
	}
	// One pass over the program word: a quote or a '/' leaves the pattern
	// unindexed, a glob byte leaves it indexed only as a brace list.
	start := 0
	for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	end, glob := start, false
scan:
	for ; end < len(src); end++ {
		switch src[end] {
		case ' ', '\t':
			break scan
		case '\'', '"', '/':
			return "", false
		case '*', '?', '[', ']', '{', '}', '\\':
			glob = true
		}
	}
	w := src[start:end]
	if w == "" {
		return "", false
	}
	if !glob {
		return w, true
	}
	if len(w) >= 2 && w[0] == '{' && w[len(w)-1] == '}' && !strings.ContainsAny(w[1:len(w)-1], `*?[]{}\`) {
		return w, true
	}
	return "", false
}

// hasName reports whether a program word from indexedNames (a literal, or
// a brace list of literals) stands for name.
func hasName(word, name string) bool {
	inner, ok := strings.CutPrefix(word, "{")
	if !ok {
		return word == name
	}
	for n := range strings.SplitSeq(strings.TrimSuffix(inner, "}"), ",") {
		if n == name {
			return true
		}
	}
	return false
}

// literalNames returns the names a program word stands for when it is a
// literal or a brace list of literals.
func literalNames(w string) ([]string, bool) {
	if !HasGlobMeta(w) {
		return []string{w}, true
	}
	if strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") && !strings.ContainsAny(w[1:len(w)-1], `*?[]{}\`) {
		return strings.Split(w[1:len(w)-1], ","), true
	}
	return nil, false
}

// MatchArgv reports whether a pattern matches the simple command.
func (s *CommandSet) MatchArgv(a *Argv, home string) bool {
	indexed, other := s.For(a.Name)
	return MatchArgvIn(indexed, other, a, home)
}

// MatchArgvIn is MatchArgv with the set's patterns for a.Name already
// looked up (For): a caller that matches many commands of one name
// against the same set can look them up once.
func MatchArgvIn(indexed, other []*CommandPattern, a *Argv, home string) bool {
	for _, p := range indexed {
		// Indexed under a.Name: the program word is known to match.
		if p.lacksWords(a) {
			continue // (matchArgs would say so, by a call or two more)
		}
		if p.matchArgs(a, home) {
			return true
		}
	}
	for _, p := range other {
		if p.Match(a, home) {
			return true
		}
	}
	return false
}

// MatchPipeline reports whether a pipeline pattern matches the stages.
func (s *CommandSet) MatchPipeline(stages []*Argv, home string) bool {
	ps := s.Pipelines()
	if len(ps) == 0 {
		return false
	}
	names := StageNames(stages)
	for _, p := range ps {
		if p.matchPipeline(stages, names, home) {
			return true
		}
	}
	return false
}

// MatchText reports whether a pattern, read as one text glob, matches
// statement text such as SQL.
func (s *CommandSet) MatchText(text string) bool {
	for _, p := range s.All() {
		if !p.never && p.matchText(text) {
			return true
		}
	}
	return false
}
