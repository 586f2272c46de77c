package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A CI job's files that its later steps read.
//
// An agent running as a step of a CI job (claude-code-action, codex in a
// workflow, an agent fixing a failing build) talks to the runner through
// files the runner names in variables: what a step appends to $GITHUB_ENV
// is the environment of every later step, a directory appended to
// $GITHUB_PATH is put first on their search path, and the script
// BASH_ENV names is sourced by every later bash step before its own
// commands; $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY are published (the
// outputs handed to other jobs, the summary shown on the run's page),
// and the runner does not mask what it did not know was a secret there.
// Azure Pipelines takes the same through logging commands
// (##vso[task.setvariable], ##vso[task.prependpath]) and Buildkite
// through buildkite-agent env set; a self-hosted runner's .env (next to
// its .runner) is the environment of every job it runs.
//
// The line cannot resolve these variables (the runner sets them), so the
// file is known by the variable's name the line writes to, or by the
// runner's own names for them (_runner_file_commands/set_env_…). Each
// declaration written there is judged as the same declaration exported
// here (export NAME=VALUE; for the search path, export PATH=DIR:$PATH;
// for BASH_ENV's script, its lines as typed). What would be asked about
// here, every later step takes without anyone looking, so a setting that
// makes programs load or run code (LD_PRELOAD, BASH_ENV, NODE_OPTIONS
// --require, PYTHONSTARTUP, a runner hook run from a temporary directory)
// is the effect "write:later-steps-code", which the standard profile
// blocks. A directory only put first on the search path asks as it does
// here, unless the same line filled it (a download made a program there).
// A secret variable's value written to what is published is the effect
// "write:published-secret". Everyday declarations (NODE_ENV=production,
// GOFLAGS=-mod=readonly, a directory of the home or the project on the
// path, an output's version number) pass.

// Effect descriptors of a CI step's files.
const (
	effectLaterStepsCode  = "write:later-steps-code"
	effectPublishedSecret = "write:published-secret"
)

// ciStep is what a CI job's file is to its later steps.
type ciStep uint8

const (
	ciNone      ciStep = iota
	ciEnv              // the environment of later steps ($GITHUB_ENV, a runner's .env)
	ciPath             // directories put first on later steps' search path ($GITHUB_PATH)
	ciBashEnv          // a script every later bash step sources (BASH_ENV)
	ciPublished        // outputs, state and the summary: shown and handed on
)

// ciStepVars are the variables that name a CI job's files, by the name
// the runner gives them.
var ciStepVars = table.Map[string, ciStep]{Build: func() map[string]ciStep {
	return map[string]ciStep{
		"GITHUB_ENV": ciEnv, "GITHUB_PATH": ciPath, "BASH_ENV": ciBashEnv,
		"GITHUB_OUTPUT": ciPublished, "GITHUB_STEP_SUMMARY": ciPublished, "GITHUB_STATE": ciPublished,
	}
}}

// ciFileCommands are the runner's own names for the same files, in its
// _runner_file_commands directory: the name's prefix before the id.
var ciFileCommands = table.Map[string, ciStep]{Build: func() map[string]ciStep {
	return map[string]ciStep{
		"set_env": ciEnv, "add_path": ciPath,
		"set_output": ciPublished, "step_summary": ciPublished, "save_state": ciPublished,
	}
}}

// ciStepFile returns what the cleaned path p is to a CI job's later
// steps: a variable the line could not resolve ($GITHUB_ENV,
// ${GITHUB_PATH}) naming one of the runner's files, the runner's own name
// for it, or a self-hosted runner's .env.
func ciStepFile(p string) ciStep {
	if name := unresolvedFileVar(p); name != "" {
		return ciStepVars.Get(name)
	}
	base := path.Base(p)
	dir := path.Base(path.Dir(p))
	if dir == "_runner_file_commands" {
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			return ciFileCommands.Get(base[:i])
		}
		return ciNone
	}
	if base == ".env" && strings.HasPrefix(dir, "actions-runner") {
		return ciEnv
	}
	return ciNone
}

