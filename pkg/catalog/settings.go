package catalog

import (
	_ "embed"
	"fmt"
	"path"
	"strings"

	lazy "rampart.dev/pkg/internal/table"
)

// Settings that make a program run or load code
//
// A program can be made to run a command, load a library or fetch code from
// elsewhere through its settings as well as its arguments: an environment
// variable (GIT_SSH_COMMAND, LD_PRELOAD, RUSTC_WRAPPER), a git config key
// however it is given (git -c, git config, --config-env, GIT_CONFIG_KEY_N),
// a tool's own configuration (npm config set script-shell, pip config set
// global.index-url, cargo --config, go env -w). settings.txt is one reviewed
// table of such settings keyed by the setting's own name, whatever channel
// sets it, each with what its value is (a command line, a program, a
// library, a search path, a source of code, a verification switch) and what
// is everyday use. [SettingsOf] finds the settings a command's words make;
// package shell runs a value that is a command line as a command, and
// package effect reports the setting itself unless its value is ordinary.

//go:embed settings.txt
var settingsText string

// Does is what a setting's value is to the program that reads it.
type Does uint8

// What a setting's value can be.
const (
	RunsCommand  Does = iota + 1 // a command line handed to a shell
	RunsProgram                  // a program run with arguments
	Helper                       // a git credential helper
	Bang                         // data, or "!CMD": a shell command
	Options                      // runtime options, some of which load code
	LoadsCode                    // a file or directory of code loaded
	SearchPath                   // a search path
	CodeSource                   // where packages or code come from
	URLRewrite                   // git url.BASE.insteadOf
	RemoteURL                    // a remote's address
	Verify                       // a verification switch
	Insecure                     // hosts or modules exempt from verification
	TrustedCA                    // the certificates trusted
	Protocol                     // git transports allowed
	Repo                         // the repository or work tree git uses
	SafeDir                      // repositories trusted whoever owns them
	ConfigKey                    // GIT_CONFIG_KEY_N
	ConfigParams                 // GIT_CONFIG_PARAMETERS
	EnvMap                       // the key's last part is an environment variable
	TLSVersion                   // the lowest TLS version accepted
	Firewall                     // Rampart's own mode, home, socket or shell: only its ordinary values keep it in force
	Function                     // a function bash exports: "() { BODY; }", run where its name is called
	Guard                        // a switch that keeps a command from destroying (git clean without -f)
	Forces                       // a switch or refspec that makes a command destroy (a mirror push, a forced refspec)
	Approvals                    // an AI agent's approval mode: a value ORDINARY does not list lets it act without asking
)

var doesNames = lazy.Map[string, Does]{Build: func() map[string]Does {
	return map[string]Does{
		"command": RunsCommand, "program": RunsProgram, "helper": Helper, "bang": Bang, "options": Options,
		"library": LoadsCode, "path": SearchPath, "source": CodeSource, "url-rewrite": URLRewrite,
		"remote-url": RemoteURL, "verify": Verify, "insecure": Insecure, "ca": TrustedCA, "protocol": Protocol,
		"repo": Repo, "safe": SafeDir, "config-key": ConfigKey, "config-params": ConfigParams, "env-map": EnvMap,
		"tls-version": TLSVersion, "firewall": Firewall, "function": Function, "guard": Guard, "forces": Forces,
		"approvals": Approvals,
	}
}}

// What says in words what a setting of this kind does, for explanations.
func (d Does) What() string {
	switch d {
	case RunsCommand, Bang:
		return "runs the value as a command line"
	case RunsProgram, Helper:
		return "runs the value as a program"
	case Options:
		return "passes options that load or run code"
	case LoadsCode:
		return "loads code from the value"
	case SearchPath:
		return "changes where programs and libraries are found"
	case CodeSource, URLRewrite, RemoteURL:
		return "changes where code comes from"
	case Verify, Insecure, TrustedCA, TLSVersion:
		return "weakens TLS or checksum verification"
	case Protocol:
		return "allows a transport that runs commands"
	case Repo:
		return "changes which repository git uses"
	case SafeDir:
		return "trusts repositories another user owns"
	case Firewall:
		return "changes how Rampart itself enforces"
	case Function:
		return "defines a function a child bash runs by name"
	case Guard:
		return "turns off a guard against destroying"
	case Forces:
		return "makes the command destroy as its forcing option does"
	case Approvals:
		return "lets an AI agent act without asking"
	}
	return "changes what code runs"
}

// Setting is one entry of the settings table.
type Setting struct {
	Namespace string   // env, git, npm, yarn, pip, conda, poetry, bundle, cargo, gh
	Pattern   string   // the key as the table writes it (lower case for git)
	Does      Does     // what the value is
	Ordinary  []string // program names and globs, and @tests, that are everyday use
	Opts      []string // Options: the options whose value loads or runs code
}

// Name is the setting's name in effect descriptors: the variable for the
// environment ("LD_PRELOAD"), else "NAMESPACE:KEY" ("git:core.sshcommand").
func (s *Setting) Name(key string) string {
	if s.Namespace == "env" {
		return key
	}
	if s.Namespace == "git" || s.Namespace == "yarn" || s.Namespace == "npm" {
		key = strings.ToLower(key)
	}
	return s.Namespace + ":" + key
}

