package policy

import (
	"reflect"
	"testing"

	"rampart.dev/pkg/match"
)

// TestDecodedEntriesAsPrepared checks the entries of every profile built
// into the binary, laid out in one array with their tool names taken from
// the snapshot's sources (plainToolNames): each entry's tool names are
// those prepare makes of its globs, its names are its own name alone, an
// append to them does not reach another entry's, and it admits the tools
// its globs admit.
func TestDecodedEntriesAsPrepared(t *testing.T) {
	tools := []string{"exec", "read", "write", "fetch", "mcp", "Bash", "mcp__x__y", "", "*"}
	for _, name := range Profiles() {
		p, err := Profile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Entries {
			want := &Entry{Tools: e.Tools}
			want.prepare()
			if !reflect.DeepEqual(e.toolNames, want.toolNames) {
				t.Errorf("%s: entry %s: tool names %q, prepare gives %q", name, e.Name, e.toolNames, want.toolNames)
			}
			if n := e.Names(); len(n) != 1 || n[0] != e.Name || cap(n) != 1 {
				t.Errorf("%s: entry %s: names %q (cap %d)", name, e.Name, n, cap(n))
			}
			for _, tool := range tools {
				asGlobbed := len(e.Tools) == 0
				for _, g := range e.Tools {
					asGlobbed = asGlobbed || g.Match(tool)
				}
				if got := e.AppliesTo(tool, "", ""); len(e.Agents)+len(e.Sessions) == 0 && got != asGlobbed {
					t.Errorf("%s: entry %s: AppliesTo(%q) = %v, its globs say %v", name, e.Name, tool, got, asGlobbed)
				}
			}
		}
	}
}

// TestPlainToolNames checks the tool names taken from sources: the
// sources themselves when every one is a plain name, else none.
func TestPlainToolNames(t *testing.T) {
	for _, c := range []struct {
		srcs []string
		want []string
	}{
		{nil, nil},
		{[]string{}, nil},
		{[]string{"exec"}, []string{"exec"}},
		{[]string{"exec", "read"}, []string{"exec", "read"}},
		{[]string{"exec", "mcp__*"}, nil},
		{[]string{"{a,b}"}, nil},
		{[]string{`a\b`}, nil},
	} {
		got := plainToolNames(c.srcs)
		want := &Entry{Tools: match.LazyTexts(c.srcs)}
		want.prepare()
		if !reflect.DeepEqual(got, c.want) || !reflect.DeepEqual(got, want.toolNames) {
			t.Errorf("%q: %q, want %q (prepare: %q)", c.srcs, got, c.want, want.toolNames)
		}
	}
}
