package engine

import (
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// Formats of files a tool reads and acts on later, by what in each one
// runs code. autorun.go and autorunlater.go read the command lines of
// scripts, CI files, task runners and build files; this table covers the
// rest by format, each entry saying which files it is (by name, directory
// or extension) and what in its content runs:
//
//   - lines: text that a tool runs as command lines (//go:generate in Go
//     source, run by go generate);
//   - code: text an interpreter runs as code (.pdbrc: pdb runs its lines
//     as Python when pdb starts);
//   - opaque: values that name a program or a source of code the file
//     makes a tool run or fetch from, which nobody here can read: a
//     registry (bunfig.toml's and .npmrc's registry), a file run in a
//     tool's place (.yarnrc.yml's yarnPath), a module preloaded (bunfig's
//     preload, .npmrc's node-options), a hook repository (pre-commit's
//     repo);
//   - settings: files whose content is settings, of which only some keys
//     run code (an editor's program paths, tmux's run-shell). Their
//     content read whole and found to name nothing that runs is what
//     "write:content-judged" says, and the profile lets such a write of
//     an editor's or a tool's settings through.
//
// Commands the file runs are judged as the command lines they are; a
// source of code nobody can read is unknown code (standard asks).

// laterFormat is one format.
type laterFormat struct {
	name  string
	files func(p, base, dir string) bool
	// lines returns command lines the content runs; code returns code and
	// the program line prefix that runs it; opaque returns what the
	// content makes a tool run or fetch that nobody can read here.
	lines  func(content string) []string
	code   func(content string) (prefix, code string)
	opaque func(content string) []string
	// settings reports content that names nothing that runs (a settings
	// file read whole).
	settings func(content string) bool
	// onRequest: the lines run when someone asks for them (terraform
	// apply, kubectl apply, an agent told to): judged keeping what
	// keepRequested keeps (requestedkeep.go), not as if typed.
	onRequest bool
}

// laterFormats are the formats, made on first use (a process that judges
// no written file never makes them: the closures and lazy regexps of the
// list were some 18K instructions of every process's start-up).
var laterFormats = table.Once[[]laterFormat]{Build: func() []laterFormat {
	return []laterFormat{
		{name: "a CI job's files for its later steps", files: ciStepFileAny, settings: func(string) bool { return true }}, // cisteps.go
		{name: "Go source (go generate)", files: ext(".go"), lines: goGenerateLines},
		{name: "a file of SQL (.sql)", files: ext(".sql"), lines: sqlFileLines, onRequest: true},                                             // sqlshell.go
		{name: "a desktop entry (.desktop)", files: ext(".desktop"), lines: desktopExecLines},                                                // desktopentry.go
		{name: "readline's key bindings (.inputrc)", files: named(".inputrc", "inputrc"), lines: inputrcMacroLines, opaque: inputrcIncludes}, // inputrc.go
		{name: "a compose file's services", files: composeFile, lines: composeRuns},
		{name: "pdb start-up (.pdbrc)", files: named(".pdbrc"), code: func(c string) (string, string) { return "python3 -c", pdbCode(c) }},
		{name: "Bun's settings (bunfig.toml)", files: named("bunfig.toml", ".bunfig.toml"), opaque: keysNaming(`(?m)^\s*(registry|preload|url|scope)\s*=\s*(.+)$`)},
		{name: "npm's and pnpm's settings (.npmrc)", files: named(".npmrc"), opaque: keysNamingIf(`(?m)^\s*(registry|@[^=\s]+:registry|script-shell|node-options|onload-script|globalconfig|userconfig|prefix|git|shell)\s*=\s*(.+)$`, nodeOptionsOnly)},
		{name: "Yarn's settings (.yarnrc.yml, .yarnrc)", files: named(".yarnrc.yml", ".yarnrc.yaml", ".yarnrc"), opaque: keysNamingIf(`(?m)^\s*(yarnPath|yarn-path|npmRegistryServer|registry|plugins|injectEnvironmentFiles)\s*[:=\s]\s*(.+)$`, yarnRelease)},
		{name: "pip's settings (pip.conf, pip.ini)", files: named("pip.conf", "pip.ini"), opaque: keysNaming(`(?m)^\s*(index-url|extra-index-url|find-links|index_url|extra_index_url)\s*=\s*(.+)$`)},
		{name: "pre-commit's hooks (.pre-commit-config.yaml)", files: named(".pre-commit-config.yaml", ".pre-commit-config.yml"), opaque: preCommitRepos},
		{name: "VS Code's settings", files: under(".vscode", "settings.json"), settings: editorSettingsInert},
		{name: "VS Code's tasks", files: under(".vscode", "tasks.json"), settings: func(c string) bool { return jsonParses(c) && !strings.Contains(c, "folderOpen") }},
		{name: "husky's hooks", files: inDir(".husky"), settings: func(string) bool { return true }},
		{name: "a dev container's settings", files: named("devcontainer.json", ".devcontainer.json"), settings: devcontainerInert}, // devcontainerformat.go
		{name: "tmux's settings", files: anyOf(named(".tmux.conf", "tmux.conf")), settings: tmuxInert},
		{name: "starship's prompt", files: named("starship.toml"), settings: func(c string) bool { return !starshipRuns.Get().MatchString(c) }},
		{name: "Jupyter's settings", files: anyOf(inDir(".jupyter")), settings: jupyterLiteralsOnly, lines: jupyterConfigLines},
		{name: "conda's settings (.condarc)", files: named(".condarc", "condarc"), opaque: condaChannels, settings: func(c string) bool {
			return len(condaChannels(c)) == 0 && !strings.Contains(c, "channel_alias") && !strings.Contains(c, "custom_channels")
		}},
		{name: "a conda environment file's channels", files: named("environment.yml", "environment.yaml"), opaque: condaChannels}, // before the YAML formats below
		{name: "an editor's start-up (vim, neovim)", files: anyOf(named(".vimrc", "init.vim", "init.lua"), inTree(".config/nvim")), settings: editorDataOnly},
		{name: "a shell's start-up file", files: startupFile, lines: rcDeclarationLines, settings: rcDeclarationsOnly}, // startupfiles.go
		{name: "ssh's client settings", files: sshClientConfig, settings: sshConfigInert},
		// provisioners.go: commands handed to a VM, a new instance or a tmux session
		{name: "a Vagrantfile's shell provisioners", files: named("Vagrantfile"), lines: vagrantInlineLines, onRequest: true},
		{name: "cloud-init's runcmd and bootcmd", files: cloudInitFile, lines: cloudInitLines, onRequest: true},
		{name: "a tmuxinator or tmuxp project", files: tmuxProjectFile, lines: tmuxProjectLines, onRequest: true},
		// requestedformats.go: files whose commands run on request
		{name: "Terraform's provisioners and external data", files: anyOf(ext(".tf"), ext(".tofu"), ext(".hcl")), lines: hclCommandLines, onRequest: true},
		{name: "Terraform's provisioners in JSON", files: anyOf(ext(".tf.json"), ext(".tofu.json")), lines: hclJSONCommandLines, onRequest: true},
		{name: "Kubernetes objects and Ansible tasks", files: requestedYAML, lines: manifestCommandLines, onRequest: true},
		{name: "a Nix dev shell's hook", files: ext(".nix"), lines: nixShellHooks, onRequest: true},
		// cfgmgmtformats.go: configuration management applied to machines
		{name: "a Salt state file (.sls)", files: ext(".sls"), lines: saltStateLines, onRequest: true},
		{name: "a Puppet manifest's exec resources (.pp)", files: ext(".pp"), lines: puppetExecLines, onRequest: true},
		{name: "devbox's shell hooks and scripts (devbox.json)", files: named("devbox.json"), lines: devboxLines, onRequest: true}, // devtoolformats.go
		{name: "distrobox's manifest (distrobox.ini)", files: named("distrobox.ini"), lines: distroboxHookLines, onRequest: true},  // devtoolformats.go
		{name: "an agent's instructions", files: agentInstructions, lines: markdownCommands, onRequest: true},
		{name: "run configurations and build files in XML", files: xmlRunConfigs, lines: xmlCommandLines, onRequest: true},
	}
}}

// nodeOptionsOnly: node-options that load no module (--max-old-space-size).
func nodeOptionsOnly(key, v string) bool {
	return key == "node-options" && !strings.Contains(v, "--require") && !strings.Contains(v, "-r ") && !strings.Contains(v, "--import") && !strings.Contains(v, "loader")
}

// yarnRelease: yarnPath naming yarn's own release as yarn set version
// writes it (.yarn/releases/yarn-4.1.0.cjs).
func yarnRelease(key, v string) bool {
	return (key == "yarnPath" || key == "yarn-path") && yarnReleaseName.Get().MatchString(v)
}

var yarnReleaseName = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^\.yarn/releases/yarn-(berry|[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9]+(\.[0-9]+)?)?)\.cjs$`)
}}

// formatOf returns the format of the file at p, or nil.
func formatOf(p string) *laterFormat {
	base, dir := path.Base(p), path.Base(path.Dir(p))
	formats := laterFormats.Get()
	for i := range formats {
		if formats[i].files(p, base, dir) {
			return &formats[i]
		}
	}
	for i := range manifestFormats {
		if manifestFormats[i].files(p, base, dir) {
			return &manifestFormats[i] // manifestdeps.go
		}
	}
	return nil
}

// writtenFormatEffect is the write subject's effect for content written to
// p: "write:content-judged" when p is a settings format whose content names
// nothing that runs.
func writtenFormatEffect(p, content string) string {
	if strings.TrimSpace(content) == "" {
		return "" // a write whose content the call does not show
	}
	if f := formatOf(p); f != nil && f.settings != nil && len(content) <= maxScannedContent && f.settings(content) {
		if dir := path.Dir(p); sshClientConfig(p, path.Base(p), path.Base(dir)) && sshOwnHosts(content, path.Base(path.Dir(dir))) {
			return effectSSHOwnHosts // sshhosts.go: Host entries for one's own machines
		}
		return "write:content-judged"
	}
	return ""
}

// judgeLaterFormat judges what content written to p runs, by its format.
func (ev *evaluation) judgeLaterFormat(p, content string) {
	ev.judgeAgentSettings(p, content) // agentsettings.go
	if !ev.denied() {
		ev.judgeFormatLines(p, content)
	}
}

// judgeFormatLines is judgeLaterFormat for text that may be only part of
// what p holds (Result.Shown): what the text's own lines run, not what
// its absence removes (an agent's settings without their hooks).
func (ev *evaluation) judgeFormatLines(p, content string) {
	ev.judgeCIStepFile(p, content) // cisteps.go: $GITHUB_ENV, $GITHUB_PATH, BASH_ENV
	f := formatOf(p)
	if f == nil || ev.denied() {
		return
	}
	if len(content) > maxScannedContent {
		content = content[:maxScannedContent]
	}
	if f.lines != nil {
		for _, l := range limitLines(f.lines(content)) {
			if ev.denied() {
				return
			}
			if f.onRequest {
				ev.judgeLater(l, keepRequested(l)) // autorun.go, requestedkeep.go
				continue
			}
			ev.exec(l, false, call.ToolExec)
		}
	}
	if f.code != nil {
		if prefix, code := f.code(content); strings.TrimSpace(code) != "" && !ev.denied() {
			ev.exec(prefix+" "+shellQuote(code), false, call.ToolExec)
		}
	}
	if f.opaque != nil {
		for _, o := range f.opaque(content) {
			if ev.denied() {
				return
			}
			ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "code", Word: f.name + " at " + p + " points a tool at what nobody here can read: " + o}, call.ToolWrite)
		}
	}
}

func ext(e string) func(p, base, dir string) bool {
	return func(_, base, _ string) bool { return strings.HasSuffix(base, e) }
}

func named(names ...string) func(p, base, dir string) bool {
	return func(_, base, _ string) bool {
		for _, n := range names {
			if strings.EqualFold(base, n) { // .PDBRC on a case-insensitive disk
				return true
			}
		}
		return false
	}
}

func under(d, name string) func(p, base, dir string) bool {
	return func(_, base, dir string) bool { return base == name && dir == d }
}

func inDir(d string) func(p, base, dir string) bool {
	return func(_, _, dir string) bool { return dir == d }
}

func inTree(d string) func(p, base, dir string) bool {
	needle := "/" + d + "/" // built once, not for every path asked about
	return func(p, _, _ string) bool { return strings.Contains(p, needle) }
}

func anyOf(fs ...func(p, base, dir string) bool) func(p, base, dir string) bool {
	return func(p, base, dir string) bool {
		for _, f := range fs {
			if f(p, base, dir) {
				return true
			}
		}
		return false
	}
}

// goGenerateLines returns the commands of a Go file's //go:generate lines.
func goGenerateLines(content string) []string {
	var out []string
	for l := range strings.SplitSeq(content, "\n") {
		if cmd, ok := strings.CutPrefix(strings.TrimSpace(l), "//go:generate"); ok && (cmd == "" || cmd[0] == ' ' || cmd[0] == '\t') {
			out = append(out, strings.TrimSpace(cmd))
		}
	}
	return out
}

// pdbCommands are pdb's own commands; any other line of a .pdbrc is run
// as a Python statement (and "!" forces it).
var pdbCommands = table.Map[string, bool]{Words: `alias unalias b break tbreak c cont continue
	n next s step l list ll w where bt u up
	d down pp p display undisplay condition ignore commands
	disable enable clear r return j jump a args whatis end`}

// pdbCode returns the Python a .pdbrc runs: its lines that are not pdb
// commands, and what follows "!" or an alias's body.
func pdbCode(content string) string {
	var b strings.Builder
	for l := range strings.SplitSeq(content, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if code, ok := strings.CutPrefix(t, "!"); ok {
			b.WriteString(code + "\n")
			continue
		}
		f := strings.Fields(t)
		if f[0] == "alias" && len(f) > 2 {
			b.WriteString(strings.Join(f[2:], " ") + "\n") // the alias's body runs when used
			continue
		}
		if !pdbCommands.Get(strings.TrimRight(f[0], ";")) {
			b.WriteString(t + "\n")
		}
	}
	return b.String()
}

// keysNaming returns a reader of the values of the keys re finds (its
// second group): sources of code the file points a tool at. A value that
// is the public registry, or a project path, is not one.
func keysNaming(re string) func(string) []string {
	return keysNamingIf(re, nil)
}

// keysNamingIf is keysNaming with values that point nowhere unreadable
// left out: ordinary(key, value) reports one (node-options that only size
// the heap, yarn's own release as yarn set version writes it).
func keysNamingIf(re string, ordinary func(key, value string) bool) func(string) []string {
	rx := &table.Regexp{Expr: re}
	return func(content string) []string {
		var out []string
		for _, m := range rx.Get().FindAllStringSubmatch(content, 16) {
			v := strings.Trim(strings.TrimSpace(m[2]), `"'[],`)
			if v == "" || publicRegistry(v) || registryKey(m[1]) && effect.LocalRegistry(v) || ordinary != nil && ordinary(m[1], v) {
				continue
			}
			out = append(out, m[1]+" = "+v)
		}
		return out
	}
}