// OrdinaryProgram reports whether the table lists name (a program's base
// name) as everyday use for this setting.
func (s *Setting) OrdinaryProgram(name string) bool {
	for _, o := range s.Ordinary {
		if o == name || strings.Contains(o, "*") && !strings.HasPrefix(o, "@") && globMatch(o, name) {
			return true
		}
	}
	return false
}

// Allows reports whether the table lists the @test for this setting.
func (s *Setting) Allows(test string) bool {
	for _, o := range s.Ordinary {
		if o == test {
			return true
		}
	}
	return false
}

func globMatch(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return ok && err == nil
}

type settingsTable struct {
	exact map[string]*Setting // "NAMESPACE:KEY", keys as the namespace folds them
	globs []*Setting          // patterns with "*"
}

var settings = lazy.Once[*settingsTable]{Build: func() *settingsTable {
	t, err := parseSettings(settingsText)
	if err != nil {
		panic(err)
	}
	return t
}}

func parseSettings(text string) (*settingsTable, error) {
	t := &settingsTable{exact: map[string]*Setting{}}
	groups := map[string][]string{}
	var expand func(list string) []string
	expand = func(list string) []string {
		var out []string
		for _, x := range strings.Split(list, ",") {
			x = strings.TrimSpace(x)
			if g, ok := groups[x]; ok {
				out = append(out, g...)
			} else if x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, list, ok := strings.Cut(line, " = "); ok && strings.HasPrefix(line, "@") {
			groups[strings.TrimSpace(name)] = expand(list)
			continue
		}
		f := strings.Split(line, "|")
		if len(f) < 3 || len(f) > 4 {
			return nil, fmt.Errorf("settings.txt:%d: want NAMESPACE:KEY | DOES | ORDINARY [| OPTIONS]", n+1)
		}
		ns, keys, ok := strings.Cut(strings.TrimSpace(f[0]), ":")
		does, known := doesNames.Lookup(strings.TrimSpace(f[1]))
		if !ok || !known {
			return nil, fmt.Errorf("settings.txt:%d: bad key or kind", n+1)
		}
		var opts []string
		if len(f) == 4 {
			opts = expand(f[3])
		}
		ordinary := expand(f[2])
		for _, o := range ordinary {
			if strings.HasPrefix(o, "@") && !ordinaryTests.Get(o) {
				return nil, fmt.Errorf("settings.txt:%d: unknown test or group %s", n+1, o)
			}
		}
		for _, k := range strings.Split(keys, ",") {
			k = foldKey(ns, strings.TrimSpace(k))
			s := &Setting{Namespace: ns, Pattern: k, Does: does, Ordinary: ordinary, Opts: opts}
			if strings.Contains(k, "*") {
				t.globs = append(t.globs, s)
			} else if _, dup := t.exact[ns+":"+k]; dup {
				return nil, fmt.Errorf("settings.txt:%d: %s:%s listed twice", n+1, ns, k)
			} else {
				t.exact[ns+":"+k] = s
			}
		}
	}
	return t, nil
}

// ordinaryTests are the @tests the table may name.
var ordinaryTests = lazy.Map[string, bool]{Words: "@cwd @once @project @notemp @official @system @bool @host @names @interactive @inplace @local @syslib @modules"}

// foldKey folds a key as its namespace does: git, npm, yarn, conda and
// pip keys ignore case (git's subsection does not, but folding it only
// makes more keys match); environment variables do not.
func foldKey(ns, k string) string {
	if ns == "env" {
		return k
	}
	return strings.ToLower(k)
}

// LookupSetting returns the table's entry for a key of a namespace, or nil.
// Environment variables that a tool maps to its own keys
// (npm_config_script_shell, PIP_INDEX_URL, CONDA_SSL_VERIFY) are looked up
// as those keys.
func LookupSetting(ns, key string) *Setting {
	t := settings.Get()
	k := foldKey(ns, key)
	if s := t.exact[ns+":"+k]; s != nil {
		return s
	}
	for _, s := range t.globs {
		if s.Namespace == ns && keyMatch(ns, s.Pattern, k) {
			return s
		}
	}
	if ns == "env" {
		for _, m := range envMaps {
			if rest, ok := strings.CutPrefix(key, m.prefix); ok && rest != "" {
				return LookupSetting(m.ns, m.key(rest))
			}
		}
	}
	return nil
}

// envMaps are the environment variables tools read as their own settings.
var envMaps = []struct {
	prefix, ns string
	key        func(string) string
}{
	{"npm_config_", "npm", dashed}, {"NPM_CONFIG_", "npm", dashed}, {"PIP_", "pip", dashed},
	{"CONDA_", "conda", strings.ToLower},
}

func dashed(s string) string { return strings.ReplaceAll(strings.ToLower(s), "_", "-") }

// keyMatch matches a folded key against a pattern with "*". For git, a
// "*" stands for the subsection, which may hold dots or be absent:
// "http.*.sslverify" matches http.sslverify and
// http.https://example.com/.sslverify.
func keyMatch(ns, pattern, key string) bool {
	if ns == "git" {
		pre, post, ok := strings.Cut(pattern, ".*.")
		if ok {
			if key == pre+"."+post {
				return true
			}
			return strings.HasPrefix(key, pre+".") && strings.HasSuffix(key, "."+post) && len(key) > len(pre)+len(post)+2
		}
		if p, ok := strings.CutSuffix(pattern, ".*"); ok {
			return strings.HasPrefix(key, p+".") && len(key) > len(p)+1
		}
	}
	pre, post, _ := strings.Cut(pattern, "*")
	return len(key) >= len(pre)+len(post) && strings.HasPrefix(key, pre) && strings.HasSuffix(key, post)
}

// SettingUse is one setting a command makes.
type SettingUse struct {
	Setting *Setting
	Key     string // as written: "core.sshCommand", "GIT_SSH_COMMAND"
	Value   string // as written, quotes removed
	FromEnv string // git --config-env: the value is this environment variable's
	Unknown bool   // the value comes from input (read) and cannot be known
	Via     string // the channel: "env", "git -c", "git config", "npm config"...
	// Persistent: written to a configuration file that outlives the call
	// (git config, npm config set, go env -w), so it acts in later calls.
	Persistent bool
}

// Name is the setting's name for descriptors.
func (u SettingUse) Name() string { return u.Setting.Name(u.Key) }

// AssignmentSetting returns the setting a NAME=VALUE word makes, if the
// table lists NAME.
func AssignmentSetting(w, via string) (SettingUse, bool) {
	name, val, ok := strings.Cut(w, "=")
	name = strings.TrimSuffix(name, "+")
	if !ok || name == "" {
		return SettingUse{}, false
	}
	if i := strings.IndexByte(name, '['); i > 0 {
		name = name[:i] // PATH[0]=... sets PATH
	}
	s := LookupSetting("env", name)
	if s == nil {
		return SettingUse{}, false
	}
	return SettingUse{Setting: s, Key: name, Value: val, Via: via}, true
}

// HasSettingChannel reports whether a program takes settings through its
// words, so that a walker looks at them ([SettingsOf]).
func HasSettingChannel(name string) bool {
	switch name {
	case "git", "env", "sudo", "make", "gmake", "cmake", "systemd-run", "export", "declare", "typeset", "local", "readonly", "read", "mapfile", "readarray",
		"printf", "npm", "pnpm", "npx", "yarn", "pip", "pip3", "cargo", "go", "gh", "conda", "mamba", "micromamba",
		"poetry", "bundle", "bundler", "systemctl", "launchctl", "dbus-update-activation-environment", "tmux", "composer",
		"dotnet", "nuget", "hg", "chg", "sl":
		return true
	}
	return false
}

// SettingsOf returns the settings a command's words make, through every
// channel the program has: env and sudo's NAME=VALUE words; export,
// declare, typeset, local and readonly; read, mapfile and printf -v into a
// listed variable; git -c, --config-env, --exec-path, git config and clone
// -c; npm, pnpm and yarn config set and --KEY=VALUE options; pip and
// conda config; poetry and bundle config; cargo --config; go env -w; gh
// config set; hg, chg and sl --config; and the session managers' and PHP's and .NET's channels
// (sessionsettings.go).
func SettingsOf(name string, args []string) []SettingUse {
	if !HasSettingChannel(name) {
		return nil
	}
	var out []SettingUse
	add := func(ns, key, val, via string) {
		if s := LookupSetting(ns, key); s != nil {
			if s.Does == EnvMap {
				_, v, _ := strings.Cut(key, ".")
				if u, ok := AssignmentSetting(v+"="+val, via); ok {
					out = append(out, u)
				}
				return
			}
			out = append(out, SettingUse{Setting: s, Key: key, Value: val, Via: via, Persistent: strings.HasSuffix(via, " config")})
		}
	}
	switch name {
	case "export", "declare", "typeset", "local", "readonly", "make", "gmake":
		for _, w := range args {
			if u, ok := AssignmentSetting(w, name); ok {
				out = append(out, u)
			}
		}
	case "env", "sudo":
		// NAME=VALUE words before the command, among the options.
		valued := "uCPS"
		if name == "sudo" {
			valued = "aCcDgpRrTtUuh"
		}
		for i := 0; i < len(args); i++ {
			w := args[i]
			if u, ok := AssignmentSetting(w, name); ok {
				out = append(out, u)
				continue
			}
			if IsAssignment(w) {
				continue
			}
			if name == "env" && (w == "-S" || strings.HasPrefix(w, "--split-string")) {
				// env -S 'NAME=VALUE CMD': the string's words go on.
				s, ok := strings.CutPrefix(w, "--split-string=")
				if !ok {
					s = ""
					if i+1 < len(args) {
						s = args[i+1]
					}
				}
				return append(out, SettingsOf("env", strings.Fields(s))...)
			}
			if v, ok := strings.CutPrefix(w, "-S"); ok && name == "env" && v != "" {
				return append(out, SettingsOf("env", strings.Fields(v))...)
			}
			if len(w) == 2 && w[0] == '-' && strings.IndexByte(valued, w[1]) >= 0 {
				i++
				continue
			}
			if !strings.HasPrefix(w, "-") || w == "--" {
				break
			}
		}
	case "cmake":
		// -DNAME[:TYPE]=VALUE, -D NAME=VALUE: a cache variable.
		for i, w := range args {
			d, ok := strings.CutPrefix(w, "-D")
			if ok && d == "" && i+1 < len(args) {
				d = args[i+1]
			}
			if k, v, isKV := strings.Cut(d, "="); ok && isKV {
				k, _, _ = strings.Cut(k, ":")
				add("cmake", k, v, "cmake -D")
			}
		}
	case "systemd-run":
		for i, w := range args {
			v, ok := strings.CutPrefix(w, "--setenv=")
			if !ok && (w == "-E" || w == "--setenv") && i+1 < len(args) {
				v, ok = args[i+1], true
			}
			if u, isSet := AssignmentSetting(v, "systemd-run"); ok && isSet {
				out = append(out, u)
			}
		}
	case "read", "mapfile", "readarray", "printf":
		out = readSettings(name, args)
	case "git":
		out = gitSettings(args)
	case "npm", "pnpm", "npx", "yarn":
		ns := "npm"
		if name == "yarn" {
			ns = "yarn"
		}
		toolConfigSet(args, []string{"config", "set"}, func(k, v string) { add(ns, k, v, name+" config") }, nil)
		if len(args) > 1 && args[0] == "set" {
			toolConfigSet(args, []string{"set"}, func(k, v string) { add(ns, k, v, name+" config") }, nil)
		}
		opts := args
		if name == "npx" {
			opts = npxOwnOptions(args)
		}
		longOptions(opts, func(k, v string) { add(ns, k, v, name+" option") })
	case "pip", "pip3":
		toolConfigSet(args, []string{"config", "set"}, func(k, v string) {
			if _, rest, ok := strings.Cut(k, "."); ok {
				k = rest // global.index-url, install.trusted-host
			}
			add("pip", k, v, "pip config")
		}, []string{"--editor"})
		longOptions(args, func(k, v string) {
			switch k {
			case "index-url", "extra-index-url", "trusted-host", "cert", "find-links":
				add("pip", k, v, "pip option")
			}
		})
	case "conda", "mamba", "micromamba":
		for i := 0; i+1 < len(args); i++ {
			switch args[i] {
			case "--set":
				if i+2 < len(args) {
					add("conda", args[i+1], args[i+2], "conda config")
				}
			case "--add", "--append", "--prepend":
				if i+2 < len(args) {
					add("conda", args[i+1], args[i+2], "conda config")
				}
			}
		}
	case "poetry":
		if len(args) >= 3 && args[0] == "config" {
			kv := positionals(args[1:], nil)
			if len(kv) >= 2 {
				add("poetry", kv[0], kv[1], "poetry config")
			}
		}
	case "bundle", "bundler":
		if len(args) >= 3 && args[0] == "config" {
			kv := positionals(args[1:], nil)
			if len(kv) > 0 && kv[0] == "set" {
				kv = kv[1:]
			}
			if len(kv) >= 2 {
				add("bundle", kv[0], kv[1], "bundle config")
			}
		}
	case "cargo":
		for i, w := range args {
			v, ok := strings.CutPrefix(w, "--config=")
			if !ok && w == "--config" && i+1 < len(args) {
				v, ok = args[i+1], true
			}
			if k, val, isKV := strings.Cut(v, "="); ok && isKV {
				add("cargo", strings.TrimSpace(k), tomlString(strings.TrimSpace(val)), "cargo --config")
			}
		}
	case "go":
		if len(args) >= 2 && args[0] == "env" {
			w := false
			for _, a := range args[1:] {
				if a == "-w" {
					w = true
				} else if w && strings.Contains(a, "=") {
					if u, ok := AssignmentSetting(a, "go env -w"); ok {
						u.Persistent = true
						out = append(out, u)
					}
				}
			}
		}
	case "gh":
		toolConfigSet(args, []string{"config", "set"}, func(k, v string) { add("gh", k, v, "gh config") }, []string{"-h", "--host"})
	case "hg", "chg", "sl":
		// Mercurial's and Sapling's --config SECTION.NAME=VALUE, for the
		// one call (hg --config hooks.pre-status=CMD status).
		for i, w := range args {
			v, ok := strings.CutPrefix(w, "--config=")
			if !ok && w == "--config" && i+1 < len(args) {
				v, ok = args[i+1], true
			}
			if k, val, isKV := strings.Cut(v, "="); ok && isKV {
				add("hg", strings.TrimSpace(k), val, name+" --config")
			}
		}
	default:
		out = append(out, sessionSettings(name, args, add)...) // sessionsettings.go
	}
	return out
}

// tomlString takes the quotes off a TOML string value ('x' or "x").
func tomlString(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		return v[1 : len(v)-1]
	}
	if strings.HasPrefix(v, "[") {
		// An array of strings (rustflags): its items as words.
		v = strings.Trim(v, "[]")
		var parts []string
		for _, p := range strings.Split(v, ",") {
			parts = append(parts, tomlString(strings.TrimSpace(p)))
		}
		return strings.Join(parts, " ")
	}
	return v
}

