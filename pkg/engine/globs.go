package engine

import (
	"path"
	"slices"
	"strings"

	"github.com/gobwas/glob"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/substrs"
)

// A path with glob characters ("~/.ss?/id_*", "~/.config/*/hosts.yml")
// names every file it could match. The engine cannot list the file system,
// so it judges the glob against the well-known files that policies protect:
// each one the glob could match is judged as that file.

// wellKnownFiles are credential, start-up and system files, relative to the
// home directory when they start with "~/".
var wellKnownFiles = []string{
	"~/.ssh/id_rsa", "~/.ssh/id_dsa", "~/.ssh/id_ecdsa", "~/.ssh/id_ed25519", "~/.ssh/id_ecdsa_sk",
	"~/.ssh/id_ed25519_sk", "~/.ssh/authorized_keys", "~/.ssh/config",
	"~/.aws/credentials", "~/.aws/config", "~/.aws/sso/cache/token.json",
	"~/.config/gcloud/credentials.db", "~/.config/gcloud/application_default_credentials.json",
	"~/.config/gcloud/access_tokens.db", "~/.config/gh/hosts.yml", "~/.config/hub",
	"~/.azure/accessTokens.json", "~/.azure/msal_token_cache.json", "~/.kube/config",
	"~/.docker/config.json", "~/.netrc", "~/.git-credentials", "~/.npmrc", "~/.pypirc",
	"~/.gem/credentials", "~/.cargo/credentials.toml", "~/.cargo/credentials", "~/.vault-token",
	"~/.gnupg/private-keys-v1.d/key.key", "~/.gnupg/secring.gpg", "~/.password-store/entry.gpg",
	"~/.config/op/config", "~/.terraform.d/credentials.tfrc.json", "~/.config/doctl/config.yaml",
	"~/.config/rclone/rclone.conf", "~/.config/glab-cli/config.yml", "~/.config/hcloud/cli.toml",
	"~/.config/composer/auth.json", "~/.env", "~/.env.local",
	"~/.bash_history", "~/.zsh_history", "~/.bashrc", "~/.zshrc", "~/.profile", "~/.bash_profile",
	"~/.rampart/policy.yaml", "~/.rampart/admin.token", "~/.rampart/audit.key",
	"/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/master.passwd", "/etc/passwd",
	"/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ed25519_key", "/etc/crontab", "/etc/krb5.keytab",
	"/root/.ssh/id_rsa", "/root/.ssh/id_ed25519", "/root/.ssh/authorized_keys", "/root/.aws/credentials",
	"/var/run/secrets/kubernetes.io/serviceaccount/token",
	// Directories a delete or a write of the whole may name (rm -rf /h?me/d?v, rm -rf /*/dev).
	"~", "~/.ssh", "~/.aws", "~/.gnupg", "~/.config", "~/.kube", "/home", "/root", "/etc", "/usr",
	"/var", "/var/lib", "/var/log", "/srv", "/opt", "/boot", "/bin", "/sbin", "/lib",
}

// personalDirs are the folders of a home that hold a person's own files
// (the personal-files policy's), probed for a glob at any depth.
var personalDirs = []string{"Documents", "Desktop", "Pictures", "Music", "Videos"}

// projectDotFiles are the dot-files any directory (a project above all)
// may hold that policies protect: its repository and its secrets.
var projectDotFiles = []string{".git", ".env", ".env.local", ".env.production", ".env.development", ".envrc", ".pgpass", ".netrc", ".git-credentials", ".pypirc"}

// hasGlob reports whether a path holds shell glob characters.
// An extended glob group (@(a|b)) counts, read by widenGlob.
func hasGlob(p string) bool { return substrs.AnyByte(p, "*?[") || hasExtglob(p) }

