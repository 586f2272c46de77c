package catalog

import "testing"

// TestPropSummary holds Prop, which skips the map for names whose bit is
// not in an entry's summary (or in the summary of it and the entries above
// it), to the map itself: every key of every entry
// and subcommand of the embedded catalogue is found with its value, a
// subcommand finds its program's keys it does not set, and names that are
// no key are not found.
func TestPropSummary(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	var check func(e *Entry)
	check = func(e *Entry) {
		for k, v := range e.Props {
			if got := e.Prop(k); got != v {
				t.Errorf("%s: Prop(%q) = %q, want %q", e.Name, k, got, v)
			}
		}
		for x := e.parent; x != nil; x = x.parent {
			for k, v := range x.Props {
				if _, own := e.Props[k]; !own && e.Prop(k) != v {
					t.Errorf("%s: Prop(%q) = %q, want its program's %q", e.Name, k, e.Prop(k), v)
				}
			}
		}
		if e.absent == 0 || e.noLen == 0 {
			t.Errorf("%s: no summary of its and its program's keys", e.Name)
		}
		if e.HasProps() != (len(e.Props) > 0 || e.parent != nil && e.parent.HasProps()) {
			t.Errorf("%s: HasProps = %v with keys %v", e.Name, e.HasProps(), e.Props)
		}
		for _, k := range []string{"", "no-such-property", "sinks", "x"} {
			if got := e.Prop(k); got != "" {
				t.Errorf("%s: Prop(%q) = %q, want nothing", e.Name, k, got)
			}
		}
		for _, s := range e.subs {
			check(s)
		}
	}
	for _, e := range c.programs {
		check(e)
	}
	// An entry made without the summary is still looked up.
	e := &Entry{Props: map[string]string{"sink": "network"}}
	if e.Prop("sink") != "network" {
		t.Error("an entry without a summary of its keys lost its property")
	}
}

// TestPropLengthSummary holds the lengths Prop rules out inline (noLen)
// to the keys: no key of an entry or an entry above it has a length
// whose bit noLen holds.
func TestPropLengthSummary(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	var check func(e *Entry)
	check = func(e *Entry) {
		for x := e; x != nil; x = x.parent {
			for k := range x.Props {
				if e.noLen&lenBit(k) != 0 {
					t.Errorf("%s: the length of %q (of %s) is ruled out", e.Name, k, x.Name)
				}
			}
		}
		for _, s := range e.subs {
			check(s)
		}
	}
	for _, e := range c.programs {
		check(e)
	}
}

// TestHasAsProp holds Has to Prop, on every key of every entry of the
// embedded catalogue and names that are none, and on a nil entry.
func TestHasAsProp(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	var check func(e *Entry)
	check = func(e *Entry) {
		names := []string{"", "x", "no-such-property", "sink", "cloud", "fetcher"}
		for x := e; x != nil; x = x.parent {
			for k := range x.Props {
				names = append(names, k)
			}
		}
		for _, k := range names {
			if got, want := e.Has(k), e.Prop(k) != ""; got != want {
				t.Errorf("%s: Has(%q) = %v, Prop %q", e.Name, k, got, e.Prop(k))
			}
		}
		for _, s := range e.subs {
			check(s)
		}
	}
	for _, e := range c.programs {
		check(e)
	}
	var none *Entry
	if none.Has("sink") {
		t.Error("a nil entry has a property")
	}
}
