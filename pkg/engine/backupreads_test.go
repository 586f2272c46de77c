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

// A kept copy of a file of a kind an allow rule vouches for by its name's
// pattern (a public key, ~/.ssh/*.pub) is of that kind: id_rsa.pub~ and
// id_ed25519.pub.bak are public keys. An allow naming one file
// (~/.kube/kubectx) vouches for that file only, and a copy of a private
// key stays one.
func TestKeptCopiesOfPublicFilesArePublic(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"read", "/home/dev/.ssh/id_rsa.pub~", call.Allow},
		{"read", "/home/dev/.ssh/id_ed25519.pub.bak", call.Allow},
		{"exec", "cat ~/.ssh/id_ecdsa.pub.orig", call.Allow},
		{"exec", "gh ssh-key add ~/.ssh/id_ed25519.pub.bak --title laptop", call.Allow},
		{"read", "/home/dev/.ssh/id_rsa.bak", call.Deny},
		{"read", "/home/dev/.ssh/id_rsa~", call.Deny},
		{"read", "/home/dev/.kube/kubectx.bak", call.Deny},
		{"exec", "cat ~/.ssh/id_rsa.pub.key", call.Deny},
	} {
		if d := e.Evaluate(mkCall(tt.tool, tt.arg)); d.Decision != tt.want {
			t.Errorf("%s %q = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}
