package engine

import (
	"encoding/json"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// More files whose commands run later, beyond the ones autoRunLines reads
// line by line: every CI system's pipeline file (CircleCI, Bitbucket,
// Azure, Drone, Woodpecker, Travis, AppVeyor, Cirrus, Semaphore, CodeBuild,
// Cloud Build, Gitpod, GitHub's composite actions, GitLab's included
// files, Gitea's and Forgejo's workflows), compose and skaffold files, a
// Procfile, a Dockerfile's RUN, the task runners written in TOML or INI
// (mise, tox, poe, cargo's runner, netlify, fly), composer's and deno's
// scripts, and the code a build or an interpreter runs on its own (a
// noxfile, sitecustomize, a .pth file, a Rakefile, a gulpfile, a bundler's
// or a linter's JS config, a Jenkinsfile, a Tiltfile, build.rs), and a
// Debian package's install-time maintainer scripts.
//
// Each is read by its format, not by its name alone: YAML by its command
// keys at any depth (run, script, commands, command and entrypoint with
// args as one argv, any key ending in "command" or "script"); TOML and INI
// by their command keys; code by the interpreter it is written for, or,
// for a language no program here reads, by its quoted strings. As with
// a CI workflow, these run when someone asks for them, and building,
// publishing and deploying are what they are for: only what would be
// denied outright counts.

// laterRunLines returns the command lines of content written to p when p
// is one of these files.
// own reports code a tool loads on its own (a bundler's config,
// sitecustomize) rather than a task run on request; script, a program
// written to be run by name (scriptwrites.go).
func laterRunLines(p, content string) (lines []string, own, script bool) {
	base := path.Base(p)
	lower := strings.ToLower(base)
	dir := path.Base(path.Dir(p))
	switch laterReadingOf(p, lower, dir) {
	case readsYAML:
		return limitLines(yamlCommandLines(content)), false, false
	case readsProcfile:
		var out []string
		for l := range strings.SplitSeq(content, "\n") {
			if _, cmd, ok := strings.Cut(l, ":"); ok && !strings.HasPrefix(strings.TrimSpace(l), "#") {
				out = append(out, strings.TrimSpace(cmd))
			}
		}
		return limitLines(out), false, false
	case readsDockerfile:
		runs := dockerfileRuns(content)
		if len(runs) == 0 {
			runs = dockerfileFragmentLines(content) // requestedfragments.go
		}
		return limitLines(runs), false, false
	case readsConfig:
		if lower == "tox.ini" || lower == "setup.cfg" || lower == "pyproject.toml" {
			content = toxVars.Get().Replace(content) // before braces are read as inline tables
		}
		return limitLines(tomlCommandLines(content)), false, false
	case readsJSON:
		return limitLines(jsonScriptLines(content)), false, false
	case readsDeb:
		return limitLines([]string{content}), false, false
	}
	interp, own := laterInterpreter(lower)
	if interp == "" && toolDirCode(p, lower) {
		interp, own = "node -e", true // storybook's main, vitepress's config and theme: loaded by the tool
	}
	if interp != "" {
		code := content
		if strings.HasSuffix(lower, ".pth") {
			// site runs only a .pth file's lines that start with import
			var b strings.Builder
			for l := range strings.SplitSeq(content, "\n") {
				if strings.HasPrefix(l, "import ") || strings.HasPrefix(l, "import\t") {
					b.WriteString(l + "\n")
				}
			}
			code = b.String()
		}
		if code == "" {
			return nil, false, false
		}
		lines := []string{interp + " " + shellQuote(code)}
		if quotedStringFile(lower) {
			// premake's Lua runs as code, and the commands its
			// prebuildcommands quote run on every build
			lines = append(lines, buildFileLines(lower, content)...)
		}
		return limitLines(lines), own, false
	}
	if quotedStringFile(lower) {
		lines := buildFileLines(lower, content)
		if line, ok := shell.SourceRunLine(lower, content); ok {
			lines = append(lines, line) // build.rs, build.zig, Package.swift: code the build runs (shell/sourcelangs.go)
		}
		return limitLines(lines), false, false
	}
	lines = scriptLines(dir, lower, content) // scriptwrites.go
	return lines, false, lines != nil
}

// laterReading is the format by which laterRunLines reads a file's
// commands before it looks for code (laterInterpreter) or quoted strings;
// laterRunFile asks the same, so that text a command line writes there is
// read as a Write of it is.
type laterReading uint8

// The formats laterRunLines reads by name.
const (
	readsNone       laterReading = iota
	readsYAML                    // a CI system's, a compose tool's or a dev environment's YAML
	readsProcfile                // NAME: COMMAND lines
	readsDockerfile              // RUN instructions
	readsConfig                  // TOML and INI command keys (tox.ini, setup.cfg, pyproject.toml, .mise.toml)
	readsJSON                    // composer.json's, deno.json's and vercel.json's scripts
	readsDeb                     // a Debian package's install-time maintainer script
)

// laterReadingOf gives the format of file p (base name lower-cased, the
// directory's base name dir) among laterRunLines' readings by name.
func laterReadingOf(p, lower, dir string) laterReading {
	switch {
	case isYAMLRunFile(p, lower, dir):
		return readsYAML
	case lower == "procfile" || strings.HasPrefix(lower, "procfile."):
		return readsProcfile
	case lower == "dockerfile" || lower == "containerfile" || strings.HasPrefix(lower, "dockerfile.") || strings.HasSuffix(lower, ".dockerfile"):
		return readsDockerfile
	case strings.HasSuffix(lower, ".toml") || strings.HasSuffix(lower, ".ini") || lower == "setup.cfg" || lower == "pipfile":
		return readsConfig
	case lower == "composer.json" || lower == "deno.json" || lower == "deno.jsonc" || lower == "vercel.json" || lower == "nodemon.json":
		return readsJSON
	case dir == "debian" && (debMaintainerScript(lower) || debRemovalScript(lower)):
		return readsDeb
	}
	return readsNone
}

// debMaintainerScript reports a Debian package's install-time maintainer
// script (debian/postinst, debian/app.preinst, debian/config): shell that
// dpkg runs as root on every machine that installs the package built
// here. The removal scripts (prerm, postrm) are left out: deleting the
// package's own state under /var is what they are for.
func debMaintainerScript(lower string) bool {
	for _, s := range []string{"preinst", "postinst", "config"} {
		if lower == s || strings.HasSuffix(lower, "."+s) {
			return true
		}
	}
	return false
}

// debRemovalScript reports a Debian package's removal script
// (debian/prerm, debian/app.postrm): run as root by dpkg on every machine
// that removes the package. Its deletes are the package's own state,
// which is what it is for (keepRemoval), but the code it fetches and runs
// is a download run as any other.
func debRemovalScript(lower string) bool {
	for _, s := range []string{"prerm", "postrm"} {
		if lower == s || strings.HasSuffix(lower, "."+s) {
			return true
		}
	}
	return false
}

// keepRemoval keeps what a removal script's line would have denied, but
// for its deletes (debRemovalScript).
func keepRemoval(r *result) bool {
	if r.action != call.Deny || strings.HasPrefix(r.effect, "delete") || r.argv == nil && strings.HasPrefix(r.text, "/") {
		return false // (rm -f /etc/app.conf: the path it deletes, judged as a write of it)
	}
	if r.effect == "" && r.argv != nil {
		cl := catalog.Default().Classify(r.argv.Name, r.argv.Args)
		for _, w := range cl.Words {
			if w.Role == catalog.Delete {
				return false // rm -rf /var/lib/app: the package's own state
			}
		}
	}
	return true
}

// isYAMLRunFile reports a YAML file a CI system, a compose tool or a dev
// environment runs the commands of.
func isYAMLRunFile(p, lower, dir string) bool {
	if !strings.HasSuffix(lower, ".yml") && !strings.HasSuffix(lower, ".yaml") {
		return false
	}
	name := strings.TrimSuffix(strings.TrimSuffix(lower, ".yml"), ".yaml")
	switch name {
	case "bitbucket-pipelines", ".drone", ".woodpecker", ".travis", "appveyor", ".appveyor", ".cirrus", "codemagic",
		".gitpod", "action", "skaffold", "devfile", "bitrise", "render", "okteto", "garden", "cloudbuild", "buildspec",
		// dvc.yaml: each stage's cmd runs on dvc repro and dvc exp run
		"dvc":
		return true
	}
	for _, prefix := range []string{"azure-pipelines", "docker-compose", "compose", "cloudbuild", "buildspec", "skaffold"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	if strings.HasSuffix(name, ".gitlab-ci") {
		return true
	}
	for _, d := range []string{"/.circleci/", "/.woodpecker/", "/.azure-pipelines/", "/.buildkite/", "/.semaphore/", "/.gitlab/", "/.tekton/", "/.gitea/workflows/", "/.forgejo/workflows/"} {
		if strings.Contains("/"+p, d) {
			return true
		}
	}
	return dir == ".circleci"
}

// yamlArgvKeys are the keys whose list is one argv, joined in this order
// when a map holds several (cloud build's entrypoint with its args).
var yamlArgvKeys = [...]string{"entrypoint", "command", "cmd", "args"}

// isYAMLLineKey: a key whose string, or each string of whose list, is a
// command line. Ansible's modules are named in full as often as not
// (ansible.builtin.shell, ansible.legacy.command).
func isYAMLLineKey(k string) bool {
	if m, ok := strings.CutPrefix(k, "ansible.builtin."); ok {
		k = m
	} else if m, ok := strings.CutPrefix(k, "ansible.legacy."); ok {
		k = m
	}
	if k == "raw" {
		return true
	}
	switch k {
	case "run", "script", "scripts", "before_script", "after_script", "before_install", "install", "after_success",
		"after_failure", "before_deploy", "cmds", "bash", "sh", "pwsh", "powershell", "init", "before", "entry", "exec",
		"commands", "prebuild", "postbuild", "prologue", "epilogue", "on_success", "on_failure", "shell":
		return true
	}
	return strings.HasSuffix(k, "command") || strings.HasSuffix(k, "commands") || strings.HasSuffix(k, "script") || strings.HasSuffix(k, "_cmd")
}

// yamlCommandLines returns the command lines of a YAML document.
func yamlCommandLines(content string) []string {
	aliases := ciSecretAliases(content) // cienvsecrets.go: env names bound to secrets
	content = azureMacros(content)      // cienvsecrets.go: $(System.AccessToken)
	if strings.Contains(content, "${{") {
		content = ghaSecrets.Get().ReplaceAllString(content, "$${$1}")
	}
	var out []string
	dec := yaml.NewDecoder(strings.NewReader(content))
	for range 8 { // a file may hold several documents
		var doc any
		if dec.Decode(&doc) != nil {
			break
		}
		out = appendYAMLCommands(out, doc, 0)
	}
	if len(out) == 0 {
		out = yamlFragmentLines(strings.Split(content, "\n")) // requestedfragments.go
	}
	if len(aliases) > 0 {
		for i := range out {
			out[i] = withSecretAliases(out[i], aliases)
		}
	}
	return out
}

func appendYAMLCommands(dst []string, v any, depth int) []string {
	if depth > 32 || len(dst) > maxAutoRunLines {
		return dst
	}
	switch x := v.(type) {
	case map[string]any:
		start := len(dst)
		defer func() { mountedPaths(dst[start:], x["volumes"]) }()
		var argv []string
		list := false
		for _, k := range yamlArgvKeys {
			for mk, mv := range x {
				if strings.ToLower(mk) != k {
					continue
				}
				switch c := mv.(type) {
				case string:
					argv = append(argv, c)
				case []any:
					list = true
					for _, a := range c {
						if s, ok := a.(string); ok {
							argv = append(argv, s)
						}
					}
				}
			}
		}
		if list && len(argv) > 0 {
			dst = append(dst, quoteArgv(argv))
		} else {
			dst = append(dst, argv...)
		}
		for _, k := range sortedKeys(x) {
			lk := strings.ToLower(k)
			argvKey := false
			for _, a := range yamlArgvKeys {
				argvKey = argvKey || lk == a
			}
			switch c := x[k].(type) {
			case string:
				if isYAMLLineKey(lk) && !argvKey {
					dst = append(dst, c)
				}
			case []any:
				if isYAMLLineKey(lk) && !argvKey {
					for _, a := range c {
						if s, ok := a.(string); ok {
							dst = append(dst, s)
						}
					}
				}
				dst = appendYAMLCommands(dst, c, depth+1)
			default:
				dst = appendYAMLCommands(dst, c, depth+1)
			}
		}
	case []any:
		for _, e := range x {
			dst = appendYAMLCommands(dst, e, depth+1)
		}
	}
	return dst
}

// mountedPaths rewrites the command lines of a compose service or a job
// whose volumes mount host paths ("~/.ssh:/k"), so that a path under a
// mount point names the host's path its command reaches (/k/id_rsa is
// ~/.ssh/id_rsa), as inContainer does for MCP tools.
func mountedPaths(lines []string, volumes any) {
	list, ok := volumes.([]any)
	if !ok || len(lines) == 0 {
		return
	}
	for _, v := range list {
		spec, ok := v.(string)
		if !ok {
			continue
		}
		parts := strings.Split(spec, ":")
		if len(parts) < 2 || !strings.HasPrefix(parts[1], "/") || parts[1] == "/" {
			continue
		}
		src, dst := strings.TrimRight(parts[0], "/"), strings.TrimRight(parts[1], "/")
		if !strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "~") && !strings.HasPrefix(src, ".") && !strings.HasPrefix(src, "$") {
			continue // a named volume, not a host path
		}
		for k, l := range lines {
			l = strings.ReplaceAll(l, dst+"/", src+"/")
			// the mount point itself, as a whole word
			var b strings.Builder
			for i := 0; i < len(l); {
				j := strings.Index(l[i:], dst)
				if j < 0 {
					b.WriteString(l[i:])
					break
				}
				j += i
				end := j + len(dst)
				before := j == 0 || strings.IndexByte(" \t\"'=:", l[j-1]) >= 0
				after := end == len(l) || strings.IndexByte(" \t\"';|&)", l[end]) >= 0
				b.WriteString(l[i:j])
				if before && after {
					b.WriteString(src)
				} else {
					b.WriteString(dst)
				}
				i = end
			}
			lines[k] = b.String()
		}
	}
}

// dockerfileRuns returns a Dockerfile's RUN commands, continuation lines
// joined, RUN's own flags (--mount, --network, --security) left out, and
// the JSON form read as an argv; each RUN after an ADD of a URL has that
// download before it (dockerfileadd.go).
func dockerfileRuns(content string) []string {
	var out, fetched []string
	args := map[string]string{}
	add := func(run string) {
		if len(fetched) > 0 {
			run = strings.Join(fetched, " && ") + " && " + run
		}
		out = append(out, run)
	}
	lines := strings.Split(content, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		for strings.HasSuffix(l, "\\") && i+1 < len(lines) {
			i++
			l = strings.TrimSuffix(l, "\\") + " " + strings.TrimSpace(lines[i])
		}
		f := strings.Fields(l)
		if len(f) > 1 && strings.EqualFold(f[0], "ONBUILD") {
			// ONBUILD RUN …: runs in every build FROM this image
			l = strings.TrimSpace(l[len(f[0]):])
			f = f[1:]
		}
		if len(f) > 1 && strings.EqualFold(f[0], "ARG") {
			if name, v, ok := strings.Cut(f[1], "="); ok {
				args[name] = strings.Trim(v, `"'`) // ARG URL=https://…: what ${URL} is, unless a build says otherwise
			}
			continue
		}
		if fetch := dockerAddFetch(dockerArgs(l, args), strings.Fields(dockerArgs(l, args))); fetch != "" { // dockerfileadd.go
			fetched = append(fetched, fetch)
			continue
		}
		if len(f) < 2 || !strings.EqualFold(f[0], "RUN") && (len(fetched) == 0 || !strings.EqualFold(f[0], "CMD") && !strings.EqualFold(f[0], "ENTRYPOINT")) {
			// (CMD and ENTRYPOINT run what an ADD fetched when the
			// image runs)
			continue
		}
		rest := strings.TrimSpace(l[len(f[0]):])
		for strings.HasPrefix(rest, "--") {
			sp := strings.IndexAny(rest, " \t")
			if sp < 0 {
				rest = ""
				break
			}
			rest = strings.TrimSpace(rest[sp:])
		}
		if m := runHeredoc.Get().FindStringSubmatchIndex(rest); m != nil {
			// RUN <<EOS … EOS runs the document as a script; RUN python3
			// <<EOS feeds it to the command, as the shell would.
			delim := rest[m[2]:m[3]]
			var body []string
			for i+1 < len(lines) {
				i++
				if strings.TrimSpace(lines[i]) == delim {
					break
				}
				body = append(body, lines[i])
			}
			doc := strings.Join(body, "\n")
			if cmd := strings.TrimSpace(rest[:m[0]] + rest[m[1]:]); cmd == "" {
				add(doc)
			} else {
				add(rest + "\n" + doc + "\n" + delim)
			}
			continue
		}
		if strings.HasPrefix(rest, "[") {
			var argv []string
			if json.Unmarshal([]byte(rest), &argv) == nil && len(argv) > 0 {
				add(quoteArgv(argv))
				continue
			}
		}
		if rest != "" {
			add(rest)
		}
	}
	return out
}

// dockerArgs puts a Dockerfile's ARG defaults in for their references
// (${NAME}, $NAME) in an instruction.
func dockerArgs(l string, args map[string]string) string {
	if len(args) == 0 || !strings.Contains(l, "$") {
		return l
	}
	for name, v := range args {
		l = strings.ReplaceAll(l, "${"+name+"}", v)
		l = strings.ReplaceAll(l, "$"+name, v)
	}
	return l
}

// runHeredoc finds a here-document's start in a RUN instruction: <<EOS,
// <<-EOS, <<"EOS"; its first group is the delimiter.
var runHeredoc = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?`)
}}

var tomlKey = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[{,]\s*)"?(run|cmd|cmds|shell|script|runner|enter|leave|preinstall|postinstall|command|commands|commands_pre|commands_post|release_command|buildcommand|installcommand|devcommand|exec)"?\s*=\s*(.*)$`)
}}

