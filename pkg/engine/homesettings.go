package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// A person's hidden settings: caution where a file cannot be told apart.
//
// Credential stores are known by a list of paths (the profiles'
// protect-credentials), and every tool that keeps a login in a file of
// its own is a name the list does not have yet: ~/.dogrc,
// ~/.config/atlascli/config.toml, ~/.ipfs/config. So a read of a file
// among a person's hidden settings — a dotfile directly in a home, a file
// under a hidden directory of a home (~/.config/TOOL/, ~/.TOOL/; macOS's
// ~/Library/Application Support/TOOL/ is judged as ~/.config/TOOL/ by
// appDataHomeNames) — that is neither a known credential store (the lists
// deny it as before) nor a reviewed setting without secrets
// (nosecrets.go), nor in a cache, data or code tree, is judged once more
// as the effect "read:home-settings": the standard profile asks, the
// paranoid one denies. A read of the kind is also a sensitive source for
// flows when the policy stops it (sensitiveSettings): such a file sent off
// the machine is judged as a credential leaving.
//
// Where the caller may look at the disk (Env.Private), such a file, or
// any file under /etc, that its owner keeps private (others may not read
// it) is judged as "read:private-settings" instead: a file its
// owner hides holds a secret, and the profiles deny its read as a
// credential store's. A reviewed setting without secrets stays allowed
// whatever its mode (~/.claude.json and ~/.viminfo are private by
// default and hold none).

// Effect descriptors of a settings read.
const (
	effectHomeSettings    = "read:home-settings"
	effectPrivateSettings = "read:private-settings"
)

// settingsDataTrees are the hidden directories of a home, and trees in
// them, that hold caches, downloaded packages, toolchains and other
// people's code rather than a person's settings: a file there is read in
// everyday work (a dependency's source, a toolchain's docs). git's global
// hooks directories (the last line) hold scripts, judged as the hooks
// they are when written (the profile's git settings), not logins. Paths
// are relative to the home, without a final slash.
var settingsDataTrees = table.Map[string, bool]{Words: `.cache .local .npm .nvm .pyenv .rbenv .rustup .sdkman .ghcup .elan .opam .cargo/registry .cargo/git
	.cargo/bin .m2/repository .m2/wrapper .gradle/caches .gradle/wrapper .gradle/native .gradle/daemon
	.gradle/jdks .vscode/extensions .vscode-server .vscode-oss/extensions .cursor/extensions
	.cursor-server .windsurf/extensions .oh-my-zsh .vim .emacs.d/elpa .emacs.d/straight
	.emacs.d/eln-cache .tmux/plugins .zinit .zplug .antigen .bun/install .bun/bin .yarn/berry/cache
	.yarn/cache .deno .pnpm-store .nuget/packages .conda/pkgs .conda/envs .ivy2/cache .ivy2/local
	.sbt/boot .stack/programs .stack/snapshots .stack/indices .cabal/packages .cabal/store
	.julia/packages .julia/artifacts .julia/compiled .julia/registries .dotnet .java .thumbnails .Trash
	.minikube/cache .kube/cache .kube/http-cache .terraform.d/plugins .terraform.d/plugin-cache
	.pub-cache .gem/ruby .gem/specs .cpanm .platformio/packages .platformio/platforms
	.arduino15/packages .espressif .ollama/models .node-gyp .electron-gyp .swiftpm .npm-global
	.volta/tools .asdf/installs .asdf/plugins .asdf/shims .pyenv-virtualenv .virtualenvs .rye/py .go
	.tldr .fonts .icons .themes .android/cache .android/avd .gradle/.tmp .git .claude/todos
	.claude/shell-snapshots .claude/statsig .codex/log .codeium/cache
	.githooks .git-hooks .config/git/hooks .git-templates/hooks`}

// settingsCodeSegments are directory names that hold other people's code
// wherever they sit.
var settingsCodeSegments = table.Map[string, bool]{Words: `node_modules site-packages dist-packages __pycache__ vendor
	plugins plugged pack bundle bin lib share
	testdata fixtures examples logs log cache Cache
	Caches CachedData GPUCache`}

// settingsCodeExts are the extensions of source code, documents and media:
// a hidden directory's code (an editor's plugins, a shell framework) and
// pictures are not where a login is kept. The list is the profile's
// (protect-credentials' path_not_matches) plus media.
var settingsCodeExts = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, e := range []string{
		"py", "pyc", "rb", "js", "mjs", "cjs", "ts", "go", "rs", "java", "kt", "c", "h", "cc", "cpp", "php", "pl",
		"pm", "lua", "md", "rst", "html", "css", "vim", "el", "elc", "fish", "zsh", "png", "jpg", "jpeg",
		"gif", "svg", "ico", "ttf", "otf", "woff", "woff2", "log", "lock", "map",
		// Nix expressions: home-manager's and nix-darwin's configuration
		// is code (a secret in it is named so: secrets.nix)
		"nix",
		// public halves (id_ed25519.pub, zerotier's identity.public) and
		// certificates, and samples that ship with a tool
		"pub", "public", "crt", "cer", "example", "sample", "template", "dist", "defaults", "tmpl",
	} {
		m[e] = true
	}
	return m
}}

