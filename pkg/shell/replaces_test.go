package shell

import (
	"strings"
	"testing"
)

func TestReplaces(t *testing.T) {
	cases := map[string]bool{
		"cp /tmp/list l.txt": true, "mv -f /tmp/l.txt .": true, "ln -sf /tmp/x l.txt": true,
		"install -m 755 /tmp/x l.txt": true, "dd if=/tmp/x of=l.txt": true, "rsync -a /tmp/l.txt ./": true,
		"cp -t . /tmp/l.txt": true, "cp l.txt /tmp/copy": false, "cp /tmp/a other.txt": false, "dd if=l.txt of=/tmp/x": false,
	}
	key := fileKey("l.txt")
	for src, want := range cases {
		w := strings.Fields(src)
		if got := (&state{}).replaces(&Command{Name: w[0], Args: w[1:]}, key); got != want {
			t.Errorf("replaces(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestFileKeySpellings(t *testing.T) {
	for _, p := range []string{"s.sh", "./s.sh", "$PWD/s.sh", "${PWD}/s.sh", "a/../s.sh", "./a/../s.sh"} {
		if got := fileKey(p); got != "s.sh" {
			t.Errorf("fileKey(%q) = %q, want s.sh", p, got)
		}
	}
	if got := fileKey("$HOME/x"); got != "~/x" {
		t.Errorf("fileKey($HOME/x) = %q", got)
	}
}
