package effect

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// settings reports the settings a command makes that change what code runs
// (catalog settings.txt): its assignments, and whatever its words set
// through the program's own channels (git -c, npm config set, go env -w,
// export, read...). Each is a LoaderEnv effect named for the setting
// (env:LD_PRELOAD, env:git:core.sshcommand, env:npm:script-shell) unless
// its value is everyday use.
// configFiles reports the settings written to tools' configuration files
// on the line (printf '[core]\n\tpager = …' >> ~/.gitconfig).
func (a *analysis) configFiles() {
	for name, text := range a.res.Files {
		for _, u := range catalog.ConfigFileSettings(name, text) {
			a.setting(-1, u, nil)
		}
	}
}

// unseenConfigWrites reports a tool's configuration file in the home
// directory (~/.npmrc, ~/.gitconfig, pip.conf) that a command writes with
// text the line does not show (cp, mv, install, a download, a redirection
// of another program's output): its settings hold for every later call
// and nobody can judge them, so the write is unknown. Text the line shows
// is judged by configFiles instead; a project's own file is the project's.
func (a *analysis) unseenConfigWrites() {
	home := a.env.Home
	if home == "" {
		return
	}
	n := len(a.out)
	for k := 0; k < n; k++ {
		e := a.out[k]
		if e.Kind != Write || !strings.HasPrefix(e.Path, home+"/") || !catalog.IsConfigFile(e.Path) && !runsLaterFile(e.Path, home) {
			continue
		}
		if runsLaterFile(e.Path, home) && a.readsProjectFile(e.Cmd) {
			continue // cp packaging/app.desktop ~/.local/share/applications/: the project's own launcher
		}
		if a.env.Cwd != "" && (e.Path == a.env.Cwd || strings.HasPrefix(e.Path, a.env.Cwd+"/")) {
			continue
		}
		if a.writtenText(e.Path) {
			continue
		}
		a.add(Effect{Kind: Unknown, Cmd: e.Cmd, Detail: "settings", Word: "writes " + e.Path + " with settings the line does not show"})
	}
}

// writtenText reports whether the line shows the text it writes to the
// cleaned path p.
func (a *analysis) writtenText(p string) bool {
	for name := range a.res.Files {
		if a.clean(name, -1) == p {
			return true
		}
	}
	return false
}

func (a *analysis) settings(i int, c *shell.Command) {
	group := c.Assigns
	for _, w := range c.Assigns {
		if u, ok := catalog.AssignmentSetting(w, "assignment"); ok {
			a.setting(i, u, group)
		}
	}
	if c.Name == "" {
		for _, w := range c.Assigns {
			a.noteLineEnv(w)
		}
		return
	}
	for _, v := range unsetNames(c.Name, c.Args) {
		// unset LD_PRELOAD, env -u LD_PRELOAD, export -n LD_PRELOAD: the
		// variable is gone for what runs next, as if set empty
		if u, ok := catalog.AssignmentSetting(v+"=", "assignment"); ok {
			a.setting(i, u, group)
		}
	}
	name, args := a.moduleEntry(c.Name, c.Args) // python3 -m pip config set ...
	if !catalog.HasSettingChannel(name) {
		return
	}
	switch name {
	case "env", "sudo", "export", "declare", "typeset", "local", "readonly":
		for _, w := range c.Args {
			if shellAssign(w) {
				group = append(group[:len(group):len(group)], w)
				if name != "env" && name != "sudo" {
					a.noteLineEnv(w)
				}
			}
		}
	}
	for _, u := range catalog.SettingsOf(name, args) {
		a.setting(i, u, group)
	}
}

// unsetNames returns the variables a command removes from the environment
// of what runs after it: unset's and export -n's names, env's -u NAME,
// -uNAME and --unset=NAME.
func unsetNames(name string, args []string) []string {
	var out []string
	switch name {
	case "unset":
		for _, w := range args {
			if !strings.HasPrefix(w, "-") {
				out = append(out, w)
			}
		}
	case "export":
		if !slices.Contains(args, "-n") {
			return nil
		}
		for _, w := range args {
			if !strings.HasPrefix(w, "-") && !strings.Contains(w, "=") {
				out = append(out, w)
			}
		}
	case "declare", "typeset", "local":
		// declare +x NAME: no longer exported to what runs next
		if !slices.Contains(args, "+x") {
			return nil
		}
		for _, w := range args {
			if !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "+") && !strings.Contains(w, "=") {
				out = append(out, w)
			}
		}
	case "env":
		for k := 0; k < len(args); k++ {
			w := args[k]
			switch {
			case w == "-u" || w == "--unset":
				if k+1 < len(args) {
					out = append(out, args[k+1])
					k++
				}
			case strings.HasPrefix(w, "--unset="):
				out = append(out, strings.TrimPrefix(w, "--unset="))
			case strings.HasPrefix(w, "-u") && len(w) > 2:
				out = append(out, w[2:])
			case !strings.HasPrefix(w, "-"):
				return out // the program env runs: its words are its own
			}
		}
	}
	return out
}