// ciStepFileAny is ciStepFile as a laterFormat's files test: the format
// makes a line's write of these files one whose text is read (shownText).
func ciStepFileAny(p, _, _ string) bool { return ciStepFile(p) != ciNone }

// ciRunnerHooks are a runner's variables whose value is a script it runs
// before or after every job.
var ciRunnerHooks = table.Map[string, bool]{Words: "ACTIONS_RUNNER_HOOK_JOB_STARTED ACTIONS_RUNNER_HOOK_JOB_COMPLETED"}

// judgeCIStepFile judges text written to p when p is one of a CI job's
// files that its later steps read (see above).
func (ev *evaluation) judgeCIStepFile(p, text string) {
	switch ciStepFile(p) {
	case ciEnv:
		for _, d := range envFileDecls(text) {
			if ev.denied() {
				return
			}
			ev.judgeLaterStepEnv(p, d[0], d[1])
		}
	case ciPath:
		for l := range strings.SplitSeq(text, "\n") {
			if l = strings.TrimSpace(l); l != "" && !ev.denied() {
				ev.judgeLaterStepPath(p, l)
			}
		}
	case ciBashEnv:
		for _, l := range rcDeclarationLines(text) {
			if ev.denied() {
				return
			}
			if strings.HasPrefix(l, "export PATH=") || strings.HasPrefix(l, "PATH=") {
				ev.exec(l, false, call.ToolExec) // a search path asks as here ($GITHUB_PATH's)
				continue
			}
			if ev.lineAction(l) > call.Allow {
				ev.judgeLaterStepsCode(p, l)
			}
		}
	case ciPublished:
		ev.judgePublishedText(p, text)
	}
}

// judgeLaterStepEnv judges NAME=value given to a CI job's later steps.
func (ev *evaluation) judgeLaterStepEnv(p, name, value string) {
	line := "export " + name + "=" + exportValue(value)
	if ciRunnerHooks.Get(name) {
		if effect.InTempDir(value) || ev.lineFills(value) {
			ev.judgeLaterStepsCode(p, line)
			return
		}
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "code", Word: name + " makes the runner run " + value + " at every job"}, call.ToolWrite)
		return
	}
	if name == "PATH" {
		ev.exec(line, false, call.ToolExec) // a search path asks as here ($GITHUB_PATH's)
		return
	}
	if ev.lineAction(line) > call.Allow {
		ev.judgeLaterStepsCode(p, line)
	}
}

// judgeLaterStepPath judges a directory put first on a CI job's later
// steps' search path: as the same change of PATH here, and blocked when
// the line itself filled the directory.
func (ev *evaluation) judgeLaterStepPath(p, dir string) {
	if ev.lineFills(dir) {
		ev.judgeLaterStepsCode(p, dir)
		return
	}
	ev.exec("export PATH="+exportValue(dir)+":$PATH", false, call.ToolExec)
}

// judgeLaterStepsCode judges what makes a CI job's later steps load or
// run code.
func (ev *evaluation) judgeLaterStepsCode(p, what string) {
	s := subject{tool: call.ToolWrite, text: p + ": " + what, path: p, effect: effectLaterStepsCode}
	ev.judge(&s)
}

// judgePublishedText judges text written to a CI job's outputs, state or
// summary: a secret variable's value there is published.
func (ev *evaluation) judgePublishedText(p, text string) {
	if name := secretVarIn(text); name != "" {
		s := subject{tool: call.ToolWrite, text: p + ": $" + name, path: p, effect: effectPublishedSecret}
		ev.judge(&s)
	}
}

