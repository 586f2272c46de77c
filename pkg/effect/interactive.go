package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// posixShells are the shells that read their start-up file from ENV when
// started interactively (bash and zsh when they emulate sh).
var posixShells = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"sh": true, "bash": true, "rbash": true, "dash": true, "ash": true, "hush": true, "ksh": true, "ksh93": true,
		"mksh": true, "pdksh": true, "oksh": true, "loksh": true, "posh": true, "yash": true, "zsh": true,
	}
}}

// shellOpeners are programs that start an interactive shell of their own
// (terminals, multiplexers, session and container shells, editors with a
// shell command), which then reads ENV.
var shellOpeners = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"tmux": true, "screen": true, "byobu": true, "zellij": true, "dtach": true, "abduco": true, "script": true,
		"expect": true, "unbuffer": true, "su": true, "runuser": true, "login": true, "sudo": true, "doas": true,
		"nsenter": true, "unshare": true, "chroot": true, "machinectl": true, "systemd-run": true, "nix-shell": true,
		"nix": true, "poetry": true, "pipenv": true, "devbox": true, "distrobox": true, "toolbox": true,
		"flatpak-spawn": true, "busybox": true, "toybox": true, "xterm": true, "xfce4-terminal": true,
		"gnome-terminal": true, "konsole": true, "urxvt": true, "st": true, "alacritty": true, "kitty": true,
		"foot": true, "terminator": true, "tilix": true, "kgx": true, "ptyxis": true, "wezterm": true,
		"wezterm-gui": true, "vim": true, "vi": true, "nvim": true, "gvim": true, "emacs": true, "mc": true,
	}
}}

// startsInteractiveShell reports whether a command of the line may start a
// shell that reads ENV: a POSIX-family shell given -i, or neither -c nor a
// script (it reads commands from its input), a program that opens one, or
// a program whose name cannot be resolved.
func (a *analysis) startsInteractiveShell() bool {
	for k := range a.res.Commands {
		c := &a.res.Commands[k]
		if shellOpeners.Get(c.Name) || unresolved(c.Name) {
			return true
		}
		if !posixShells.Get(c.Name) {
			continue
		}
		if interactive, operand := shellArgs(c.Args); interactive || !operand {
			return true
		}
	}
	return false
}

// shellArgs reads a shell's options up to its first operand: whether one
// asks for an interactive shell or commands from the input (-i, -s), and
// whether an operand (a script, or -c's command string) follows. -o and +o
// take a value.
func shellArgs(args []string) (interactive, operand bool) {
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "--":
			return interactive, k+1 < len(args)
		case w == "-o" || w == "+o" || w == "-O" || w == "+O":
			k++
		case strings.HasPrefix(w, "--"):
		case strings.HasPrefix(w, "-") && len(w) > 1:
			if strings.ContainsAny(w[1:], "is") {
				interactive = true
			}
		case strings.HasPrefix(w, "+"):
		default:
			return interactive, true
		}
	}
	return interactive, false
}
