package engine

import (
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// Files whose commands run without anyone typing them: a package's
// lifecycle scripts (npm runs preinstall and postinstall on install), a
// dev container's create and start commands, an editor task run when the
// folder opens, a CI workflow's steps, a git hook, direnv's .envrc, a
// Makefile's or justfile's recipes, lefthook's and pre-commit's hooks,
// a setup.py (run by pip to build) and a conftest.py (imported by pytest). An agent's
// Write or Edit of such a file is judged by the path rules as any write
// is, and the commands its content holds are judged as command lines
// too: a hook that pipes a download to a shell or sends a credential out
// is that command, written now to run later. GitHub's ${{ secrets.X }}
// is read as the environment variable X, which is what a step sees.

// maxAutoRunLines bounds the command lines taken from one file.
const maxAutoRunLines = 64

// judgeAutoRun judges the commands content holds when p is such a file.
func (ev *evaluation) judgeAutoRun(p, content string) {
	if len(content) < 4 || ev.denied() {
		return
	}
	if len(content) > maxScannedContent {
		content = content[:maxScannedContent]
	}
	ev.judgeMaskedSecrets(p, content) // cisecretlog.go
	lines, python := autoRunLines(p, content)
	var keep func(*result) bool // nil: everything, as if typed
	requested, script := runsElsewhere(p), false
	if len(lines) == 0 && !python {
		var own bool
		lines, own, script = laterRunLines(p, content) // autorunlater.go
		requested = !own && !script
		if own {
			keep = keepKnown
		}
		if len(lines) == 0 {
			// a tool's configuration file: the commands its settings
			// run (core.fsmonitor = …), each as typed
			lines, requested = configRunLines(p, content), false // configrunlines.go
		}
	}
	if d := path.Dir(p); strings.HasSuffix(strings.ToLower(p), ".ipynb") && d != "." {
		// a notebook's kernel runs its cells in the notebook's directory:
		// !rm -rf ../outputs in notebooks/clean.ipynb is the project's
		cwd := ev.c.Cwd
		if !path.IsAbs(d) {
			d = path.Join(cwd, d)
		}
		ev.c.Cwd = d
		defer func() { ev.c.Cwd = cwd }()
	}
	removal := path.Base(path.Dir(p)) == "debian" && debRemovalScript(strings.ToLower(path.Base(p)))
	for _, l := range lines {
		if ev.denied() {
			return
		}
		switch {
		case removal:
			keep = keepRemoval // autorunlater.go: debian/postrm's deletes are its purpose
		case requested:
			keep = keepRequested(l) // requestedkeep.go
		case script:
			keep = scriptKeep(l) // scriptkeep.go
		}
		ev.judgeLater(l, keep)
	}
	if python && !ev.denied() {
		ev.judgeLater("python3 -c "+shellQuote(content), keepKnown)
	}
}

// What counts of a command line a file runs later:
//   - everything (keep is nil), as if typed: a git hook, .envrc, a
//     package's lifecycle scripts;
//   - keepDenied: only what would be denied outright: a CI step or a
//     recipe runs when someone asks for it, on a runner or here, and
//     publishing and deploying are what such files are for;
//   - keepKnown: what would be denied or asked about for an effect that is
//     known: code a tool loads on its own (conftest.py, a package's
//     __init__.py, vite.config.ts) is ordinary code, whose dynamic parts
//     (getattr, importlib) nobody runs now, but a delete or a send it
//     spells is the one the file will make.
func keepDenied(r *result) bool { return r.action == call.Deny }

func keepKnown(r *result) bool { return r.action >= call.RequireApproval && !r.unknown }

// judgeLater judges a command line a file runs later, keeping the results
// keep admits.
func (ev *evaluation) judgeLater(l string, keep func(*result) bool) {
	if slices.Contains(ev.laterLines, l) {
		return // being judged already, further out
	}
	ev.laterLines = append(ev.laterLines, l)
	defer func() { ev.laterLines = ev.laterLines[:len(ev.laterLines)-1] }()
	if keep == nil {
		ev.exec(l, false, call.ToolExec)
		return
	}
	best, have, flags, all, keepAllBefore := ev.best, ev.have, len(ev.flags), len(ev.all), ev.keepAll
	ev.have, ev.keepAll = false, true
	ev.exec(l, false, call.ToolExec)
	got := slices.Clone(ev.all[all:])
	ev.best, ev.have, ev.keepAll, ev.all = best, have, keepAllBefore, ev.all[:all]
	kept := false
	for i := range got {
		if got[i].entry != nil && keep(&got[i]) {
			ev.add(got[i])
			kept = true
		}
	}
	if !kept {
		ev.flags = ev.flags[:flags]
	}
}

// runsElsewhere reports a file whose commands run when someone asks for
// them (a CI workflow, a Makefile, a justfile), not on their own here as
// git hooks' managers' do.
func runsElsewhere(p string) bool {
	base := path.Base(p)
	if strings.HasPrefix(base, "lefthook") || strings.HasPrefix(base, ".lefthook") || strings.HasPrefix(base, ".pre-commit-config") {
		return false
	}
	return strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml") || base == "Makefile" || base == "makefile" || base == "GNUmakefile" || strings.HasSuffix(base, ".mk") || strings.EqualFold(strings.TrimPrefix(base, "."), "justfile")
}

// autoRunLines returns the command lines of content written to p, and
// whether the content is Python a build runs (setup.py).
func autoRunLines(p, content string) (lines []string, python bool) {
	base := path.Base(p)
	dir := path.Base(path.Dir(p))
	switch {
	case base == "setup.py" || base == "conftest.py" || base == "__init__.py":
		// pip builds with setup.py; pytest imports every conftest.py, and
		// any import of a package runs its __init__.py
		return nil, true
	case base == ".lintstagedrc" || strings.HasPrefix(base, ".lintstagedrc.") && !isCodeExt(base):
		// lint-staged runs each pattern's commands on every commit
		lines = lintStagedLines(content)
	case base == ".envrc" || dir == "hooks" && path.Base(path.Dir(path.Dir(p))) == ".git" || dir == ".husky":
		return limitLines([]string{content}), false
	case base == "package.json":
		var m struct {
			Scripts    map[string]any `json:"scripts"`
			LintStaged map[string]any `json:"lint-staged"`
		}
		if json.Unmarshal([]byte(content), &m) == nil {
			lines = appendStrings(lines, m.Scripts)
			lines = appendEach(lines, m.LintStaged)
		} else if f, ok := jsonFragment(content); ok {
			// An edit's new text: the scripts object, or some of its
			// entries ("postinstall": "...",).
			if sc, ok := f["scripts"].(map[string]any); ok {
				f = sc
			}
			lines = appendStrings(lines, f)
		}
	case base == "devcontainer.json" || base == ".devcontainer.json":
		m, ok := jsonFragment(content)
		if ok {
			for _, k := range []string{"initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand"} {
				lines = appendCommand(lines, m[k])
			}
		}
	case base == "tasks.json" && dir == ".vscode":
		var m struct {
			Tasks []vscodeTask `json:"tasks"`
		}
		if json.Unmarshal(jsonc(content), &m) != nil {
			// An edit's new text: one task, or some members of one.
			var t vscodeTask
			if f, ok := jsonFragment(content); ok && remarshal(f, &t) {
				m.Tasks = []vscodeTask{t}
			}
		}
		for _, t := range m.Tasks {
			if c, ok := t.Command.(string); ok {
				for _, a := range t.Args {
					if s, ok := a.(string); ok {
						c += " " + shellQuote(s)
					}
				}
				lines = append(lines, c)
			}
		}
	case (dir == "workflows" && path.Base(path.Dir(path.Dir(p))) == ".github" || base == ".gitlab-ci.yml") && (strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")):
		lines = yamlRunLines(content)
	case base == "lefthook.yml" || base == "lefthook.yaml" || base == ".lefthook.yml" || base == "lefthook-local.yml" || base == ".pre-commit-config.yaml" || base == ".pre-commit-config.yml":
		lines = yamlRunLines(content) // lefthook's run:, pre-commit's entry:
	case strings.EqualFold(base, "Taskfile.yml") || strings.EqualFold(base, "Taskfile.yaml") || strings.EqualFold(base, "Taskfile.dist.yml") || strings.EqualFold(base, "Taskfile.dist.yaml"):
		lines = yamlRunLines(content) // go-task's cmds:
		defs := taskfileDefs(content) // taskvars.go
		for i := range lines {
			lines[i] = taskfileExpand(lines[i], defs)
		}
	case base == "justfile" || base == "Justfile" || base == ".justfile":
		for l := range strings.SplitSeq(content, "\n") {
			if t := strings.TrimLeft(l, " \t"); t != l && t != "" && !strings.HasPrefix(t, "#") {
				lines = append(lines, strings.TrimLeft(t, "@-"))
			}
		}
		if len(lines) == 0 {
			lines = recipeFragmentLines(content) // requestedfragments.go
		}
	case base == "Makefile" || base == "makefile" || base == "GNUmakefile" || strings.HasSuffix(base, ".mk"):
		defs := makeDefs(content) // makevars.go
		prefix := recipePrefix(content)
		for l := range strings.SplitSeq(content, "\n") {
			if r, ok := strings.CutPrefix(l, prefix); ok {
				lines = append(lines, makeVars(strings.TrimLeft(r, "@-+ "), defs))
			} else if r := ruleRecipe(l); r != "" {
				lines = append(lines, makeVars(strings.TrimLeft(r, "@-+ "), defs)) // setup: ; curl … | sh
			} else if _, cmd, ok := strings.Cut(l, "!="); ok && !strings.ContainsAny(l[:strings.Index(l, "!=")], "\t:") {
				lines = append(lines, strings.TrimSpace(cmd)) // VAR != CMD: run as the file is read
			}
		}
		// $(shell CMD) anywhere (a variable, a condition): make runs it as
		// it reads the file, whatever target is asked for.
		lines = append(lines, makeShellCalls(content)...)
		if len(lines) == 0 {
			lines = recipeFragmentLines(content) // requestedfragments.go
		}
	}
	return limitLines(lines), false
}

// makeShellCalls returns the commands of a makefile's $(shell CMD) and
// ${shell CMD} calls, each up to its balancing parenthesis.
func makeShellCalls(content string) []string {
	var out []string
	for i := 0; i+8 < len(content) && len(out) < maxAutoRunLines; i++ {
		if content[i] != '$' || content[i+1] != '(' && content[i+1] != '{' || !strings.HasPrefix(content[i+2:], "shell") {
			continue
		}
		j := i + 7
		if j >= len(content) || content[j] != ' ' && content[j] != '\t' {
			continue
		}
		open, end := content[i+1], byte(')')
		if open == '{' {
			end = '}'
		}
		depth, k := 1, j
		for ; k < len(content) && depth > 0; k++ {
			switch content[k] {
			case open:
				depth++
			case end:
				depth--
			}
		}
		if depth == 0 {
			out = append(out, strings.TrimSpace(content[j:k-1]))
			i = k - 1
		}
	}
	return out
}

func limitLines(l []string) []string {
	if len(l) > maxAutoRunLines {
		return l[:maxAutoRunLines]
	}
	return l
}

// appendStrings appends the string values of m.
func appendStrings(dst []string, m map[string]any) []string {
	for _, v := range m {
		if s, ok := v.(string); ok {
			dst = append(dst, s)
		}
	}
	return dst
}

// appendEach appends m's values that are command lines, or lists of them.
func appendEach(dst []string, m map[string]any) []string {
	for _, v := range m {
		switch x := v.(type) {
		case string:
			dst = append(dst, x)
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok {
					dst = append(dst, s)
				}
			}
		}
	}
	return dst
}

// lintStagedLines returns the commands of a lint-staged configuration in
// JSON or YAML: each pattern's command, or list of them.
func lintStagedLines(content string) []string {
	var m map[string]any
	if json.Unmarshal([]byte(content), &m) != nil {
		if f, ok := jsonFragment(content); ok {
			m = f
		} else if yaml.Unmarshal([]byte(content), &m) != nil {
			return nil
		}
	}
	return appendEach(nil, m)
}

// isCodeExt reports a name whose extension is a language's code (a
// configuration written as a module), read by laterInterpreter instead.
func isCodeExt(base string) bool {
	switch path.Ext(base) {
	case ".js", ".cjs", ".mjs", ".ts", ".mts", ".cts":
		return true
	}
	return false
}

// appendCommand appends a dev container command: a string (a shell
// line), an array (argv) or an object of either (run in parallel).
func appendCommand(dst []string, v any) []string {
	switch x := v.(type) {
	case string:
		return append(dst, x)
	case []any:
		var argv []string
		for _, a := range x {
			if s, ok := a.(string); ok {
				argv = append(argv, s)
			}
		}
		if len(argv) > 0 {
			return append(dst, quoteArgv(argv))
		}
	case map[string]any:
		for _, e := range x {
			dst = appendCommand(dst, e)
		}
	}
	return dst
}

var (
	runKey = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`^(\s*)(?:-\s+)?(?:run|script|before_script|after_script|entry|cmds|cmd):\s*(.*)$`)
	}}
	ghaSecrets = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}`) }}
	// ghaSecretExprs matches the other expressions whose value is a secret:
	// every secret at once (toJSON(secrets)), one picked by a computed
	// name (secrets[format('{0}_KEY', matrix.env)]), and the run's own
	// token (github.token)
	ghaSecretExprs = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`\$\{\{[^}]*(\bsecrets\b|\bgithub\.token\b)[^}]*\}\}`)
	}}
	// ghaEnvRefs matches ${{ env.K }}, an env variable's value put into a
	// run line by the runner
	ghaEnvRefs = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}`) }}
)