// noteLineEnv remembers an assignment that holds for the rest of the line.
func (a *analysis) noteLineEnv(w string) {
	name, val, ok := strings.Cut(w, "=")
	if !ok {
		return
	}
	if a.lineEnv == nil {
		a.lineEnv = map[string]string{}
	}
	a.lineEnv[strings.TrimSuffix(name, "+")] = val
}

// envValue finds a variable's value among a command's assignments, then
// those made earlier on the line.
func (a *analysis) envValue(name string, group []string) (string, bool) {
	for k := len(group) - 1; k >= 0; k-- {
		if n, v, ok := strings.Cut(group[k], "="); ok && n == name {
			return v, true
		}
	}
	v, ok := a.lineEnv[name]
	return v, ok
}

// setting reports one setting unless its value is ordinary.
func (a *analysis) setting(i int, u catalog.SettingUse, group []string) {
	if u.FromEnv != "" {
		if v, ok := a.envValue(u.FromEnv, group); ok {
			u.Value = v
		} else {
			u.Unknown = true
		}
	}
	switch u.Setting.Does {
	case catalog.ConfigKey:
		// GIT_CONFIG_KEY_N=KEY with GIT_CONFIG_VALUE_N=VALUE: the git
		// setting KEY=VALUE.
		if unresolved(u.Value) || u.Unknown {
			a.settingEffect(i, u, "names a git setting that cannot be resolved")
			return
		}
		g, ok := catalog.GitSetting(u.Value+"=", u.Key)
		if !ok {
			return
		}
		n := strings.TrimPrefix(u.Key, "GIT_CONFIG_KEY_")
		g.Value, ok = a.envValue("GIT_CONFIG_VALUE_"+n, group)
		g.Unknown = !ok
		a.setting(i, g, group)
		return
	case catalog.ConfigParams:
		kvs, ok := catalog.GitConfigParameters(u.Value)
		if !ok && u.Value != "" || u.Unknown || unresolved(u.Value) {
			a.settingEffect(i, u, "holds git settings that cannot be read")
			return
		}
		for _, kv := range kvs {
			if g, ok := catalog.GitSetting(kv, "GIT_CONFIG_PARAMETERS"); ok {
				a.setting(i, g, group)
			}
		}
		return
	}
	if u.Setting.Does == catalog.Guard || u.Setting.Does == catalog.Forces {
		a.noteDestroyingSetting(i, u)
		return
	}
	if why := a.settingRisk(i, u); why != "" {
		a.settingEffect(i, u, why)
	}
}

// noteDestroyingSetting remembers a guard turned off or a forcing setting
// turned on (or set to a value that cannot be known) for the command that
// carries it, or, written to a configuration file, for the rest of the
// line. It is no effect by itself: the command it guards or forces, named
// in its catalogue entry's destroy-settings, destroys (destroy.go).
func (a *analysis) noteDestroyingSetting(i int, u catalog.SettingUse) {
	v := strings.ToLower(strings.TrimSpace(u.Value))
	on := u.Unknown || unresolved(v)
	switch u.Setting.Does {
	case catalog.Guard:
		on = on || v == "" || v == "false" || v == "0" || v == "no" || v == "off"
	case catalog.Forces:
		on = on || v == "" || v == "true" || v == "1" || v == "yes" || v == "on" || strings.HasPrefix(v, "+")
	}
	list := &a.lineDestroyBy
	if !u.Persistent && i >= 0 && a.res.Commands[i].Name == u.Setting.Namespace {
		list = &a.per[i].destroyBy
	} // else written to a file, or set by another program (env, export) for the commands after it
	if on {
		*list = append(*list, u.Setting.Pattern)
		return
	}
	// The last value given wins (git -c K=false -c K=true): a safe value
	// takes back an earlier one.
	*list = slices.DeleteFunc(*list, func(p string) bool { return p == u.Setting.Pattern })
}