// registryKey reports a settings key that names a package registry
// (registry, @scope:registry, npmRegistryServer), whose value is where
// packages come from, not code that runs.
func registryKey(k string) bool {
	return strings.HasSuffix(strings.ToLower(k), "registry") || strings.EqualFold(k, "npmRegistryServer")
}

// publicRegistry reports a registry URL that is the default one anyway.
func publicRegistry(v string) bool {
	v = strings.TrimSuffix(strings.ToLower(v), "/")
	switch v {
	case "https://registry.npmjs.org", "https://registry.yarnpkg.com", "https://pypi.org/simple", "https://registry.npmmirror.com", "true", "false":
		return true
	}
	return false
}

// preCommitRepos returns the hook repositories of a pre-commit config
// whose hooks nobody here has read (local and meta hooks are the
// project's; well-known hook repositories are listed as data).
func preCommitRepos(content string) []string {
	var out []string
	for _, m := range preCommitRepo.Get().FindAllStringSubmatch(content, 32) {
		v := m[1]
		if v == "local" || v == "meta" || effect.KnownPackage("precommit", strings.TrimPrefix(strings.TrimPrefix(v, "https://"), "http://")) {
			continue
		}
		out = append(out, "repo "+v)
	}
	return out
}

var preCommitRepo = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[\s{,-])["']?repo["']?\s*:\s*["']?([^"'\s,}]+)`)
}}