// yamlRunLines returns the commands of a CI file's run: (GitHub) and
// script: (GitLab) keys, a block scalar's lines (| and >) read whole,
// with ${{ secrets.X }} written as $X and any other expression of a
// secret's value as $GITHUB_SECRETS.
func yamlRunLines(content string) []string {
	aliases := ciSecretAliases(content) // cienvsecrets.go
	content = azureMacros(content)      // cienvsecrets.go: $(System.AccessToken)
	if strings.Contains(content, "${{") {
		content = ghaSecrets.Get().ReplaceAllString(content, "$${$1}")
		content = ghaSecretExprs.Get().ReplaceAllString(content, "$${GITHUB_SECRETS}")
		// ${{ env.K }}: the runner writes the variable's value into the
		// line before the shell sees it, as $K would give it
		content = ghaEnvRefs.Get().ReplaceAllString(content, "$${$1}")
	}
	src := strings.Split(content, "\n")
	var out []string
	for i := 0; i < len(src); i++ {
		m := runKey.Get().FindStringSubmatch(src[i])
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[2])
		if v == "" || v[0] == '|' || v[0] == '>' {
			indent := len(m[1])
			var b strings.Builder
			for i+1 < len(src) {
				next := src[i+1]
				t := strings.TrimLeft(next, " ")
				if t != "" && len(next)-len(t) <= indent {
					break
				}
				t = strings.TrimPrefix(t, "- ")
				b.WriteString(t)
				b.WriteByte('\n')
				i++
			}
			out = append(out, withSecretAliases(b.String(), aliases))
			continue
		}
		out = append(out, withSecretAliases(yamlUnquote(v), aliases))
	}
	if len(out) == 0 {
		out = yamlFragmentLines(src) // requestedfragments.go
	}
	return out
}

