// Package policy holds a compiled Rampart policy, an immutable *Policy, its
// snapshot form (see Snapshot) and the embedded profiles. Package
// policy/compile compiles policy YAML; it is kept apart so that a process
// that only loads snapshots (rampart-hook) links no YAML parser.
// The file format is described in package policy/compile and docs/policy.md.
package policy

import (
	"errors"
	"sort"
	"sync"
	"sync/atomic"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
)

// MaxFile bounds a policy file. Real policies are a few KiB; the bound keeps
// a hot-reloading process safe from a runaway file.
const MaxFile = 4 << 20

// ErrTooLarge is returned for a policy file over MaxFile.
var ErrTooLarge = errors.New("policy file exceeds 4 MiB")

// DefaultPriority is the priority of a policy that names none.
const DefaultPriority = 100

// Policy is a compiled policy file. It is immutable and safe for concurrent
// use.
type Policy struct {
	Name          string      // the file's name: key, or its source
	Source        string      // where it was loaded from
	DefaultAction call.Action // the decision when no rule holds
	Entries       []*Entry    // in evaluation order: priority, then file order
	Tests         []Test      // inline tests; read them with TestCases
	Warnings      []string    // non-fatal notes, e.g. project rules that cannot loosen
	// lazyTests holds the inline tests of a policy built into the binary
	// as a snapshot until TestCases reads them: deciding calls never
	// does, and laying them out was some two hundred allocations in
	// every process that loads the profile.
	lazyTests *lazyTests
}

// lazyTests is a snapshot's test section, laid out on first use.
type lazyTests struct {
	once  sync.Once
	src   string
	tests []Test
}

// TestCases returns the policy's inline tests: Tests, or for a policy
// built into the binary as a snapshot, its tests laid out on first use
// (a section that fails to lay out has none: tests decide nothing, and
// TestProfileSnapshots checks the snapshots built in).
func (p *Policy) TestCases() []Test {
	l := p.lazyTests
	if l == nil {
		return p.Tests
	}
	l.once.Do(func() { l.tests, _ = decodeTests(l.src) })
	return l.tests
}

// Entry is one named policy of a file.
type Entry struct {
	Name        string
	Description string
	Priority    int
	Tools       []match.Glob // empty: every tool
	Agents      []match.Glob
	Sessions    []match.Glob
	rules       []*Rule // see Rules
	lazy        *lazyRules
	// TightenOnly marks entries from a project layer: their allow and log
	// rules end the entry's evaluation without deciding anything.
	TightenOnly bool
	// Origin is the file the entry came from.
	Origin    string
	names     []string // []string{Name}, shared by decisions so they need not allocate
	toolNames []string // Tools, when every one is a plain name
}

// NewEntry makes e an entry with the rules rs, for a compiler: the
// returned entry is e, which must not be changed afterwards.
func NewEntry(e *Entry, rs []*Rule) *Entry {
	e.rules, e.lazy = rs, nil
	e.names = []string{e.Name}
	e.prepare()
	return e
}

// SortEntries orders entries by priority, keeping the order of those with
// the same priority: the evaluation order.
func SortEntries(es []*Entry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Priority < es[j].Priority })
}

// Rules returns the entry's rules in order. An entry loaded from a
// snapshot lays its rules out on the first call: a process that judges
// one call reads the rules of the few entries that admit it.
func (e *Entry) Rules() []*Rule {
	if l := e.lazy; l != nil {
		l.once.Do(func() { l.rules = l.all() })
		return l.rules
	}
	return e.rules
}

// Rule returns the entry's rule j, as Rules()[j]. An entry of a snapshot
// built into the binary lays out that rule alone (through its command
// index), so that judging a command reads only the rules it reaches; a
// rule that cannot be laid out is an unconditional deny, as the entry's
// rules then are (decodeRules).
func (e *Entry) Rule(j int) *Rule {
	if l := e.lazy; l != nil {
		if sp := l.spanned(); sp != nil {
			if r, ok := sp.rule(l, j); ok {
				return r
			}
			return &Rule{Action: call.Deny, Message: damagedMessage}
		}
	}
	return e.Rules()[j]
}

// RuleHasEffect reports whether the entry's rule j has effect_matches,
// without laying it out when the entry has a command index (which says).
func (e *Entry) RuleHasEffect(j int) bool {
	if l := e.lazy; l != nil {
		if sp := l.spanned(); sp != nil {
			return sp.at[j].flags&ruleHasEffect != 0
		}
	}
	return len(e.Rules()[j].Effect) > 0
}

// lazyRules are an entry's rules still in snapshot form: src was checked
// when the snapshot was loaded, so laying it out cannot fail.
type lazyRules struct {
	src      string
	builtIn  bool   // of a snapshot built into the binary (loadBuiltIn)
	index    string // the entry's command index, of a snapshot built into the binary (CommandIndex)
	once     sync.Once
	rules    []*Rule
	spanOnce sync.Once
	spans    *ruleSpans // see spanned
}

// all lays out every rule of the entry: one at a time through the command
// index when the entry has one (so that Rule and Rules give the same
// rules), else the whole section at once.
func (l *lazyRules) all() []*Rule {
	sp := l.spanned()
	if sp == nil {
		return decodeRules(l.src, l.builtIn)
	}
	out := make([]*Rule, len(sp.at))
	for j := range out {
		r, ok := sp.rule(l, j)
		if !ok {
			return []*Rule{{Action: call.Deny, Message: damagedMessage}}
		}
		out[j] = r
	}
	return out
}

// ruleSpans are the rules of an entry as its command index places them in
// the snapshot, each laid out on first use (rule).
type ruleSpans struct {
	at    []spanRule
	mu    sync.Mutex // held to lay a rule out
	spare []string   // room for the rules' lists of strings (snapReader.strs)
}

