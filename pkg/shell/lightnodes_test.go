package shell

import (
	"reflect"
	"strings"
	"testing"
)

// TestLightNodesReused parses lines one after another from the same
// arrays, reset between them as a walker's are, and checks each tree
// against one built from fresh arrays: nodes handed out again come zeroed,
// and a line after a longer one takes its nodes without allocating.
func TestLightNodesReused(t *testing.T) {
	long := strings.Repeat(`cat "$(ls src/*.go | head -1)" x='y z' 2>/dev/null | `, 30) + "wc -l"
	lines := []string{long, "ls -la", `A=1 grep -v "$HOME" f > out && echo 'done'`, long, "git status; sort | uniq -c",
		"echo $(date +%s; hostname; id -u); ls; pwd $(a $(b; c))", "x; y", "z"}
	var nodes lightNodes
	for _, src := range lines {
		got, ok := lightParseIn(src, &nodes)
		want, wantOK := lightParse(src)
		if ok != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("lightParseIn(%q) on reused arrays differs from a fresh parse", src)
		}
		if ok && !strings.Contains(src, "$(") && len(got.Stmts) != strings.Count(src, ";")+1 {
			t.Errorf("lightParseIn(%q): %d statements", src, len(got.Stmts))
		}
		nodes.reset()
	}
	if n := testing.AllocsPerRun(10, func() {
		lightParseIn("grep -v test f | sort | uniq -c", &nodes)
		nodes.reset()
	}); n > 4 {
		t.Errorf("a short line after a long one allocates %v times, want at most 4 (the file and its lists)", n)
	}
}
