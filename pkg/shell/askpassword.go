package shell

import "strings"

// asksSecret reports AppleScript (or JXA) code that shows a dialog whose
// answer is typed hidden: display dialog "…" default answer "" with hidden
// answer, app.displayDialog("…", {defaultAnswer: "", hiddenAnswer: true}).
// Such a dialog is how macOS asks for a password, and what the user types
// comes back as the script's output: a password prompt the agent reads.
func asksSecret(lang, code string) bool {
	if lang != "applescript" {
		return false
	}
	low := strings.ToLower(code)
	return strings.Contains(low, "hidden answer") || strings.Contains(low, "hiddenanswer")
}