// positionals returns the words that are not options; valued names the
// options that take the next word.
func positionals(args []string, valued []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "--":
			return append(out, args[i+1:]...)
		case strings.HasPrefix(w, "-") && len(w) > 1:
			for _, v := range valued {
				if w == v {
					i++
				}
			}
		default:
			out = append(out, w)
		}
	}
	return out
}

// toolConfigSet finds "VERB... KEY VALUE" and "VERB... KEY=VALUE..." among
// args (npm config set k v, npm config set k=v k2=v2). Options before the
// key are skipped; the word after the key is its value whatever it looks
// like (npm config set node-options '--require x').
func toolConfigSet(args, verbs []string, set func(k, v string), valued []string) {
	matched := 0
	for i := 0; i < len(args); i++ {
		w := args[i]
		if strings.HasPrefix(w, "-") && len(w) > 1 {
			for _, list := range [2][]string{valued, configValued} {
				for _, v := range list {
					if w == v {
						i++
					}
				}
			}
			continue
		}
		if matched < len(verbs) {
			if w != verbs[matched] {
				return
			}
			matched++
			continue
		}
		if k, v, ok := strings.Cut(w, "="); ok {
			set(k, v)
			continue
		}
		if i+1 < len(args) {
			set(w, args[i+1])
		}
		return
	}
}