// editorSettingsKeys are VS Code settings that name a program, a shell or
// its arguments, or environment for one: what the editor runs.
var editorSettingsKeys = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)"[^"]*(path|executable|command|commands|shell|shellargs|args|interpreter|runtime|binary|alternatetools|env|envfile|goroot|gopath|toolsgopath|server|automationprofile|profiles|tasks|launch|hooks|script|scripts|cmd|trust|automatictasks)[^"]*"\s*:`)
}}

// settingsPathValue finds a value that is a path to a file (a program the
// setting may name, whatever its key).
var settingsPathValue = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`:\s*\[?\s*"(/|~|\.{1,2}/|[A-Za-z]:\\\\|\$\{)`)
}}

// editorSettingsInert reports VS Code settings that name no program.
func editorSettingsInert(content string) bool {
	return jsonParses(content) && !editorSettingsKeys.Get().MatchString(content) && !settingsPathValue.Get().MatchString(content)
}

func jsonParses(content string) bool {
	var v any
	return json.Unmarshal(jsonc(content), &v) == nil
}

// tmuxRuns are tmux commands and formats that run a shell command, type
// one into a pane (send-keys), or give the shells of later panes an
// environment (setenv LD_PRELOAD …), and plugin hooks' options.
var tmuxRuns = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(^|[\s;'"])(run-shell|run|if-shell|if|pipe-pane|pipep|set-hook|source-file|source|respawn-pane|respawn-window|new-window|neww|split-window|splitw|new-session|new|display-popup|popup|command-prompt|default-command|default-shell|set-environment|setenv|update-environment|lock-command|send-keys|send|@[\w-]*hook[\w-]*)(\s|$)|#\(`)
}}

