package engine

import "testing"

// TestShortcutsAgreeWithRules holds the untraced evaluation's shortcuts
// (candidate rules by program, candidates.go; reads judged from the
// effects step's notes, readmemo.go) to the traced one, which holds every
// rule against every subject: for every row of the family tables, Explain
// and Evaluate reach the same action, matched text and message.
func TestShortcutsAgreeWithRules(t *testing.T) {
	e := standard(t)
	for _, name := range effectsTables {
		for _, r := range readTable(t, name) {
			c := tableCall(t, r)
			d, x := e.Evaluate(c), e.Explain(c).Decision
			if d.Decision != x.Decision || d.Matched != x.Matched || d.Message != x.Message {
				t.Errorf("%s: Evaluate gives %v %q (%s), Explain %v %q (%s)", r.key(), d.Decision, d.Matched, d.Message, x.Decision, x.Matched, x.Message)
			}
		}
	}
}
