package shell

import "testing"

// A word naming a builtin only the shell has is not a command an unknown
// program starts; a known program after it still is.
func TestEmbeddedShellOnly(t *testing.T) {
	for _, src := range []string{"hasura metadata export", "mytool export", "acme-cli config set", "foo db unset KEY", "bar eval"} {
		for _, c := range Parse(src).Commands {
			if shellOnly(c.Name) {
				t.Errorf("Parse(%q) reached the builtin %q", src, c.Name)
			}
		}
	}
	res := Parse("mytool exec rm -rf /")
	found := false
	for _, c := range res.Commands {
		if c.Name == "rm" {
			found = true
		}
	}
	if !found {
		t.Errorf("Parse(mytool exec rm -rf /) did not reach rm")
	}
}
