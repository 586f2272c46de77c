package shell

import "strings"

// What AppleScript and JXA do to the desktop session itself rather than to
// one application's records (appleapps.go reads those):
//
//   - the clipboard read back (the clipboard, set x to the clipboard,
//     theClipboard(), an NSPasteboard's stringForType): what the user
//     copied, passwords among it, as pbpaste prints it; setting it (set
//     the clipboard to …) reads nothing;
//   - keystrokes typed into the window in front (System Events' keystroke
//     and key code, JXA's keystroke(…) and keyCode(…)): input to whatever
//     program has the focus, a terminal or a password field as often as
//     not;
//   - a login item added (make login item, make new login item, JXA's
//     LoginItem(…)): a program run at every login from then on. One kept
//     in a temporary, shared, downloads or hidden directory is a program
//     nobody installed, hidden where the user does not look.

// appleClipboardRead reports whether code (lower case) reads the clipboard.
func appleClipboardRead(low string) bool {
	if strings.Contains(low, "theclipboard(") {
		return true // JXA: app.theClipboard()
	}
	if strings.Contains(low, "nspasteboard") && anyIn(low, []string{"stringfortype", "datafortype", "readobjects"}) {
		return true // JXA through the Objective-C bridge
	}
	for at := 0; ; {
		k := strings.Index(low[at:], "the clipboard")
		if k < 0 {
			return false
		}
		k += at
		before := strings.TrimRight(low[:k], " \t(")
		if !strings.HasSuffix(before, "set") {
			return true // get the clipboard, (the clipboard as text), set x to the clipboard
		}
		at = k + len("the clipboard")
	}
}

// withoutPropertyRecords returns code (lower case) with the records of
// properties a new object is made with (with properties {…}) cut out.
func withoutPropertyRecords(low string) string {
	if !strings.Contains(low, "with properties") {
		return low
	}
	var b strings.Builder
	for {
		k := strings.Index(low, "with properties")
		if k < 0 {
			b.WriteString(low)
			return b.String()
		}
		b.WriteString(low[:k])
		rest := strings.TrimLeft(low[k+len("with properties"):], " \t")
		if !strings.HasPrefix(rest, "{") {
			low = rest
			continue
		}
		depth, end := 0, len(rest)
		for i := 0; i < len(rest); i++ {
			switch rest[i] {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth == 0 {
				end = i + 1
				break
			}
		}
		low = rest[end:]
	}
}

// typingWords are the ways System Events types into the window in front.
var typingWords = []string{"keystroke ", "keystroke(", "key code ", "keycode("}

// loginItemWords are the ways System Events adds a login item.
var loginItemWords = []string{"make login item", "make new login item", "loginitem("}

// systemEvents reads code (lower case) that addresses System Events for
// the keystrokes it types and the login items it adds.
func systemEvents(low string, f *appleAppFacts) {
	if anyIn(low, typingWords) {
		f.Types = true
	}
	for _, w := range loginItemWords {
		k := strings.Index(low, w)
		if k < 0 {
			continue
		}
		f.LoginItem = max(f.LoginItem, LoginItemApp)
		if p, ok := loginItemPath(low[k:]); ok && hiddenPlace(p) {
			f.LoginItem = LoginItemHidden
		}
	}
}

// loginItemPath returns the quoted path of a login item's properties
// (path:"/Applications/X.app", path: '/tmp/.u/x').
func loginItemPath(low string) (string, bool) {
	k := strings.Index(low, "path:")
	if k < 0 {
		return "", false
	}
	rest := strings.TrimLeft(low[k+len("path:"):], " \t")
	if rest == "" || rest[0] != '"' && rest[0] != '\'' {
		return "", false
	}
	end := strings.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return "", false
	}
	return rest[1 : 1+end], true
}

// hiddenPlaces are where no installed program is kept: temporary and
// shared directories and the downloads folder (lower case).
var hiddenPlaces = []string{"/tmp/", "/private/tmp/", "/var/tmp/", "/private/var/", "/var/folders/", "/users/shared/", "/dev/shm/", "/downloads/"}

// hiddenPlace reports whether p (lower case) is in a temporary, shared or
// downloads directory or under a hidden one.
func hiddenPlace(p string) bool {
	if anyIn(p, hiddenPlaces) {
		return true
	}
	for _, seg := range strings.Split(p, "/") {
		if len(seg) > 1 && seg[0] == '.' && seg != ".." {
			return true
		}
	}
	return false
}