// destroyedBySetting reports whether a setting the entry's destroy-settings
// names (git clean's clean.requireforce) is in force on command i.
func (a *analysis) destroyedBySetting(i int, names string) bool {
	if names == "" {
		return false
	}
	for _, list := range [][]string{a.per[i].destroyBy, a.lineDestroyBy} {
		for _, p := range list {
			for n := range strings.SplitSeq(names, ",") {
				if strings.EqualFold(n, p) {
					return true
				}
			}
		}
	}
	return false
}

func (a *analysis) settingEffect(i int, u catalog.SettingUse, why string) {
	target := u.Key + "=" + u.Value
	if u.Unknown {
		target = u.Key + "=?"
	}
	a.add(Effect{Kind: LoaderEnv, Cmd: i, Detail: u.Name(), Target: target,
		Word: target + " (" + u.Via + ": " + why + ")"})
}

// settingRisk says why a setting's value is not everyday use, or "" when
// it is.
func (a *analysis) settingRisk(i int, u catalog.SettingUse) string {
	s, v := u.Setting, u.Value
	what := s.Does.What()
	if s.Allows("@interactive") && !a.startsInteractiveShell() { // interactive.go
		return "" // whatever its value, no shell on the line reads it
	}
	if u.Unknown {
		if s.Pattern == "?" {
			return "names a git setting that cannot be resolved"
		}
		return what + ", from a value that cannot be known"
	}
	switch s.Does {
	case catalog.SearchPath:
		if s.Allows("@cwd") {
			// PYTHONPATH=. is the project's own modules.
			var keep []string
			for _, e := range strings.Split(v, ":") {
				if e != "" && e != "." && e != "./" {
					keep = append(keep, e)
				}
			}
			v = strings.Join(keep, ":")
		}
		if v != "" && a.riskyEntries(v, i) {
			return what + ": a temporary, empty or current-directory entry"
		}
		return ""
	case catalog.SafeDir:
		if v == "*" || inTemp(v) {
			return what
		}
		return ""
	}
	if unresolved(v) && !(s.Does == catalog.RunsCommand || s.Does == catalog.RunsProgram || s.Does == catalog.Helper) {
		return what + ", from a value that cannot be resolved"
	}
	switch s.Does {
	case catalog.RunsCommand, catalog.RunsProgram:
		if u.Persistent && s.Allows("@once") && v != "" && !(s.Allows("@bool") && catalog.IsGitBool(v)) {
			return what + ", in every later call"
		}
		if v == "" || a.ordinaryCommand(s, v) {
			return ""
		}
		return what
	case catalog.Helper:
		switch {
		case v == "":
			return ""
		case strings.HasPrefix(v, "!"):
			if a.ordinaryCommand(s, v[1:]) {
				return ""
			}
		case !strings.Contains(strings.Fields(v + " x")[0], "/") && !unresolved(v):
			for _, w := range strings.Fields(v) {
				if tempArg(w) {
					return what + ": " + w
				}
			}
			return "" // NAME: git's own git-credential-NAME
		case a.ordinaryCommand(s, v):
			return ""
		}
		return what
	case catalog.Bang:
		if strings.HasPrefix(v, "!") && !a.ordinaryChain(s, u, v[1:]) { // bangchain.go
			return what
		}
	case catalog.Options:
		if arg := codeOption(s.Opts, v, u.Persistent, func(p string) bool { return a.inProject(p, i) }); arg != "" {
			if u.Persistent {
				// written to a configuration that outlives the call, even
				// the project's own file is loaded unprompted by every
				// later run, whatever it holds by then (as @once programs)
				return what + ", in every later call: " + arg
			}
			return what + ": " + arg
		}
	case catalog.Function:
		// The body is walked as the commands it runs (shell/settings.go).
		return ""
	case catalog.LoadsCode:
		switch {
		case v == "", v == "/dev/null", s.OrdinaryProgram(v): // /dev/null loads nothing
		case (s.Allows("@local") || s.Allows("@syslib")) && !u.Persistent && a.localCode(v, i, s.Allows("@local")): // localcode.go
		case s.Allows("@modules") && !u.Persistent && a.moduleSwitches(v, i):
		case s.Allows("@project") && a.everyRepository(u, i, v):
			// git config --global core.hooksPath .githooks: git reads a
			// relative path in each repository it works in, so whatever
			// hooks any repository cloned later ships run unprompted
			return what + ", from every repository's own " + v
		case s.Allows("@project") && a.inProject(v, i):
		case s.Allows("@notemp") && !a.riskyEntries(v, i):
		default:
			return what
		}
	case catalog.CodeSource:
		if !ordinarySource(s, v) {
			return what
		}
	case catalog.URLRewrite:
		// Everyday rewrites keep the place: another scheme or a token for
		// the same host and path (git@github.com: for https://github.com/).
		base := u.Key[strings.IndexByte(u.Key, '.')+1 : strings.LastIndexByte(u.Key, '.')]
		h := gitURLHost(base)
		if h == "" {
			if unresolved(base) {
				return what + ": to " + base
			}
			break
		}
		if h != gitURLHost(v) && !(forgeHosts.Get(h) && forgeHosts.Get(gitURLHost(v))) || gitURLPath(base) != gitURLPath(v) {
			return what + ": to " + base
		}
	case catalog.RemoteURL:
		if _, ok := u.CommandLine(); ok || strings.HasPrefix(strings.ToLower(v), "fd::") {
			return "runs a command as the remote"
		}
	case catalog.Firewall, catalog.Approvals:
		if !s.OrdinaryProgram(strings.ToLower(v)) {
			return what
		}
	case catalog.Verify:
		switch strings.ToLower(v) {
		case "", "false", "0", "no", "off", "n", "f":
			return what
		}
	case catalog.Insecure:
		if v != "" || u.Key == "GIT_SSL_NO_VERIFY" {
			return what
		}
	case catalog.TLSVersion:
		switch strings.ToLower(v) {
		case "sslv2", "sslv3", "tlsv1", "tlsv1.0", "tlsv1.1":
			return what + ": " + v
		}
	case catalog.TrustedCA:
		// SSL_CERT_FILE=certs/dev-ca.pem pytest: the project's own CA,
		// for one call, is no trust weakened; one from /tmp, a download
		// or a copy the line makes, or written for every later call, is.
		if v == "" || !systemCA(v) && !(s.Allows("@project") && !u.Persistent && (a.projectFile(v, i) || ownToolCA(v, a.env.Home) && !a.lineWrites(match.CleanPath(v, a.env.Cwd, a.env.Home), i))) {
			return what
		}
	case catalog.Protocol:
		lv := strings.ToLower(v)
		if u.Key == "GIT_ALLOW_PROTOCOL" {
			for _, p := range strings.Split(lv, ":") {
				if p == "ext" || p == "fd" {
					return what
				}
			}
			return ""
		}
		k := strings.ToLower(u.Key)
		if lv == "always" || lv == "user" && (k == "protocol.allow" || strings.Contains(k, ".ext.") || strings.Contains(k, ".fd.")) {
			return what
		}
	case catalog.Repo:
		if strings.HasSuffix(strings.ToLower(u.Key), ".bare") {
			switch strings.ToLower(v) {
			case "true", "yes", "on", "1":
				return what
			}
			return ""
		}
		if v != "" {
			return what
		}
	}
	return ""
}

