package engine

import (
	"iter"
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A command line that writes a file whose commands run later without
// anyone typing them (a CI workflow, a hook manager's configuration,
// direnv's .envrc, an editor's tasks, a dev container) is judged as a
// Write of that file is: the text the line shows (printf '…' >
// .github/workflows/x.yml) by the commands it holds (judgeAutoRun), and
// text it does not show (a download, a copy from outside the project) as
// code nobody can see, which runs on the next push, commit or open.

// laterFile reports a file whose commands run later on their own or on a
// runner, by its path.
func laterFile(p string) bool {
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch {
	case dir == "workflows" && path.Base(path.Dir(path.Dir(p))) == ".github" && (strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")):
		return true
	case base == ".gitlab-ci.yml", base == ".pre-commit-config.yaml", base == ".pre-commit-config.yml",
		base == "lefthook.yml", base == "lefthook.yaml", base == ".lefthook.yml", base == "lefthook-local.yml",
		base == ".envrc", base == "devcontainer.json", base == ".devcontainer.json",
		base == "tasks.json" && dir == ".vscode":
		return true
	}
	return false
}

// taskFile reports a file of the project whose commands its own tools run
// when someone asks for them: package.json's scripts (npm install runs
// its lifecycle scripts), a makefile's or justfile's recipes, a Taskfile's
// tasks, setup.py and conftest.py (a build, a test run).
func taskFile(p string) bool {
	base := path.Base(p)
	switch {
	case base == "package.json", base == "Makefile", base == "makefile", base == "GNUmakefile", strings.HasSuffix(base, ".mk"),
		strings.EqualFold(strings.TrimPrefix(base, "."), "justfile"), strings.EqualFold(base, "Taskfile.yml"), strings.EqualFold(base, "Taskfile.yaml"),
		base == "setup.py", base == "conftest.py":
		return true
	}
	return false
}

// judgeTaskText judges the text a line shows it writes into a task file
// (echo '{"scripts": …}' > package.json, sed -i's replacement in one):
// a command it holds that would be blocked typed is blocked written there,
// since the next npm install, make or test run runs it. Text the line does
// not show is what the project already had, or a copy judged as one.
func (ev *evaluation) judgeTaskText(p, text string) {
	lines, python := autoRunLines(p, text)
	for _, l := range lines {
		if ev.denied() {
			return
		}
		ev.judgeLater(l, keepRequested(l)) // requestedkeep.go
	}
	if python && !ev.denied() {
		ev.judgeLater("python3 -c "+shellQuote(text), keepDenied)
	}
}

// hookDirs returns the directories a line makes git's hooks directory
// (git config core.hooksPath .githooks): what it writes there runs at the
// next commit, checkout or push, as what it writes to .git/hooks does.
func (ev *evaluation) hookDirs(res *shell.Result) []string {
	var out []string
	for i := range res.Commands {
		c := &res.Commands[i]
		if c.Name != "git" {
			continue
		}
		for _, u := range catalog.SettingsOf("git", c.Args) {
			if strings.EqualFold(u.Key, "core.hooksPath") && u.Value != "" && !u.Unknown {
				out = append(out, match.CleanPath(u.Value, ev.c.Cwd, ev.e.env.Home))
			}
		}
	}
	return out
}

// judgeLineWrites judges the later-run files among a line's writes.
func (ev *evaluation) judgeLineWrites(res *shell.Result, effs []effect.Effect) {
	var hooks []string
	hooksRead := false
	for _, ef := range effs {
		if ef.Kind != effect.Write || ef.Path == "" || ev.denied() {
			continue
		}
		if len(res.Files) > 0 {
			for text := range ev.shownTexts(res, ef.Path) {
				ev.judgeWebShell(ef.Path, text) // webshell.go
			}
		}
		later := laterFile(ef.Path)
		if !later && !taskFile(ef.Path) {
			if !hooksRead {
				hooks, hooksRead = ev.hookDirs(res), true
			}
			if !slices.Contains(hooks, path.Dir(ef.Path)) {
				ev.judgeLineScript(res, ef.Path) // scriptwrites.go
				ev.judgeFormatText(res, ef.Path)
				continue
			}
		}
		shown := false
		for text := range ev.shownTexts(res, ef.Path) {
			shown = true
			switch {
			case later:
				ev.judgeAutoRun(ef.Path, text) // autorun.go
			case taskFile(ef.Path):
				ev.judgeTaskText(ef.Path, text)
			default:
				for _, l := range limitLines([]string{text}) {
					ev.judgeLater(l, nil) // a hook: run as typed, as .git/hooks' are
				}
			}
		}
		if !later {
			continue
		}
		if !shown && !ev.denied() && !projectCopy(effs, ef.Cmd, ev.c.Cwd) && !repoText(res, ef.Cmd) {
			ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: ef.Cmd, Detail: "later", Word: "writes " + ef.Path + ", whose commands run later, with text the line does not show"}, call.ToolExec)
		}
	}
}