// configValued are the options of package managers' config commands that
// take the next word.
var configValued = []string{"--location", "-L", "--userconfig", "--prefix", "-C", "--dir", "--cwd"}

// IsAssignment reports whether w is a shell assignment word, NAME=VALUE.
func IsAssignment(w string) bool {
	eq := strings.IndexByte(w, '=')
	if eq <= 0 {
		return false
	}
	for i := 0; i < eq; i++ {
		c := w[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// longOptions calls set for each --KEY=VALUE and --KEY VALUE option before
// "--" (npm's command line sets any of its config keys so).
func longOptions(args []string, set func(k, v string)) {
	for i := 0; i < len(args); i++ {
		w := args[i]
		if w == "--" {
			return
		}
		k, ok := strings.CutPrefix(w, "--")
		if !ok || k == "" {
			continue
		}
		if key, val, eq := strings.Cut(k, "="); eq {
			set(key, val)
		} else if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			set(k, args[i+1])
		}
	}
}

// npxOwnOptions returns the words of an npx line that are npx's own: those
// before the package's command, the first word that is neither an option
// nor the value of -p, --package, -c or --call. What follows is the
// command's (npx cypress run --browser chrome: cypress's option, not npm's
// browser setting).
func npxOwnOptions(args []string) []string {
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "--":
			return args[:i]
		case w == "-p" || w == "--package" || w == "-c" || w == "--call":
			i++
		case w == "--yes" || w == "--no" || w == "--quiet" || w == "--no-install":
			// npx's own flags without a value
		case strings.HasPrefix(w, "--") && !strings.Contains(w, "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-"):
			i++ // --key value: npm's config option with its value
		case !strings.HasPrefix(w, "-"):
			return args[:i]
		}
	}
	return args
}