// ordinaryCommand reports whether a command line is one everyday program
// the table lists for the setting: a single command, no redirections or
// substitutions, its program named plainly or from a system directory,
// running nothing more (ssh -o ProxyCommand=… runs more).
func (a *analysis) ordinaryCommand(s *catalog.Setting, v string) bool {
	if s.Allows("@bool") && catalog.IsGitBool(v) || s.Allows("@host") && !strings.ContainsAny(v, "/ \t") {
		return true
	}
	if plainWord(v) {
		// One plain word (vim, less, /usr/bin/true): the program itself.
		return systemProgram(v) && s.OrdinaryProgram(strings.ToLower(path.Base(v)))
	}
	res := shell.Parse(strings.TrimLeft(v, "| "))
	if res.Unparsed || res.Truncated || len(res.Commands) == 0 || !wrapsOnly(res.Commands) {
		return false
	}
	c := &res.Commands[0]
	if c.Name == "" || len(c.Redirects) > 0 || len(c.Assigns) > 0 || unresolved(c.Program) || !systemProgram(c.Program) {
		return false
	}
	for _, w := range c.Args {
		// qemu -E LD_PRELOAD=…, env NAME=…: a setting passed on is not
		// the program's own ordinary use; nor is code in an argument
		// (vim +'lua os.execute(…)', -c 'call system(…)') or a file
		// from a temporary directory (ssh -F /tmp/cfg, vim -u /tmp/rc).
		if _, ok := catalog.AssignmentSetting(strings.TrimLeft(w, "-"), ""); ok {
			return false
		}
		if strings.ContainsAny(w, "!(;|&<>`") || tempArg(w) {
			return false
		}
	}
	if s.Allows("@inplace") && (c.Name == "sed" || c.Name == "gsed") && !c.Dynamic && sedEditsOnly(c.Args) {
		// GIT_SEQUENCE_EDITOR="sed -i 's/^pick 3f2a1bc/fixup 3f2a1bc/'":
		// a scripted editor that only rewrites the file it is handed
		// (sededit.go: no w, r or e that reach or run anything else)
		return true
	}
	if c.Dynamic {
		for k, w := range c.Args {
			if !unresolved(w) {
				continue
			}
			if gitPlaceholder(w) || k > 0 && (c.Args[k-1] == "-i" || c.Args[k-1] == "-l" || c.Args[k-1] == "-p") && !strings.ContainsAny(w, " \t") {
				continue
			}
			return false
		}
	}
	return s.OrdinaryProgram(c.Name)
}

