package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// macOS marks what a browser, a mail client or curl's callers download
// with the com.apple.quarantine attribute, and Gatekeeper checks a marked
// program's signature and notarization the first time it runs. xattr -d
// com.apple.quarantine FILE (or xattr -c FILE, every attribute) takes the
// mark off: the program then runs unchecked. On the project's own build
// output (xattr -cr build/Release/App.app) that is everyday work; on a
// file from anywhere else (~/Downloads/Tool.app, /Applications/X.app, a
// bundle unpacked into /tmp) it is a protection switched off for code
// nobody here has read, which a person confirms (unknown).

// quarantineAttr is the attribute Gatekeeper's first-run check keys on.
const quarantineAttr = "com.apple.quarantine"

// quarantineOff adds an unknown effect for each file outside the project
// that command i, an xattr, takes the quarantine mark off.
func (a *analysis) quarantineOff(i int, c *shell.Command) {
	if c.Name != "xattr" {
		return
	}
	del, clear, other := false, false, false
	var operands []string
	for k, w := range c.Args {
		if w == "--" {
			operands = append(operands, c.Args[k+1:]...)
			break
		}
		if len(w) > 1 && w[0] == '-' && len(operands) == 0 {
			del = del || strings.ContainsRune(w, 'd')
			clear = clear || strings.ContainsRune(w, 'c')
			other = other || strings.ContainsAny(w, "pw")
			continue
		}
		operands = append(operands, w)
	}
	if other || !del && !clear {
		return // xattr -l, -p NAME, -w NAME VALUE: the mark stays
	}
	if del {
		if len(operands) == 0 || operands[0] != quarantineAttr {
			return // another attribute deleted
		}
		operands = operands[1:]
	}
	for _, f := range operands {
		if a.inProject(f, i) {
			continue
		}
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: "xattr takes the quarantine mark off " + f + ", which Gatekeeper then lets run unchecked"})
	}
}
