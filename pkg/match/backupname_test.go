package match

import (
	"slices"
	"testing"
)

func TestBackupOriginals(t *testing.T) {
	for _, c := range []struct {
		p    string
		want []string
	}{
		{"/home/dev/.ssh/id_rsa.bak", []string{"/home/dev/.ssh/id_rsa"}},
		{"/home/dev/.claude/settings.json.rampart-backup", []string{"/home/dev/.claude/settings.json"}},
		{"/home/dev/.ssh/.id_rsa.swp", []string{"/home/dev/.ssh/id_rsa"}},
		{"/home/dev/p/#.env#", []string{"/home/dev/p/.env"}},
		{"/home/dev/.aws/credentials~", []string{"/home/dev/.aws/credentials"}},
		{"/home/dev/.netrc.ORIG", []string{"/home/dev/.netrc"}},
		{"/etc/kubernetes/admin.conf.dpkg-old", []string{"/etc/kubernetes/admin.conf"}},
		{"/home/dev/.ssh/id_rsa.bak~", []string{"/home/dev/.ssh/id_rsa.bak", "/home/dev/.ssh/id_rsa"}},
		{"/var/backups/shadow.bak", []string{"/var/backups/shadow", "/etc/shadow"}},
		{"/etc/shadow-", []string{"/etc/shadow"}},
		{"/etc/gshadow-", []string{"/etc/gshadow"}},
		{"/home/dev/notes-", nil},
		// not copies: a plain name, a bare ending, a swap file not hidden
		{"/home/dev/p/main.go", nil},
		{"/home/dev/p/.bak", nil},
		{"/home/dev/p/notes.swp", nil},
		{"/home/dev/p/~", nil},
		{"/home/dev/p/#", nil},
	} {
		if got := BackupOriginals(nil, c.p); !slices.Equal(got, c.want) {
			t.Errorf("BackupOriginals(%q) = %q, want %q", c.p, got, c.want)
		}
	}
}
