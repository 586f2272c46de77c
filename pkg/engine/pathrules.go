package engine

import (
	"sync"

	"rampart.dev/pkg/call"
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

// pathRuleTable is an engine's rules left for a bare path, by index into
// Policy.Entries, each entry's made on first use (a policy loaded from a
// snapshot lays out an entry's rules only when a call reaches it).
type pathRuleTable struct {
	once  sync.Once // sizes the arrays
	each  []sync.Once
	rules [][]int32
}

// pathRulesOf returns the indices of the rules of entry i that a bare path
// subject can hold, in order.
func (e *Engine) pathRulesOf(i int) []int32 {
	t := &e.paths
	t.once.Do(func() {
		t.each = make([]sync.Once, len(e.p.Entries))
		t.rules = make([][]int32, len(e.p.Entries))
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
func (ev *evaluation) firstOfIndex(ent *policy.Entry, s *subject, idx []int32) int {
	i, _, _ := ev.firstOf(ent, s, idx)
	return i
}

// firstOf is firstRule over the rules of ent at the indices given
// (pathRulesOf); untraced only.
func (ev *evaluation) firstOf(ent *policy.Entry, s *subject, idx []int32) (int, *policy.Rule, string) {
	all := ent.Rules()
	for _, i := range idx {
		if ok, text := ev.holds(all[i], s); ok {
			return int(i), all[i], text
		}
	}
	return -1, nil, ""
}
