package shell

import (
	"slices"
	"testing"
)

// TestAppleScriptAdministratorPrivileges checks that a shell command an
// AppleScript runs with administrator privileges is walked as run through
// sudo, and one without them is not.
func TestAppleScriptAdministratorPrivileges(t *testing.T) {
	for line, want := range map[string]bool{
		`osascript -e 'do shell script "installer -pkg a.pkg -target /" with administrator privileges'`:         true,
		`osascript -e 'do shell script "launchctl list"'`:                                                       false,
		`osascript -l JavaScript -e 'app.doShellScript("ls /var/db", {administratorPrivileges: true})'`:         true,
		`osascript -e 'do shell script "ls"' -e 'display dialog "administrator privileges are not asked here"'`: false,
	} {
		got := false
		for _, c := range Parse(line).Commands {
			got = got || (c.Name == "ls" || c.Name == "installer" || c.Name == "launchctl") && slices.Contains(c.Via, "sudo")
		}
		if got != want {
			t.Errorf("%s: run through sudo = %v, want %v", line, got, want)
		}
	}
}
