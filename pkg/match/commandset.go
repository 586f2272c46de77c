package match

import "strings"

// CommandSet is a list of command patterns indexed by program name, so a
// command is only tried against the patterns that can match it. Patterns
// whose program word is a literal ("rm") or a list of literals
// ("{curl,wget}") are indexed under each name; the rest are always tried.
type CommandSet struct {
	all    []*CommandPattern
	byProg map[string][]*CommandPattern
	other  []*CommandPattern // program is a glob or a path
	pipes  []*CommandPattern
	names  uint64 // nameBit of every name in byProg: a name whose bit is clear is not there
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

// NewCommandSet indexes ps.
func NewCommandSet(ps []*CommandPattern) *CommandSet {
	s := &CommandSet{all: ps, byProg: map[string][]*CommandPattern{}}
	for _, p := range ps {
		if p.IsPipeline() {
			s.pipes = append(s.pipes, p)
			continue
		}
		if !p.literal || p.byPath {
			s.other = append(s.other, p)
			continue
		}
		for _, n := range p.names {
			s.byProg[n] = append(s.byProg[n], p)
			s.names |= nameBit(n)
		}
	}
	return s
}

// Len is the number of patterns; a nil set has none.
func (s *CommandSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.all)
}

// For returns the patterns that may match a simple command named name:
// those indexed under it, then those that could match any name.
func (s *CommandSet) For(name string) (indexed, other []*CommandPattern) {
	if s.names&nameBit(name) == 0 {
		return nil, s.other
	}
	return s.byProg[name], s.other
}

// Pipelines returns the pipeline patterns.
func (s *CommandSet) Pipelines() []*CommandPattern { return s.pipes }

// All returns every pattern, in the order given.
func (s *CommandSet) All() []*CommandPattern { return s.all }

// literalNames returns the names a program word stands for when it is a
// literal or a brace list of literals.
func literalNames(w string) ([]string, bool) {
	if !strings.ContainsAny(w, `*?[]{}\`) {
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
	for _, p := range indexed {
		// Indexed under a.Name: the program word is known to match.
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
	for _, p := range s.pipes {
		if p.MatchPipeline(stages, home) {
			return true
		}
	}
	return false
}

// MatchText reports whether a pattern, read as one text glob, matches
// statement text such as SQL.
func (s *CommandSet) MatchText(text string) bool {
	for _, p := range s.all {
		if p.text.Match(text) {
			return true
		}
	}
	return false
}