// wrapsOnly reports one command, or one whose later commands are only
// the program it wraps, found behind it (ccache gcc, whose words the
// first command's arguments already hold).
func wrapsOnly(cmds []shell.Command) bool {
	for k := 1; k < len(cmds); k++ {
		if c := &cmds[k]; len(c.Via) == 0 || c.Via[0] != cmds[0].Name || c.Depth != cmds[0].Depth {
			return false
		}
	}
	return true
}

// plainWord reports whether v is one word of letters, digits and -_./+:
// that the shell passes as it is.
func plainWord(v string) bool {
	if v == "" || v[0] == '-' || v[0] == '~' {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_./+:", c) >= 0) {
			return false
		}
	}
	return true
}

// tempArg reports whether an argument, or an option's value after "=",
// names a file in a temporary directory.
func tempArg(w string) bool {
	if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "-") {
		w = v
	}
	return strings.HasPrefix(w, "/") && inTemp(w) || strings.HasPrefix(w, "$TMPDIR")
}

// gitPlaceholder reports whether w is one of the variables git fills in for
// a diff or merge tool's command ($LOCAL, $REMOTE, $MERGED, $BASE).
func gitPlaceholder(w string) bool {
	w = strings.Trim(w, `"{}`)
	switch strings.TrimPrefix(w, "$") {
	case "LOCAL", "REMOTE", "MERGED", "BASE", "BACKUP", "1", "2", "@":
		return strings.HasPrefix(w, "$")
	}
	return false
}

// systemDirs hold the programs the system installed.
var systemDirs = []string{"/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/", "/usr/local/bin/", "/usr/lib/", "/usr/libexec/",
	"/usr/share/", "/opt/homebrew/bin/", "/opt/homebrew/opt/", "/snap/bin/", "/Applications/", "/nix/store/", "/run/current-system/"}

