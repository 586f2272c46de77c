package effect

import (
	_ "embed"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Code run by name from a registry, unseen: a package runner's package
// (npx NAME, bunx, pnpm dlx, yarn dlx, npm exec, uvx, pipx run), a tool
// installed for the user (npm, pnpm, yarn and bun global installs, cargo
// install, go install and go run of a module, gem install, pipx install,
// uv tool install, brew install from a third-party tap), and an image a
// container engine runs. The registry hands over whatever its publisher
// last pushed and it runs at once, so unless the name is one development
// commonly runs (knownpackages.txt) it is unknown code: standard asks,
// paranoid denies, and the reason names the package. Installing a
// project's own dependencies (npm install NAME, pip install NAME) is not
// this: they land in the project, listed in its manifest, for review.

//go:embed knownpackages.txt
var knownPackagesText string

// knownPackages are knownpackages.txt's names by registry: exact names,
// and prefixes (ending in "/").
var knownPackages = table.Once[map[string]*nameSet]{Build: func() map[string]*nameSet {
	m := map[string]*nameSet{}
	for line := range strings.SplitSeq(knownPackagesText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		reg, names, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		s := m[reg]
		if s == nil {
			s = &nameSet{exact: map[string]bool{}}
			m[reg] = s
		}
		for _, n := range strings.Fields(strings.ToLower(names)) {
			if strings.HasSuffix(n, "/") {
				s.prefixes = append(s.prefixes, n)
			} else {
				s.exact[n] = true
			}
		}
	}
	return m
}}

type nameSet struct {
	exact    map[string]bool
	prefixes []string
}

func (s *nameSet) has(name string) bool {
	if s == nil {
		return false
	}
	if s.exact[name] {
		return true
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// KnownPackage reports whether name (as written, with any version) is a
// package of registry (npm, pypi, go, crates, gems, brew, image) that
// development commonly runs, or is not fetched from the registry at all
// (a local path, Go's standard library).
func KnownPackage(registry, name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	if registry == "image" && strings.HasPrefix(n, "$") {
		return false // an image named at run time
	}
	if registry == "vscode" && (strings.HasPrefix(n, "/") || strings.HasPrefix(n, "~") || strings.HasPrefix(n, "../")) {
		// code --install-extension /tmp/x.vsix, ~/Downloads/x.vsix: an
		// extension from outside the project, which nobody here built
		return false
	}
	if n == "" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "/") || strings.HasPrefix(n, "~") || strings.HasPrefix(n, "$") {
		return true // a local path, or a word judged elsewhere
	}
	switch registry {
	case "npm":
		if k := strings.LastIndexByte(n, '@'); k > 0 {
			if strings.ContainsAny(n[k+1:], ":/") {
				// prettier@npm:other (an alias), gh-pages@github:x/y,
				// svgo@file:../fork: the name is a label for another source
				return false
			}
			n = n[:k] // prettier@3, @biomejs/biome@1.8.3
		}
		if strings.Contains(n, "..") {
			return false // @storybook/../../x: no package of the scope
		}
	case "vscode":
		n, _, _ = strings.Cut(n, "@") // golang.go@0.41.0
	case "pypi":
		if k := strings.IndexAny(n, "=<>~![;@ "); k > 0 {
			n = n[:k] // ruff==0.6.0, black[jupyter]
		}
	case "go":
		if strings.HasSuffix(n, ".go") && !strings.Contains(n, "@") {
			// go run main.go: go reads a word ending in .go as a source
			// file on disk, never as a package to fetch
			return true
		}
		n, _, _ = strings.Cut(n, "@")
		first, _, _ := strings.Cut(n, "/")
		if !strings.Contains(first, ".") {
			return true // the standard library, or the module's own packages
		}
	case "brew":
		if !strings.Contains(n, "/") {
			return true // Homebrew's own reviewed formulae and casks
		}
	case "image":
		return knownImage(n)
	case "deno":
		// deno run npm:NAME and jsr:NAME fetch a package; anything else
		// is a file of the project or a URL (judged as remote code)
		if rest, ok := strings.CutPrefix(n, "npm:"); ok {
			return KnownPackage("npm", rest)
		}
		if rest, ok := strings.CutPrefix(n, "jsr:"); ok {
			return knownPackages.Get()["jsr"].has(rest)
		}
		return true
	}
	return knownPackages.Get()[registry].has(n)
}

// knownImage reports an image that is official (no publisher), from a
// known publisher, pinned to a tag that does not move, or by digest.
func knownImage(n string) bool {
	if strings.Contains(n, "@sha256:") {
		return true
	}
	repo, tag := n, ""
	if k := strings.LastIndexByte(n, ':'); k > strings.LastIndexByte(n, '/') {
		repo, tag = n[:k], n[k+1:]
	}
	if !strings.Contains(repo, "/") {
		return true // alpine, node:20, a local build's api:dev
	}
	if knownPackages.Get()["image"].has(repo) || knownPackages.Get()["image"].has(catalog.ImageName(repo)) || catalog.ImageListed(repo) {
		return true // (images.txt: an image that runs a known program)
	}
	switch tag {
	case "", "latest", "main", "master", "edge", "nightly", "dev-latest", "head", "unstable":
		return false
	}
	return true // someone/tool:1.4.2: a version someone chose, or the project's own build
}

// runnerRegistry returns the registry a package runner fetches from, for
// the wrapper a command was found behind and the wrapper's arguments; ""
// when the wrapper runs no package (uv run, poetry run: the project's).
func runnerRegistry(wrapper string, args []string) string {
	switch wrapper {
	case "uvx":
		return "pypi"
	case "pipx":
		if len(args) > 0 && args[0] == "run" {
			return "pypi"
		}
		return ""
	case "uv":
		if len(args) > 1 && args[0] == "tool" && args[1] == "run" {
			return "pypi" // uv tool run is uvx
		}
		return ""
	}
	switch wrapper {
	case "npx", "pnpx", "bunx":
		return "npm"
	case "pnpm", "yarn", "bun", "npm":
		// pnpm dlx, yarn dlx, bun x, npm exec and npm x fetch; pnpm exec
		// and yarn's scripts run the project's own bins
		for _, a := range args {
			if strings.HasPrefix(a, "-") {
				continue
			}
			if a == "dlx" || wrapper == "bun" && a == "x" || wrapper == "npm" && (a == "exec" || a == "x") {
				return "npm"
			}
			return ""
		}
	}
	return ""
}

// installRegistry returns the registry a command installs tools from for
// the user ("" for a project's dependencies and for other commands).
func installRegistry(c *shell.Command, e *catalog.Entry) string {
	if e == nil || e.Prop("installs") == "" && e.Prop("runs-package") == "" {
		return ""
	}
	if r := e.Prop("registry"); r != "" {
		return r // a manager that installs for the user or the machine whatever its options (flatpak install, code --install-extension)
	}
	sub := ""
	if len(c.Args) > 0 {
		sub = c.Args[0]
	}
	switch c.Name {
	case "npx", "pnpx", "bunx":
		return "npm" // npx -p NAME, --package NAME
	case "uvx":
		return "pypi"
	case "npm", "pnpm", "bun", "cnpm", "yarn":
		if e.Prop("runs-package") != "" {
			return "npm" // pnpm dlx -p NAME
		}
		for _, a := range c.Args {
			if a == "-g" || a == "--global" || a == "--location=global" || a == "global" {
				return "npm"
			}
		}
	case "cargo":
		return "crates"
	case "go":
		if sub == "install" || sub == "run" {
			return "go"
		}
	case "gem":
		if sub == "install" || sub == "update" {
			return "gems"
		}
	case "pipx":
		if sub == "install" || sub == "inject" || sub == "upgrade" || sub == "run" {
			return "pypi"
		}
	case "uv":
		if sub == "tool" {
			return "pypi"
		}
	case "brew":
		return "brew"
	case "deno":
		return "deno"
	}
	return ""
}

// createPackage returns the package npm init NAME, npm create NAME, yarn
// create NAME, pnpm create NAME and bun create NAME fetch and run:
// create-NAME (@scope/create-NAME, @scope/create); "" for other commands.
func createPackage(c *shell.Command) string {
	switch c.Name {
	case "npm", "pnpm", "yarn", "bun", "cnpm":
	default:
		return ""
	}
	sub := -1
	for k, a := range c.Args {
		if !strings.HasPrefix(a, "-") {
			sub = k
			break
		}
	}
	if sub < 0 || c.Args[sub] != "create" && c.Args[sub] != "init" && c.Args[sub] != "innit" {
		return ""
	}
	for _, a := range c.Args[sub+1:] {
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		if strings.HasPrefix(a, ".") || strings.HasPrefix(a, "/") {
			return "" // a directory to create in
		}
		if scope, name, ok := strings.Cut(a, "/"); ok && strings.HasPrefix(scope, "@") {
			return scope + "/create-" + name
		}
		if strings.HasPrefix(a, "@") {
			return a + "/create"
		}
		return "create-" + a
	}
	return ""
}

// unseenPackages adds an unknown effect for each package command i runs or
// installs by name that is not a known one.
func (a *analysis) unseenPackages(i int, c *shell.Command, cl *catalog.Classified) {
	if k := len(c.Via) - 1; k >= 0 {
		args := a.viaArgs(i, c, k)
		// a program the catalogue knows is this machine's (npx rm runs rm)
		reg := runnerRegistry(c.Via[k], args)
		if named := namedPackage(args); reg != "" && named != "" {
			// npx -p NAME CMD, pnpm --package=NAME dlx CMD, pipx run --spec NAME CMD
			if !remotePackage(named, "") && !KnownPackage(reg, named) {
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Via[k] + " fetches " + named + " from " + reg + ", a package nobody here has read"})
			}
		} else if reg != "" && !remotePackage(c.Program, "") && (!catalog.Default().Known(c.Name) || reg == "npm" && otherSource(c.Program)) && !KnownPackage(reg, c.Program) {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Via[k] + " runs " + c.Program + " from " + reg + ", a package nobody here has read"})
		}
	}
	if pkg := createPackage(c); pkg != "" && !KnownPackage("npm", pkg) {
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Name + " " + c.Args[0] + " runs " + pkg + " from npm, a package nobody here has read"})
	}
	e := cl.Entry
	if reg := installRegistry(c, e); reg != "" {
		end := len(c.Args)
		if e.Has("runs-package") {
			// npx -p NAME CMD ARGS: the runner's own options come before
			// the command; CMD's (http-server -p 8080) are CMD's
			for _, w := range cl.Words {
				if w.Option == "" {
					end = w.Index
					break
				}
			}
		}
		named := false
		for _, w := range cl.Words {
			if w.Index <= end && w.Role == catalog.Package {
				named = true
			}
			if w.Index <= end && w.Role == catalog.Package && e.Prop("registry") != "" && unresolved(w.Text) {
				// code --install-extension "$EXT": named only at run time
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Name + " fetches " + w.Text + " from " + reg + ", named only when it runs"})
				continue
			}
			if w.Index > end || w.Role != catalog.Package || remotePackageOf(e, w.Text) || w.Text == "install" || w.Text == "run" || KnownPackage(reg, w.Text) {
				continue
			}
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Name + " fetches " + w.Text + " from " + reg + ", a package nobody here has read"})
		}
		if !named && !c.Synthetic && behindXargs(c) && e.Prop("registry") != "" {
			// xargs -n1 code --install-extension < list: the names are the input's
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Name + " fetches what xargs reads from " + reg})
		}
	}
	if e.Has("runs-image") {
		for _, w := range cl.Words {
			if w.Option != "" {
				continue
			}
			if !KnownImageWord(w.Text) && !a.builtOnLine(i, w.Text) { // builtimages.go
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "package", Word: c.Name + " runs the image " + w.Text + " from a publisher nobody here has vetted, at a tag that moves"})
			}
			break // the first positional is the image
		}
	}
}

