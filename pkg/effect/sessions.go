package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Another user's terminal session on a shared machine. screen names a
// multi-user session as OWNER/NAME (screen -x alice/, screen -S bob/train
// -X stuff '…'), and tmux reaches another server by its socket (tmux -S
// /tmp/tmux-1001/default attach, send-keys): either one reads what that
// user's shell shows and types into it, their login taken over. The
// user's own sessions are named without an owner, or by their own name,
// and their own tmux server is reached without -S (or by a socket in their
// own home). Such a command is a Destroy effect of kind "session".

// screenSessionOptions are screen's options whose value names a session.
var screenSessionOptions = table.Map[string, bool]{Words: "-x -r -R -d -D -S -ls -list"}

// tmuxSharedSocketDirs are the directories where tmux keeps each user's
// default server socket (tmux-UID), shared by every user of the machine.
var tmuxSharedSocketDirs = [...]string{"/tmp/tmux-", "/private/tmp/tmux-", "/var/tmp/tmux-", "/var/run/tmux/tmux-", "/run/tmux/tmux-"}

// othersSession reports why command c attaches to or drives another user's
// terminal session (see above), or "".
func (a *analysis) othersSession(c *shell.Command) string {
	switch c.Name {
	case "screen":
		self := a.selfName()
		for k := 0; k+1 < len(c.Args); k++ {
			if !screenSessionOptions.Get(c.Args[k]) {
				continue
			}
			owner, _, ok := strings.Cut(c.Args[k+1], "/")
			if ok && owner != "" && owner != self && !strings.HasPrefix(owner, "$") {
				return "screen reaches " + owner + "'s session"
			}
		}
	case "tmux":
		for _, w := range c.Assigns {
			// TMUX=SOCKET,PID,SESSION: the server a client inside a
			// session talks to, which tmux takes in place of its own
			if v, ok := strings.CutPrefix(w, "TMUX="); ok {
				sock, _, _ := strings.Cut(strings.Trim(v, `"'`), ",")
				if a.othersSocket(sock) {
					return "tmux reaches another server's socket " + sock
				}
			}
		}
		for k := 0; k < len(c.Args); k++ {
			w := c.Args[k]
			if len(w) < 2 || w[0] != '-' || w[1] == '-' {
				continue
			}
			// a cluster of flags (-uS PATH, -2S/tmp/…): the first that
			// takes a value takes the rest of the word or the next one
			for j := 1; j < len(w); j++ {
				if !strings.ContainsRune("cfLST", rune(w[j])) {
					continue
				}
				val := w[j+1:]
				if val == "" && k+1 < len(c.Args) {
					k++
					val = c.Args[k]
				}
				if w[j] == 'S' && a.othersSocket(val) {
					return "tmux reaches another server's socket " + val
				}
				break
			}
		}
	}
	for _, w := range c.Assigns {
		// SCREENDIR=/run/screen/S-alice: screen's sessions of that user
		if v, ok := strings.CutPrefix(w, "SCREENDIR="); ok && c.Name == "screen" {
			if owner, ok := strings.CutPrefix(path.Base(strings.Trim(v, `"'/`)), "S-"); ok && owner != a.selfName() {
				return "screen reaches " + owner + "'s sessions"
			}
		}
	}
	return ""
}

// othersSocket reports a tmux socket of another user's server: in the
// directories where tmux keeps each user's default socket, or in another
// user's home.
func (a *analysis) othersSocket(sock string) bool {
	for _, dir := range tmuxSharedSocketDirs {
		if strings.HasPrefix(sock, dir) {
			return true
		}
	}
	for _, root := range [...]string{"/home/", "/Users/"} {
		if rest, ok := strings.CutPrefix(sock, root); ok {
			owner, _, _ := strings.Cut(rest, "/")
			return owner != "" && owner != a.selfName()
		}
	}
	return false
}
