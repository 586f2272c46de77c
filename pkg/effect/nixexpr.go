package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// flakeRemote reports whether w, a Nix flake reference or a Nix file's
// name (an entry's "specifier" is "flake": nix run, nix develop, nix-shell,
// nix-channel --add), names code from somewhere else: a URL
// (https://…/flake.tar.gz, git+https://…), or a repository of a forge
// (github:, gitlab:, sourcehut:). A registry's name (nixpkgs#hello,
// home-manager/master), a local path (., ./x.nix, path:/…, git+file:) and
// the distribution's own repositories and channels (github:NixOS/…,
// https://nixos.org/channels/…) are not.
func flakeRemote(w string) bool {
	w = strings.ToLower(strings.Trim(w, `"'`))
	if _, v, ok := strings.Cut(w, "="); ok && !strings.Contains(w[:len(w)-len(v)], ":") {
		w = v // -I nixpkgs=URL: a search path's entry
	}
	for _, p := range [...]string{"path:", "file:", "git+file:", "flake:", "channel:", "github:nixos/",
		"https://nixos.org/", "https://channels.nixos.org/", "https://releases.nixos.org/", "https://github.com/nixos/"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	if strings.Contains(w, "://") {
		return true
	}
	for _, p := range [...]string{"github:", "gitlab:", "sourcehut:", "git+", "hg+", "tarball+"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// nixExprs reads the Nix expressions the options of the entry's "nix-expr"
// property carry (nix eval --expr, nix-shell -E): a path literal the
// expression names (builtins.readFile ~/.aws/credentials, import ./x.nix)
// is a file it reads, and nix eval prints what it reads; a URL or a
// forge's flake it fetches (fetchTarball "https://…", builtins.getFlake
// "github:…") is code straight from a URL.
func (a *analysis) nixExprs(i int, cl *catalog.Classified, opts string, f *cmdFacts) {
	for _, w := range cl.Words {
		if w.Option == "" || !hasWord(opts, w.Option) {
			continue
		}
		for _, tok := range nixTokens(w.Text) {
			switch {
			case flakeRemote(tok):
				a.add(Effect{Kind: RemoteCode, Cmd: i, Detail: "package", Word: tok})
			case strings.HasPrefix(tok, "/") || strings.HasPrefix(tok, "~/") || strings.HasPrefix(tok, "./") || strings.HasPrefix(tok, "../"):
				p := a.clean(tok, i)
				a.add(Effect{Kind: Read, Cmd: i, Path: p})
				f.reads = append(f.reads, p)
			}
		}
	}
}

// nixTokens splits a Nix expression into its path literals and the
// contents of its strings: the words a reader of paths and URLs looks at.
// Anything else (names, operators, numbers) is left out.
func nixTokens(expr string) []string {
	var out []string
	for k := 0; k < len(expr); {
		c := expr[k]
		switch {
		case c == '"':
			j := strings.IndexByte(expr[k+1:], '"')
			if j < 0 {
				return out
			}
			out = append(out, expr[k+1:k+1+j])
			k += j + 2
		case c == '/' || c == '~' || c == '.':
			j := k
			for j < len(expr) && nixPathByte(expr[j]) {
				j++
			}
			if t := expr[k:j]; strings.Contains(t, "/") && (k == 0 || !nixPathByte(expr[k-1])) {
				out = append(out, t)
			}
			k = max(j, k+1)
		default:
			k++
		}
	}
	return out
}

// nixPathByte reports whether b may be part of a Nix path literal.
func nixPathByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("._-+~/", b) >= 0
}

// runsFile adds, for a program that runs a file of its working directory
// (an entry's "runs-file": vagrant up runs ./Vagrantfile, devcontainer up
// the folder's .devcontainer/devcontainer.json), the run of that file in
// the directory the command works in: one the line cloned or downloaded,
// or a temporary one, is code nobody here has read. "VAR:FILE" names a
// variable that, set on the command, is that directory instead
// (VAGRANT_CWD=/tmp/x vagrant up).
func (a *analysis) runsFile(i int, c *shell.Command, file string) {
	dir := a.env.Cwd
	if i < len(a.cwds) && a.cwds[i] != "" {
		dir = a.cwds[i]
	}
	if v, f, ok := strings.Cut(file, ":"); ok {
		file = f
		for _, as := range c.Assigns {
			if val, ok := strings.CutPrefix(as, v+"="); ok && val != "" && !unresolved(val) {
				dir = a.clean(val, i)
			}
		}
	}
	p := path.Join(dir, file)
	a.add(Effect{Kind: Exec, Cmd: i, Path: p})
	if inTemp(p) { // settings.go
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " runs " + p + ", a file in a temporary directory nobody here has read"})
	}
}
