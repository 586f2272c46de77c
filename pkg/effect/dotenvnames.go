package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/shell"
)

// A project's environment file (.env, .env.production, app.env) holds one
// NAME=VALUE a line. A command that prints only the names (cut -d= -f1,
// awk -F= '{print $1}', sed 's/=.*//', grep -o '^[A-Z_]*='), only a count
// or a yes and no (grep -c, grep -q), or that hands every line to
// a later stage of its pipeline doing one of these through plain line
// filters (grep -v '^#' .env | cut -d= -f1) shows no value: its reading of
// the file is not a read of the secrets the file holds. Any other file a
// command reads, and any other command reading the file, stay reads.

// dotenvFile reports a path named as an environment file of NAME=VALUE
// lines: .env, .env.NAME, NAME.env.
func dotenvFile(p string) bool {
	b := path.Base(p)
	return b == ".env" || strings.HasPrefix(b, ".env.") || len(b) > 4 && strings.HasSuffix(b, ".env")
}

// dotenvNamesOnly drops, from the effects added since start, the reads of
// environment files by commands that show none of their values.
func (a *analysis) dotenvNamesOnly(start int) {
	out := a.out[:start]
	for _, e := range a.out[start:] {
		if e.Kind == Read && e.Cmd >= 0 && e.Cmd < len(a.res.Commands) && e.Detail == "" && dotenvFile(e.Path) && a.showsNoValues(e.Cmd) {
			continue
		}
		out = append(out, e)
	}
	a.out = out
}

// showsNoValues reports a command whose output holds none of the values of
// the NAME=VALUE lines it reads: it shows names or counts only, or passes
// its lines through plain filters to a later stage of its pipeline that
// does.
func (a *analysis) showsNoValues(i int) bool {
	c := &a.res.Commands[i]
	if namesOnlyStage(c) {
		return true // wherever the names go
	}
	if !onlyInputRedirects(c) {
		return false // its lines written somewhere else
	}
	if !lineFilter(c) && !valuesStage(c) {
		return false
	}
	for k := i + 1; k < len(a.res.Commands); k++ {
		n := &a.res.Commands[k]
		if n.Pipeline != c.Pipeline || n.Depth != c.Depth || n.Stage <= c.Stage {
			return false
		}
		if namesOnlyStage(n) {
			return true
		}
		if !lineFilter(n) || !onlyInputRedirects(n) {
			return false
		}
	}
	return false
}

// valuesStage reports a command that prints a file's lines as they are,
// for a later stage to pick from (cat .env | cut -d= -f1).
func valuesStage(c *shell.Command) bool {
	return c.Name == "cat" && !slices.ContainsFunc(c.Args, func(w string) bool { return strings.HasPrefix(w, "-") })
}

// onlyInputRedirects reports a command whose redirections only feed it
// (< .env) or send its errors away (2>/dev/null).
func onlyInputRedirects(c *shell.Command) bool {
	for _, r := range c.Redirects {
		switch {
		case r.Op == "<" || r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-":
		case r.Op == ">" && r.FD == "2":
		default:
			return false
		}
	}
	return true
}

// lineFilter reports a stage that passes on some of its lines, as they
// are or in another order: a grep that prints matching lines, sort, uniq,
// head, tail.
func lineFilter(c *shell.Command) bool {
	switch c.Name {
	case "sort", "uniq", "head", "tail":
		return true
	case "grep", "egrep", "fgrep", "rg":
		return true
	}
	return false
}

// namesOnlyStage reports a command that prints only the names of the
// NAME=VALUE lines it reads, a count of them or nothing.
func namesOnlyStage(c *shell.Command) bool {
	switch c.Name {
	case "cut":
		return cutNamesOnly(c.Args)
	case "awk", "gawk", "mawk", "nawk":
		p, equals, ok := awkProgram(c.Args)
		return ok && equals && awkNamesOnly.Get().MatchString(p)
	case "sed", "gsed":
		return sedStripsValues(c.Args)
	case "grep", "egrep", "fgrep":
		r := readGrep(c.Name, c.Args)
		if r.quiet {
			// grep -c, -q: a count, a status; not -l, whose file names a
			// later stage may read (grep -l X .env | xargs cat)
			return !slices.ContainsFunc(c.Args, listsFiles)
		}
		if !r.only || r.wide || r.invert || len(r.patterns) == 0 {
			return false
		}
		for _, p := range r.patterns {
			if !nameOnlyPattern(p) {
				return false
			}
		}
		return true
	}
	return false
}