// secretVarIn returns the first secret variable text expands ($NAME,
// ${NAME…}), or "".
func secretVarIn(text string) string {
	for i := strings.IndexByte(text, '$'); i >= 0; {
		j := i + 1
		if j < len(text) && text[j] == '{' {
			j++
		}
		k := j
		for k < len(text) && (text[k] == '_' || text[k] >= 'A' && text[k] <= 'Z' || text[k] >= 'a' && text[k] <= 'z' || k > j && text[k] >= '0' && text[k] <= '9') {
			k++
		}
		if effect.SecretVariableName(text[j:k]) {
			return text[j:k]
		}
		n := strings.IndexByte(text[k:], '$')
		if n < 0 {
			return ""
		}
		i = k + n
	}
	return ""
}

// lineAction returns how the command line l would be decided here,
// without that decision counting for the call.
func (ev *evaluation) lineAction(l string) call.Action {
	best, have, flags, all, defaults := ev.best, ev.have, len(ev.flags), len(ev.all), ev.defaults
	ev.have = false
	ev.exec(l, false, call.ToolExec)
	a := call.Allow
	if ev.have {
		a = ev.best.action
	}
	ev.best, ev.have, ev.defaults = best, have, defaults
	ev.flags = ev.flags[:flags]
	if len(ev.all) > all {
		ev.all = ev.all[:all]
	}
	return a
}

// lineFills reports whether the command line being judged writes the
// file or directory at the cleaned path dir, or a file under it (curl -o
// /tmp/bin/git …; echo /tmp/bin >> "$GITHUB_PATH").
func (ev *evaluation) lineFills(dir string) bool {
	dir = path.Clean(dir)
	for _, e := range ev.lineEffs {
		if e.Kind == effect.Write && (e.Path == dir || strings.HasPrefix(e.Path, dir+"/")) {
			return true
		}
	}
	return false
}

// exportValue quotes a declaration's value for an export line: double
// quotes, so that the variables the writing line expanded ($HOME) are
// expanded as it did, unless the value holds what double quotes would
// run or end.
func exportValue(v string) string {
	if strings.ContainsAny(v, "\"`\\") || strings.Contains(v, "$(") {
		return shellQuote(v)
	}
	return `"` + v + `"`
}

// envFileDecls returns the NAME, VALUE pairs of an env file's text: NAME=VALUE
// lines and NAME<<DELIMITER blocks (the runner's multi-line form).
func envFileDecls(text string) [][2]string {
	var out [][2]string
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || l[0] == '#' {
			continue
		}
		l = strings.TrimPrefix(l, "export ")
		eq := strings.IndexByte(l, '=')
		if h := strings.Index(l, "<<"); h > 0 && (eq < 0 || h < eq) {
			name, delim := strings.TrimSpace(l[:h]), strings.TrimSpace(l[h+2:])
			var val []string
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != delim; i++ {
				val = append(val, lines[i])
			}
			out = append(out, [2]string{name, strings.Join(val, "\n")})
			continue
		}
		if eq > 0 {
			out = append(out, [2]string{strings.TrimSpace(l[:eq]), strings.Trim(strings.TrimSpace(l[eq+1:]), `"'`)})
		}
	}
	return out
}