// readSettings returns the listed variables read, mapfile and printf -v
// set: from input, unknown; printf's value is its format when that has no
// directives.
func readSettings(name string, args []string) []SettingUse {
	var out []SettingUse
	addVar := func(v, val string, unknown bool) {
		if i := strings.IndexByte(v, '['); i > 0 {
			v = v[:i]
		}
		if s := LookupSetting("env", v); s != nil {
			out = append(out, SettingUse{Setting: s, Key: v, Value: val, Unknown: unknown, Via: name})
		}
	}
	switch name {
	case "printf":
		v, rest := "", []string(nil)
		if len(args) > 1 && args[0] == "-v" {
			v, rest = args[1], args[2:]
		} else if len(args) > 0 && strings.HasPrefix(args[0], "-v") && len(args[0]) > 2 {
			v, rest = args[0][2:], args[1:]
		}
		if v == "" {
			return nil
		}
		if len(rest) == 1 && !strings.ContainsAny(rest[0], "%\\") {
			addVar(v, rest[0], false)
		} else {
			addVar(v, "", true)
		}
	case "read":
		for i := 0; i < len(args); i++ {
			w := args[i]
			switch {
			case w == "-d" || w == "-n" || w == "-N" || w == "-p" || w == "-t" || w == "-u" || w == "-i":
				i++
			case w == "-a" && i+1 < len(args):
				addVar(args[i+1], "", true)
				i++
			case strings.HasPrefix(w, "-"):
			default:
				addVar(w, "", true)
			}
		}
	default: // mapfile, readarray: the array is the last operand
		if len(args) > 0 && !strings.HasPrefix(args[len(args)-1], "-") {
			addVar(args[len(args)-1], "", true)
		}
	}
	return out
}

