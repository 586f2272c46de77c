package policy

import "fmt"

// WithProject returns the user's policy tightened by a project policy (a
// .rampart/policy.yaml found from the call's cwd upward). A project can add
// denials and approvals but can never weaken the user's policy:
//
//   - its entries are marked TightenOnly: an allow or log rule that holds
//     ends that entry's evaluation without deciding anything, so it can
//     carve an exception out of the project's own deny rules but cannot
//     allow what the user's policy would stop or prompt for;
//   - its default action applies only when it is stronger than the user's;
//   - an entry whose name is already used by the user's policy is renamed
//     "project:NAME" rather than replacing it.
func (p *Policy) WithProject(proj *Policy) *Policy {
	if proj == nil {
		return p
	}
	out := *p
	out.Entries = append([]*Entry(nil), p.Entries...)
	out.Warnings = append([]string(nil), p.Warnings...)
	names := map[string]bool{}
	for _, e := range p.Entries {
		names[e.Name] = true
	}
	for _, e := range proj.Entries {
		c := *e
		c.TightenOnly = true
		if names[c.Name] {
			c.Name = "project:" + c.Name
			c.names = []string{c.Name}
		}
		for _, r := range c.Rules() {
			if r.Action <= 1 { // allow, log
				out.Warnings = append(out.Warnings, fmt.Sprintf("%s:%d: project %s rule cannot loosen the user's policy; it only ends policy %q", e.Origin, r.Line, r.Action, e.Name))
			}
		}
		out.Entries = append(out.Entries, &c)
	}
	if proj.DefaultAction > out.DefaultAction {
		out.DefaultAction = proj.DefaultAction
	}
	out.Tests = append(append([]Test(nil), p.TestCases()...), proj.TestCases()...)
	out.lazyTests = nil
	SortEntries(out.Entries)
	out.Source = p.Source + " + " + proj.Source
	return &out
}