// tmuxInert reports a tmux configuration that runs no command.
func tmuxInert(content string) bool { return !tmuxRuns.Get().MatchString(content) }

// editorRuns are what in vim script or neovim's Lua runs a program or
// loads code from elsewhere.
var editorRuns = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(vim\.(fn|cmd|api|system|loop|uv)|require|nvim_(command|exec)|os\.execute|io\.popen|vim\.fn\.system|vim\.system|systemlist|jobstart|termopen|vim\.loop\.spawn|uv\.spawn|\bloadstring|\bdofile|\bloadfile|\bload\s*\(|\bsystem\s*\(|:!|\bsilent!?\s*!|\bexe(cute)?\b|\bsource\b|luafile|\bbuild\s*=|\brun\s*=|curl|wget|https?://|autocmd|\bcall\b|ffi)`)
}}

// editorCommandBuild matches a plugin spec's build step that is one of
// the editor's own commands, a bare name after ":" (build = ':TSUpdate',
// build = ":MasonUpdate"): no "!", no call, no argument.
var editorCommandBuild = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\bbuild\s*=\s*(':[A-Za-z][A-Za-z0-9]*'|":[A-Za-z][A-Za-z0-9]*")`)
}}

// editorOption matches a line that gives an editor's option a literal
// (neovim's vim.opt.number = true, vim.g.mapleader = " ", vimscript's
// let g:netrw_banner = 0): no call, no expression.
var editorOption = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^(vim\.(opt|o|g|wo|bo|go)\.[A-Za-z_][A-Za-z0-9_]*|let [gbwt]:[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(true|false|nil|v:true|v:false|-?[0-9]+(\.[0-9]+)?|"[^"()\\]*"|'[^'()\\]*'|\{[^(){}]*\})\s*$`)
}}