// systemProgram reports whether a program word names a program found on
// the search path or in a system directory, not one in a directory anyone
// can write or that the line chose.
func systemProgram(p string) bool {
	if !strings.Contains(p, "/") {
		return true
	}
	if strings.Contains(p, "/../") || strings.Contains(p, "/./") {
		return false
	}
	for _, d := range systemDirs {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

// inProject reports whether a path stays inside the command's working
// directory.
func (a *analysis) inProject(v string, i int) bool {
	if unresolved(v) || strings.HasPrefix(v, "~") {
		return false
	}
	cwd := a.env.Cwd
	if i >= 0 && i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	if cwd == "" {
		return !strings.HasPrefix(v, "/") && !strings.HasPrefix(path.Clean(v), "..")
	}
	p := match.CleanPath(v, cwd, a.env.Home)
	return p == cwd || strings.HasPrefix(p, strings.TrimSuffix(cwd, "/")+"/")
}

// projectFile reports whether v, a path given to command i (relative to
// its directory, or under $PWD), names a file inside the call's working
// directory (the project, wherever the line cd'd to), under none of its
// dot directories, that no earlier command of the line writes (a
// download, a copy): a file of the project's own.
func (a *analysis) projectFile(v string, i int) bool {
	cwd := a.env.Cwd
	if i >= 0 && i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	for _, pre := range [...]string{"$PWD/", "${PWD}/"} {
		if rest, ok := strings.CutPrefix(v, pre); ok && cwd != "" {
			v = cwd + "/" + rest
		}
	}
	if a.env.Cwd == "" || cwd == "" || unresolved(v) || strings.HasPrefix(v, "~") {
		return false
	}
	p := match.CleanPath(v, cwd, a.env.Home)
	rel, ok := strings.CutPrefix(p, strings.TrimSuffix(a.env.Cwd, "/")+"/")
	if !ok || strings.HasPrefix(rel, ".") || strings.Contains(rel, "/.") {
		return false
	}
	return !a.lineWrites(p, i)
}

// everyRepository reports a relative path that git config writes to the
// user's or the system's configuration (--global, --system): git reads it
// in each repository it works in, not in this one.
func (a *analysis) everyRepository(u catalog.SettingUse, i int, v string) bool {
	if u.Via != "git config" || i < 0 || i >= len(a.res.Commands) || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "~") || strings.HasPrefix(v, "$") {
		return false
	}
	if path.Clean(v) == ".git/hooks" {
		return false // each repository's own hooks directory: git's default
	}
	for _, w := range a.res.Commands[i].Args {
		if w == "--global" || w == "--system" {
			return true
		}
	}
	return false
}

// tempDirs are directories anyone can write (in lower case): Windows'
// C:\Windows\Temp, C:\Users\Public and the system folders every user may
// write into (Tasks, Tracing, the spooler's color folder) as WSL mounts
// them among them, on any drive (inTemp reads /mnt/d/… as /mnt/c/…).
var tempDirs = []string{"/tmp", "/var/tmp", "/dev/shm", "/run/user", "/private/tmp", "/private/var/tmp", "/mnt/c/windows/temp", "/mnt/c/users/public",
	"/mnt/c/windows/tasks", "/mnt/c/windows/tracing", "/mnt/c/windows/system32/spool/drivers/color"}

// inTemp reports a path in one of tempDirs or $TMPDIR.
func inTemp(p string) bool {
	p = strings.ToLower(path.Clean(p)) // /TMP is /tmp where names fold case
	if len(p) > 7 && strings.HasPrefix(p, "/mnt/") && p[6] == '/' && p[5] >= 'a' && p[5] <= 'z' {
		p = "/mnt/c" + p[6:] // another drive's Windows and Users folders
	}
	for _, t := range tempDirs {
		if p == t || strings.HasPrefix(p, t+"/") {
			return true
		}
	}
	return strings.HasPrefix(p, "$TMPDIR") || strings.HasPrefix(p, "${TMPDIR")
}

// riskyPathList reports whether a search path (or one path) holds an entry
// anyone can write or that follows the working directory: empty, ".", or a
// temporary directory.
func riskyPathList(v string) bool {
	for _, e := range strings.Split(v, ":") {
		if e == "" || e == "." || e == "./" || inTemp(e) {
			return true
		}
	}
	return false
}

// riskyEntries is riskyPathList with each entry taken as the system
// would: ~ and .. resolved against the home and the working directory.
func (a *analysis) riskyEntries(v string, i int) bool {
	if riskyPathList(v) {
		return true
	}
	for _, e := range strings.Split(v, ":") {
		if e == "" || unresolved(e) && !homeWord(e) {
			continue
		}
		if strings.Contains(e, "..") || strings.HasPrefix(e, "~") {
			if inTemp(a.clean(e, i)) {
				return true
			}
		}
	}
	return false
}

// codeOption returns the argument of the first option in val that loads or
// runs code from outside the project (an absolute path not of the system
// and not inside the project as inProject says, the home, a URL, a data: URL, an unresolved word, a path that climbs
// out), or from anywhere when anywhere is set, or "".
func codeOption(opts []string, val string, anywhere bool, inProject func(string) bool) string {
	f := strings.Fields(val)
	for k := 0; k+1 < len(f); k++ {
		// rustc: "-C linker=X", "--codegen linker=X" are "-Clinker=X".
		if (f[k] == "-C" || f[k] == "--codegen" || f[k] == "-Z") && strings.Contains(f[k+1], "=") {
			f[k+1] = "-" + f[k][len(f[k])-1:] + f[k+1]
			if f[k] == "--codegen" {
				f[k+1] = "-C" + f[k+1][2:]
			}
		}
	}
	for k, w := range f {
		for _, o := range opts {
			arg, ok := "", false
			if c, cmd := strings.CutSuffix(o, "@"); cmd {
				// an option whose value is a command line: any value runs
				// one, judged as the command it is (shell/settings.go).
				rest, at := strings.CutPrefix(w, c)
				if at && (rest == "" && k+1 < len(f) || strings.HasSuffix(c, "=") && rest != "" || len(rest) > 1 && rest[0] == '=') {
					return w
				}
				continue
			}
			switch {
			case strings.HasSuffix(o, "!"):
				// less +!CMD: any use runs a command.
				if strings.HasPrefix(w, o) {
					return w
				}
				continue
			case strings.HasSuffix(o, ":") || strings.HasSuffix(o, "="):
				arg, ok = strings.CutPrefix(w, o)
			case w == o && k+1 < len(f):
				arg, ok = f[k+1], true
			default:
				arg, ok = strings.CutPrefix(w, o+"=")
			}
			if ok && (anywhere && strings.Trim(arg, `"'`) != "" || outsideProject(arg) && !(strings.HasPrefix(arg, "/") && inProject(arg))) {
				// (NODE_OPTIONS="--require /home/dev/project/test/setup.js":
				// the project's own file named by its whole path)
				return w
			}
		}
	}
	return ""
}

func outsideProject(arg string) bool {
	arg = strings.Trim(arg, `"'`)
	if strings.HasPrefix(arg, "jdwp=") && strings.Contains(arg, "launch=") {
		return true // the debugger agent runs a program on an event
	}
	if addr, ok := jdwpAddress("-agentlib:" + arg); ok {
		// the JDK's own debugger agent (-agentlib:jdwp=…) loads nothing
		// from elsewhere: only where it listens matters (jdwp.go)
		return !loopbackListen(addr)
	}
	if strings.Contains(arg, "*:") || strings.Contains(arg, "0.0.0.0") || strings.Contains(arg, "[::]") {
		return true // a debugger listening on every address (--inspect=0.0.0.0:9229, address=*:5005)
	}
	if h, port, ok := strings.Cut(arg, ":"); ok && isPort(port) && h != "" && h != "localhost" && h != "127.0.0.1" {
		return true // a debugger listening on another address
	}
	switch {
	case arg == "":
		return false
	case strings.HasPrefix(arg, "/"):
		return !systemProgram(arg)
	case strings.HasPrefix(arg, "~"), strings.Contains(arg, "://"), strings.HasPrefix(arg, "data:"), unresolved(arg):
		return true
	}
	return strings.HasPrefix(path.Clean(arg), "..")
}

func isPort(p string) bool {
	if p == "" || len(p) > 5 {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return false
		}
	}
	return true
}

