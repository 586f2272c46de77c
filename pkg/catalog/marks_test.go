package catalog

import (
	"strings"
	"testing"
)

// TestMayMarkSummary holds MayMark, which rules marks out by the summary of
// the marks an OPTIONS field sets, to a search of the field for "!" and
// the mark: for every line of the embedded catalogue and every mark it
// sets (and a few it does not), both agree.
func TestMayMarkSummary(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	marks := map[string]bool{"publish": true, "p": true, "no-such-mark": true, "": true}
	var entries []*Entry
	var walk func(e *Entry)
	walk = func(e *Entry) {
		entries = append(entries, e)
		if e.opts != nil {
			for _, part := range strings.Split(e.opts.src, "!")[1:] {
				end := strings.IndexAny(part, " (,")
				if end < 0 {
					end = len(part)
				}
				marks[part[:end]] = true
			}
		}
		for _, s := range e.subs {
			walk(s)
		}
	}
	for _, e := range c.programs {
		walk(e)
	}
	for _, e := range entries {
		if e.opts == nil {
			continue
		}
		for m := range marks {
			want := strings.Contains(e.opts.src, "!"+m)
			if got := e.MayMark(m); got != want {
				t.Errorf("%s: MayMark(%q) = %v, want %v", e.Name, m, got, want)
			}
		}
	}
	// A field that sets no mark is summed up as such, and MayMark answers
	// from the summary without reading the field (src is changed behind
	// the summary's back to show it is not read).
	opts, err := newOptionTable("-x,--exclude: -q", false)
	if err != nil || !opts.summed || opts.marks != 0 {
		t.Fatalf("newOptionTable: summed %v, marks %x, err %v", opts != nil && opts.summed, opts.marks, err)
	}
	opts.src += " -p=!publish"
	if (&Entry{opts: opts}).MayMark("publish") {
		t.Error("a field summed up as setting no mark was read again")
	}
	// A field not summed up is searched.
	e := &Entry{opts: &optionTable{src: "-x,--exclude:=!publish"}}
	if !e.MayMark("publish") || e.MayMark("program") {
		t.Error("an options field without a summary of its marks is misread")
	}
}
