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

// TestSourceUnknown checks that sourcing a file no word of the line names
// is unknown code, and a path with a known tail is not.
func TestSourceUnknown(t *testing.T) {
	if r := Parse(`source "$ENV_SCRIPT"`); len(r.Commands[0].Unknown) == 0 {
		t.Errorf("source of an unresolved word: %s is not unknown", describe(r.Commands[0]))
	}
	for _, src := range []string{`source "$VENV/bin/activate"`, `. "$HOME/.cargo/env"`, `. ./env.sh`} {
		if r := Parse(src); len(r.Commands[0].Unknown) > 0 {
			t.Errorf("Parse(%q): %v", src, r.Commands[0].Unknown)
		}
	}
}
