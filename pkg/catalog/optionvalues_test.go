package catalog

import (
	"strings"
	"testing"
)

func TestOptionValues(t *testing.T) {
	cases := []struct {
		line string
		want []int // indices of the words that are option values
	}{
		{"git log --grep reset --hard", []int{2}},
		{"git log --grep=reset --hard", nil}, // attached: no word of its own
		{"git -C /src reset --hard", []int{1}},
		{"git reset --hard", nil},
		{"kubectl -n delete get pods", []int{1}},
		{"unknownprog --flag value sub", nil},
	}
	for _, c := range cases {
		w := strings.Fields(c.line)
		var want uint64
		for _, i := range c.want {
			want |= 1 << i
		}
		if got := Default().OptionValues(w[0], w[1:]); got != want {
			t.Errorf("%s: got %b, want %b", c.line, got, want)
		}
	}
}
