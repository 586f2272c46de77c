package engine

import (
	"sync"
	"sync/atomic"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// Rules a bare path can hold.
//
// A read or a write of a path (pathSubject, and the read the effects step
// asks about, noteRead) is matched against every rule of every policy that
// admits the tool. Yet a subject that is a path and nothing else holds no
// rule with a condition on anything else (a command, an effect, a URL or
// domain, an MCP tool, its arguments or hints, content, a response, the
// raw line: holdsFor), and most rules of a profile have one. So the
// engine notes, per policy and on first use, the rules left for such a
// subject, and tries only those, in their order: the first that holds is
// the one the full walk finds.
//
// Of those, the rules with paths are each asked whether their path set
// matches the subject's path, and for most paths none does. After a
// policy has been asked unionAfter times, the engine lays its rules' path
// sets side by side (match.PathUnion, read from the indexes the policy
// snapshot carries), and one lookup of the path there names the rules
// whose paths could match it: the others are passed over, since a rule
// whose paths do not match does not hold (but for an allow rule's kept
// copy of a read: keptCopyAllowed, so those are always tried).

// pathRuleTable is an engine's rules left for a bare path, by index into
// Policy.Entries, each entry's made on first use (a policy loaded from a
// snapshot lays out an entry's rules only when a call reaches it).
type pathRuleTable struct {
	once  sync.Once // sizes the arrays
	each  []sync.Once
	rules [][]int32
	// each entry's union of its rules' path sets, by position in rules,
	// made after the entry was asked unionAfter times (nil: none, or it
	// would hold fewer than two sets)
	asked     []atomic.Int32
	unionOnce []sync.Once
	unions    []*match.PathUnion
}

// unionAfter is how many times a policy's path rules are asked about
// before the engine makes their union: a process that judges a call or
// two (the hook) does not make it.
const unionAfter = 16

// pathRulesOf returns the indices of the rules of entry i that a bare path
// subject can hold, in order.
func (e *Engine) pathRulesOf(i int) []int32 {
	t := &e.paths
	t.once.Do(func() {
		t.each = make([]sync.Once, len(e.p.Entries))
		t.rules = make([][]int32, len(e.p.Entries))
		t.asked = make([]atomic.Int32, len(e.p.Entries))
		t.unionOnce = make([]sync.Once, len(e.p.Entries))
		t.unions = make([]*match.PathUnion, len(e.p.Entries))
	})
	t.each[i].Do(func() {
		var left []int32
		for j, r := range e.p.Entries[i].Rules() {
			if pathOnlyRule(r) {
				left = append(left, int32(j))
			}
		}
		t.rules[i] = left
	})
	return t.rules[i]
}

// pathUnionOf returns the union of the path sets of pathRulesOf(i)'s
// rules, by position, or nil; pathRulesOf(i) must have been asked first.
func (e *Engine) pathUnionOf(i int) *match.PathUnion {
	t := &e.paths
	if t.asked[i].Load() < unionAfter {
		t.asked[i].Add(1)
		return nil
	}
	t.unionOnce[i].Do(func() {
		all := e.p.Entries[i].Rules()
		sets := make([]*match.PathSet, len(t.rules[i]))
		for j, ri := range t.rules[i] {
			if r := all[ri]; r.Path.Len() > 0 {
				sets[j] = r.Path
			}
		}
		if u := match.NewPathUnion(sets); u.Held() >= 2 {
			t.unions[i] = u
		}
	})
	return t.unions[i]
}

// pathOnlyRule reports whether r has no condition but on paths (or none):
// the rules a bare path subject can hold.
func pathOnlyRule(r *policy.Rule) bool {
	return r.Command.Len() == 0 && r.NotCommand.Len() == 0 && len(r.Effect) == 0 &&
		len(r.Domain)+len(r.NotDomain)+len(r.URL)+len(r.NotURL) == 0 &&
		len(r.ToolName)+len(r.Argument)+len(r.Content)+len(r.Response)+len(r.RawLine)+len(r.Hint) == 0
}

// barePath reports whether s is a path and nothing else: the subjects
// pathRulesOf's rules are all that can hold for.
func (s *subject) barePath() bool {
	return s.path != "" && s.argv == nil && s.stages == nil && s.sql == "" && !s.hasURL && s.content == "" &&
		s.effect == "" && s.tool != call.ToolMCP && s.args == nil && len(s.hints) == 0 && s.raw == ""
}

// firstOfIndex is the index firstOf returns (-1: none).
func (ev *evaluation) firstOfIndex(ent *policy.Entry, k int, s *subject) int {
	i, _, _ := ev.firstOf(ent, k, s)
	return i
}

// firstOf is firstRule over the rules a bare path can hold of ent, entry k
// of the policy (pathRulesOf), for the bare path subject s, passing over
// those whose paths the union says do not match; untraced only.
func (ev *evaluation) firstOf(ent *policy.Entry, k int, s *subject) (int, *policy.Rule, string) {
	idx := ev.e.pathRulesOf(k)
	all := ent.Rules()
	cand := ^uint64(0)
	if u := ev.e.pathUnionOf(k); u != nil && s.path != "" && !ev.e.env.FoldCase {
		cand = u.Candidates(ev.pathQuery(s.path)) // as matchSubjectPaths makes it
	}
	keptCopies := s.tool == call.ToolRead // keptCopyAllowed looks past an allow rule's paths
	for j, i := range idx {
		r := all[i]
		if j < 64 && cand&(1<<j) == 0 && (r.Action != call.Allow || !keptCopies) {
			continue // its paths do not match s.path: it does not hold
		}
		if ok, text := ev.holds(r, s); ok {
			return int(i), r, text
		}
	}
	return -1, nil, ""
}
