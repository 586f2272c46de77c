package engine

import (
	"math"
	"sync"
	"sync/atomic"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// Candidate rules by program name.
//
// A rule with command_matches holds for a simple command only when one of
// its patterns can match the command's program: a pattern indexed under
// that name or one whose program word is a glob or a path
// (match.CommandSet.For). Every command of a line is judged against every
// rule of the policies that admit it, and most rules name other programs;
// so the engine notes, per program name, which rules of each policy are
// left once those that cannot hold are set aside, and tries only those,
// in their order. A rule without command_matches is always left.
//
// The table is built as names are met, up to maxCandidateNames names per
// engine (a long-lived process meets names without end); a command with a
// name past that is tried against every rule, as before.

// maxCandidateNames bounds the program names an engine keeps candidates for.
const maxCandidateNames = 1024

// candidateTable is an engine's candidates by program name: a map read
// without a lock, copied with each name added (names are few and soon
// all met).
type candidateTable struct {
	byName atomic.Pointer[map[string]*candidates]
	mu     sync.Mutex // held to add a name
	// slots keep the candidates of names asked lately, each at a hash of
	// its name: every command of every line asks, and a slot's answer is
	// a hash of a short name, a load and a comparison, where the map's
	// lookup hashed the name its own way and probed.
	slots [candidateSlots]atomic.Pointer[candidates]
}

// candidateSlots is the number of names candidateTable.slots holds (a
// power of two).
const candidateSlots = 256

// candidateSlot is the slot of a name: FNV-1a of its bytes, folded.
func candidateSlot(name string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		h ^= uint32(name[i])
		h *= 16777619
	}
	return (h ^ h>>16) & (candidateSlots - 1)
}

// candidates are, for one program name, the rules left in each policy: by
// index into Policy.Entries, the indices of its rules in order. Each
// entry's are set aside on first use (of): a policy loaded from a snapshot
// lays out an entry's rules only when a call reaches it (policy.Entry.Rules),
// and a call reaches only the entries that admit its tool.
type candidates struct {
	name     string
	pipeline bool // for pipelines: the rules left are those pipelineRulesLeft keeps
	entries  []*policy.Entry
	rules    [][]int32
	pats     [][]namePatterns // for a name: beside each rule left, its patterns for the name
	// bare and barePats are rules and pats without the rules that have
	// effect_matches: those left for a subject with no effect (most
	// commands of a line), which no such rule holds for (holdsFor).
	bare     [][]int32
	barePats [][]namePatterns
	once     []sync.Once
	// live notes, for one admission (the first the candidates are asked
	// with), which of its policies have a rule left (liveIn); liveBare
	// the same of bare.
	live, liveBare atomic.Pointer[liveList]
}

// liveList is, for the policies one admission lists, the positions in
// its list of those with a rule left for the candidates' name or
// pipelines.
type liveList struct {
	adm *admission
	ks  []int32
}

// liveIn returns the positions in a's list of the policies with a rule
// left (of), in order: judge tries only those, where it went through
// every admitted policy for every command. ok is false when the
// candidates keep the list of another admission (a subject under another
// tool, agent or session): judge then goes through a's policies as
// before.
func (c *candidates) liveIn(a *admission) (ks []int32, ok bool) {
	return c.liveInFor(a, false)
}

// liveInFor is liveIn for a subject with no effect (bare) or one with.
func (c *candidates) liveInFor(a *admission, bare bool) (ks []int32, ok bool) {
	at := &c.live
	if bare {
		at = &c.liveBare
	}
	if l := at.Load(); l != nil {
		return l.ks, l.adm == a
	}
	ks = []int32{}
	for k, idx := range a.at {
		if rules, _ := c.ofFor(idx, bare); len(rules) > 0 {
			ks = append(ks, int32(k))
		}
	}
	if !at.CompareAndSwap(nil, &liveList{adm: a, ks: ks}) {
		return c.liveInFor(a, bare) // another goroutine noted its list first
	}
	return ks, true
}

// namePatterns are the patterns of a rule's command_matches that can match
// a program name (match.CommandSet.For), found when the candidates for the
// name are made, so that judging a command does not look them up again
// (match.MatchArgvIn). ok is false for a rule without command_matches.
type namePatterns struct {
	indexed, other []*match.CommandPattern
	ok             bool
}