// homeRel returns p relative to the home directory it lies in — the
// user's, /root, or another user's under /home or /Users — or "" when it
// lies in none.
func (ev *evaluation) homeRel(p string) string {
	if h := ev.e.env.Home; h != "" && h != "/" && len(p) > len(h)+1 && p[len(h)] == '/' && strings.HasPrefix(p, h) {
		return p[len(h)+1:]
	}
	if rest, ok := strings.CutPrefix(p, "/root/"); ok {
		return rest
	}
	// another account's home: /home/NAME, /Users/NAME, Fedora's, FreeBSD's
	// and exported homes, homes mounted from a file server or another
	// system (match.OtherHome, the one list of them)
	if h := match.OtherHome(p); h != "" && len(p) > len(h)+1 && p[len(h)] == '/' {
		return p[len(h)+1:]
	}
	return ""
}

// settingsEffect is the settings effect of a read of the cleaned path p
// (see above), or "". A kept copy (.gitconfig.bak, id_ed25519.pub~) is
// the settings its original is: its name's ending says nothing more.
func (ev *evaluation) settingsEffect(p string) string {
	if len(p) < 3 || p[0] != '/' {
		return ""
	}
	var bk [4]string
	if o := match.BackupOriginals(bk[:0], p); len(o) > 0 {
		p = o[len(o)-1]
	}
	if rest, ok := strings.CutPrefix(p, "/etc/"); ok {
		if rest != "" && ev.e.env.Private != nil && ev.e.env.Private(p) {
			return effectPrivateSettings
		}
		return ""
	}
	rel := ev.homeRel(p)
	if personalStore(rel) {
		return effectPersonalData // personaldata.go
	}
	if rel == "" || rel[0] != '.' || !ev.homeSettings(p, rel) {
		if ev.otherUsersFile(p, rel) {
			return effectOtherUser // otherusers.go
		}
		return ""
	}
	// A history is private by default and asks, as the profile's own
	// history rules say: its mode tells nothing here.
	if ev.e.env.Private != nil && !historyName(path.Base(rel)) && ev.e.env.Private(p) {
		return effectPrivateSettings
	}
	return effectHomeSettings
}

// homeSettings reports whether rel, a path relative to a home that starts
// with a dot, is a person's setting that may hold a credential: not a
// reviewed setting without secrets, not in a data tree, not code, and not
// in the project the call works in.
func (ev *evaluation) homeSettings(p, rel string) bool {
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "./") || strings.HasPrefix(rel, "../") {
		return false // not a clean path
	}
	if cwd := ev.c.Cwd; cwd != "" && cwd != ev.e.env.Home && len(p) > len(cwd) && p[len(cwd)] == '/' && strings.HasPrefix(p, cwd) && ev.homeRel(cwd) != "" {
		return false // the project's own files, when the project sits in the home
	}
	fold := ev.e.env.FoldCase
	// a file named for a secret (secrets.lua, tokens.fish) is not vouched
	// for by the reviewed tree it sits in, nor by being a script: people
	// keep their tokens in an editor's or a shell's configuration
	named := secretFileName(path.Base(rel))
	// the file and each directory above it, from the top
	for i := 0; i <= len(rel); i++ {
		if i < len(rel) && rel[i] != '/' {
			continue
		}
		dir := rel[:i]
		if i == len(rel) {
			if settingsWithoutSecrets(dir, fold) {
				return false
			}
			break
		}
		if settingsDataTrees.Get(dir) || fold && settingsDataTrees.Get(strings.ToLower(dir)) || !named && settingsWithoutSecrets(dir+"/", fold) {
			return false
		}
		if seg := path.Base(dir); settingsCodeSegments.Get(seg) {
			return false
		}
	}
	base := path.Base(rel)
	if i := strings.LastIndexByte(base, '.'); i > 0 && !named && settingsCodeExts.Get(strings.ToLower(base[i+1:])) {
		return false
	}
	if settingsPublicNames.Get(base) || strings.Contains(strings.ToLower(base), "template") || strings.HasSuffix(base, "cert.pem") || strings.HasSuffix(base, "chain.pem") || strings.HasSuffix(base, "ca.pem") {
		return false
	}
	if settingsWithoutSecrets(rel+"/", fold) || settingsDirs.Get(rel) {
		return false // a tree named as a whole (grep -r ~/.config/nvim), a tool's directory listed
	}
	if top, _, _ := strings.Cut(rel, "/"); codeMembers.Get(top[1:]) {
		return false // a method read off the home in code ((Path.home() / x).read_text()), not a file
	}
	// a home's top hidden directories themselves (~/.config, ~/.local)
	// are listed, not read as a file
	return !strings.HasSuffix(rel, "/") && !settingsTopDirs.Get(rel)
}

