package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// userBinDirs are directories in the user's home that usually come first
// on PATH.
var userBinDirs = []string{"/.local/bin", "/bin", "/.bin", "/.cargo/bin", "/go/bin", "/.go/bin", "/.bun/bin", "/.deno/bin",
	"/.npm-global/bin", "/.npm-packages/bin", "/.yarn/bin", "/.volta/bin", "/.local/share/pnpm", "/.dotnet/tools", "/.nix-profile/bin",
	"/.pyenv/shims", "/.rbenv/shims", "/.nodenv/shims", "/.asdf/shims", "/.local/share/mise/shims", "/.local/share/aquaproj-aqua/bin",
	"/.goenv/shims", "/.jenv/shims", "/.plenv/shims", "/.phpenv/shims",
	// a version manager's current toolchain, put on PATH by its start-up script
	"/.nvm/versions/node/*/bin", "/.sdkman/candidates/*/*/bin", "/.rustup/toolchains/*/bin", "/.pyenv/versions/*/bin",
	"/.rbenv/versions/*/bin", "/.nodenv/versions/*/bin", "/.goenv/versions/*/bin", "/.asdf/installs/*/*/bin",
	"/.local/share/mise/installs/*/*/bin", "/.volta/tools/image/*/*/bin", "/.local/share/fnm/node-versions/*/installation/bin"}

// userBinLast are the last segments of userBinDirs.
var userBinLast = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, d := range userBinDirs {
		m[d[strings.LastIndexByte(d, '/')+1:]] = true
	}
	return m
}}

// shadowedNames are programs an agent and its user run all the time that
// the catalogue need not list (shell builtins with a program twin, id
// tools): a file of that name in a user PATH directory runs instead of the
// system's. Every program the catalogue lists counts too.
var shadowedNames = table.Map[string, bool]{Words: `sudo su doas ls cat cp mv rm git
	ssh scp curl wget python python3 node npm
	npx pip pip3 sh bash zsh env grep find
	make docker gpg ssh-add passwd id whoami cd`}

// Shadows reports the effect of writing the cleaned path p when it puts a
// program of a known name in a user PATH directory (~/.local/bin/sudo,
// ~/bin/git, another user's ~/.local/bin/ls): from then on it runs in
// place of the system's, which changes what code programs load, as a PATH
// ahead of the system's directories does. home is the user's home.
func Shadows(p, home string) (Effect, bool) {
	name := path.Base(p)
	dir := path.Dir(p)
	if !userBinDir(dir, home) || !shadowedNames.Get(name) && !shadowedNames.Get(versionless(name)) && !catalog.Default().Known(name) && !catalog.Default().Known(versionless(name)) {
		return Effect{}, false
	}
	if versionless(name) == "python" && projectBinDir(dir) && !userBinDirMatch(dir, home) {
		// a virtual environment's own interpreter is the system's,
		// linked or copied there when it is made (ln -s /usr/bin/python3
		// venv/bin/python)
		return Effect{}, false
	}
	return Effect{Kind: LoaderEnv, Cmd: -1, Detail: "PATH", Target: "shadows " + name + " with " + p}, true
}

// userBinDir reports a user PATH directory: one of userBinDirs in the
// user's home, or in another user's (/home/NAME, /root).
func userBinDir(dir, home string) bool {
	if !userBinLast.Get(dir[strings.LastIndexByte(dir, '/')+1:]) {
		// Every one of them ends in a literal segment (bin, shims...),
		// which the directory must end in too: most directories written
		// do not, and are not matched against each.
		return false
	}
	return userBinDirMatch(dir, home) || projectBinDir(dir)
}

// projectBinDirs end the directories of a project's own tools that its
// commands put first on PATH: npm run and npx put node_modules/.bin there,
// an activated virtual environment its bin. A file written there (jest,
// pytest) runs when the project's tests or scripts do.
var projectBinDirs = []string{"/node_modules/.bin", "/.venv/bin", "/venv/bin"}

// projectBinDir reports a project's tool directory (projectBinDirs).
func projectBinDir(dir string) bool {
	for _, d := range projectBinDirs {
		if strings.HasSuffix(dir, d) {
			return true
		}
	}
	return false
}

