package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// What lands on the agent settings file an edit line writes must be the
// filter's own output (agentedits.go): the file the filter's standard
// output is redirected to, moved, copied or written back over the
// settings (mv T F, cp T F, cat T > F, dd if=T of=F), the filter's output
// piped into sponge F or tee F, or the settings edited in place (sed -i,
// yq -i). A file of any other origin moved over the settings (jq … F > T
// && mv /tmp/other.json F), the filter's output overwritten before it is
// moved (cp /tmp/other.json T), or the filter's output redirected to the
// settings themselves (jq … F > F empties F before jq reads it) is not
// the filter's change, and the write is judged by its path.

// editOutputOnly reports whether every write the line's other commands
// make to p, or to the files holding the editor ed's output, carries only
// that output, and p ends up written by it.
func (ev *evaluation) editOutputOnly(res *shell.Result, ed *shell.Command, p string) bool {
	home := ev.e.env.Home
	clean := func(w string) string { return cleanWord(w, ev.c.Cwd, home) }
	outs := map[string]bool{}
	inPlace := editsInPlace(ed)
	for _, r := range ed.Redirects {
		switch r.Op {
		case ">", ">|":
			outs[clean(r.Target)] = true
		case "<", "<<<", ">&", "<&":
		default:
			return false // appended, or both streams: not the filter's text alone
		}
	}
	if outs[p] {
		return false // jq … F > F: the shell empties F before the filter reads it
	}
	wrote := inPlace
	for i := range res.Commands {
		h := &res.Commands[i]
		if h == ed {
			continue
		}
		dests, srcs, stdin, ok := helperFlow(h)
		if !ok {
			return false
		}
		fromEditor := stdin && ev.pipedFrom(res, ed, h)
		for _, d := range dests {
			d = clean(d)
			if d == "" || d == "/dev/null" {
				continue
			}
			carries := fromEditor || len(srcs) > 0
			for _, s := range srcs {
				if !outs[clean(s)] {
					carries = false
				}
			}
			if stdin && !fromEditor {
				carries = false // its input is not the filter's output
			}
			switch {
			case d == p && (inPlace || !carries):
				return false
			case d == p:
				wrote = true
			case outs[d] && !carries:
				return false // the filter's output overwritten with other text
			case carries:
				outs[d] = true // moved or copied on: still the filter's output
			}
		}
	}
	return wrote
}

// cleanWord cleans a word naming a file; an unresolved variable
// ("$T") stays as written, so the same variable names the same file.
func cleanWord(w, cwd, home string) string {
	if strings.HasPrefix(w, "$") {
		return w
	}
	return match.CleanPath(w, cwd, home)
}

// editsInPlace reports an editor that writes the file it filters itself
// (sed -i, sed --in-place=.bak, yq -i).
func editsInPlace(c *shell.Command) bool {
	for _, w := range c.Args {
		if w == "--" {
			break
		}
		switch {
		case strings.HasPrefix(w, "--in-place"), w == "--inplace":
			return true
		case c.Name == "sed" || c.Name == "gsed":
			if sedEditFlag(w) && strings.Contains(w, "i") {
				return true // -i, -Ei, -i.bak
			}
		case strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.Contains(w, "i"):
			return true // yq -i, yq -Mi
		}
	}
	return false
}

// helperFlow returns the files a helper command writes, the files whose
// content it writes there, and whether it writes what reaches its
// standard input; ok is false for a helper this reading cannot follow.
func helperFlow(c *shell.Command) (dests, srcs []string, stdin, ok bool) {
	for _, r := range c.Redirects {
		switch r.Op {
		case ">", ">|", ">>", "&>", "&>>":
			dests = append(dests, r.Target)
		case "<":
			srcs = append(srcs, r.Target)
		case "<>":
			return nil, nil, false, false
		}
	}
	ops := operands(c.Args, valueOptions.Get(c.Name))
	switch c.Name {
	case "mv", "cp", "install", "rsync":
		for _, w := range c.Args {
			if w == "-t" || strings.HasPrefix(w, "--target-directory") {
				return nil, nil, false, false
			}
		}
		if len(ops) < 2 {
			return dests, nil, false, len(dests) == 0
		}
		return append(dests, ops[len(ops)-1]), append(srcs, ops[:len(ops)-1]...), false, true
	case "dd":
		for _, w := range c.Args {
			if v, ok := strings.CutPrefix(w, "of="); ok {
				dests = append(dests, v)
			}
			if v, ok := strings.CutPrefix(w, "if="); ok {
				srcs = append(srcs, v)
			}
		}
		return dests, srcs, len(srcs) == 0, true
	case "cat":
		if len(ops) > 0 {
			return dests, append(srcs, ops...), false, true
		}
		return dests, srcs, len(srcs) == 0, true
	case "tee", "sponge":
		return append(dests, ops...), srcs, len(srcs) == 0, true
	}
	// cd, mktemp, diff, rm, chmod: they write no file's content
	return nil, nil, false, len(dests) == 0
}

// valueOptions are the helpers' options that take the next word as a
// value.
var valueOptions = table.Map[string, map[string]bool]{Build: func() map[string]map[string]bool {
	return map[string]map[string]bool{
		"install": {"-m": true, "--mode": true, "-o": true, "--owner": true, "-g": true, "--group": true, "-S": true, "--suffix": true},
		"cp":      {"-S": true, "--suffix": true},
		"mv":      {"-S": true, "--suffix": true},
		"rsync":   {"-e": true, "--rsh": true},
	}
}}

// operands returns the words that are not options (nor their values).
func operands(args []string, values map[string]bool) []string {
	var out []string
	opts := true
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case opts && w == "--":
			opts = false
		case opts && strings.HasPrefix(w, "-") && w != "-":
			if values[w] {
				k++
			}
		default:
			out = append(out, w)
		}
	}
	return out
}

// pipedFrom reports whether h reads the editor ed's output through a
// pipe: a later stage of ed's pipeline, every stage between them passing
// its input on unchanged (tee, cat with no file).
func (ev *evaluation) pipedFrom(res *shell.Result, ed, h *shell.Command) bool {
	if h.Pipeline != ed.Pipeline || h.Depth != ed.Depth || h.Stage <= ed.Stage {
		return false
	}
	for i := range res.Commands {
		m := &res.Commands[i]
		if m.Pipeline != ed.Pipeline || m.Depth != ed.Depth || m.Stage <= ed.Stage || m.Stage >= h.Stage {
			continue
		}
		if m.Name != "tee" && (m.Name != "cat" || len(operands(m.Args, nil)) > 0) {
			return false
		}
	}
	return true
}
