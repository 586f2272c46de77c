package shell

import (
	"strings"
	"testing"
)

// TestArrayItems checks that a for loop over a whole array ("${a[@]}",
// "$@", a slice of it, "x${a[@]}") takes each element, even quoted; that a
// subscript reading a loop's variable or a counter a loop changes is each
// element the variable may pick; and that the loop's body sees them as
// rm's operands.
func TestArrayItems(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want string // a command, as describe renders it before its pipeline
	}{
		{`dirs=(dist "/home/dev"); for d in "${dirs[@]}"; do rm -rf "$d"; done`, "rm -rf /home/dev"},
		{`declare -a dirs=(dist /home/dev); for d in "${dirs[@]}"; do rm -rf "$d"; done`, "rm -rf /home/dev"},
		{`set -- dist /home/dev; for d in "$@"; do rm -rf "$d"; done`, "rm -rf /home/dev"},
		{`dirs=(a dist /home/dev); for d in "${dirs[@]:1}"; do rm -rf "$d"; done`, "rm -rf /home/dev"},
		{`dirs=(dist /home/dev); for d in "x${dirs[@]}"; do rm -rf "$d"; done`, "rm -rf /home/dev"},
		{`dirs=(dist /home/dev); for i in 0 1; do rm -rf "${dirs[$i]}"; done`, "rm -rf /home/dev"},
		{`dirs=(dist /home/dev); for i in 0 1; do rm -rf "${dirs[i]}"; done`, "rm -rf /home/dev"},
		{`dirs=(dist /home/dev); i=0; while [ $i -lt 2 ]; do rm -rf "${dirs[$i]}"; i=$((i+1)); done`, "rm -rf dist /home/dev"},
		{`dirs=(dist /home/dev); for ((i=0;i<2;i++)); do rm -rf "${dirs[i]}"; done`, "rm -rf dist /home/dev"},
	} {
		got := describeAll(Parse(tt.src))
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, tt.want+" @")
		}
		if !found {
			t.Errorf("Parse(%q) =\n\t%s\nwant a command\n\t%s", tt.src, strings.Join(got, "\n\t"), tt.want)
		}
	}
	// "${a[*]}" quoted is one word, the elements joined: one item.
	for _, src := range []string{
		`dirs=(dist /home/dev); for d in "${dirs[*]}"; do rm -rf "$d"; done`,
	} {
		for _, g := range describeAll(Parse(src)) {
			if strings.HasPrefix(g, "rm -rf /home/dev @") {
				t.Errorf("Parse(%q) gives %s; the quoted ${a[*]} is one item", src, g)
			}
		}
	}
}

// TestLoopCarried checks that a loop whose body changes a variable is
// judged again with that variable unknown, and that what follows the loop
// still sees the values the first walk left.
func TestLoopCarried(t *testing.T) {
	r := Parse("n=0; while [ $n -lt 3 ]; do rm -rf \"build/$n\"; n=$((n+1)); done")
	dyn := false
	for _, c := range r.Commands {
		dyn = dyn || c.Name == "rm" && c.Dynamic
	}
	if !dyn {
		t.Errorf("the later turns' rm -rf build/$n is not dynamic:\n\t%s", strings.Join(describeAll(r), "\n\t"))
	}
	got := describeAll(Parse("x=dist; for f in a b; do x=build; done; rm -rf \"$x\""))
	found := false
	for _, g := range got {
		found = found || strings.HasPrefix(g, "rm -rf build @")
	}
	if !found {
		t.Errorf("after the loop x should still be build (or dist):\n\t%s", strings.Join(got, "\n\t"))
	}
}