// userBinDirMatch is userBinDir's matching, each directory in turn.
func userBinDirMatch(dir, home string) bool {
	for _, d := range userBinDirs {
		rest, ok := strings.CutSuffix(dir, d)
		if strings.Contains(d, "*") {
			// /.nvm/versions/node/*/bin: as many segments, each matched
			n := strings.Count(d, "/")
			cut := len(dir)
			for k := 0; k < n && cut > 0; k++ {
				cut = strings.LastIndexByte(dir[:cut], '/')
			}
			if cut < 0 {
				continue
			}
			m, _ := path.Match(d, dir[cut:])
			rest, ok = dir[:cut], m
		}
		if !ok {
			continue
		}
		if home != "" && rest == home || rest == "/root" || strings.HasPrefix(rest, "/home/") && strings.Count(rest, "/") == 2 {
			return true
		}
	}
	return false
}

// versionless is a program name without a version suffix: python3.12,
// node18, gcc-13 are python, node, gcc.
func versionless(name string) string {
	return strings.TrimRight(name, "0123456789.-")
}

// archiveExts are file names of archives, whose members' names a line
// does not show.
var archiveExts = []string{".tar", ".tgz", ".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst", ".txz", ".tbz2", ".tzst", ".zip", ".7z", ".rar"}

// pathShadows reports the line's writes that shadow a program (Shadows).
func (a *analysis) pathShadows() {
	if a.env.Home == "" {
		return
	}
	n := len(a.out)
	for k := 0; k < n; k++ {
		e := a.out[k]
		if e.Kind != Write {
			continue
		}
		if s, ok := Shadows(e.Path, a.env.Home); ok {
			s.Cmd = e.Cmd
			a.add(s)
			continue
		}
		if !userBinDir(path.Clean(e.Path), a.env.Home) || e.Cmd < 0 || e.Cmd >= len(a.per) {
			continue
		}
		// a copy into the directory (cp FILE DIR/) names its files by the
		// sources; an archive unpacked there, by members nobody sees
		for _, src := range append(append([]string(nil), a.per[e.Cmd].reads...), a.per[e.Cmd].writes...) {
			if s, ok := Shadows(path.Join(e.Path, path.Base(src)), a.env.Home); ok {
				s.Cmd = e.Cmd
				a.add(s)
				break
			}
			for _, ext := range archiveExts {
				if strings.HasSuffix(strings.ToLower(src), ext) {
					a.add(Effect{Kind: LoaderEnv, Cmd: e.Cmd, Detail: "PATH", Target: "unpacks " + src + " into " + e.Path})
					break
				}
			}
		}
	}
}

// dirLike reports whether a path looks like a directory rather than a
// file: no extension, or a dot-directory (.git, .ssh). A move of one takes
// the whole tree with it.
func dirLike(p string) bool {
	b := path.Base(p)
	ext := path.Ext(b)
	return ext == "" || ext == b
}

// serves judges a program that serves a directory over the network (a
// catalogue "serves" entry: http-server DIR, caddy file-server --root DIR,
// rclone serve http DIR; with "serves-cwd", the working directory when
// none is named: python3 -m http.server): serving the home directory, a
// directory above it or a credential directory hands its files to whoever
// connects.
func (a *analysis) serves(i int, c *shell.Command, f *cmdFacts, e *catalog.Entry) {
	reads := f.reads
	if len(reads) == 0 && e.Has("serves-cwd") && i < len(a.cwds) && a.cwds[i] != "" {
		reads = []string{a.cwds[i]}
	}
	for _, p := range reads {
		if a.sensitiveDir(p) || a.sensitive(p) {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "home-archive->network", Word: c.Name + " serves " + p})
			return
		}
	}
}

