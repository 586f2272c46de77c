package effect

import "testing"

// TestEditorPrintsItsFiles: vim or ex given an ex command that prints the
// whole buffer (-c '%print', +%p) reads out the files it opens, as cat
// would; an edit that prints nothing only writes them.
func TestEditorPrintsItsFiles(t *testing.T) {
	reads := func(line, p string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Read && e.Path == p {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		line, path string
		want       bool
	}{
		{`vim -es -c '%print' -c 'q!' .env`, "/home/dev/project/.env", true},
		{`ex -s +%p +q! /home/dev/.ssh/id_ed25519`, "/home/dev/.ssh/id_ed25519", true},
		{`nvim -es -c ':%print' -c 'qa!' notes.txt`, "/home/dev/project/notes.txt", true},
		{`vim -es -c '%s/a/b/g' -c wq .env`, "/home/dev/project/.env", false},
		{`vim -es -c 'g/x/d' -c wq notes.txt`, "/home/dev/project/notes.txt", false},
	} {
		if got := reads(c.line, c.path); got != c.want {
			t.Errorf("%q: read of %s = %v, want %v (%v)", c.line, c.path, got, c.want, effectsOf(c.line))
		}
	}
}
