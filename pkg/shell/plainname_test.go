package shell

import "testing"

// TestKeyOfPlainName holds the key of a plain name, given back as it is,
// to the key fileKey and Place.key make of it.
func TestKeyOfPlainName(t *testing.T) {
	names := []string{"wc", "sort", ".", "..", "...", "out.txt", "-", "a b", "x=1", "*.go", "$HOME", "~", "~x", "a/b", "./a",
		"`id`", "é", "", "-rf", "..a"}
	places := []Place{{Dir: "/home/dev/project", Home: "/home/dev"}, {Dir: "/home/dev", Home: "/home/dev"},
		{Dir: "/", Home: "/root"}, {Dir: "", Home: "/home/dev"}, {Dir: "/srv", Home: ""}}
	for _, at := range places {
		s := &state{at: at}
		for _, p := range names {
			if got, want := s.key(p), at.key(fileKey(p)); got != want {
				t.Errorf("%+v: key(%q) = %q, want %q", at, p, got, want)
			}
		}
	}
}