// globMatches returns the well-known files a cleaned glob could name.
func globMatches(glob, home string) []string {
	glob = widenGlob(glob) // globwiden.go: classes and extended globs
	var out []string
	// A name the glob matches starts with the glob's literal prefix: the
	// files that do not are passed over before their names are built.
	lit := glob
	if i := strings.IndexAny(glob, `*?[{\`); i >= 0 {
		lit = glob[:i]
	}
	if dir, base := path.Split(glob); !hasGlob(dir) && hasGlob(base) && strings.HasPrefix(base, ".") {
		// In any directory: the dot-files a project may hold that the
		// policies protect (rm -rf .* names .git; cat .e* names .env). A
		// glob names a dot-file only when it starts with a dot.
		for _, name := range projectDotFiles {
			if name == ".git" && effect.OutputDir(path.Base(dir)) {
				continue // a build's output (build/.[!.]*) holds no project's history
			}
			if ok, _ := path.Match(base, name); ok {
				out = append(out, dir+name)
			}
		}
	}
	if len(lit) > len(home)+1 && strings.HasPrefix(lit, home) && lit[len(home)] == '/' && lit[len(home)+1] != '.' {
		// Below home, every well-known file is a dot-file directly under
		// it, and none of the others lies there: a glob in the project
		// (src/*.go) names none of them.
		return out
	}
	if dir, base := path.Split(glob); strings.Contains(dir, "**") && hasGlob(base) && !strings.ContainsAny(base, "[{") && !strings.HasPrefix(base, ".") {
		// At any depth (find ~ -name '*.docx', DIR/**/NAME): a file of
		// that name in the user's own folders, when the glob reaches them.
		name := strings.NewReplacer("*", "x", "?", "x").Replace(base)
		for _, d := range personalDirs {
			if f := home + "/" + d + "/" + name; globMatch(glob, f) {
				out = append(out, f)
			}
		}
	}
	for _, f := range wellKnownFiles {
		if !hasSplitPrefix(f, home, lit) {
			continue
		}
		if strings.HasPrefix(f, "~/") || f == "~" {
			f = home + f[1:]
		}
		if globMatch(glob, f) {
			out = append(out, f)
		}
	}
	return out
}

// globMatch reports whether the glob could name f. A "/**/" (find's
// listing at any depth, DIR/**/NAME) is zero or more directories, and a
// {A,B} group is any of its names (find -name A -o -name B). A malformed
// pattern names only itself, as the shell leaves it.
func globMatch(pattern, f string) bool {
	if !strings.ContainsAny(pattern, "{") && !strings.Contains(pattern, "**") {
		ok, _ := path.Match(pattern, f)
		return ok
	}
	for _, alt := range braceAlternatives(pattern) {
		// gobwas/glob's "**" needs one directory at least: the form
		// without it covers none.
		for _, form := range [2]string{alt, strings.Replace(alt, "/**/", "/", 1)} {
			g, err := glob.Compile(form, '/')
			if err != nil && form == f || err == nil && g.Match(f) {
				return true
			}
		}
	}
	return false
}

// braceAlternatives expands each {A,B} group of a pattern (not nested),
// at most 64 alternatives; a pattern without a whole group is itself.
func braceAlternatives(p string) []string {
	open := strings.IndexByte(p, '{')
	if open < 0 {
		return []string{p}
	}
	end := strings.IndexByte(p[open:], '}')
	if end < 0 || strings.ContainsRune(p[open+1:open+end], '{') {
		return []string{p}
	}
	var out []string
	for _, name := range strings.Split(p[open+1:open+end], ",") {
		for _, rest := range braceAlternatives(p[open+end+1:]) {
			if len(out) == 64 {
				return out
			}
			out = append(out, p[:open]+name+rest)
		}
	}
	return out
}

// hasSplitPrefix reports whether the well-known file f, with a leading ~
// standing for home, starts with lit.
func hasSplitPrefix(f, home, lit string) bool {
	if f == "~" {
		return strings.HasPrefix(home, lit)
	}
	if !strings.HasPrefix(f, "~/") {
		return strings.HasPrefix(f, lit)
	}
	if len(lit) <= len(home) {
		return strings.HasPrefix(home, lit)
	}
	return strings.HasPrefix(lit, home) && strings.HasPrefix(f[1:], lit[len(home):])
}

// globSubjects judges the well-known files a glob path could match, and,
// for a read, the files the policy's read rules name that it could match
// (cat ~/.msmtp*, cat ~/.cursor/mcp*.json).
func (ev *evaluation) globSubjects(tool, p string) {
	p = widenGlob(p) // globwiden.go: classes and extended globs
	for _, f := range globMatches(p, ev.e.env.Home) {
		s := subject{tool: tool, text: p + " (may name " + f + ")", path: f}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
	if tool != call.ToolRead {
		return
	}
	stem := literalRuns(nameStem(path.Base(p)))
	dir := path.Dir(p)
	dirLit := !hasGlob(dir) && ev.e.namedFileDirs()[dir]
	if !dirLit && !slices.ContainsFunc(stem, func(r string) bool { return len(r) >= 3 }) {
		return // src/*.ts: no name of its own to share (sharedStem)
	}
	lit := literalPrefix(p)
	var toks [][]globToken
	c := &ev.c
	for _, n := range ev.e.namedReadPaths() {
		for _, alt := range n.alts {
			if !strings.HasPrefix(alt.lit, lit) && !strings.HasPrefix(lit, alt.lit) {
				continue
			}
			if !sharedRun(stem, alt.stem) && !(dirLit && namesInDir(p, dir, alt.text)) && !strings.HasSuffix(alt.text, "/**") {
				continue // a tree's rule (/etc/sssd/**) takes any name in it
			}
			if toks == nil {
				for _, g := range braceAlternatives(p) {
					toks = append(toks, globTokens(g))
				}
			}
			if !anyTokensOverlap(toks, alt.toks) || !n.ent.AppliesTo(call.ToolRead, c.Agent, c.Session) {
				continue
			}
			// the rule's pattern, as a path, is a file both name (a
			// pattern's * and ** match their own text); in a tree's rule,
			// the glob's own name in the tree (/etc/ss*/sssd.conf under
			// /etc/sssd/**: /etc/sssd/sssd.conf), which the rules before
			// it may allow (~/.ssh/*.pub)
			named := alt.text
			if t, ok := strings.CutSuffix(alt.text, "/**"); ok && !hasGlob(t) {
				named = t + "/" + path.Base(p)
			}
			s := subject{tool: tool, text: p + " (may name " + named + ")", path: named}
			ev.judge(&s)
			if ev.denied() {
				return
			}
			break
		}
	}
}

// namesInDir reports whether a rule's path names one file (its name has
// no glob) in dir, the literal directory of glob g, that g could name
// however short its own name: cat ~/.m2/s*.xml and ~/.m2/settings.xml.
// The shell's '*' and '?' do not take a name's leading dot.
func namesInDir(g, dir, rule string) bool {
	rb := path.Base(rule)
	if hasGlob(rb) || path.Dir(rule) != dir {
		return false
	}
	return !strings.HasPrefix(rb, ".") || strings.HasPrefix(path.Base(g), ".")
}

// anyTokensOverlap reports whether one of a glob's alternatives overlaps
// the tokens b.
func anyTokensOverlap(as [][]globToken, b []globToken) bool {
	for _, a := range as {
		if tokensOverlap(a, b) {
			return true
		}
	}
	return false
}

// sharedStem reports whether a glob's name and a rule's name share a
// literal run of three bytes or more in their stems (the name before its
// extension, leading dots dropped): cat ~/.msmtp* and ~/.msmtprc, mcp*.json
// and mcp.json. A glob that fixes only an extension (*.md, *.json) could
// match a credential's name only by its star spelling the name, which
// would make every such glob a credential read.
func sharedStem(g, r string) bool {
	return sharedRun(literalRuns(nameStem(g)), literalRuns(nameStem(r)))
}

// sharedRun reports whether two lists of literal runs share three bytes
// in a row.
func sharedRun(gs, rs []string) bool {
	for _, run := range gs {
		for k := 0; k+3 <= len(run); k++ {
			for _, rr := range rs {
				if strings.Contains(rr, run[k:k+3]) {
					return true
				}
			}
		}
	}
	return false
}

// nameStem is a file name before its last '.', leading dots dropped.
func nameStem(n string) string {
	n = strings.TrimLeft(n, ".")
	if i := strings.LastIndexByte(n, '.'); i > 0 {
		n = n[:i]
	}
	return n
}

// literalRuns are a glob's runs of bytes between its glob characters.
func literalRuns(g string) []string {
	return strings.FieldsFunc(g, func(r rune) bool { return strings.ContainsRune("*?[]{},\\", r) })
}

// literalPrefix is a pattern's text before its first glob character.
func literalPrefix(p string) string {
	if i := strings.IndexAny(p, "*?[{\\"); i >= 0 {
		return p[:i]
	}
	return p
}

// treeSubjects judges the well-known files under a directory a command
// reads whole (a recursive copy, an archive, a sync): reading the tree
// reads them. A container's mount is not judged so: what the container
// does with the files is its command's concern.
func (ev *evaluation) treeSubjects(tool, dir string) {
	home := ev.e.env.Home
	prefix := strings.TrimSuffix(dir, "/") + "/"
	for _, f := range wellKnownFiles {
		if strings.HasPrefix(f, "~/") {
			if !hasSplitPrefix(f, home, prefix) {
				continue
			}
			f = home + f[1:]
		} else if !strings.HasPrefix(f, prefix) {
			continue
		}
		s := subject{tool: tool, text: dir + " (holds " + f + ")", path: f}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
}

// treeWriteSubjects judges a write of a whole tree whose files only the
// command names at run time (a patch applied there, effect/treewrites.go):
// each path rule's pattern that lies in the tree, taken as a path (its *
// and ** match their own text), is a file the write may make.
func (ev *evaluation) treeWriteSubjects(dir string) {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	c := &ev.c
	for _, n := range ev.e.namedReadPaths() {
		if !n.ent.AppliesTo(call.ToolWrite, c.Agent, c.Session) {
			continue
		}
		for _, alt := range n.alts {
			if !strings.HasPrefix(alt.lit, prefix) {
				continue
			}
			s := subject{tool: call.ToolWrite, text: dir + " (may write " + alt.text + ")", path: alt.text}
			if ev.judge(&s); ev.denied() {
				return
			}
			break
		}
	}
}