// tomlCommandLines returns the values of a TOML or INI file's command keys:
// a quoted string (basic or literal), an array of them, or an INI value
// with its indented continuation lines (tox's commands).
func tomlCommandLines(content string) []string {
	var out []string
	lines := strings.Split(content, "\n")
	tasks := false // in a table whose every key names a command (taskTable)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && !strings.Contains(t, "=") {
			tasks = taskTable(strings.Trim(t, "[] \t"))
			continue
		}
		// an inline table's keys ({ shell = "…" }) start after its brace
		var m []string
		for _, part := range strings.SplitAfter(l, "{") {
			if m = tomlKey.Get().FindStringSubmatch(strings.TrimSpace(part)); m != nil {
				break
			}
		}
		if m == nil && tasks {
			m = tomlAnyKey.Get().FindStringSubmatch(strings.TrimSpace(l))
		}
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[2])
		if open, ok := tomlOpenValue(v); ok {
			// a value that goes on over the next lines: an array
			// ([ "…",↵ "…",↵ ]) or a multi-line string ('''↵…↵''')
			for i+1 < len(lines) {
				i++
				if open == "]" {
					v += " " + lines[i]
				} else if !strings.Contains(lines[i], open) {
					out = append(out, strings.TrimSpace(lines[i]))
				}
				if strings.Contains(lines[i], open) {
					break
				}
			}
			if open != "]" {
				continue
			}
		}
		switch {
		case strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'") || strings.HasPrefix(v, "["):
			out = append(out, tomlStrings(v)...)
		case v == "":
			for i+1 < len(lines) && (strings.HasPrefix(lines[i+1], " ") || strings.HasPrefix(lines[i+1], "\t")) {
				i++
				if t := strings.TrimSpace(lines[i]); t != "" {
					out = append(out, t)
				}
			}
		default:
			out = append(out, v)
		}
	}
	return out
}

