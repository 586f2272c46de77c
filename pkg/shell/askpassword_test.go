package shell

import "testing"

// TestAppleScriptPasswordPrompt checks that a dialog with a hidden answer
// is found in AppleScript and JXA code run by osascript, and that other
// dialogs and notifications are not.
func TestAppleScriptPasswordPrompt(t *testing.T) {
	for line, want := range map[string]bool{
		`osascript -e 'display dialog "Update needs your password" default answer "" with hidden answer'`:   true,
		`osascript -l JavaScript -e 'a.displayDialog("Password", {defaultAnswer: "", hiddenAnswer: true})'`: true,
		`osascript -e 'display dialog "Build done" buttons {"OK"}'`:                                         false,
		`osascript -e 'display notification "Tests passed" with title "make"'`:                              false,
	} {
		got := false
		for _, c := range Parse(line).Commands {
			got = got || c.Code.AsksSecret
		}
		if got != want {
			t.Errorf("%s: asks for a secret = %v, want %v", line, got, want)
		}
	}
}
