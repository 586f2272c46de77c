package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// Every version control system's store is a repository's history, as .git
// is: removing Mercurial's, Subversion's, Jujutsu's, darcs' or pijul's
// store, or a Fossil repository file, asks; a stale Mercurial lock is an
// everyday removal. git-crypt's key inside .git decrypts the whole history
// and is a credential. Files printed out of history or a backup are read as
// the files they were.
func TestVersionControlStoresAndHistoryReads(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"exec", "rm -rf .hg", call.RequireApproval},
		{"exec", "rm -rf _darcs", call.RequireApproval},
		{"exec", "rm -rf .jj", call.RequireApproval},
		{"exec", "rm -rf .pijul", call.RequireApproval},
		{"exec", "find . -name .svn -type d -exec rm -rf {} +", call.RequireApproval},
		{"exec", "rm -f ~/fossils/project.fossil", call.RequireApproval},
		{"exec", "rm -rf .hg/strip-backup", call.RequireApproval},
		{"write", `{"path":"/home/dev/project/.hg/hgrc","content":"[hooks]\u000aoutgoing = ./x.sh\u000a"}`, call.RequireApproval},
		{"exec", "rm -f .hg/wlock", call.Allow},
		{"exec", "rm -rf build .cache", call.Allow},
		{"read", "/home/dev/project/.git/git-crypt/keys/default", call.Deny},
		{"exec", "base64 .git/git-crypt/keys/default", call.Deny},
		{"exec", "hg cat -r 12 .env", call.RequireApproval},
		{"exec", "svn cat -r 1540 ^/trunk/.env", call.RequireApproval},
		{"exec", "hg cat -r 12 README.md", call.Allow},
		{"exec", "restic -r /mnt/backup/restic dump latest /home/dev/.ssh/id_ed25519", call.Deny},
		{"exec", "restic -r /mnt/backup/restic dump latest /home/dev/project/README.md", call.Allow},
		{"exec", "borg extract --stdout /mnt/backup/borg::home home/dev/.aws/credentials", call.Deny},
		{"exec", "borg extract --stdout /mnt/backup/borg::home home/dev/.kube/config", call.Deny},
		{"exec", "borg extract /mnt/backup/borg::project home/dev/project/src", call.Allow},
		{"exec", "sl hide -r abc123", call.Allow},
		{"exec", "sl strip -r abc123", call.RequireApproval},
	} {
		if d := e.Evaluate(mkCall(tt.tool, tt.arg)); d.Decision != tt.want {
			t.Errorf("%s %q = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}