// officialHosts are the public registries, indexes and proxies: code from
// them is what a name on its own would fetch.
var officialHosts = []string{"pypi.org", "pythonhosted.org", "registry.npmjs.org", "registry.yarnpkg.com", "npmjs.org",
	"proxy.golang.org", "rubygems.org", "goproxy.io", "index.crates.io", "crates.io", "conda.anaconda.org",
	"repo.anaconda.com", "anaconda.org", "repo.packagist.org", "packagist.org", "api.nuget.org", "nuget.org"}

// ordinarySource reports whether every entry of a source setting (a URL,
// a list of them, GOPROXY's "direct" and "off", a channel name, a local
// directory) is a public registry, a registry on this machine (loopback),
// or local and not temporary.
func ordinarySource(s *catalog.Setting, v string) bool {
	if unresolved(v) {
		return false
	}
	for _, e := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '|' || r == ' ' }) {
		switch {
		case strings.Contains(e, "://"):
			// A public registry, or one on this machine (a verdaccio,
			// devpi or Athens the user runs to rehearse a release): code
			// still comes from no outside host the value names.
			if h := urlHost(e); !officialHost(h) && !loopback(h) {
				return false
			}
		case strings.HasPrefix(e, "/") || strings.HasPrefix(e, "~") || strings.HasPrefix(e, "."):
			if inTemp(e) {
				return false
			}
		case e == "direct" || e == "off" || s != nil && s.Allows("@names") && !strings.Contains(e, "/"):
		case strings.Contains(e, "/") || strings.Contains(e, "."):
			return false // a host or path without a scheme
		}
	}
	return true
}

// OfficialRegistry reports a public package registry's host (pypi.org,
// registry.npmjs.org, crates.io): what is fetched there is a package's
// metadata or code, whatever the package is named.
func OfficialRegistry(host string) bool { return officialHost(strings.ToLower(host)) }

// LocalRegistry reports a registry URL on this machine (a verdaccio at
// http://localhost:4873, a devpi at http://127.0.0.1:3141): what is fetched
// there comes from no outside host the URL names.
func LocalRegistry(u string) bool { return strings.Contains(u, "://") && loopback(urlHost(u)) }

func officialHost(h string) bool {
	for _, o := range officialHosts {
		if h == o || strings.HasSuffix(h, "."+o) {
			return true
		}
	}
	return false
}

// urlHost is the host of a URL, lower case, without port or user; "" when
// it has none.
func urlHost(u string) string {
	if _, rest, ok := strings.Cut(u, "+"); ok && strings.Contains(u[:strings.Index(u, "://")+1], "+") {
		u = rest // sparse+https://, git+https://
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		// An unresolved user in the URL (https://${TOKEN}@host/) does not
		// parse: the host follows the last "@" before the path.
		rest := u[strings.Index(u, "://")+3:]
		if k := strings.IndexByte(rest, '/'); k >= 0 {
			rest = rest[:k]
		}
		if k := strings.LastIndexByte(rest, '@'); k >= 0 {
			rest = rest[k+1:]
		}
		if k := strings.IndexByte(rest, ':'); k >= 0 {
			rest = rest[:k]
		}
		return strings.TrimSuffix(strings.ToLower(rest), ".")
	}
	return strings.TrimSuffix(strings.ToLower(p.Hostname()), ".")
}

