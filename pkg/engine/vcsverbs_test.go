package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// What the version control tools' own verbs destroy: git-annex loses a copy
// only past numcopies (--force, dropunused, forget --drop-dead, dead);
// git-secret prints a secret only with cat, and tell changes who reads them; p4 obliterate removes history
// only with -y (its -h is its own flag) and p4 archive always moves it out;
// svn delete and move commit to the shared repository when given a message,
// and a revision property changed with --revprop has no older version.
func TestVersionControlVerbs(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		line string
		want call.Action
	}{
		{"git annex drop data/cache/tmp.bin", call.Allow},
		{"git annex drop --force data/raw/", call.RequireApproval},
		{"git annex dropunused all", call.RequireApproval},
		{"git annex forget --drop-dead --force", call.RequireApproval},
		{"git annex dead backupdrive", call.RequireApproval},
		{"git annex copy --to=backupdrive .", call.Allow},
		{"git secret hide", call.Allow},
		{"git secret reveal -f", call.Allow},
		{"git-secret list", call.Allow},
		{"git secret cat config/prod.env.secret", call.RequireApproval},
		{"git secret tell ops@example.org", call.RequireApproval},
		{"p4 obliterate //depot/project/tmp/...", call.Allow},
		{"p4 obliterate -y //depot/project/...", call.RequireApproval},
		{"p4 obliterate -y -h //depot/project/main/...", call.RequireApproval},
		{"p4 archive -D archive-depot //depot/project/old/...", call.RequireApproval},
		{"p4 revert -a //...", call.Allow},
		{"p4 revert //...", call.RequireApproval},
		{"svn delete old/unused.c", call.Allow},
		{"svn mv src/a.c src/b.c", call.Allow},
		{`svn rm ^/branches/release-3.0 -m "remove"`, call.RequireApproval},
		{"svn move ^/trunk ^/old-trunk -F msg.txt", call.RequireApproval},
		{`svn propset svn:log --revprop -r 1234 "fixed" https://svn.acme.internal/repos/project`, call.RequireApproval},
		{`svn propset svn:ignore "build" .`, call.Allow},
	} {
		if d := e.Evaluate(mkCall("exec", tt.line)); d.Decision != tt.want {
			t.Errorf("%q = %v (%s), want %v", tt.line, d.Decision, d.Message, tt.want)
		}
	}
}
