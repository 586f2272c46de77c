package catalog

import (
	"strings"
	"testing"
)

// TestFilesPrintedOutOfHistoryAndBackupsAreRead: a file printed as it was at
// a revision (hg cat, svn cat) or out of a snapshot or archive (restic dump,
// borg extract) is read, so its name is judged as the file's; Sapling's hide
// is undone by unhide and destroys nothing, while its strip still does.
func TestFilesPrintedOutOfHistoryAndBackupsAreRead(t *testing.T) {
	cat := Default()
	for _, tc := range []struct{ line, want string }{
		{"hg cat -r 12 .env", "data:12 read:.env"},
		{"sl cat -r abc -o out.txt config.yml", "data:abc write:out.txt read:config.yml"},
		{"svn cat -r 1540 ^/trunk/.env", "data:1540 read:^/trunk/.env"},
		{"restic dump latest /home/dev/.ssh/id_ed25519", "data:latest read:/home/dev/.ssh/id_ed25519"},
		{"borg extract --stdout /mnt/b::home home/dev/.ssh/id_rsa", "remote:/mnt/b::home read:home/dev/.ssh/id_rsa"},
	} {
		f := strings.Fields(tc.line)
		if got := roles(cat.Classify(f[0], f[1:])); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.line, got, tc.want)
		}
	}
	if c := cat.Classify("sl", []string{"hide", "-r", "abc123"}); c.Entry != nil && c.Entry.Props["destroy"] != "" {
		t.Errorf("sl hide destroys %q, want nothing", c.Entry.Props["destroy"])
	}
	if c := cat.Classify("sl", []string{"strip", "-r", "abc123"}); c.Entry == nil || c.Entry.Props["destroy"] != "history" {
		t.Errorf("sl strip: want destroy=history")
	}
}