// KnownImageWord is KnownPackage for a container image as written.
func KnownImageWord(w string) bool { return KnownPackage("image", w) }

// namedPackage returns the package a runner is told to fetch by an
// option (-p NAME, --package=NAME, --from NAME, --spec NAME), or "".
func namedPackage(args []string) string {
	for k, a := range args {
		if !strings.HasPrefix(a, "-") && a != "dlx" && a != "exec" && a != "x" && a != "run" {
			return "" // the command: what follows is its own (http-server -p 8080)
		}
		switch {
		case (a == "-p" || a == "--package" || a == "--from" || a == "--spec") && k+1 < len(args):
			return args[k+1]
		case strings.HasPrefix(a, "--package=") || strings.HasPrefix(a, "--from=") || strings.HasPrefix(a, "--spec="):
			_, v, _ := strings.Cut(a, "=")
			return v
		}
	}
	return ""
}

// namesPackage reports a runner told which package to fetch by an option
// (npx -p NAME CMD, uvx --from NAME CMD): the command is that package's.
func namesPackage(args []string) bool {
	for _, a := range args {
		switch {
		case a == "-p" || a == "--package" || a == "--from" || a == "--spec":
			return true
		case strings.HasPrefix(a, "--package=") || strings.HasPrefix(a, "--from=") || strings.HasPrefix(a, "--spec="):
			return true
		}
	}
	return false
}

// otherSource reports an npm package word whose version names another
// source (gh-pages@file:/tmp/x, surge@npm:other, x@github:u/r): the
// program it runs is not the catalogued one of its name.
func otherSource(w string) bool {
	k := strings.LastIndexByte(w, '@')
	return k > 0 && strings.ContainsAny(w[k+1:], ":/")
}
