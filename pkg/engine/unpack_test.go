package engine

import (
	"testing"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// TestUnpacksAndClones holds where archives unpack and clones check out.
func TestUnpacksAndClones(t *testing.T) {
	for _, tc := range []struct {
		line          string
		archive, dir  string
		unpack, clone bool
	}{
		{"tar xzf t.tgz", "t.tgz", "", true, false},
		{"tar -xzf t.tgz -C /opt", "t.tgz", "/opt", true, false},
		{"tar --extract --file=t.tar --directory=out", "t.tar", "out", true, false},
		{"tar -x -f - -C out", "", "out", true, false},
		{"tar czf t.tgz src", "t.tgz", "", false, false},
		{"tar -tf t.tar", "t.tar", "", false, false},
		{"unzip -o tool.zip -d /tmp/tool", "tool.zip", "/tmp/tool", true, false},
		{"7z x a.7z -oout", "a.7z", "out", true, false},
		{"git clone https://github.com/acme/app.git", "", "app", false, true},
		{"git clone --depth 1 -b main git@github.com:acme/app.git work/app", "", "work/app", false, true},
		{"git -C /src clone https://h.example/r/", "", "r", false, true},
		{"git status", "", "", false, false},
	} {
		res := shell.Parse(tc.line)
		c := &res.Commands[0]
		a := match.NewArgv(c.Name, c.Program, c.Args, "/w", "/h")
		archive, dir, ok := unpacks(c, &a)
		if ok != tc.unpack || ok && (archive != tc.archive || dir != tc.dir) {
			t.Errorf("unpacks(%q) = %q, %q, %v; want %q, %q, %v", tc.line, archive, dir, ok, tc.archive, tc.dir, tc.unpack)
		}
		d, ok := clones(&a)
		if ok != tc.clone || ok && d != tc.dir {
			t.Errorf("clones(%q) = %q, %v; want %q, %v", tc.line, d, ok, tc.dir, tc.clone)
		}
	}
}
