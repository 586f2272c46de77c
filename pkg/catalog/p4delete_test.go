package catalog

import (
	"strings"
	"testing"
)

// TestP4DeleteOnlyOpensFiles checks that p4 delete is an entry of its own
// that destroys nothing (it opens files for removal at the next submit),
// while p4 obliterate -y and p4 archive still do.
func TestP4DeleteOnlyOpensFiles(t *testing.T) {
	cat := Default()
	for line, want := range map[string]bool{
		"p4 delete //depot/project/old.c":          false,
		"p4 delete -c 1234 //depot/project/x/...":  false,
		"p4 obliterate -y //depot/project/x/...":   true,
		"p4 archive -D archive //depot/project/x/": true,
	} {
		f := strings.Fields(line)
		c := cat.Classify(f[0], f[1:])
		if c.Entry == nil || !strings.HasPrefix(c.Entry.Name, "p4 ") {
			t.Errorf("%s: entry %v, want p4's subcommand", line, c.Entry)
			continue
		}
		got := c.Entry.Prop("destroy") != "" || c.Mark("destroy")
		if got != want {
			t.Errorf("%s: destroys = %v, want %v", line, got, want)
		}
	}
}

// TestGpEnvSetsVars checks that gp env carries "sets-vars" and that its
// unset flag carries the mark "sets".
func TestGpEnvSetsVars(t *testing.T) {
	cat := Default()
	for line, want := range map[string]bool{
		"gp env -u OLD":      true,
		"gp env --unset OLD": true,
		"gp env -e":          false,
		"gp env NAME":        false,
	} {
		f := strings.Fields(line)
		c := cat.Classify(f[0], f[1:])
		if c.Entry == nil || !c.Entry.Has("sets-vars") {
			t.Fatalf("%s: no sets-vars entry (%v)", line, c.Entry)
		}
		if got := c.Mark("sets"); got != want {
			t.Errorf("%s: mark sets = %v, want %v", line, got, want)
		}
	}
}
