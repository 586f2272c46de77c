package shell

import "testing"

// TestAppleApps checks what AppleScript and JXA ask of the user's
// applications: a person's records read, a message sent, JavaScript run
// in a browser's page (and whether it names the session's cookies or
// storage); bringing an application forward, opening a location, one
// tab's address and a notification are none of these.
func TestAppleApps(t *testing.T) {
	for _, tt := range []struct {
		code                           string
		personal, sends, page, storage bool
		browser                        string
	}{
		{`tell application "Notes" to get body of every note`, true, false, false, false, ""},
		{`Application("Notes").notes().map(n => n.body())`, true, false, false, false, ""},
		{`tell application "Messages" to get text of every message of chat 1`, true, false, false, false, ""},
		{`tell application "Contacts" to get value of emails of every person`, true, false, false, false, ""},
		{`tell app "Calendar" to get summary of every event of calendar "Work"`, true, false, false, false, ""},
		{`tell application "Google Chrome" to get URL of every tab of every window`, true, false, false, false, "google chrome"},
		{`tell application "Messages" to send "done" to buddy "+15551234567"`, false, true, false, false, ""},
		{`tell application "Mail" to send (make new outgoing message with properties {subject:"hi"})`, false, true, false, false, ""},
		{`tell application "Google Chrome" to execute active tab of window 1 javascript "document.cookie"`, false, false, true, true, "google chrome"},
		{`Application('Safari').doJavaScript('localStorage.getItem("t")', {in: Application('Safari').windows[0].currentTab})`, false, false, true, true, "safari"},
		{`tell application "Safari" to do JavaScript "location.reload()" in front document`, false, false, true, false, "safari"},
		{`tell application "Notes" to activate`, false, false, false, false, ""},
		{`tell application "Safari" to open location "http://localhost:3000"`, false, false, false, false, "safari"},
		{`tell application "Safari" to get URL of current tab of front window`, false, false, false, false, "safari"},
		{`display notification "Build done" with title "CI"`, false, false, false, false, ""},
		{`tell application "System Events" to get the name of every login item`, false, false, false, false, ""},
	} {
		f := appleApps(tt.code)
		if f.Personal != tt.personal || f.Sends != tt.sends || f.PageCode != tt.page || f.Storage != tt.storage || f.Browser != tt.browser {
			t.Errorf("appleApps(%q) = %+v, want personal %v sends %v page %v storage %v browser %q",
				tt.code, f, tt.personal, tt.sends, tt.page, tt.storage, tt.browser)
		}
	}
}

// TestAppleAppsCodeFacts checks that osascript's code carries the facts to
// the command, and that System Events' keystroke types a command line the
// walk reads as one.
func TestAppleAppsCodeFacts(t *testing.T) {
	res := Parse(`osascript -e 'tell application "Notes" to get body of every note'`)
	defer Release(&res)
	if len(res.Commands) == 0 || !res.Commands[0].Code.PersonalRead {
		t.Fatalf("osascript reading Notes: PersonalRead not set: %+v", res.Commands)
	}
	typed := Parse(`osascript -e 'tell application "System Events" to keystroke "rm -rf ~/Documents"'`)
	defer Release(&typed)
	found := false
	for _, c := range typed.Commands {
		found = found || c.Name == "rm"
	}
	if !found {
		t.Errorf("keystroke \"rm -rf ~/Documents\": the typed command was not read: %+v", typed.Commands)
	}
}