// vscodeTask is the part of a VS Code task that runs.
type vscodeTask struct {
	Command any   `json:"command"`
	Args    []any `json:"args"`
}

// remarshal decodes a JSON object already read into v.
func remarshal(m map[string]any, v any) bool {
	b, err := json.Marshal(m)
	return err == nil && json.Unmarshal(b, v) == nil
}

// jsonFragment reads content as a JSON object: a whole file, or the new
// text of an edit, which is often a few members of an object without its
// braces ("postinstall": "curl … | sh",) or one object with a comma after
// it. Comments and trailing commas are allowed (jsonc).
func jsonFragment(content string) (map[string]any, bool) {
	var m map[string]any
	if json.Unmarshal(jsonc(content), &m) == nil {
		return m, true
	}
	t := strings.TrimSpace(content)
	t = strings.TrimSpace(strings.TrimSuffix(t, ","))
	t = strings.TrimSpace(strings.TrimPrefix(t, ","))
	for _, try := range []string{t, "{" + t + "}"} {
		m = nil
		if json.Unmarshal(jsonc(try), &m) == nil && m != nil {
			return m, true
		}
	}
	return nil, false
}

// jsonc turns the JSON with comments and trailing commas that VS Code's
// and dev containers' files are written in into JSON: comments become
// spaces and a comma before a closing bracket goes.
func jsonc(s string) []byte {
	b := []byte(s)
	out := b[:0:0]
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr:
			if c == '\\' && i+1 < len(b) {
				out = append(out, c, b[i+1])
				i++
				continue
			}
			if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			c = '\n'
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(b)
			} else {
				i += end + 3
			}
			c = ' '
		case c == ']' || c == '}':
			j := len(out) - 1
			for j >= 0 && (out[j] == ' ' || out[j] == '\n' || out[j] == '\t' || out[j] == '\r') {
				j--
			}
			if j >= 0 && out[j] == ',' {
				out[j] = ' '
			}
		}
		out = append(out, c)
	}
	return out
}

// yamlUnquote returns a one-line YAML scalar's text: a quoted scalar's
// inside ("make x", 'make x'), a plain one as it is, whatever quotes its
// own words end with (psql "$URL" -c 'DROP …').
func yamlUnquote(v string) string {
	if len(v) < 2 || v[0] != v[len(v)-1] || v[0] != '"' && v[0] != '\'' {
		return v
	}
	in := v[1 : len(v)-1]
	if v[0] == '\'' {
		return strings.ReplaceAll(in, "''", "'")
	}
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(in)
}