// judgeShownParts judges the text a line shows it writes into a file whose
// whole text it does not show (echo LD_PRELOAD=… >> "$GITHUB_ENV"; curl …
// >> "$GITHUB_ENV"; { echo …; date; } >> F): the shown part is in the
// file whatever the rest is, so what its lines run is judged by the
// file's format, on top of what the write itself is judged as; what the
// rest may hold is not known, so nothing counts as removed.
func (ev *evaluation) judgeShownParts(res *shell.Result, effs []effect.Effect) {
	if len(res.Shown) == 0 {
		return
	}
	for _, ef := range effs {
		if ef.Kind != effect.Write || ef.Path == "" || ev.denied() {
			continue
		}
		for name, text := range res.Shown {
			if match.CleanPath(name, ev.c.Cwd, ev.e.env.Home) == ef.Path && !ev.denied() {
				ev.judgeFormatLines(ef.Path, text) // laterformats.go
				if up := upperNames(text); up != text && !ev.denied() {
					ev.judgeFormatLines(ef.Path, up)
				}
			}
		}
	}
}

// upperNames is text with the name of each NAME=VALUE line upper-cased:
// the form a filter the walk does not follow may have given shown text
// (tr a-z A-Z, awk's toupper, sed's \U), in which a variable's name is
// what the file's reader takes it for.
func upperNames(text string) string {
	if !strings.Contains(text, "=") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		k := strings.IndexByte(l, '=')
		if k <= 0 {
			continue
		}
		name := strings.ToUpper(l[:k])
		if rest, ok := strings.CutPrefix(name, "EXPORT "); ok {
			name = "export " + rest
		}
		lines[i] = name + l[k:]
	}
	return strings.Join(lines, "\n")
}

// projectCopy reports a command that writes what it reads from the
// project's own files (cp .envrc.example .envrc): text the repository
// already shows. A download reads no file, and a copy from /tmp one
// outside.
func projectCopy(effs []effect.Effect, cmd int, cwd string) bool {
	n := 0
	for _, e := range effs {
		if e.Cmd != cmd || e.Kind != effect.Read {
			continue
		}
		if cwd == "" || !strings.HasPrefix(e.Path, cwd+"/") {
			return false
		}
		n++
	}
	return n > 0
}

// repoText reports a command whose writes put back text the repository
// holds (git checkout main -- .github/workflows/ci.yml): text already
// committed, not text the line hides. Rampart's own files are judged
// apart, whatever text they get.
func repoText(res *shell.Result, cmd int) bool {
	if cmd < 0 || cmd >= len(res.Commands) {
		return false
	}
	c := &res.Commands[cmd]
	e, _ := catalog.Default().Lookup(c.Name, c.Args)
	return e != nil && e.Prop("repo-text") != ""
}

// shownTexts yields each text the line shows it writes to the file p
// (res.Files, by the names the line gives them, cleaned as p is).
func (ev *evaluation) shownTexts(res *shell.Result, p string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for name, text := range res.Files {
			if match.CleanPath(name, ev.c.Cwd, ev.e.env.Home) == p && !yield(text) {
				return
			}
		}
	}
}

// judgeFormatText judges the text a line shows it writes into a file whose
// commands run later by its format (echo 'RUN …' >> Dockerfile, a Procfile's
// line, yq's or sed's text in a compose or pipeline file, a Terraform or
// agent instructions file): as a Write of that text is judged. Text the
// line does not show is left to what runs the file. A file autoRunLines
// reads whose name judgeLineWrites' lists do not hold (.lintstagedrc) is
// judged by what autoRunLines finds in the text, as its Write is.
func (ev *evaluation) judgeFormatText(res *shell.Result, p string) {
	if len(res.Files) == 0 {
		return // no text shown (shownTexts reads res.Files)
	}
	f := formatOf(p)
	run := laterRunFile(p) // requestedfragments.go
	for text := range ev.shownTexts(res, p) {
		if ev.denied() {
			return
		}
		switch {
		case run:
			ev.judgeAutoRun(p, text) // autorun.go
		case f != nil && f.onRequest:
			ev.judgeLaterFormat(p, text) // laterformats.go
		default:
			if lines, python := autoRunLines(p, text); len(lines) > 0 || python {
				ev.judgeAutoRun(p, text) // autorun.go
			}
		}
	}
}
