package engine

import (
	"path"
	"testing"
)

func TestWidenGlob(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"~/.aws/[[:alpha:]]redentials", "~/.aws/?redentials"},
		{"~/.[![:space:]x]etrc", "~/.?etrc"},
		{"~/.aws/[[:alpha:][:digit:]]redentials", "~/.aws/?redentials"},
		{"~/.[[=n=]]etrc", "~/.?etrc"},
		{"~/.aws/[c]redentials", "~/.aws/[c]redentials"},
		{".[!.]nv", ".?nv"},
		{"~/.ssh/id_[^.]sa", "~/.ssh/id_?sa"},
		{"~/.aws/@(credentials|config)", "~/.aws/{credentials,config}"},
		{"~/.aws/?(x|credentials)", "~/.aws/{,x,credentials}"},
		{"~/.ssh/id_+([a-z0-9])", "~/.ssh/id_[a-z0-9]*"},
		{"~/.ssh/!(*.pub|known_hosts)", "~/.ssh/*"},
		{"~/.ssh/*(x)", "~/.ssh/*"},
		{"src/main.go", "src/main.go"},
		{"a/@(b", "a/@(b"},
		{`a/\@(b)`, `a/\@(b)`},
	} {
		if got := widenGlob(c.in); got != c.want {
			t.Errorf("widenGlob(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzWidenGlob checks that a widened glob names every name the original
// names under path.Match, for globs path.Match reads.
func FuzzWidenGlob(f *testing.F) {
	for _, s := range []string{"[[:alpha:]]x", "a[bc]d", "@(a|b)c", "!(x)", "+(ab)"} {
		f.Add(s, "abc")
	}
	f.Fuzz(func(t *testing.T, g, name string) {
		w := widenGlob(g)
		ok, err := path.Match(g, name)
		if err != nil || !ok {
			return
		}
		for _, alt := range braceAlternatives(w) {
			if m, _ := path.Match(alt, name); m {
				return
			}
		}
		t.Errorf("%q matches %q but its widening %q does not", g, name, w)
	})
}
