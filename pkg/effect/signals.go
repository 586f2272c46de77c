package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Signalling every process, however it is spelled, takes the machine or
// the session down as surely as a fork bomb: kill -1, a pkill or killall
// whose selection is a user alone or a pattern that matches any name, and
// a kill whose process ids come straight from a listing of every process
// (kill $(ps -eo pid=), pgrep -u dev | xargs kill).

// selectArgs are the options of pkill, pgrep, killall and skill that take
// a value; selectUser those whose value selects by user.
var (
	selectArgs = table.Map[string, bool]{Words: `-s --signal -u --euid -U --uid
		-g --pgroup -G --group -P --parent -t
		--terminal -F --pidfile --ns --nslist -o
		--older-than -y --younger-than --user -c --session`}
	selectUser = table.Map[string, bool]{Words: "-u --euid -U --uid --user"}
)

// selectsAll reports why a pkill, pgrep, killall or skill command selects
// every process (of a user), or "".
func selectsAll(name string, args []string) string {
	var patterns []string
	byUser, regex, other := false, false, false
	for i := 0; i < len(args); i++ {
		w := args[i]
		opt, val, hasVal := strings.Cut(w, "=")
		switch {
		case selectArgs.Get(opt):
			if !hasVal {
				i++
			}
			if selectUser.Get(opt) {
				byUser = true
			} else if opt != "-s" && opt != "--signal" {
				other = true
			}
			_ = val
		case w == "-r" || w == "--regexp":
			regex = true
		case strings.HasPrefix(w, "-") && len(w) > 1:
			// -9, -KILL, -f, -x and the like: no selection of their own
		default:
			patterns = append(patterns, w)
		}
	}
	if len(patterns) == 0 {
		if byUser && !other {
			return name + " selects every process of a user"
		}
		return ""
	}
	if name == "killall" && !regex {
		return "" // killall matches names exactly
	}
	for _, p := range patterns {
		if !matchesAnyName(p) {
			return ""
		}
	}
	return name + " " + patterns[0] + " matches every process"
}

// matchesAnyName reports whether a pattern (an extended regular
// expression) matches every process name: one made only of operators
// (".", ".*", "^", "", "(.*)").
func matchesAnyName(p string) bool {
	return strings.Trim(p, ".*+?^$()|[]") == "" && !strings.Contains(p, "[]")
}

// listsAll reports whether a command prints every process (or every
// process of a user) with nothing narrowing it: ps -e, ps aux, ps -u dev,
// pgrep -u dev, pgrep '.'.
func listsAll(c *shell.Command) bool {
	switch c.Name {
	case "pgrep":
		return selectsAll("pgrep", c.Args) != ""
	case "ps":
		all := false
		for _, w := range c.Args {
			switch {
			case w == "-p" || w == "--pid" || w == "-C" || w == "-q" || w == "--ppid" || w == "--sid" || strings.HasPrefix(w, "--pid="):
				return false
			case w == "-u" || w == "-U" || w == "--user" || strings.HasPrefix(w, "--user="):
				all = true
			case strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--"):
				all = all || strings.ContainsAny(w[1:], "eA")
			case !strings.HasPrefix(w, "-") && strings.Contains(w, "a") && strings.Contains(w, "x") && !strings.ContainsAny(w, "=,"):
				all = true // BSD ax, aux
			}
		}
		return all
	}
	return false
}

// signalsAll reports why command i signals every process, or "".
func (a *analysis) signalsAll(i int, c *shell.Command) string {
	switch c.Name {
	case "pkill", "killall", "skill":
		if why := selectsAll(c.Name, c.Args); why != "" {
			return why
		}
	case "kill":
	default:
		return ""
	}
	cmds := a.res.Commands
	for _, j := range c.Inputs {
		if j >= 0 && j < len(cmds) && listsAll(&cmds[j]) && passedOn(cmds, &cmds[j]) {
			return c.Name + " signals every process " + cmds[j].Name + " lists"
		}
	}
	for _, v := range c.Via {
		if v != "xargs" && v != "parallel" {
			continue
		}
		// The stage before, through stages that only pick a column or
		// reorder (awk '{print $1}', cut, sort, tail -n +2), not ones
		// that narrow (grep).
		for stage := c.Stage - 1; stage >= 0; stage-- {
			p := stageAt(cmds, c.Pipeline, stage, c.Depth)
			if p == nil {
				break
			}
			if listsAll(p) {
				return c.Name + " signals every process " + p.Name + " lists"
			}
			if !columnOnly(p) {
				break
			}
		}
	}
	return ""
}

// passedOn reports whether what p prints reaches its pipeline's end whole:
// every later stage only picks a column or reorders (kill $(ps -eo pid=
// | tail -n +2)), none narrows (awk '$2=="gunicorn"{print $1}', grep).
func passedOn(cmds []shell.Command, p *shell.Command) bool {
	for stage := p.Stage + 1; ; stage++ {
		q := stageAt(cmds, p.Pipeline, stage, p.Depth)
		if q == nil {
			return true
		}
		if !columnOnly(q) {
			return false
		}
	}
}

// stageAt finds the command of a pipeline's stage at a depth.
func stageAt(cmds []shell.Command, pl, stage, depth int) *shell.Command {
	for j := range cmds {
		if p := &cmds[j]; p.Pipeline == pl && p.Stage == stage && p.Depth == depth {
			return p
		}
	}
	return nil
}

// columnOnly reports whether a pipeline stage passes on every line it
// reads, at most picking a column or reordering: cut, tr, sort, uniq,
// tail -n +N, and awk whose program is only {print ...}.
func columnOnly(c *shell.Command) bool {
	switch c.Name {
	case "cut", "tr", "sort", "uniq", "tac", "xargs":
		return true
	case "tail":
		for _, a := range c.Args {
			if strings.HasPrefix(a, "+") || strings.HasPrefix(a, "-n+") {
				return true
			}
		}
	case "awk", "gawk", "mawk":
		for _, a := range c.Args {
			t := strings.TrimSpace(a)
			if k := strings.IndexByte(t, '{'); k > 0 && lineNumberTest(t[:k]) {
				t = t[k:] // NR>1 {print $1}: the header skipped
			}
			if strings.HasPrefix(t, "{") {
				return strings.HasPrefix(strings.TrimSpace(t[1:]), "print") && !strings.ContainsAny(t, "<>=~!&|?;")
			}
		}
	case "sed", "gsed":
		// sed 1d, sed '1,2d': only leading lines dropped.
		for _, a := range c.Args {
			if t := strings.TrimSuffix(a, "d"); t != a && t != "" && strings.Trim(t, "0123456789,") == "" {
				return true
			}
		}
	}
	return false
}

// lineNumberTest reports whether an awk pattern only tests the line
// number (NR>1, NR > 2, NR!=1).
func lineNumberTest(p string) bool {
	p = strings.TrimSpace(p)
	rest, ok := strings.CutPrefix(p, "NR")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " <>=!")
	return rest != "" && strings.Trim(rest, "0123456789 ") == ""
}