// editorDataOnly reports editor start-up that is data, not code: a Lua
// module that only returns a table of literals (a plugin manager's spec),
// or lines of nothing but options given literals (set lines, vim.opt.x =
// true) and comments.
func editorDataOnly(content string) bool {
	// A plugin spec's build step that is one of the editor's own commands
	// (build = ':TSUpdate') runs no program: it is data like the rest.
	content = editorCommandBuild.Get().ReplaceAllString(content, "")
	if editorRuns.Get().MatchString(content) {
		return false
	}
	t := strings.TrimSpace(content)
	if rest, ok := strings.CutPrefix(t, "return"); ok {
		return !strings.ContainsAny(rest, "()") // no call: a table of literals
	}
	for l := range strings.SplitSeq(t, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || strings.HasPrefix(l, "\"") || strings.HasPrefix(l, "--"):
		case strings.HasPrefix(l, "set "):
			if !editorSetInert(l) {
				return false
			}
		case editorOption.Get().MatchString(l):
			if m := editorOptionName.Get().FindStringSubmatch(l); m == nil || editorCodeOption(m[1]) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// editorOptionName is the option a line of editorOption gives a value.
var editorOptionName = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:vim\.(?:opt|o|g|wo|bo|go)\.|let [gbwt]:)([A-Za-z_][A-Za-z0-9_]*)`)
}}

// editorCodeOptions are the editor's options whose value is a program, a
// command, an expression, a library or a directory code is loaded from
// (runtimepath, shell, makeprg, foldexpr, pythonthreedll), or that let
// files run code (exrc, modelineexpr): a line giving one of them a value
// is not data, whatever the value.
var editorCodeOptions = table.Map[string, bool]{Words: `runtimepath rtp packpath pp exrc ex secure modelineexpr mle shell sh shellcmdflag shcf shellpipe sp shellredir srr
		shellxquote sxq shellquote shq shelltemp stmp keywordprg kp makeprg mp grepprg gp equalprg ep formatprg fp cscopeprg csprg
		formatexpr fex diffexpr dex patchexpr pex printexpr pexpr includeexpr inex foldexpr fde indentexpr inde charconvert ccv
		balloonexpr bexpr tagfunc tfu completefunc cfu omnifunc ofu operatorfunc opfunc thesaurusfunc tsrfu quickfixtextfunc qftf
		findfunc pythonthreedll pythondll pythonthreehome pythonhome luadll rubydll perldll tcldll mzschemedll mzschemegcdll`}

// editorCodeOption reports an option of editorCodeOptions, or a program
// neovim's providers run (python3_host_prog, node_host_prog).
func editorCodeOption(name string) bool {
	l := strings.ToLower(name)
	return editorCodeOptions.Get(l) || strings.HasSuffix(l, "_host_prog")
}

// editorSetInert reports a vim set line that only gives options literal
// values: no bar (which ends the set command and starts another one: set
// nu | !sh) and no option of editorCodeOptions (set rtp+=/tmp/x, set exrc).
func editorSetInert(l string) bool {
	for i := 0; i < len(l); i++ {
		if l[i] == '\\' {
			i++ // an escaped character is the value's
			continue
		}
		if l[i] == '|' {
			return false
		}
	}
	if strings.Contains(l, "%{") || strings.Contains(l, "%!") {
		return false // a status line's expression, evaluated as it is drawn
	}
	for _, a := range strings.Fields(strings.TrimPrefix(l, "set ")) {
		n := strings.TrimLeft(a, "!&")
		if k := strings.IndexAny(n, "=:+-^!&?<"); k >= 0 {
			n = n[:k]
		}
		n = strings.ToLower(n)
		if editorCodeOptions.Get(n) || editorCodeOptions.Get(strings.TrimPrefix(n, "no")) || editorCodeOptions.Get(strings.TrimPrefix(n, "inv")) {
			return false
		}
	}
	return true
}

// composeFile reports a compose file (docker-compose.yml, compose.yaml,
// docker-compose.override.yml).
func composeFile(_, base, _ string) bool {
	l := strings.ToLower(base)
	return (strings.HasPrefix(l, "docker-compose") || strings.HasPrefix(l, "compose")) && (strings.HasSuffix(l, ".yml") || strings.HasSuffix(l, ".yaml"))
}

// composeRuns returns each service of a compose file as the docker run
// line that starts the same container: its image and the settings that
// give it the host (privileged, volumes, host namespaces, capabilities,
// devices, ports), so that a service is judged as that container is.
// Its command is a command line autorunlater.go reads already.
func composeRuns(content string) []string {
	var doc struct {
		Services map[string]map[string]any `yaml:"services"`
	}
	if yaml.Unmarshal([]byte(content), &doc) != nil {
		return nil
	}
	var out []string
	names := make([]string, 0, len(doc.Services))
	for name := range doc.Services {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		svc := doc.Services[name]
		image, _ := svc["image"].(string)
		if image == "" {
			continue // built here: its Dockerfile is judged as written
		}
		argv := []string{"docker", "run", "-d"}
		if b, _ := svc["privileged"].(bool); b {
			argv = append(argv, "--privileged")
		}
		for _, ko := range [][2]string{{"network_mode", "--network"}, {"pid", "--pid"}, {"ipc", "--ipc"}, {"userns_mode", "--userns"}, {"user", "--user"}} {
			key, opt := ko[0], ko[1]
			if v, ok := svc[key].(string); ok && v != "" {
				argv = append(argv, opt, v)
			}
		}
		for _, ko := range [][2]string{{"volumes", "-v"}, {"cap_add", "--cap-add"}, {"devices", "--device"}, {"ports", "-p"}, {"security_opt", "--security-opt"}} {
			key, opt := ko[0], ko[1]
			list, _ := svc[key].([]any)
			for _, v := range list {
				switch x := v.(type) {
				case string:
					argv = append(argv, opt, x)
				case int:
					argv = append(argv, opt, strconv.Itoa(x))
				case map[string]any: // the long form: {type: bind, source: /, target: /host}
					if src, ok := x["source"].(string); ok {
						if dst, ok := x["target"].(string); ok {
							argv = append(argv, opt, src+":"+dst)
						}
					}
				}
			}
		}
		out = append(out, quoteArgv(append(argv, image)))
	}
	return out
}

// starshipRuns finds what in a starship prompt runs a command: a custom
// module's command, when and shell keys.
var starshipRuns = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*(command|when|shell)\s*=|\[custom`)
}}

