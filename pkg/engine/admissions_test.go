package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestAdmittedMatchesAppliesTo holds the admission table against asking
// each policy, for the tools subjects are judged under.
func TestAdmittedMatchesAppliesTo(t *testing.T) {
	e := standard(t)
	for _, tool := range []string{call.ToolExec, call.ToolRead, call.ToolWrite, call.ToolFetch, call.ToolMCP, "sql", "delete", "flow", "unknown", "other"} {
		for _, who := range [][2]string{{"", ""}, {"claude-code", "s1"}, {"codex", ""}} {
			a := e.admitted(tool, who[0], who[1])
			if a == nil {
				t.Fatalf("%s: table full", tool)
			}
			var want []int
			for i, ent := range e.p.Entries {
				if ent.AppliesTo(tool, who[0], who[1]) {
					want = append(want, i)
				}
			}
			if len(want) != len(a.at) {
				t.Fatalf("%s %v: admitted %v, want %v", tool, who, a.at, want)
			}
			for k, i := range want {
				if a.at[k] != i || a.entries[k] != e.p.Entries[i] {
					t.Fatalf("%s %v: admitted %v, want %v", tool, who, a.at, want)
				}
			}
			if again := e.admitted(tool, who[0], who[1]); again != a {
				t.Fatalf("%s %v: not kept", tool, who)
			}
		}
	}
}

// BenchmarkAdmitted times finding the policies that admit a subject's
// tool: the table's lookup, once per subject judged.
func BenchmarkAdmitted(b *testing.B) {
	e := standard(b)
	b.ReportAllocs()
	for b.Loop() {
		e.admitted(call.ToolRead, "claude-code", "s1")
	}
}

// BenchmarkAdmittedAsked times asking each policy instead, as a subject
// did before the table.
func BenchmarkAdmittedAsked(b *testing.B) {
	e := standard(b)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, ent := range e.p.Entries {
			if ent.AppliesTo(call.ToolRead, "claude-code", "s1") {
				n++
			}
		}
		_ = n
	}
}