// settingsPublicNames are file names that hold nothing secret wherever
// they sit: a tool's documentation and a browser's preferences (its
// logins and cookies have names of their own). A name that says it is a
// template (git's commit-template.txt) is one too.
var settingsPublicNames = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"README": true, "LICENSE": true, "CHANGELOG": true, "COPYING": true, "NOTICE": true, "Preferences": true,
		"known_hosts": true, "known_hosts.old": true, "authorized_keys": true, "allowed_signers": true, ".DS_Store": true,
		"lima.yaml": true, // a lima instance's machine (its keys are in ~/.lima/_config)
		// lists of patterns a tool leaves out (a backup's excludes)
		"excludes": true, "excludes.txt": true, "exclude": true, "exclude.txt": true, "exclude-file": true,
		"ignore": true, "ignore.txt": true, "excludes.lst": true,
	}
}}

// settingsDirs are hidden directories at the top of a home that are
// always directories: naming one (a listing, a mount into a container)
// reads no file; the files in them are judged one by one.
var settingsDirs = table.Map[string, bool]{Words: `.aws .ssh .kube .docker .gnupg .azure .config .local .cache .terraform.d .npm .cargo .rustup .m2
	.gradle .vscode .claude .codex .gemini .cursor .android .local/share .local/state .local/bin
	.config/gcloud .minikube .helm .password-store`}

// codeMembers are the member names code calls on a path, which the
// one-liner reader may take for a name under the home when the path is
// the home itself.
var codeMembers = table.Map[string, bool]{Words: `read read_text read_bytes readlines write write_text
	write_bytes open exists unlink glob iterdir`}

// settingsTopDirs are hidden directories of a home named as a whole: a
// read of the directory lists it.
var settingsTopDirs = table.Map[string, bool]{Words: ".config .local .cache .local/share .local/state"}

// judgeSettings judges a read of the cleaned path p as a settings read,
// when it is one.
func (ev *evaluation) judgeSettings(p string) {
	if ev.denied() {
		return
	}
	if k := ev.settingsEffect(p); k != "" {
		s := subject{tool: call.ToolRead, text: p, path: p, effect: k}
		ev.judge(&s)
	}
}

// sensitiveSettings reports whether a read of p is a settings read that
// the policy stops (asks about or denies): for flows, such a file is a
// credential.
func (ev *evaluation) sensitiveSettings(p string) bool {
	k := ev.settingsEffect(p)
	if k == "" || k == effectHomeSettings && historyName(path.Base(p)) {
		return false
	}
	s := subject{tool: call.ToolRead, text: p, path: p, effect: k}
	c := &ev.c
	for _, ent := range ev.e.p.Entries {
		if !ent.AppliesTo(call.ToolRead, c.Agent, c.Session) {
			continue
		}
		for _, r := range ent.Rules() {
			if len(r.Effect) == 0 {
				continue // only the rules written for the effect
			}
			if ok, _ := ev.holds(r, &s); ok {
				if r.Action >= call.RequireApproval {
					return true
				}
				break
			}
		}
	}
	return false
}

// historyName reports a command history's name (.bash_history,
// .mycli-history, pgcli's history, .histfile, vim's and less's). A history
// read asks, as a setting's does, but the class neither makes it a flow
// source nor denies it for being private (every history is 0600): the
// profile judges histories by rules of its own (protect-credentials asks
// for their reads), and a history sent out asks as it did.
func historyName(base string) bool {
	b := strings.ToLower(base)
	return strings.HasSuffix(b, "history") || strings.HasSuffix(b, "histfile") || b == ".viminfo" || b == ".lesshst"
}

// secretFileWords are the words of a file's name that say it keeps a
// secret.
var secretFileWords = table.Map[string, bool]{Words: `secret secrets credential credentials creds token tokens password passwords passwd apikey apikeys`}

// secretFileName reports a file name whose last word, split at
// punctuation and before capitals, is a secret's (secrets.lua,
// api-credentials.env, githubToken.json): what the file keeps. A word
// before another (git_credentials_helper.fish) names what a script works
// with, not what it keeps.
func secretFileName(base string) bool {
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	last := 0
	for i := 1; i < len(base); i++ {
		c := base[i]
		switch {
		case c >= 'A' && c <= 'Z' && base[i-1] >= 'a' && base[i-1] <= 'z':
			last = i // apiToken: a capital after a small letter starts a word
		case !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'):
			last = i + 1
		}
	}
	return last < len(base) && secretFileWords.Get(strings.ToLower(base[last:]))
}
