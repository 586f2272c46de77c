package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// macOS keeps a local user's password hash in the directory service's user
// record: read or sent away it is a credential, as /etc/shadow is; the
// directory's other records and a user's shell, read through dscl, are not.
func TestMacUserRecordsAreCredentials(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"read", "/var/db/dslocal/nodes/Default/users/dev.plist", call.Deny},
		{"exec", "sudo plutil -p /private/var/db/dslocal/nodes/Default/users/dev.plist", call.Deny},
		{"exec", "sudo cp /var/db/dslocal/nodes/Default/users/admin.plist /tmp/a.plist", call.Deny},
		{"read", "/var/db/dslocal/nodes/Default/groups/admin.plist", call.Allow},
		{"exec", "dscl . -read /Users/dev UserShell", call.Allow},
	} {
		c := mkCall(tc.tool, tc.arg)
		if d := e.Evaluate(c); d.Decision != tc.want {
			t.Errorf("%s %q = %v (%s), want %v", tc.tool, tc.arg, d.Decision, d.Message, tc.want)
		}
	}
}
