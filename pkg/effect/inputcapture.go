package effect

// inputCapture is the source kind of what a keystroke recorder (xinput
// test, evtest, logkeys, showkey, xev: catalogue "captures=keys") prints or
// writes, and of a clipboard read again and again in a loop (pbpaste,
// wl-paste, xclip -o, xsel -o: "captures=clipboard"): what the user types
// and copies, passwords among it. Written to a file it is a keylogger's
// log (flow:input-capture->file); sent, it leaves the machine as any
// sensitive data does (flow:input-capture->network).
const inputCapture = "input-capture"
