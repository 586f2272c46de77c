package catalog

import (
	"strings"
	"testing"
)

// TestArchiveMembersRead: the member names after an archive are read out
// of it (unzip -p prints them, 7z e -so too), and 7z's switches are whole
// words: -so is no cluster of -s and -o taking the archive as its value.
func TestArchiveMembersRead(t *testing.T) {
	cat := Default()
	for _, tc := range []struct{ line, want string }{
		{"unzip -p a.zip id_rsa", "read:a.zip read:id_rsa"},
		{"7z e -so a.7z id_rsa", "data:e write:a.7z read:id_rsa"},
		{"7z x a.7z -oout -y", "dest:out data:x write:a.7z"},
		{"7z a -t7z -mx=9 a.7z src", "data:7z data:x=9 data:a write:a.7z read:src"},
	} {
		f := strings.Fields(tc.line)
		if got := roles(cat.Classify(f[0], f[1:])); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.line, got, tc.want)
		}
	}
}