// gitSettings returns the settings of a git command: its own -c,
// --config-env and --exec-path, clone's -c/--config, the options of
// fetch, pull, clone, ls-remote, push and archive that name the program
// run at the other end, and git config's KEY VALUE.
func gitSettings(args []string) []SettingUse {
	var out []SettingUse
	addGit := func(kv, via string) {
		k, _, _ := strings.Cut(kv, "=")
		if strings.ContainsAny(k[:strings.IndexByte(k+".", '.')], "$`") || strings.ContainsAny(k[strings.LastIndexByte(k, '.')+1:], "$`") {
			// git -c "$KEY=…": which setting cannot be known (an
			// unresolved subsection, url.${BASE}.insteadOf, still can).
			out = append(out, SettingUse{Setting: unknownGitKey, Key: k, Value: kv, Unknown: true, Via: via})
			return
		}
		if u, ok := GitSetting(kv, via); ok {
			u.Persistent = via == "git config" || via == "git clone -c"
			out = append(out, u)
		}
	}
	sub := -1
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "-c" && i+1 < len(args):
			addGit(args[i+1], "git -c")
			i++
		case strings.HasPrefix(w, "-c") && len(w) > 2 && !strings.HasPrefix(w, "--"):
			addGit(w[2:], "git -c")
		case w == "--config-env" && i+1 < len(args) || strings.HasPrefix(w, "--config-env="):
			kv, ok := strings.CutPrefix(w, "--config-env=")
			if !ok {
				kv = args[i+1]
				i++
			}
			k, env, _ := strings.Cut(kv, "=")
			if s := LookupSetting("git", k); s != nil {
				out = append(out, SettingUse{Setting: s, Key: k, FromEnv: env, Via: "git --config-env"})
			}
		case strings.HasPrefix(w, "--exec-path="):
			if s := LookupSetting("env", "GIT_EXEC_PATH"); s != nil {
				out = append(out, SettingUse{Setting: s, Key: "GIT_EXEC_PATH", Value: w[len("--exec-path="):], Via: "git --exec-path"})
			}
		case w == "-C" || w == "--git-dir" || w == "--work-tree" || w == "--namespace" || w == "--super-prefix" || w == "--attr-source":
			i++
		case !strings.HasPrefix(w, "-"):
			sub = i
		}
		if sub >= 0 {
			break
		}
	}
	if sub < 0 {
		return out
	}
	verb, rest := args[sub], args[sub+1:]
	remoteProgram := func(key string, opts ...string) {
		for i, w := range rest {
			if w == "--" {
				return
			}
			for _, o := range opts {
				if v, ok := strings.CutPrefix(w, o+"="); ok && strings.HasPrefix(o, "--") {
					addGit(key+"="+v, "git "+verb+" "+o)
				} else if w == o && i+1 < len(rest) {
					addGit(key+"="+rest[i+1], "git "+verb+" "+o)
				}
			}
		}
	}
	switch verb {
	case "config":
		if k, v, ok := GitConfigSet(rest); ok {
			addGit(k+"="+v, "git config")
		}
	case "clone":
		for i, w := range rest {
			if (w == "-c" || w == "--config") && i+1 < len(rest) {
				addGit(rest[i+1], "git clone -c")
			} else if v, ok := strings.CutPrefix(w, "--config="); ok {
				addGit(v, "git clone -c")
			}
		}
		remoteProgram("remote.cmdline.uploadpack", "--upload-pack", "-u")
	case "fetch", "pull", "ls-remote", "fetch-pack":
		remoteProgram("remote.cmdline.uploadpack", "--upload-pack", "--exec")
	case "push", "send-pack":
		remoteProgram("remote.cmdline.receivepack", "--receive-pack", "--exec")
	case "archive":
		remoteProgram("remote.cmdline.uploadpack", "--exec")
	}
	// A remote named on the line as an ext:: address (git clone
	// 'ext::sh -c …', archive --remote=ext::…) is a command git runs to
	// reach it, as remote.NAME.url's would be.
	switch verb {
	case "clone", "fetch", "pull", "ls-remote", "fetch-pack", "push", "send-pack", "archive", "submodule":
		for _, w := range rest {
			if w == "--" {
				continue
			}
			if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "--") {
				w = v
			}
			if len(w) > 5 && strings.EqualFold(w[:5], "ext::") {
				addGit("remote.cmdline.url="+w, "git "+verb)
			}
		}
	}
	return out
}

// unknownGitKey stands for a git setting whose key holds an unresolved
// expansion: it could be any of the table's.
var unknownGitKey = &Setting{Namespace: "git", Pattern: "?", Does: RunsCommand}

// gitConfigValued are git config's options that take the next word.
var gitConfigValued = []string{"-f", "--file", "--blob", "--type", "--default", "--comment", "--value", "-t"}