// of returns the rules of entry i left for the name.
func (c *candidates) of(i int) []int32 {
	c.once[i].Do(func() {
		if c.pipeline {
			c.rules[i] = pipelineRulesLeft(c.entries[i])
		} else {
			c.rules[i], c.pats[i] = rulesLeft(c.entries[i], c.name)
		}
		c.bare[i], c.barePats[i] = withoutEffectRules(c.entries[i], c.rules[i], c.pats[i])
	})
	return c.rules[i]
}

// ofFor returns the rules of entry i left for the name, and beside each
// its patterns for the name (nil for pipelines), for a subject with no
// effect (bare: without the rules that have effect_matches) or one with.
func (c *candidates) ofFor(i int, bare bool) ([]int32, []namePatterns) {
	c.of(i)
	if bare {
		return c.bare[i], c.barePats[i]
	}
	return c.rules[i], c.patternsOf(i)
}

// withoutEffectRules returns rules and pats (pats nil, or one beside each
// rule) without the rules of ent that have effect_matches; rules and pats
// themselves when none has. An entry with a command index says which
// rules have, without laying them out (policy.Entry.RuleHasEffect).
func withoutEffectRules(ent *policy.Entry, rules []int32, pats []namePatterns) ([]int32, []namePatterns) {
	for k, j := range rules {
		if !ent.RuleHasEffect(int(j)) {
			continue
		}
		kept := append([]int32{}, rules[:k]...)
		var keptPats []namePatterns
		if pats != nil {
			keptPats = append([]namePatterns{}, pats[:k]...)
		}
		for m := k + 1; m < len(rules); m++ {
			if !ent.RuleHasEffect(int(rules[m])) {
				kept = append(kept, rules[m])
				if pats != nil {
					keptPats = append(keptPats, pats[m])
				}
			}
		}
		return kept, keptPats
	}
	return rules, pats
}

// patternsOf returns, beside each rule of(i) returns, its patterns for
// the name; nil for pipelines. of(i) must have been called.
func (c *candidates) patternsOf(i int) []namePatterns {
	if c.pipeline {
		return nil
	}
	return c.pats[i]
}

// pipelineCandidates returns the candidates for a pipeline (a subject
// with stages): a rule with command_matches holds for one only through a
// pipeline pattern (match.CommandSet.MatchPipeline), and most rules have
// none, yet each pipeline of a line was tried against every rule.
func (e *Engine) pipelineCandidates() *candidates {
	e.pipes.once.Do(func() {
		c := newCandidates(e.p.Entries, "")
		c.pipeline = true
		e.pipes.c = c
	})
	return e.pipes.c
}

// pipelineTable holds an engine's pipeline candidates, made on first use.
type pipelineTable struct {
	once sync.Once
	c    *candidates
}

// pipelineRulesLeft sets aside the rules of ent whose command patterns
// include no pipeline: their command_matches cannot hold for one.
func pipelineRulesLeft(ent *policy.Entry) []int32 {
	var left []int32
	for j, r := range ent.Rules() {
		if r.Command.Len() > 0 && len(r.Command.Pipelines()) == 0 {
			continue
		}
		left = append(left, int32(j))
	}
	return left
}

// candidatesFor returns the candidates for a simple command named name,
// or nil when the table is full.
func (e *Engine) candidatesFor(name string) *candidates {
	t := &e.cands
	slot := &t.slots[candidateSlot(name)]
	if c := slot.Load(); c != nil && c.name == name {
		return c
	}
	c := e.candidatesNamed(name)
	if c != nil {
		slot.Store(c)
	}
	return c
}