// judgeCIStepCommands judges the commands of a line that hand later steps
// an environment or a search path through the CI system's own channels,
// or that start a process a runner will not stop at the job's end
// (RUNNER_TRACKING_ID=0 nohup …):
// Azure Pipelines' logging commands printed by echo or printf
// (##vso[task.setvariable variable=NAME]VALUE, ##vso[task.prependpath]DIR)
// and buildkite-agent env set NAME=VALUE.
func (ev *evaluation) judgeCIStepCommands(cmds []shell.Command) {
	for i := range cmds {
		if ev.denied() {
			return
		}
		c := &cmds[i]
		for _, w := range c.Assigns {
			if strings.HasPrefix(w, "RUNNER_TRACKING_ID=") && c.Name != "" {
				// a process the runner does not know as the job's: its
				// clean-up at the job's end leaves it running on the
				// machine, into the jobs after it
				ev.judgeLaterStepsCode(c.Name, w+" keeps "+c.Name+" running after the job")
			}
		}
		switch c.Name {
		case "echo", "printf":
			printed := c.Args
			if c.Name == "printf" && len(c.Args) > 0 {
				// the format filled (printf '##vso[…variable=%s]%s\n' K V)
				if text, ok := shell.PrintfText(c.Args[0], c.Args[1:]); ok {
					printed = strings.Split(text, "\n")
				}
			}
			for _, a := range printed {
				if rest, ok := strings.CutPrefix(a, "##vso[task.setvariable "); ok {
					props, value, _ := strings.Cut(rest, "]")
					for prop := range strings.SplitSeq(props, ";") {
						if name, ok := strings.CutPrefix(strings.TrimSpace(prop), "variable="); ok {
							ev.judgeLaterStepEnv("##vso[task.setvariable]", name, value)
						}
					}
				} else if dir, ok := strings.CutPrefix(a, "##vso[task.prependpath]"); ok {
					ev.judgeLaterStepPath("##vso[task.prependpath]", dir)
				}
			}
		case "buildkite-agent":
			if len(c.Args) > 2 && c.Args[0] == "env" && c.Args[1] == "set" {
				for _, kv := range c.Args[2:] {
					if name, value, ok := strings.Cut(kv, "="); ok {
						ev.judgeLaterStepEnv("buildkite-agent env set", name, value)
					}
				}
			}
		}
	}
}

// unresolvedFileVar returns the variable whose value names the file at
// the cleaned path p when the line could not resolve it: the last part of
// p is $NAME or ${NAME}, a parameter expansion that gives NAME's value
// when it is set (${NAME:?}, ${NAME:-/dev/null}, ${NAME?}, ${NAME:=x}:
// its operand may hold slashes), or $(printenv NAME); "" otherwise.
func unresolvedFileVar(p string) string {
	for i := strings.Index(p, "/$"); i >= 0; {
		if name := fileVarAt(p[i+2:]); name != "" {
			return name
		}
		j := strings.Index(p[i+2:], "/$")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return ""
}

// fileVarAt reads unresolvedFileVar's forms from rest, the text after a
// path's "/$" to its end.
func fileVarAt(rest string) string {
	if arg, ok := strings.CutPrefix(rest, "(printenv "); ok && strings.HasSuffix(arg, ")") {
		arg = strings.TrimSpace(strings.TrimSuffix(arg, ")"))
		if plainVarName(arg) {
			return arg
		}
		return ""
	}
	braced := strings.HasPrefix(rest, "{")
	if braced {
		rest = rest[1:]
	}
	k := 0
	for k < len(rest) && isNameByte(rest[k]) {
		k++
	}
	name, tail := rest[:k], rest[k:]
	if !plainVarName(name) {
		return ""
	}
	switch {
	case !braced && tail == "":
		return name
	case !braced || !strings.HasSuffix(tail, "}"):
		return ""
	case tail == "}":
		return name
	}
	op := strings.TrimPrefix(tail, ":")
	if op != "" && (op[0] == '-' || op[0] == '=') && ciStepVars.Get(name) == ciNone {
		// ${OUT:-$GITHUB_ENV}: a variable of no known file whose default
		// is one is that file where it is unset, as it most likely is
		inner := strings.Trim(strings.TrimSuffix(op[1:], "}"), `"'`)
		if v, ok := strings.CutPrefix(inner, "$"); ok {
			if n := fileVarAt(v); n != "" && ciStepVars.Get(n) != ciNone {
				return n
			}
		}
	}
	if op != "" && (op[0] == '-' || op[0] == '?' || op[0] == '=') {
		return name // the value when set; the operand only when not
	}
	return ""
}

// plainVarName reports a shell variable's name.
func plainVarName(n string) bool {
	if n == "" || n[0] >= '0' && n[0] <= '9' {
		return false
	}
	for i := 0; i < len(n); i++ {
		if !isNameByte(n[i]) {
			return false
		}
	}
	return true
}
