package effect

import (
	"path"
	"strings"
)

// inputCapture is the source kind of what a keystroke recorder (xinput
// test, evtest, logkeys, showkey, xev: catalogue "captures=keys") prints or
// writes, and of a clipboard read again and again in a loop (pbpaste,
// wl-paste, xclip -o, xsel -o: "captures=clipboard"): what the user types
// and copies, passwords among it. Written to a file it is a keylogger's
// log (flow:input-capture->file); sent, it leaves the machine as any
// sensitive data does (flow:input-capture->network).
const inputCapture = "input-capture"

// inputDevice reports a path of an input device's event stream
// (/dev/input/event3, /dev/input/by-id/…-event-kbd, /dev/input/mice):
// read, it is every key typed or every move made.
func inputDevice(p string) bool {
	rest, ok := strings.CutPrefix(p, "/dev/input/")
	if !ok {
		return false
	}
	b := path.Base(rest)
	return strings.HasPrefix(b, "event") || strings.Contains(b, "-event-") || strings.HasPrefix(b, "mouse") || b == "mice" || strings.HasSuffix(b, "-kbd")
}
