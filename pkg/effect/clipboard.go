package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// The clipboard is a sink of its own (catalogue "sink=clipboard": pbcopy,
// wl-copy, xclip, xsel, clip.exe, copyq add): what is put there every
// program of the session reads, and clipboard sync and clipboard managers
// carry it off the machine. A credential file, a secret variable, the
// environment or an archive of home put there flows to it. A secret a
// tool printed (kubectl get secret … | base64 -d | pbcopy) is the user's
// to paste, its ordinary use, unless it is production's (op item get
// Production --fields password | pbcopy).

// productionFeed reports whether a stage before command i in its pipeline
// names production.
func (a *analysis) productionFeed(cmds []shell.Command, i int) bool {
	c := &cmds[i]
	for j := range cmds[:i] {
		if cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage && a.productionWord(j) != "" {
			return true
		}
	}
	return a.productionWord(i) != ""
}

// setsClipboard reports whether a clipboard program sets the clipboard
// here rather than printing it: never when told to print it (xclip -o,
// xsel -o: the "paste" mark); a program that also prints it (xclip, xsel:
// catalogue "captures") only when something is fed to it (a pipeline's
// later stage, a redirection of its input, a here-string).
func setsClipboard(c *shell.Command, cl *catalog.Classified) bool {
	if cl.Mark("paste") {
		return false
	}
	if cl.Entry == nil || cl.Entry.Prop("captures") == "" {
		return true
	}
	if c.Stage > 0 || len(c.Stdin) > 0 {
		return true
	}
	for _, r := range c.Redirects {
		if (r.Op == "<" || r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-") && (r.FD == "" || r.FD == "0") {
			return true
		}
	}
	return false
}
