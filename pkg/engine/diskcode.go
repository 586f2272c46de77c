package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A file's text run as code where the line reads it (eval "$(cat f)",
// bash -c "$(< f)", sh -c "`cat f`") runs what the file holds now. The
// walk reports it as code nobody saw. When the line wrote the file, or the
// caller lets the engine read files (Env.ScriptText) and it is on disk,
// its text is judged as the same file run by the shell is
// (diskscripts.go): what would be denied outright is denied, the rest is
// the file's own business, and the code is no longer unknown. A file the
// line filled with what nobody here can read (pbpaste > f) stays unknown.

// catOf gives the file a command substitution that only prints one file
// names ("$(cat f)", "$(< f)", "`cat ./f`"), or "".
func catOf(w string) string {
	var inner string
	switch {
	case strings.HasPrefix(w, "$(") && strings.HasSuffix(w, ")"):
		inner = w[2 : len(w)-1]
	case len(w) > 2 && w[0] == '`' && w[len(w)-1] == '`':
		inner = w[1 : len(w)-1]
	default:
		return ""
	}
	inner = strings.TrimSpace(inner)
	if rest, ok := strings.CutPrefix(inner, "<"); ok {
		inner = strings.TrimSpace(rest)
	} else if rest, ok := strings.CutPrefix(inner, "cat "); ok {
		inner = strings.TrimSpace(rest)
	} else {
		return ""
	}
	if inner == "" || strings.ContainsAny(inner, " \t|;&<>$`'\"*?[(){}") {
		return ""
	}
	return inner
}

// diskCode judges the unknown code ef when it is a file the line wrote or
// one on disk, printed into a command's words, and reports whether it read
// its text.
func (ev *evaluation) diskCode(res *shell.Result, cwds []string, ef effect.Effect) bool {
	read := ev.e.env.ScriptText
	if ef.Kind != effect.Unknown || ef.Detail != "code" && ef.Detail != "program" || ev.diskDepth >= maxDiskDepth || ev.diskRead >= maxDiskScripts {
		return false
	}
	f := catOf(ef.Word)
	if f == "" || ef.Cmd < 0 || ef.Cmd >= len(res.Commands) {
		return false
	}
	cwd := ev.c.Cwd
	if ef.Cmd < len(cwds) && cwds[ef.Cmd] != "" {
		cwd = cwds[ef.Cmd]
	}
	abs := match.CleanPath(f, cwd, ev.e.env.Home)
	text, shown := "", false
	for t := range ev.shownTexts(res, abs) {
		text, shown = t, true // the line wrote it: that text is what runs
		break
	}
	if !shown {
		if read == nil {
			return false
		}
		ev.diskRead++
		t, found := read(abs)
		if found != ScriptRead {
			return false
		}
		text = t
	}
	runner := res.Commands[ef.Cmd].Name
	if runner == "eval" || shellRunners.Get(runner) || strings.HasPrefix(runner, "$") {
		runner = "sh" // eval "$(cat f)", bash -c "$(cat f)", "$(cat f)" as a command
	}
	lines := diskScriptLines(runner, abs, text)
	if lines == nil {
		return false // a language not read here: the code stays unknown
	}
	ev.diskDepth++
	defer func() { ev.diskDepth-- }()
	for _, l := range lines {
		if ev.judgeLater(l, scriptKeep(l)); ev.denied() {
			break
		}
	}
	return true
}