// gitURLHost is the host of a git address: a URL, or scp-like
// [user@]host:path.
func gitURLHost(v string) string {
	if strings.Contains(v, "://") {
		return urlHost(v)
	}
	if k := strings.IndexByte(v, ':'); k > 0 && !strings.Contains(v[:k], "/") {
		h := v[:k]
		if at := strings.LastIndexByte(h, '@'); at >= 0 {
			h = h[at+1:]
		}
		return strings.ToLower(h)
	}
	return ""
}

// gitURLPath is the path of a git address, without slashes at its ends.
func gitURLPath(v string) string {
	if i := strings.Index(v, "://"); i >= 0 {
		rest := v[i+3:]
		if k := strings.IndexByte(rest, '/'); k >= 0 {
			return strings.Trim(rest[k:], "/")
		}
		return ""
	}
	if k := strings.IndexByte(v, ':'); k > 0 {
		return strings.Trim(v[k+1:], "/")
	}
	return strings.Trim(v, "/")
}

// forgeHosts are the public code forges: a rewrite to one of them (an SSH
// address for an HTTPS one, a token added) keeps code coming from there.
var forgeHosts = table.Map[string, bool]{Words: `github.com gitlab.com bitbucket.org codeberg.org
	dev.azure.com ssh.dev.azure.com git.sr.ht ssh.github.com`}

// systemCADirs hold the certificates the system trusts.
var systemCADirs = []string{"/etc/ssl/", "/etc/pki/", "/usr/share/ca-certificates/", "/usr/local/share/ca-certificates/",
	"/etc/ca-certificates/", "/usr/lib/ssl/", "/opt/homebrew/etc/", "/usr/local/etc/openssl", "/etc/ssl"}

func systemCA(v string) bool {
	if strings.Contains(v, "/certifi/cacert.pem") && !inTemp(v) && !strings.Contains(v, "..") {
		return true
	}
	for _, d := range systemCADirs {
		if strings.HasPrefix(v, d) && !strings.Contains(v, "..") {
			return true
		}
	}
	return false
}

// ownToolCAs are the certificates, under the home, of the CAs a
// developer's own tools make on this machine for local work: mkcert's
// root (Linux and macOS) and mitmproxy's, whose keys never leave it.
var ownToolCAs = []string{".local/share/mkcert/rootCA.pem", "Library/Application Support/mkcert/rootCA.pem", ".mitmproxy/mitmproxy-ca-cert.pem"}

// ownToolCA reports a CA file (spelled under ~, $HOME or the home) that is
// one of ownToolCAs: trusted for one call, as the project's own CA is,
// by a test run that goes through the user's own proxy or local HTTPS.
func ownToolCA(v, home string) bool {
	if home == "" || strings.Contains(v, "..") {
		return false
	}
	rel, ok := strings.CutPrefix(v, "~/")
	if !ok {
		rel, ok = strings.CutPrefix(v, "$HOME/")
	}
	if !ok {
		rel, ok = strings.CutPrefix(v, "${HOME}/")
	}
	if !ok {
		rel, ok = strings.CutPrefix(v, strings.TrimSuffix(home, "/")+"/")
	}
	return ok && slices.Contains(ownToolCAs, rel)
}

// runsLaterFile reports a file in a home whose content runs later by its
// format: a desktop entry where the session or a launcher reads it, and
// readline's key bindings (engine/laterformats.go judges the text when a
// write shows it).
func runsLaterFile(p, home string) bool {
	rel := strings.TrimPrefix(p, home+"/")
	if strings.HasSuffix(rel, ".desktop") {
		return strings.HasPrefix(rel, ".local/share/applications/") || strings.HasPrefix(rel, ".config/autostart/") || strings.HasPrefix(rel, "Desktop/")
	}
	return rel == ".inputrc" || rel == ".config/readline/inputrc"
}

// readsProjectFile reports whether command i reads a file of the project
// (the working directory).
func (a *analysis) readsProjectFile(i int) bool {
	cwd := a.env.Cwd
	if cwd == "" {
		return false
	}
	for _, e := range a.out {
		if e.Cmd == i && e.Kind == Read && strings.HasPrefix(e.Path, cwd+"/") {
			return true
		}
	}
	return false
}