// GitConfigSet returns the KEY and VALUE a "git config [OPTIONS] KEY
// VALUE" (or "git config set KEY VALUE") command sets; args are the words
// after "config". Reading, listing, unsetting and editing set nothing.
func GitConfigSet(args []string) (key, val string, ok bool) {
	for _, w := range args {
		switch w {
		case "--get", "--get-all", "--get-regexp", "--get-urlmatch", "--get-color", "--get-colorbool", "--unset",
			"--unset-all", "-l", "--list", "-e", "--edit", "--rename-section", "--remove-section", "--name-only":
			return "", "", false
		}
	}
	pos := positionals(args, gitConfigValued)
	if len(pos) > 0 {
		switch pos[0] {
		case "set":
			pos = pos[1:]
		case "get", "list", "unset", "rename-section", "remove-section", "edit":
			return "", "", false
		}
	}
	if len(pos) < 2 {
		return "", "", false
	}
	return pos[0], pos[1], true
}

// CommandLine returns the command line a setting's value makes a program
// run, when the value is one: GIT_SSH_COMMAND's value, a "!CMD" alias or
// credential helper, an ext:: remote's command.
func (u SettingUse) CommandLine() (string, bool) {
	v := u.Value
	switch u.Setting.Does {
	case RunsCommand, RunsProgram:
		if v == "" || u.Setting.Allows("@bool") && IsGitBool(v) || u.Setting.Allows("@host") && !strings.ContainsAny(v, "/ \t") {
			return "", false
		}
		return strings.TrimLeft(v, "| "), true // LESSOPEN="|lesspipe %s"
	case Helper:
		if c, ok := strings.CutPrefix(v, "!"); ok {
			return c, true
		}
		if strings.Contains(v, "/") {
			return v, true
		}
	case Bang:
		if c, ok := strings.CutPrefix(v, "!"); ok {
			return c, true
		}
	case Function:
		// BASH_FUNC_NAME%%='() { BODY; }': a child bash defines NAME from
		// it; the body is what any call of NAME runs.
		if body, ok := strings.CutPrefix(strings.TrimSpace(v), "()"); ok && strings.TrimSpace(body) != "" {
			return body, true
		}
	case Options:
		return commandOption(u.Setting.Opts, v)
	case RemoteURL:
		if len(v) > 5 && strings.EqualFold(v[:5], "ext::") {
			return extCommand(v[5:]), true
		}
	}
	return "", false
}

// IsGitBool reports whether v is one of git's boolean spellings.
func IsGitBool(v string) bool {
	switch strings.ToLower(v) {
	case "true", "false", "yes", "no", "on", "off", "1", "0":
		return true
	}
	return false
}

// GitConfigParameters splits GIT_CONFIG_PARAMETERS, git's own encoding of
// -c options ('key'='value' 'key2'='value2'), into KEY=VALUE words; ok is
// false when the text is not in that form.
func GitConfigParameters(v string) (kvs []string, ok bool) {
	var b strings.Builder
	have, quoted := false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case quoted:
			if c == '\'' {
				quoted = false
			} else {
				b.WriteByte(c)
			}
		case c == '\'':
			quoted, have = true, true
		case c == '\\' && i+1 < len(v):
			i++
			b.WriteByte(v[i])
			have = true
		case c == ' ' || c == '\t' || c == '\n':
			if have {
				kvs = append(kvs, b.String())
				b.Reset()
				have = false
			}
		default:
			b.WriteByte(c)
			have = true
		}
	}
	if quoted {
		return kvs, false
	}
	if have {
		kvs = append(kvs, b.String())
	}
	for _, kv := range kvs {
		if !strings.Contains(kv, "=") && !strings.Contains(kv, ".") {
			return kvs, false
		}
	}
	return kvs, len(kvs) > 0
}

// GitSetting returns the setting a git KEY=VALUE (as -c gives it) makes;
// "-c key" alone sets the key to true.
func GitSetting(kv, via string) (SettingUse, bool) {
	k, v, ok := strings.Cut(kv, "=")
	if !ok {
		v = "true"
	}
	s := LookupSetting("git", k)
	if s == nil {
		return SettingUse{}, false
	}
	return SettingUse{Setting: s, Key: k, Value: v, Via: via}, true
}

// ConfigFileSettings returns the settings a tool's configuration file
// holds, when name is one (a git config, .npmrc, .yarnrc.yml, pip.conf,
// .cargo/config.toml, .condarc) and text is what the line writes to it.
func ConfigFileSettings(name, text string) []SettingUse {
	var out []SettingUse
	add := func(ns, key, val string) {
		if ns == "git" {
			if u, ok := GitSetting(key+"="+val, name); ok {
				u.Persistent = true
				out = append(out, u)
			}
			return
		}
		if ns == "cargo" && strings.HasPrefix(key, "env.") {
			if u, ok := AssignmentSetting(key[4:]+"="+val, name); ok {
				u.Persistent = true
				out = append(out, u)
			}
			return
		}
		s := LookupSetting(ns, key)
		if s == nil && ns == "pip" {
			if _, k, ok := strings.Cut(key, "."); ok {
				s, key = LookupSetting(ns, k), k
			}
		}
		if s != nil && s.Does != EnvMap {
			out = append(out, SettingUse{Setting: s, Key: key, Value: val, Via: name, Persistent: true})
		}
	}
	switch ns, sep := configFileKind(name); {
	case ns == "":
	case sep == "":
		iniSettings(text, ns, add)
	default:
		flatSettings(text, ns, sep, add)
	}
	return out
}