// tomlAnyKey is any key and its value, read in a table whose every key
// names a command.
var tomlAnyKey = table.Regexp{Expr: `^"?([A-Za-z0-9_.:-]+)"?\s*=\s*(.*)$`}

// taskTables are the TOML tables whose every key is a task's command:
// poethepoet's, Pipfile's scripts, PDM's, Rye's, taskipy's, mise's tasks.
// (Poetry's and PEP 621's scripts are entry points, not commands.)
var taskTables = table.Map[string, bool]{Words: "tool.poe.tasks scripts tool.pdm.scripts tool.rye.scripts tool.taskipy.tasks tasks"}

// taskTable reports whether a TOML table's header names a table of tasks
// (taskTables, or a Hatch environment's scripts).
func taskTable(header string) bool {
	h := strings.ToLower(strings.TrimSpace(header))
	return taskTables.Get(h) || strings.HasPrefix(h, "tool.hatch.envs.") && strings.HasSuffix(h, ".scripts")
}

// tomlOpenValue reports a value that goes on over the next lines, and the
// text that closes it: an array not closed on its line ("]"), a
// multi-line string whose closing quotes are not on it.
func tomlOpenValue(v string) (string, bool) {
	for _, q := range [...]string{`"""`, "'''"} {
		if strings.HasPrefix(v, q) && !strings.Contains(v[len(q):], q) {
			return q, true
		}
	}
	if strings.HasPrefix(v, "[") && !strings.Contains(v, "]") {
		return "]", true
	}
	return "", false
}

