package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// Rampart's own processes signalled by ids a finder prints, however the
// ids travel to kill: substituted (kill $(pgrep rampart-serve)), through
// xargs (pgrep -f rampart | xargs kill, ps aux | grep rampart | awk
// '{print $2}' | xargs kill), or through a loop's variable (for p in
// $(pidof rampart-serve); do kill $p; done, pgrep rampart | while read p;
// do kill $p; done, a walk of /proc that greps each cmdline). The finder
// or a filter between it and kill names the guard: pgrep, pidof or ps -C
// with a name of Rampart's, grep or awk with one, lsof or fuser on its run
// directory's sockets. It is destroy:guard-off, as pkill rampart-serve is.

// namesGuard reports a finder's or a filter's words that pick Rampart's
// processes: a word that names one of its programs or its run directory.
func namesGuard(c *shell.Command) bool {
	switch c.Name {
	case "pgrep", "pidof", "ps", "grep", "egrep", "fgrep", "rg", "awk", "gawk", "mawk", "lsof", "fuser", "sed", "pkill", "killall", "skill":
	default:
		return false
	}
	patterns := c.Name != "pidof" && c.Name != "lsof" && c.Name != "fuser" && c.Name != "ps"
	operands := false // after "--" a word that starts with "-" is a pattern
	for _, w := range c.Args {
		// grep [r]ampart, the trick that keeps grep out of its own
		// match, names the same processes
		l := strings.NewReplacer("[", "", "]", "").Replace(strings.ToLower(w))
		if strings.Contains(l, "rampart") {
			return true
		}
		if w == "--" && !operands {
			operands = true
			continue
		}
		if !patterns || strings.HasPrefix(w, "-") && !operands {
			continue
		}
		if c.Name == "fgrep" {
			if plainPicksGuard(w) {
				return true
			}
			continue
		}
		// a pattern that matches the name without spelling it
		// (guardpatterns.go): pgrep -f 'ramp.rt', awk '/^ramp/'
		if strings.HasSuffix(c.Name, "awk") {
			for _, re := range awkPatterns(w) {
				if patternPicksGuard(re) {
					return true
				}
			}
			continue
		}
		if patternPicksGuard(w) {
			return true
		}
	}
	return false
}

// pidSources returns the commands whose output may carry the process ids
// command i signals: the commands substituted into its words and the
// stages before them in their pipeline, the stages before it when xargs
// runs it, and, when it signals a variable the line does not resolve
// from a substitution (a loop's $p), or xargs reads them from a file,
// every finder and filter on the line.
func (a *analysis) pidSources(i int, c *shell.Command) []*shell.Command {
	cmds := a.res.Commands
	var out []*shell.Command
	back := func(p *shell.Command) {
		for stage := p.Stage - 1; stage >= 0; stage-- {
			q := stageAt(cmds, p.Pipeline, stage, p.Depth)
			if q == nil {
				break
			}
			out = append(out, q)
		}
	}
	for _, j := range c.Inputs {
		if j >= 0 && j < len(cmds) {
			out = append(out, &cmds[j])
			back(&cmds[j])
		}
	}
	viaXargs := false
	for _, v := range c.Via {
		if v == "xargs" || v == "parallel" {
			back(c)
			viaXargs = true
			break
		}
	}
	// kill $p in a loop, or xargs kill reading a file (< /tmp/pids) the
	// line filled: the ids come from the line's finders
	// kill $(cat /tmp/pids): the ids a finder of the line wrote to a file
	readsFile := false
	for _, p := range out {
		if (p.Name == "cat" || p.Name == "head" || p.Name == "tail") && len(p.Args) > 0 {
			readsFile = true
		}
	}
	if readsFile || len(c.Inputs) == 0 && (signalsVariable(c) || viaXargs && c.Stage == 0) {
		for j := range cmds {
			if j != i && (processFinders.Get(cmds[j].Name) || cmds[j].Name == "ps" || namesGuard(&cmds[j])) {
				out = append(out, &cmds[j])
			}
		}
	}
	return out
}

// signalsVariable reports a kill whose process ids are held in a
// variable the walk could not resolve (kill $p, kill "${p#/proc/}").
func signalsVariable(c *shell.Command) bool {
	if c.Name != "kill" || !c.Dynamic && !c.Repeats {
		return false
	}
	for _, w := range c.Args {
		if w != "" && !strings.HasPrefix(w, "-") && strings.Trim(w, "0123456789") != "" {
			return true
		}
	}
	return false
}

// killsGuard reports why command i signals Rampart's processes, or "".
func (a *analysis) killsGuard(i int, c *shell.Command) string {
	if isTaskkill(c.Name) {
		for _, im := range taskkillImages(c) {
			if strings.Contains(im, "rampart") || patternPicksGuard(im) {
				return "taskkill of Rampart's processes"
			}
		}
		return ""
	}
	switch c.Name {
	case "kill":
	case "pkill", "killall", "skill":
		if namesGuard(c) {
			return c.Name + " of Rampart's processes"
		}
		return ""
	case "fuser":
		for _, w := range c.Args {
			if strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "k") && namesGuard(c) {
				return "fuser -k on Rampart's sockets"
			}
		}
		return ""
	default:
		return ""
	}
	for _, p := range a.pidSources(i, c) {
		if namesGuard(p) {
			return "kill of Rampart's processes (" + p.Name + ")"
		}
	}
	return ""
}
