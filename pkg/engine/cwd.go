package engine

import (
	"strings"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// dirTracker follows the working directory along a line the way the shell
// changes it: cd DIR (cd alone: the home), pushd DIR and popd in the
// line's own shell, a cd inside a subshell or child ((cd build; …),
// bash -c 'cd ~; …', a pipeline stage, $(…)) for the rest of that shell
// and the shells it starts after, and env -C DIR (--chdir) for the
// command env runs. A subshell's cd never moves its parent: in
// (cd build) && rm -rf ./* the rm runs where the line started.
type dirTracker struct {
	cwd, home string
	stack     []string // pushd's directory stack
	old       string   // where cd - goes back to (OLDPWD), once the line moved
	envDir    string   // the directory env -C gives the command it runs
	envVia    int      // the depth of wrappers at which that command sits
	shells    []int    // shell.Result.Shells: the shell that started each subshell
	funcs     []string // shell.Result.Functions: a cd in their bodies moves the line's shell
	moved     []string // by subshell id - 1: where a cd inside it moved it, or ""
}

// at gives the working directory command c runs in.
func (d *dirTracker) at(c *shell.Command) string {
	if d.envDir != "" && len(c.Via) > d.envVia && (c.Via[d.envVia] == "env" || c.Via[d.envVia] == "sudo") {
		return d.envDir
	}
	// the nearest shell around c that moved: its own, or one that
	// started it after moving ((cd build; bash -c 'rm -rf ./*'))
	for id, n := c.Shell, 0; id > 0 && id <= len(d.moved) && n <= len(d.shells); id, n = d.shells[id-1], n+1 {
		if d.moved[id-1] != "" {
			return d.moved[id-1]
		}
	}
	return d.cwd
}

// after updates the tracker for what command c (its argv a) changes.
func (d *dirTracker) after(c *shell.Command, a *match.Argv) {
	if c.Name == "env" {
		d.envDir = ""
		if dir := envChdir(c.Args); dir != "" {
			d.envDir, d.envVia = match.CleanPath(dir, d.at(c), d.home), len(c.Via)
		}
		return
	}
	if c.Name == "sudo" {
		d.envDir = ""
		if dir := sudoChdir(c.Args); dir != "" {
			d.envDir, d.envVia = match.CleanPath(dir, d.at(c), d.home), len(c.Via)
		}
		return
	}
	if !builtinVia(c.Via, d.funcs) && !(c.Shell != 0 && cmdExeVia(c.Via)) {
		// cd in a child process changes nothing here; one in a line
		// function's body does, and one in cmd.exe's line moves the
		// commands after it in that cmd.exe (a child shell, below)
		return
	}
	if c.Shell != 0 {
		// A cd inside a subshell or child moves the commands after it in
		// that shell (and the shells it starts), not the line's.
		if c.Name == "cd" || c.Name == "pushd" {
			to := ""
			switch {
			case len(a.Positional) == 1 && a.Positional[0] != "-":
				to = a.Path(0)
			case len(a.Positional) == 0 && c.Name == "cd":
				to = d.home
			}
			if to != "" && c.Shell <= len(d.shells) {
				if len(d.moved) < len(d.shells) {
					d.moved = append(d.moved, make([]string, len(d.shells)-len(d.moved))...)
				}
				d.moved[c.Shell-1] = to
			}
		}
		return
	}
	switch c.Name {
	case "cd":
		switch {
		case len(a.Positional) == 1 && a.Positional[0] == "-":
			if d.old != "" {
				d.cwd, d.old = d.old, d.cwd // cd -: back to OLDPWD
			}
		case len(a.Positional) == 1:
			d.old, d.cwd = d.cwd, a.Path(0)
		case len(a.Positional) == 0 && d.home != "":
			d.old, d.cwd = d.cwd, d.home // cd, cd --, cd -P: the home
		}
	case "pushd":
		if len(a.Positional) == 1 {
			d.stack = append(d.stack, d.cwd)
			d.old, d.cwd = d.cwd, a.Path(0)
		}
	case "popd":
		if n := len(d.stack); n > 0 {
			d.old = d.cwd
			d.cwd, d.stack = d.stack[n-1], d.stack[:n-1]
		}
	}
}

// envChdir gives the directory env -C DIR (--chdir DIR, --chdir=DIR,
// -CDIR) changes to, or "".
func envChdir(args []string) string {
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "--":
			return ""
		case w == "-C" || w == "--chdir":
			if i+1 < len(args) {
				return args[i+1]
			}
		case strings.HasPrefix(w, "--chdir="):
			return strings.TrimPrefix(w, "--chdir=")
		case strings.HasPrefix(w, "-C") && len(w) > 2:
			return w[2:]
		case w == "-u" || w == "--unset" || w == "-S" || w == "--split-string":
			i++
		case !strings.HasPrefix(w, "-") && !strings.Contains(w, "="):
			return "" // the command
		}
	}
	return ""
}

// sudoChdir gives the directory sudo -D DIR (--chdir) runs its command in.
func sudoChdir(args []string) string {
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "--":
			return ""
		case (w == "-D" || w == "--chdir") && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(w, "--chdir="):
			return strings.TrimPrefix(w, "--chdir=")
		case strings.HasPrefix(w, "-D") && len(w) > 2:
			return w[2:]
		case !strings.HasPrefix(w, "-"):
			return ""
		}
	}
	return ""
}

// cmdExeVia reports a command run by cmd.exe's line (cmd /c "cd /d DIR &&
// rd /s /q x"): cd is cmd.exe's own builtin there, not a program.
func cmdExeVia(via []string) bool {
	return len(via) == 1 && shell.CmdExeName(via[0])
}