// candidatesNamed is candidatesFor without the slots.
func (e *Engine) candidatesNamed(name string) *candidates {
	t := &e.cands
	if m := t.byName.Load(); m != nil {
		if c, ok := (*m)[name]; ok {
			return c
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	old := t.byName.Load()
	if old != nil {
		if c, ok := (*old)[name]; ok {
			return c
		}
		if len(*old) >= maxCandidateNames {
			return nil
		}
	}
	c := newCandidates(e.p.Entries, name)
	m := make(map[string]*candidates, 1+lenOf(old))
	if old != nil {
		for k, v := range *old {
			m[k] = v
		}
	}
	m[name] = c
	t.byName.Store(&m)
	return c
}

func lenOf(m *map[string]*candidates) int {
	if m == nil {
		return 0
	}
	return len(*m)
}

// newCandidates returns the candidates for a program named name, each
// entry's set aside on first use.
func newCandidates(entries []*policy.Entry, name string) *candidates {
	n := len(entries)
	return &candidates{name: name, entries: entries, rules: make([][]int32, n), pats: make([][]namePatterns, n),
		bare: make([][]int32, n), barePats: make([][]namePatterns, n), once: make([]sync.Once, n)}
}

// rulesLeft sets aside the rules of ent whose command patterns cannot
// match a program named name, and returns beside each rule left its
// patterns for the name.
//
// An entry loaded from a snapshot built into the binary has a command
// index (policy.Entry.CommandIndex): its rules named under the name get
// their patterns from it, only the rules it leaves open (a globbed, path
// or quoted program word) are asked through their command sets, and only
// those two kinds are laid out (policy.Entry.Rule).
func rulesLeft(ent *policy.Entry, name string) ([]int32, []namePatterns) {
	if ix, ok := ent.CommandIndex(name); ok {
		return rulesLeftIndexed(ent, ix, name)
	}
	return rulesLeftAsked(ent, name)
}

// rulesLeftAsked is rulesLeft asking each rule's command set.
func rulesLeftAsked(ent *policy.Entry, name string) ([]int32, []namePatterns) {
	var left []int32
	var pats []namePatterns
	for j, r := range ent.Rules() {
		var p namePatterns
		if r.Command.Len() > 0 {
			var ok bool
			if p, ok = namePatternsOf(r.Command, name); !ok {
				continue
			}
		}
		left = append(left, int32(j))
		pats = append(pats, p)
	}
	return left, pats
}

// namePatternsOf asks a rule's command set for its patterns that can
// match a program named name; ok is false when there are none.
func namePatternsOf(set *match.CommandSet, name string) (namePatterns, bool) {
	indexed, other := set.For(name)
	other = mayMatchName(other, name)
	if len(indexed) == 0 && len(other) == 0 {
		return namePatterns{}, false
	}
	return namePatterns{indexed: indexed, other: other, ok: true}, true
}

// rulesLeftIndexed is rulesLeft through an entry's command index: a rule
// without command_matches (ix.Plain) is left; an open one is asked as
// rulesLeft asks it; a named one is left with the patterns the index
// gives; any other rule has no pattern for the name. The three lists are
// in order, and merged in order.
func rulesLeftIndexed(ent *policy.Entry, ix policy.CommandIndex, name string) ([]int32, []namePatterns) {
	var left []int32
	var pats []namePatterns
	plain, open, named := ix.Plain, ix.Open, ix.Named
	for len(plain)+len(open)+len(named) > 0 {
		j := int32(math.MaxInt32)
		if len(plain) > 0 {
			j = plain[0]
		}
		if len(open) > 0 && open[0] < j {
			j = open[0]
		}
		if len(named) > 0 && named[0].Rule < j {
			j = named[0].Rule
		}
		var p namePatterns
		switch {
		case len(plain) > 0 && plain[0] == j:
			plain = plain[1:]
		case len(open) > 0 && open[0] == j:
			open = open[1:]
			var ok bool
			if p, ok = namePatternsOf(ent.Rule(int(j)).Command, name); !ok {
				continue
			}
		default:
			p = namePatterns{indexed: ent.Rule(int(j)).Command.At(named[0].Patterns), ok: true}
			named = named[1:]
		}
		left = append(left, j)
		pats = append(pats, p)
	}
	return left, pats
}

// mayMatchName returns the patterns of other (those a name is not indexed
// under: a globbed program word, a path) that can match a command named
// name (match.CommandPattern.MayMatchName): a glob that does not match the
// name is matched once here rather than for every command of that name.
// other itself when all can.
func mayMatchName(other []*match.CommandPattern, name string) []*match.CommandPattern {
	for i, p := range other {
		if p.MayMatchName(name) {
			continue
		}
		kept := append([]*match.CommandPattern(nil), other[:i]...)
		for _, q := range other[i+1:] {
			if q.MayMatchName(name) {
				kept = append(kept, q)
			}
		}
		return kept
	}
	return other
}