// listsFiles reports a grep option that prints the names of the files
// that match or do not (-l, -L, --files-with-matches), in a cluster too.
func listsFiles(w string) bool {
	if strings.HasPrefix(w, "--") {
		return strings.HasPrefix(w, "--files")
	}
	return strings.HasPrefix(w, "-") && strings.ContainsAny(w, "lL")
}

// cutNamesOnly reports a cut that splits at "=" and keeps the first field
// alone (cut -d= -f1, cut -d '=' -f 1, --fields=1); not --complement,
// which keeps the rest.
func cutNamesOnly(args []string) bool {
	equals, first := false, false
	for k := 0; k < len(args); k++ {
		w := args[k]
		name, val, hasVal := strings.Cut(w, "=")
		if w == "-d=" || w == "--delimiter==" {
			equals = true
			continue
		}
		switch {
		case w == "-d" || w == "--delimiter" || w == "-f" || w == "--fields":
			if k+1 >= len(args) {
				return false
			}
			k++
			val = args[k]
			name = w
		case strings.HasPrefix(w, "-d"):
			name, val = "-d", w[2:]
		case strings.HasPrefix(w, "-f"):
			name, val = "-f", w[2:]
		case hasVal && (name == "--delimiter" || name == "--fields"):
		case strings.HasPrefix(w, "--c"):
			return false // --complement
		case strings.HasPrefix(w, "-"):
			if strings.ContainsAny(w[1:], "bc") {
				return false // bytes or characters, not fields
			}
			continue
		default:
			continue
		}
		switch name {
		case "-d", "--delimiter":
			equals = val == "="
		case "-f", "--fields":
			first = val == "1"
		}
	}
	return equals && first
}

// sedStripsValues reports a sed whose one script removes everything from
// the first "=" on (s/=.*//, s/=.*$//), written to no file.
func sedStripsValues(args []string) bool {
	script := ""
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-e" || w == "--expression":
			if script != "" || k+1 >= len(args) {
				return false
			}
			k++
			script = args[k]
		case w == "-E" || w == "-r" || w == "--regexp-extended" || w == "-s" || w == "-u":
		case strings.HasPrefix(w, "-"):
			return false // -i, -f, -n, -z: an edit in place, a script file, another reading
		case script == "":
			script = w
		}
	}
	if len(script) < 2 || script[0] != 's' {
		return false
	}
	re, rest, ok := delimited(script[2:], script[1])
	if !ok {
		return false
	}
	repl, flags, ok := delimited(rest, script[1])
	re = strings.TrimSuffix(re, "$")
	return ok && repl == "" && strings.Trim(flags, "g") == "" && (re == "=.*" || re == "=.\\+" || re == "=.+")
}

// nameOnlyPattern reports a pattern that can match only a variable's name
// and the "=" after it: letters, digits and underscores, classes of them,
// repeats, anchors, with "=" only at its end; never ".", which crosses
// into the value.
func nameOnlyPattern(p string) bool {
	p = strings.TrimPrefix(p, "^")
	p = strings.TrimSuffix(p, "=")
	if p == "" {
		return false
	}
	inClass := false
	for k := 0; k < len(p); k++ {
		c := p[k]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case c == '[' && !inClass:
			inClass = true
			if k+1 < len(p) && p[k+1] == '^' {
				return false // [^=]: anything but, values included
			}
		case c == ']' && inClass:
			inClass = false
		case c == '-' && inClass:
		case !inClass && (c == '*' || c == '+' || c == '?' || c == '{' || c == '}' || c == ',' || c == '\\' && k+1 < len(p) && p[k+1] == '+'):
		default:
			return false
		}
	}
	return !inClass
}

// namesOnlyRead reports a command whose reading of an environment file
// carries none of its values anywhere: it prints the names alone, or it
// writes no file itself (sort -o, uniq's output operand) and hands its
// lines to a later stage that prints the names alone (showsNoValues).
func (a *analysis) namesOnlyRead(i int, f *cmdFacts) bool {
	c := &a.res.Commands[i]
	if namesOnlyStage(c) {
		return true
	}
	return len(f.writes) == 0 && a.showsNoValues(i)
}