// moduleEntry is the catalogue entry and words a command is judged by when
// it runs a Python module as a program ("python3 -m pip install x" is pip's
// "install x"; "python3 -m http.server" is the entry "python-http.server"),
// else its own name and words.
func (a *analysis) moduleEntry(name string, args []string) (string, []string) {
	if name == "php" {
		// php -S ADDR [-t DIR]: the built-in web server.
		for _, w := range args {
			if strings.HasPrefix(w, "-S") && a.cat.Known("php-server") {
				return "php-server", args
			}
		}
	}
	if n, rest, ok := a.scriptEntry(name, args); ok {
		return n, rest
	}
	if name == "ruby" {
		if n, rest, ok := rubyUn(args); ok && a.cat.Known(n) {
			return n, rest
		}
	}
	if !catalog.IsPython(name) {
		return name, args
	}
	if n, rest := a.cat.ModuleProgram(name, args); n != name {
		return n, rest
	}
	_, rest, ok := catalog.PythonModule(args)
	if !ok {
		return name, args
	}
	// A module the catalogue does not list: its name is neither a file
	// nor a host (python3 -m json.tool); the words after it are read as
	// an unknown program's.
	return name, rest
}

// scriptEntry is the catalogue entry of a script an interpreter runs when
// the entry says it is run that way ("run-as-script": python manage.py,
// php artisan, ruby bin/rails), and the script's words.
func (a *analysis) scriptEntry(name string, args []string) (string, []string, bool) {
	switch name {
	case "python", "python2", "python3", "pypy", "pypy3", "php", "ruby", "node", "bun", "deno":
	default:
		return "", nil, false
	}
	for k, w := range args {
		if strings.HasPrefix(w, "-") {
			if w == "-m" || w == "-c" || w == "-e" || w == "-r" || w == "-S" {
				return "", nil, false // a module, code or server: not a script
			}
			continue
		}
		base := strings.ToLower(path.Base(w))
		if e, _ := a.cat.Lookup(base, nil); e != nil && e.Prop("run-as-script") != "" {
			return base, args[k+1:], true
		}
		return "", nil, false
	}
	return "", nil, false
}

// rubyUn finds Ruby's "un" library run as a program (ruby -run -e rm --
// -rf DIR, ruby -run -e httpd DIR): the file command it stands for ("rm";
// "ruby-httpd" for its web server) and that command's words.
func rubyUn(args []string) (string, []string, bool) {
	un := false
	for k := 0; k < len(args); k++ {
		w := args[k]
		switch {
		case w == "-run" || w == "-r" && k+1 < len(args) && args[k+1] == "un":
			un = true
		case w == "-e" && un && k+1 < len(args):
			n, rest := args[k+1], args[k+2:]
			if len(rest) > 0 && rest[0] == "--" {
				rest = rest[1:]
			}
			if n == "httpd" {
				n = "ruby-httpd"
			}
			return n, rest, true
		}
	}
	return "", nil, false
}

// systemBinDirs hold the system's programs.
var systemBinDirs = []string{"/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/"}

// noteBinCopies remembers copies and links of system programs a command
// makes (cp /bin/rm /tmp/tidy, ln -s /bin/rm x, install /usr/bin/rm ./x):
// run later on the line, the copy is that program.
func (a *analysis) noteBinCopies(f *cmdFacts) {
	if len(f.reads) != 1 || len(f.writes) != 1 {
		return
	}
	for _, d := range systemBinDirs {
		if rest, ok := strings.CutPrefix(f.reads[0], d); ok && rest != "" && !strings.Contains(rest, "/") {
			if a.binCopies == nil {
				a.binCopies = map[string]string{}
			}
			a.binCopies[f.writes[0]] = rest
			return
		}
	}
}

// programName is the name a command's program is judged by: its own, or
// the system program it is a copy of.
func (a *analysis) programName(i int, c *shell.Command) string {
	if a.binCopies == nil {
		return c.Name
	}
	if !strings.ContainsRune(c.Program, '/') {
		// cp /usr/bin/env ~/.local/bin/e; e: a copy put in a user PATH
		// directory runs by its bare name
		for p, n := range a.binCopies {
			if path.Base(p) == c.Name && userBinDir(path.Dir(p), a.env.Home) {
				return n
			}
		}
		return c.Name
	}
	p := a.clean(c.Program, i)
	if n, ok := a.binCopies[p]; ok {
		return n
	}
	if len(a.links) > 0 {
		// A link the line made to a system program (links.go).
		for _, d := range systemBinDirs {
			if rest, ok := strings.CutPrefix(p, d); ok && rest != "" && !strings.Contains(rest, "/") {
				return rest
			}
		}
	}
	return c.Name
}
