package shell

import (
	"strings"
	"testing"
)

// TestTrapsRunAtTheEnd checks that a trap's command is judged after the
// line, with the variables set after the trap known, and that "trap --"
// is read.
func TestTrapsRunAtTheEnd(t *testing.T) {
	r := Parse(`trap 'rm -f "$tmp"' EXIT; tmp=$(mktemp); go env > "$tmp"`)
	last := r.Commands[len(r.Commands)-1]
	if last.Name != "rm" || last.Dynamic {
		t.Errorf("last command %s, want rm of the resolved $tmp", describe(last))
	}
	r = Parse(`trap 'rm -rf "$d"' EXIT; d=/x`)
	if last := r.Commands[len(r.Commands)-1]; describe(last) != "rm -rf /x @1.0 d=1 via=trap" {
		t.Errorf("got %s", strings.Join(describeAll(r), " | "))
	}
	r = Parse(`trap -- 'rm -rf /x' EXIT`)
	if last := r.Commands[len(r.Commands)-1]; last.Name != "rm" {
		t.Errorf("trap --: got %s", strings.Join(describeAll(r), " | "))
	}
	for _, src := range []string{"trap -p", "trap - INT", "trap -l"} {
		if n := len(Parse(src).Commands); n != 1 {
			t.Errorf("Parse(%q) gives %d commands, want the trap alone", src, n)
		}
	}
}
