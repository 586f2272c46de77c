package shell

import (
	"strings"
	"testing"
)

// TestArrayAppend checks that a+=(x) after a=(…) on the line gives the
// array both lists, so "${a[@]}" names every element; an array the line
// did not set, or one appended to in a loop, stays unknown.
func TestArrayAppend(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want string // a command, as describe renders it before its pipeline
	}{
		{"junk=(dist build)\njunk+=(/home/dev)\nrm -rf \"${junk[@]}\"", "rm -rf dist build /home/dev"},
		{"cmd=(rm -rf)\ncmd+=(/x)\n\"${cmd[@]}\"", "rm -rf /x"},
		{"a=(--release)\na+=(--features simd)\na+=(--locked)\ncargo build \"${a[@]}\"", "cargo build --release --features simd --locked"},
		{"a=(x)\na+=(y z)\necho \"${a[2]}\"", "echo z"},
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
	for _, src := range []string{
		"junk+=(/x)\nrm -rf \"${junk[@]}\"",
		"junk=(dist)\nfor d in build /x; do junk+=(\"$d\"); done\nrm -rf \"${junk[@]}\"",
		"junk=(dist)\njunk+=(\"$X\")\nrm -rf \"${junk[@]}\"",
	} {
		r := Parse(src)
		last := r.Commands[len(r.Commands)-1]
		if !last.Dynamic {
			t.Errorf("Parse(%q): last command %s is not dynamic", src, describe(last))
		}
	}
}