// jupyterLiteral is one line of a Jupyter config that sets a trait to a
// literal: c.ServerApp.port = 8888.
var jupyterLiteral = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`^c\.[A-Za-z_][A-Za-z0-9_.]*\s*=\s*('[^'\\]*'|"[^"\\]*"|-?[0-9.]+|True|False|None)\s*(#.*)?$`)
}}

// jupyterLiteralsOnly reports a Jupyter config (Python) that only sets
// traits to literals, none of them opening the server to others.
func jupyterLiteralsOnly(content string) bool {
	for l := range strings.SplitSeq(content, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if !jupyterLiteral.Get().MatchString(t) {
			return false
		}
		lower := strings.ToLower(t)
		for _, w := range []string{"0.0.0.0", "'*'", "\"*\"", "token", "password", "allow_origin", "allow_remote", "xsrf", "root", "cmd", "command", "exec", "shell"} {
			if strings.Contains(lower, w) {
				return false
			}
		}
	}
	return true
}

// jupyterConfigLines returns the server's command line a Jupyter config
// makes: each trait it sets to a literal (c.ServerApp.ip = '0.0.0.0' in
// the Python one, {"ServerApp": {"token": ""}} in the JSON one) given as
// the option that sets it, so that a config that opens the server to
// every address without a token is judged as the jupyter server line
// that does. Nil when it sets none.
func jupyterConfigLines(content string) []string {
	var args []string
	var doc map[string]any
	if json.Unmarshal([]byte(content), &doc) == nil {
		for _, section := range sortedKeys(doc) {
			traits, _ := doc[section].(map[string]any)
			for _, k := range sortedKeys(traits) {
				switch v := traits[k].(type) {
				case string:
					args = append(args, "--"+section+"."+k+"="+v)
				case bool:
					args = append(args, "--"+section+"."+k+"="+strconv.FormatBool(v))
				case float64:
					args = append(args, "--"+section+"."+k+"="+strconv.FormatFloat(v, 'f', -1, 64))
				}
			}
		}
	} else {
		for l := range strings.SplitSeq(content, "\n") {
			t := strings.TrimSpace(l)
			if !jupyterLiteral.Get().MatchString(t) {
				continue
			}
			name, val, _ := strings.Cut(strings.TrimPrefix(t, "c."), "=")
			val, _, _ = strings.Cut(strings.TrimSpace(val), "#")
			args = append(args, "--"+strings.TrimSpace(name)+"="+strings.Trim(strings.TrimSpace(val), `'"`))
		}
	}
	if len(args) == 0 {
		return nil
	}
	return []string{quoteArgv(append([]string{"jupyter", "server"}, args...))}
}

// condaChannels returns a .condarc's channels that are not the public ones
// conda ships with or the community's (defaults, conda-forge, bioconda).
func condaChannels(content string) []string {
	var doc struct {
		Channels []string `yaml:"channels"`
	}
	if yaml.Unmarshal([]byte(content), &doc) != nil {
		return []string{"a file that is not YAML"}
	}
	var out []string
	for _, c := range doc.Channels {
		switch strings.ToLower(strings.TrimSpace(c)) {
		case "defaults", "conda-forge", "bioconda", "pytorch", "nvidia", "nodefaults", "https://conda.anaconda.org/conda-forge":
			continue
		}
		out = append(out, "channel "+c)
	}
	return out
}