// IsConfigFile reports whether name is a tool's configuration file whose
// settings ConfigFileSettings reads.
func IsConfigFile(name string) bool {
	ns, _ := configFileKind(name)
	return ns != ""
}

// configFileKind is the settings namespace of a configuration file, and
// the separator of its flat KEY SEP VALUE lines ("" for INI or TOML text).
func configFileKind(name string) (ns, sep string) {
	base := path.Base(name)
	switch {
	case base == ".gitconfig" || base == "gitconfig" || strings.HasSuffix(name, "git/config") || base == "config.worktree":
		return "git", ""
	case base == "pip.conf" || base == "pip.ini":
		return "pip", ""
	case strings.HasSuffix(name, ".cargo/config.toml") || strings.HasSuffix(name, ".cargo/config"):
		return "cargo", ""
	case base == ".npmrc":
		return "npm", "="
	case base == ".yarnrc.yml":
		return "yarn", ":"
	case base == ".yarnrc":
		return "yarn", " "
	case base == ".condarc":
		return "conda", ":"
	}
	return "", ""
}

// iniSettings reads git-config, pip.conf and cargo TOML text: [section],
// [section "sub"] or [section.sub], then key = value lines.
func iniSettings(text, ns string, add func(ns, key, val string)) {
	section := ""
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' || l[0] == ';' {
			continue
		}
		if strings.HasPrefix(l, "[") {
			h := strings.Trim(strings.TrimSpace(l), "[]")
			if sec, sub, ok := strings.Cut(h, " "); ok {
				h = sec + "." + strings.Trim(strings.TrimSpace(sub), `"`)
			}
			section = strings.Trim(h, `"`)
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		k = strings.TrimSpace(k)
		if !ok {
			v = "true"
		}
		v = strings.TrimSpace(v)
		if ns == "cargo" {
			v = tomlString(v)
		} else if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1]
		}
		if section != "" {
			k = section + "." + k
		}
		add(ns, k, v)
	}
}

// flatSettings reads KEY SEP VALUE lines (.npmrc, .yarnrc.yml, .condarc).
func flatSettings(text, ns, sep string, add func(ns, key, val string)) {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			continue // nested YAML
		}
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' || l[0] == ';' {
			continue
		}
		k, v, ok := strings.Cut(l, sep)
		if !ok {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		add(ns, strings.TrimSpace(k), v)
	}
}

// extCommand turns the command of git's ext:: transport into a shell line:
// an unescaped space parts words, "% " is a space inside a word, "%%" a
// percent, %S and %s the service's names and %G nothing; a word with a
// space is quoted so that it stays one word ("sh -c rm% -rf% x" runs
// sh -c 'rm -rf x').
func extCommand(v string) string {
	var words []string
	var b strings.Builder
	spaced := false
	flush := func() {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		if spaced {
			w = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
		words = append(words, w)
		b.Reset()
		spaced = false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ':
			flush()
		case c == '%' && i+1 < len(v):
			i++
			switch v[i] {
			case ' ':
				b.WriteByte(' ')
				spaced = true
			case '%':
				b.WriteByte('%')
			case 'S':
				b.WriteString("git-upload-pack")
			case 's':
				b.WriteString("upload-pack")
			case 'G':
			default:
				b.WriteByte('%')
				b.WriteByte(v[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return strings.Join(words, " ")
}

// commandOption returns the command line an options value hands to a
// shell through one of opts that ends in "@" (GOFLAGS='-toolexec=CMD',
// _JAVA_OPTIONS='-XX:OnError=CMD'): the rest of the value after the option.
func commandOption(opts []string, v string) (string, bool) {
	for _, o := range opts {
		name, ok := strings.CutSuffix(o, "@")
		if !ok {
			continue
		}
		for at := 0; at < len(v); {
			k := strings.Index(v[at:], name)
			if k < 0 {
				break
			}
			k += at
			at = k + len(name)
			if k > 0 && v[k-1] != ' ' && v[k-1] != '\t' && v[k-1] != '"' && v[k-1] != '\'' {
				continue // inside another word
			}
			rest := v[at:]
			switch {
			case strings.HasSuffix(name, "=") || strings.HasSuffix(name, ":"):
			case strings.HasPrefix(rest, "="):
				rest = rest[1:]
			case strings.HasPrefix(rest, " "):
				rest = strings.TrimLeft(rest, " ")
			default:
				continue // -execfoo: another option
			}
			cmd := strings.TrimSpace(rest)
			if len(cmd) > 1 && (cmd[0] == '"' || cmd[0] == '\'') && strings.IndexByte(cmd[1:], cmd[0]) == len(cmd)-2 {
				cmd = cmd[1 : len(cmd)-1] // -toolexec="CMD ARGS"
			}
			if cmd != "" {
				return cmd, true
			}
		}
	}
	return "", false
}