// tomlStrings returns the quoted strings of a TOML value, unescaped as
// its basic strings are (\" and \\).
func tomlStrings(v string) []string {
	var out []string
	for i := 0; i < len(v); i++ {
		q := v[i]
		if q != '"' && q != '\'' {
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(v) && v[j] != q; j++ {
			if q == '"' && v[j] == '\\' && j+1 < len(v) {
				j++
			}
			b.WriteByte(v[j])
		}
		out = append(out, b.String())
		i = j
	}
	return out
}

// jsonScriptLines returns a JSON file's scripts and tasks (strings or
// lists of them) and its build, install and dev commands.
func jsonScriptLines(content string) []string {
	var m map[string]any
	if json.Unmarshal(jsonc(content), &m) != nil {
		return nil
	}
	var out []string
	if c, ok := m["exec"].(string); ok {
		out = append(out, c) // nodemon.json: the command it runs in place of node
	}
	for _, k := range []string{"scripts", "tasks", "events"} { // (nodemon's events: start, restart, crash, exit)
		if s, ok := m[k].(map[string]any); ok {
			for _, name := range sortedKeys(s) {
				switch c := s[name].(type) {
				case string:
					out = append(out, c)
				case []any: // composer: a list of commands, each run in turn
					for _, e := range c {
						if l, ok := e.(string); ok {
							out = append(out, l)
						}
					}
				}
			}
		}
	}
	for _, k := range sortedKeys(m) {
		if s, ok := m[k].(string); ok && strings.HasSuffix(strings.ToLower(k), "command") {
			out = append(out, s)
		}
	}
	return out
}

// laterInterpreter returns the command line prefix that runs a code
// file's language, for files a build, a test runner or the interpreter
// itself runs: "" for others.
func laterInterpreter(lower string) (interp string, own bool) {
	switch {
	case lower == "sitecustomize.py" || lower == "usercustomize.py" || strings.HasSuffix(lower, ".pth"):
		return "python3 -c", true // site loads them into every interpreter
	case lower == "sconstruct" || lower == "sconscript" || lower == "wscript" || lower == "conanfile.py":
		return "python3 -c", false // scons, waf and conan run them as Python on every build
	case lower == "makefile.pl" || lower == "build.pl":
		return "perl -e", false // the first step of every CPAN module's build
	case lower == "xmake.lua" || lower == "premake5.lua" || lower == "premake4.lua":
		return "lua -e", false // xmake and premake run it as Lua
	case lower == "noxfile.py" || lower == "fabfile.py" || lower == "dodo.py" || lower == "tasks.py" || lower == "conf.py":
		return "python3 -c", false // nox, fabric, doit and invoke run them; sphinx's conf.py on every docs build
	case lower == "hatch_build.py" || lower == "pdm_build.py":
		return "python3 -c", true // a build backend's hook, loaded on every build and install
	case strings.HasSuffix(lower, ".gemspec"):
		return "ruby -e", true // bundler evaluates the gemspec a Gemfile names on every run
	case lower == ".php-cs-fixer.php" || lower == ".php-cs-fixer.dist.php" || lower == ".php_cs" || lower == ".php_cs.dist" || lower == "rector.php" || lower == "ecs.php":
		return "php -r", true // PHP's fixers load their config as code
	case lower == "gemfile" || lower == "vagrantfile":
		return "ruby -e", true // bundler and vagrant evaluate them on every run
	case lower == "rakefile" || strings.HasSuffix(lower, ".rake") || lower == "fastfile" || lower == "dangerfile":
		return "ruby -e", false
	case strings.HasPrefix(lower, "gulpfile.") || strings.HasPrefix(lower, "gruntfile.") || strings.HasPrefix(lower, "jakefile"):
		return "node -e", false
	case lower == ".rprofile":
		return "Rscript -e", true // R sources a project's .Rprofile on every start
	case lower == "podfile" || lower == "brewfile" || lower == "guardfile" || lower == "berksfile" || lower == "capfile" || lower == "appfile":
		return "ruby -e", false // pod install, brew bundle, guard, cap: Ruby they evaluate
	}
	for _, ext := range []string{".js", ".cjs", ".mjs", ".ts", ".mts", ".cts"} {
		name, ok := strings.CutSuffix(lower, ext)
		if !ok {
			continue
		}
		if strings.HasSuffix(name, ".config") || strings.Contains(name, ".config.") || strings.HasSuffix(name, ".conf") ||
			strings.HasSuffix(name, ".workspace") || strings.HasPrefix(name, ".") && strings.HasSuffix(name, "rc") {
			// vite.config.ts, webpack.config.babel.js, karma.conf.js,
			// vitest.workspace.ts, .eslintrc.js: loaded by the tool
			return "node -e", true
		}
		switch name {
		case ".pnpmfile", ".eleventy", "gatsby-node", "gatsby-config", "gatsby-browser", "gatsby-ssr":
			return "node -e", true // pnpm on every install, eleventy and gatsby on every build
		}
	}
	return "", false
}

// toolDirCode reports a JavaScript or TypeScript file in a tool's own
// dot-directory, which the tool loads as it runs: its config and theme
// (.vitepress/config.mts, .vitepress/theme/index.ts, .vuepress/config.js),
// storybook's main, preview and manager, yarn's plugins and releases.
func toolDirCode(p, lower string) bool {
	if !isNodeCodeExt(lower) {
		return false
	}
	for seg := range strings.SplitSeq(path.Dir(p), "/") {
		if len(seg) > 1 && seg[0] == '.' && seg != ".." {
			return true
		}
	}
	return false
}

// isNodeCodeExt reports a file name with a JavaScript or TypeScript
// extension.
func isNodeCodeExt(lower string) bool {
	for _, ext := range []string{".js", ".cjs", ".mjs", ".ts", ".mts", ".cts"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// quotedStringFile reports a build file in a language no program here
// reads (Groovy, Starlark, Rust, Gradle's Kotlin, CMake): its quoted
// strings are taken as the command lines they may be.
func quotedStringFile(lower string) bool {
	switch lower {
	case "jenkinsfile", "tiltfile", "build.rs", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "cmakelists.txt", "meson.build", "build.sbt", "earthfile",
		"init.gradle", "init.gradle.kts", ".dir-locals.el", ".dir-locals-2.el",
		"build.zig", "config.nims", "package.swift", "mix.exs", "rebar.config", "project.clj", "build.sc", "build.bazel",
		"workspace", "workspace.bazel", "module.bazel", "buck", "targets", ".bazelrc", "opam", "dub.json", "dub.sdl", "setup.hs",
		"binding.gyp", "dune", "premake5.lua", "premake4.lua":
		// (gradle runs an init script on every build; emacs evaluates a
		// directory's locals when a file there is opened; zig build,
		// nimble and nim, swift build, mix, rebar3, lein, mill, bazel,
		// buck, opam, dub and cabal's custom setup evaluate their build
		// files, whose quoted commands run on every build: a bazelrc's
		// workspace_status_command, a BUILD file's genrule, a build.zig's
		// addSystemCommand; node-gyp runs a binding.gyp's actions, dune a
		// rule's run and premake a project's pre- and postbuildcommands)
		return true
	}
	for _, ext := range []string{".gradle", ".gradle.kts", ".nims", ".nimble", ".bzl", ".opam", ".gyp", ".gypi"} {
		if strings.HasSuffix(lower, ext) {
			return true // init.d's scripts, applied script plugins, nimble files, starlark macros, opam files
		}
	}
	return strings.HasSuffix(lower, ".jenkinsfile") || strings.HasSuffix(lower, ".groovy") && strings.Contains(lower, "jenkins")
}

// buildFileLines returns the command lines a build file in a language no
// program here reads quotes (quotedLines), as the build tool runs them:
// gyp's command expansions (<!(CMD), <!@(CMD)) are CMD, dune's
// %{env:NAME=DEFAULT} is the variable, and mix's cmd steps are theirs.
func buildFileLines(lower, content string) []string {
	if lower == "dune" || strings.HasSuffix(lower, ".opam") || lower == "opam" {
		content = duneEnv(content)
	}
	var deletes []string
	if gradleFile(lower) {
		// the home and the project in Gradle's words, and its deletes
		// (gradlepaths.go)
		content = gradleText(content)
		deletes = gradleDeletes(content)
	}
	lines := append(quotedLines(content), deletes...)
	for i, l := range lines {
		for _, open := range []string{"<!@(", "<!(", ">!@(", ">!("} {
			// '<!(cmd)', and one inside a longer value: '-I<!(cmd)'
			if at := strings.Index(l, open); at >= 0 {
				inner := l[at+len(open):]
				if end := strings.LastIndexByte(inner, ')'); end >= 0 {
					lines[i] = inner[:end]
				}
				break
			}
		}
	}
	if lower == "mix.exs" {
		lines = append(lines, mixCmdLines(content)...)
	}
	if lower == "jenkinsfile" {
		lines = jenkinsCredentialLines(content, lines) // jenkinscreds.go
	}
	return lines
}

// duneEnv writes dune's and opam's environment forms as the shell's:
// %{env:NAME=DEFAULT} as ${NAME:-DEFAULT}, %{env:NAME} as $NAME.
func duneEnv(content string) string {
	const open = "%{env:"
	var b strings.Builder
	for {
		i := strings.Index(content, open)
		if i < 0 {
			break
		}
		end := strings.IndexByte(content[i:], '}')
		if end < 0 {
			break
		}
		b.WriteString(content[:i])
		name, def, hasDef := strings.Cut(content[i+len(open):i+end], "=")
		if hasDef {
			b.WriteString("${" + name + ":-" + def + "}")
		} else {
			b.WriteString("${" + name + "}")
		}
		content = content[i+end+1:]
	}
	b.WriteString(content)
	return b.String()
}

// toxVars are tox's substitutions in a command, as the paths they name.
var toxVars = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("{homedir}", "$HOME", "{toxinidir}", ".", "{tox_root}", ".", "{toxworkdir}", ".tox", "{work_dir}", ".tox",
		"{envdir}", ".tox/env", "{env_dir}", ".tox/env", "{envtmpdir}", ".tox/env/tmp", "{env_tmp_dir}", ".tox/env/tmp", "{envsitepackagesdir}", ".tox/env/lib",
		"{temp_dir}", "/tmp", "{posargs}", "", "{envpython}", "python3", "{envbindir}", ".tox/env/bin", "{env_bin_dir}", ".tox/env/bin")
}}

// mixCmdLines returns the commands of a mix file's "cmd X" steps: an
// alias's list runs each step in turn, and mix's cmd task runs X in a
// shell.
func mixCmdLines(content string) []string {
	var out []string
	for i := 0; i < len(content) && len(out) < maxAutoRunLines; i++ {
		if content[i] != '"' {
			continue
		}
		var b strings.Builder
		j, ok := quotedString(content, i, &b)
		if ok {
			if c, found := strings.CutPrefix(b.String(), "cmd "); found {
				out = append(out, c)
			}
		}
		i = j
	}
	return out
}
