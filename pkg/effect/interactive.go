package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// posixShells are the shells that read their start-up file from ENV when
// started interactively (bash and zsh when they emulate sh).
var posixShells = table.Map[string, bool]{Words: `sh bash rbash dash ash hush ksh ksh93
	mksh pdksh oksh loksh posh yash zsh`}

// shellOpeners are programs that start an interactive shell of their own
// (terminals, multiplexers, session and container shells, editors with a
// shell command), which then reads ENV.
var shellOpeners = table.Map[string, bool]{Words: `tmux screen byobu zellij dtach abduco script
	expect unbuffer su runuser login sudo doas
	nsenter unshare chroot machinectl systemd-run nix-shell
	nix poetry pipenv devbox distrobox toolbox
	flatpak-spawn busybox toybox xterm xfce4-terminal
	gnome-terminal konsole urxvt st alacritty kitty
	foot terminator tilix kgx ptyxis wezterm
	wezterm-gui vim vi nvim gvim emacs mc`}

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
