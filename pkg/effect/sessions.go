package effect

import (
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
var tmuxSharedSocketDirs = [...]string{"/tmp/tmux-", "/private/tmp/tmux-", "/var/run/tmux/tmux-", "/run/tmux/tmux-"}

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
		for k := 0; k+1 < len(c.Args); k++ {
			w := c.Args[k]
			sock := ""
			switch {
			case w == "-S":
				sock = c.Args[k+1]
			case strings.HasPrefix(w, "-S") && len(w) > 2:
				sock = w[2:]
			default:
				continue
			}
			for _, dir := range tmuxSharedSocketDirs {
				if strings.HasPrefix(sock, dir) {
					return "tmux reaches another server's socket " + sock
				}
			}
		}
	}
	return ""
}
