package effect

import (
	"strings"
	"testing"
)

// TestUserBinDirLastSegment holds userBinDir, which first asks whether a
// directory ends in one of userBinDirs' last segments, to the matching of
// each of userBinDirs in turn.
func TestUserBinDirLastSegment(t *testing.T) {
	var dirs []string
	for _, d := range userBinDirs {
		if last := d[strings.LastIndexByte(d, '/')+1:]; last == "" || strings.ContainsAny(last, "*?[\\") {
			t.Fatalf("%s: its last segment is not literal", d)
		}
		filled := strings.ReplaceAll(d, "*", "v1")
		for _, home := range []string{"/home/dev", "/root", "/home/other", "/srv/x", ""} {
			dirs = append(dirs, home+filled, home+filled+"/", home+filled+"x", home+filled+"/sub", home+d, home+filled[:len(filled)-1])
		}
	}
	dirs = append(dirs, "/", "", "bin", "/bin", "/usr/bin", "/tmp", "/home/dev", "/home/dev/project/bin", "/home/bin", "/home/dev/.cargo/bin")
	for _, dir := range dirs {
		if got, want := userBinDir(dir, "/home/dev"), userBinDirMatch(dir, "/home/dev"); got != want {
			t.Errorf("userBinDir(%q) = %v, want %v", dir, got, want)
		}
	}
}