// spanRule is one rule of ruleSpans: where it is in its entry's section,
// its flags (ruleHasCommand, ruleHasEffect), and the rule once laid out
// (done), ok when it was read as the index says. The rules of an entry are
// one allocation.
type spanRule struct {
	rule       Rule
	start, end int32
	flags      uint8
	ok         bool
	done       atomic.Bool
}

// spanned returns the entry's rules as its command index places them; nil
// when it has no index, or the index does not tile the section: then the
// rules are laid out together.
func (l *lazyRules) spanned() *ruleSpans {
	if l.index == "" {
		return nil
	}
	l.spanOnce.Do(func() { l.spans = readSpans(l.src, l.index) })
	return l.spans
}

// readSpans reads the rules' part of an entry's command index; nil unless
// it gives as many rules as the section src holds, which end to end fill
// it.
func readSpans(src, index string) *ruleSpans {
	r := &snapReader{s: (&snapReader{s: index}).str()}
	sr := &snapReader{s: src}
	n := r.count()
	if sr.count() != n || r.bad || sr.bad {
		return nil
	}
	at := make([]spanRule, n)
	pos := sr.i
	for j := range at {
		size, flags := r.uint(), r.uint()
		if r.bad || size > uint64(len(src)-pos) || flags > ruleHasCommand|ruleHasEffect {
			return nil
		}
		at[j].start, at[j].end, at[j].flags = int32(pos), int32(pos+int(size)), uint8(flags)
		pos += int(size)
	}
	if r.i != len(r.s) || pos != len(src) {
		return nil
	}
	return &ruleSpans{at: at}
}

// rule lays out rule j of the entry l holds, once; ok is false when it
// cannot be read, or is not the size or has not the flags the index says.
func (sp *ruleSpans) rule(l *lazyRules, j int) (r *Rule, ok bool) {
	at := &sp.at[j]
	if !at.done.Load() {
		sp.mu.Lock()
		if !at.done.Load() {
			rr := &snapReader{s: l.src[:at.end], i: int(at.start), spare: sp.spare}
			rr.readRule(&at.rule, l.builtIn)
			sp.spare = rr.spare
			at.ok = !rr.bad && rr.i == len(rr.s) && ruleFlags(&at.rule) == uint64(at.flags)
			at.done.Store(true)
		}
		sp.mu.Unlock()
	}
	return &at.rule, at.ok
}

// Names returns a one-element slice holding the entry's name. Callers must
// not modify it.
func (e *Entry) Names() []string { return e.names }

// AppliesTo reports whether the entry's match block admits the tool, agent
// and session.
func (e *Entry) AppliesTo(tool, agent, session string) bool {
	if e.toolNames != nil {
		found := false
		for _, t := range e.toolNames {
			if t == tool {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	} else if !anyGlob(e.Tools, tool) {
		return false
	}
	return anyGlob(e.Agents, agent) && anyGlob(e.Sessions, session)
}

// prepare notes tool names that are plain words, so AppliesTo compares
// strings instead of matching globs.
func (e *Entry) prepare() {
	e.toolNames = nil
	for _, g := range e.Tools {
		if match.HasGlobMeta(g.String()) {
			e.toolNames = nil
			return
		}
		e.toolNames = append(e.toolNames, g.String())
	}
}

// plainToolNames is the toolNames prepare makes of an entry whose Tools
// are the globs of srcs: srcs itself, not a copy, when every one is a
// plain name; nil when there are none or one is not.
func plainToolNames(srcs []string) []string {
	for _, s := range srcs {
		if match.HasGlobMeta(s) {
			return nil
		}
	}
	if len(srcs) == 0 {
		return nil
	}
	return srcs
}

func anyGlob(gs []match.Glob, s string) bool {
	if len(gs) == 0 {
		return true
	}
	for _, g := range gs {
		if g.Match(s) {
			return true
		}
	}
	return false
}

// Rule is one rule of an entry: conditions and the action taken when they
// all hold. Within one condition the patterns are alternatives.
type Rule struct {
	Action  call.Action
	Message string
	Line    int // line in the source file, for explanations

	Command    *match.CommandSet     // command_matches
	NotCommand *match.CommandSet     // command_not_matches
	Path       *match.PathSet        // path_matches
	NotPath    *match.PathSet        // path_not_matches
	Domain     []match.DomainPattern // domain_matches
	NotDomain  []match.DomainPattern // domain_not_matches
	URL        []match.Glob          // url_matches
	NotURL     []match.Glob          // url_not_matches
	ToolName   []match.Glob          // tool_name_matches
	Argument   []match.Glob          // argument_matches
	Content    []match.Glob          // content_matches
	Response   []match.Glob          // response_matches
	RawLine    []match.Glob          // line_matches: globs over the raw command line, for a rule that asks for raw text explicitly
	Effect     []match.Glob          // effect_matches: globs over an effect's descriptor ("flow:secret->network", "unknown:program")
	Hint       []string              // annotation_hints: MCP tool hints such as destructiveHint
}

// Unconditional reports whether the rule has no conditions.
func (r *Rule) Unconditional() bool {
	return r.Command.Len()+r.NotCommand.Len()+r.Path.Len()+r.NotPath.Len()+len(r.Domain)+len(r.NotDomain)+
		len(r.URL)+len(r.NotURL)+len(r.ToolName)+len(r.Argument)+len(r.Content)+len(r.Response)+len(r.Hint)+len(r.Effect)+len(r.RawLine) == 0
}

// Test is one inline test: a call and the decision it must get.
type Test struct {
	Name   string
	Call   call.Call
	Expect call.Action
	Line   int
	Origin string
}

// Count is the number of policies (entries).
func (p *Policy) Count() int { return len(p.Entries) }
