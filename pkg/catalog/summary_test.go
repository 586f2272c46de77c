package catalog

import (
	"strings"
	"testing"
)

// TestSummaryCoversEveryLine holds SummaryOf, of the lazily parsed
// embedded catalogue and of a whole parse of it, to the entries: for every
// program, every key of its entry or of a subcommand's (at any depth) and
// every mark of their OPTIONS fields is one the summary may have, so a
// caller that rules a property out by the summary misses no entry's. And
// it rules out: ls sets no env-options, a program not in the table nothing.
func TestSummaryCoversEveryLine(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	var walk func(name string, e *Entry)
	walk = func(name string, e *Entry) {
		for _, cat := range []*Catalog{c, d} {
			sum := cat.SummaryOf(name)
			for k := range e.Props {
				if !sum.MayHave(k) {
					t.Errorf("%s (%s): summary of %s rules out key %q", e.Name, name, map[bool]string{true: "the lazy catalogue", false: "a whole parse"}[cat == d], k)
				}
			}
			if e.opts != nil {
				for _, part := range strings.Split(e.opts.src, "!")[1:] {
					m := part
					if end := strings.IndexAny(part, " (,"); end >= 0 {
						m = part[:end]
					}
					if !sum.MayMark(m) {
						t.Errorf("%s (%s): summary rules out mark %q", e.Name, name, m)
					}
				}
			}
		}
		for _, s := range e.subs {
			walk(name, s)
		}
	}
	n := 0
	for name, e := range c.programs {
		walk(name, e)
		if e.Props["env-options"] != "" {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no program has env-options")
	}
	if d.SummaryOf("ls").MayHave("env-options") || c.SummaryOf("ls").MayHave("env-options") {
		t.Error("ls: the summary does not rule env-options out")
	}
	if s := d.SummaryOf("no-such-program-here"); s.MayHave("cloud") || s.MayMark("publish") {
		t.Error("a program not in the table may have something")
	}
}
