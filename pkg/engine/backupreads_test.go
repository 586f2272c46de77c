package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// A kept copy of a secret file (an editor's backup, swap or auto-save, a
// .bak or .orig, the system's /var/backups copy) is read as the file.
func TestBackupCopiesAreReadAsTheirOriginals(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		path string
		want call.Action
	}{
		{"/var/backups/shadow.bak", call.Deny},
		{"/var/backups/gshadow.bak", call.Deny},
		{"/home/dev/.docker/#config.json#", call.Deny},
		{"/home/dev/.netrc.save", call.Deny},
		{"/etc/kubernetes/admin.conf.dpkg-old", call.Deny},
		{"/home/dev/project/#.env#", call.RequireApproval},
		{"/home/dev/project/README.md~", call.Allow},
		{"/home/dev/project/src/.app.py.swp", call.Allow},
		{"/var/backups/dpkg.status.bak", call.Allow},
	} {
		if d := e.Evaluate(mkCall("read", tt.path)); d.Decision != tt.want {
			t.Errorf("read %q = %v (%s), want %v", tt.path, d.Decision, d.Message, tt.want)
		}
	}
	// writing a copy changes only the copy
	if d := e.Evaluate(mkCall("write", `{"path":"/home/dev/project/README.md~","content":"x"}`)); d.Decision != call.Allow {
		t.Errorf("write README.md~ = %v (%s), want allow", d.Decision, d.Message)
	}
}
