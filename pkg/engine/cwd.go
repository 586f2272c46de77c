package engine

import (
	"strings"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// dirTracker follows the working directory along a line the way the shell
// changes it: cd DIR (cd alone: the home), pushd DIR and popd at the top
// level, cd inside a child (bash -c 'cd ~; …') for the rest of that
// child, and env -C DIR (--chdir) for the command env runs.
type dirTracker struct {
	cwd, home string
	stack     []string // pushd's directory stack
	old       string   // where cd - goes back to (OLDPWD), once the line moved
	envDir    string   // the directory env -C gives the command it runs
	envVia    int      // the depth of wrappers at which that command sits
	nested    []string // by depth: where a cd inside a child (bash -c 'cd ~; …') moved it, or ""
}

// at gives the working directory command c runs in.
func (d *dirTracker) at(c *shell.Command) string {
	if d.envDir != "" && len(c.Via) > d.envVia && (c.Via[d.envVia] == "env" || c.Via[d.envVia] == "sudo") {
		return d.envDir
	}
	for k := min(c.Depth, len(d.nested)-1); k > 0; k-- {
		if d.nested[k] != "" {
			return d.nested[k] // bash -c 'cd ~; rm -rf .ssh': where the child moved
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
	if len(d.nested) > c.Depth+1 {
		clear(d.nested[c.Depth+1:]) // the deeper children have ended
	}
	for _, v := range c.Via {
		if v != "builtin" && v != "command" {
			return // cd in a child process changes nothing here
		}
	}
	if c.Depth != 0 {
		// A cd inside a child (bash -c, eval, $(…)) moves the commands
		// after it in that child, not the line's.
		if c.Name == "cd" || c.Name == "pushd" {
			to := ""
			switch {
			case len(a.Positional) == 1 && a.Positional[0] != "-":
				to = a.Path(0)
			case len(a.Positional) == 0 && c.Name == "cd":
				to = d.home
			}
			if to != "" {
				for len(d.nested) <= c.Depth {
					d.nested = append(d.nested, "")
				}
				d.nested[c.Depth] = to
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
