package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// remotePackage reports whether a package a manager installs or runs comes
// straight from a URL or a repository, unpinned, rather than a registry
// name: "git+https://…", "github:user/repo", "user/repo", a tarball URL,
// or (for Go, gopkg "true" or "run") a module path at a branch or with no
// version. A Go module installed at @latest is its latest tagged release,
// resolved through the module proxy and checked against the checksum
// database: a registry's release, as cargo install NAME is (GOPROXY,
// GONOSUMDB and GOINSECURE that weaken this are settings of their own);
// run at once at @latest (go run, gopkg "run") it is still asked about.
func remotePackage(w string, gopkg string) bool {
	if w == "" || strings.HasPrefix(w, "-") || strings.HasPrefix(w, ".") || strings.HasPrefix(w, "/") {
		return false
	}
	if strings.Contains(w, "://") {
		return true
	}
	for _, p := range []string{"git+", "github:", "gitlab:", "bitbucket:", "gist:", "git@"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	if gopkg != "" {
		first, _, _ := strings.Cut(w, "/")
		if !strings.Contains(w, "/") || !strings.Contains(first, ".") {
			return false
		}
		_, ver, hasVer := strings.Cut(w, "@")
		return !hasVer || ver == "master" || ver == "main" || ver == "HEAD" || ver == "latest" && gopkg == "run"
	}
	// user/repo: a GitHub shorthand for npm, not a scoped package; but a
	// name ending as a built archive does (dist/app-1.0.whl, out/pkg.tgz)
	// is a file on disk to npm and pip alike, never a repository.
	if !strings.HasPrefix(w, "@") && !builtArchive(w) && strings.Count(w, "/") == 1 && !strings.ContainsAny(w, "=<>~^ ") {
		return true
	}
	return false
}

// systemPackageRemoved returns, for a package manager's removal (a
// "remove" mark: pacman -R, rpm -e, dpkg -P; or a first positional among
// the entry's "removes" verbs: apt-get purge, dnf remove), the first
// package it removes that the system cannot do without, or a pattern
// that may name many ('python3*'), as "remove PACKAGE"; else "".
func systemPackageRemoved(cl catalog.Classified) string {
	verbs := cl.Entry.Prop("removes")
	removing := cl.Mark("remove")
	first := true
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if first && !removing {
			if !hasWord(verbs, strings.ToLower(w.Text)) {
				return ""
			}
			first, removing = false, true
			continue
		}
		first = false
		name := strings.ToLower(w.Text)
		if k := strings.IndexAny(name, ":=<>"); k > 0 {
			name = name[:k] // libc6:amd64, glibc=2.39
		}
		if strings.ContainsAny(name, "*?[") || essentialPackages.Get(name) {
			return "remove " + w.Text
		}
	}
	return ""
}

// hasWord reports whether the comma-separated list holds w.
func hasWord(list, w string) bool {
	for x := range strings.SplitSeq(list, ",") {
		if x == w {
			return true
		}
	}
	return false
}

// essentialPackages are packages whose removal leaves a system that no
// longer boots, logs anyone in, runs its shell scripts or manages its
// packages, under the names the common distributions give them.
var essentialPackages = table.Map[string, bool]{Words: `libc6 libc-bin glibc glibc-common musl libc
	coreutils bash dash util-linux login passwd
	shadow shadow-utils systemd systemd-sysv init
	sudo openssh-server apt dpkg rpm dnf
	yum pacman apk-tools base-files base-passwd
	filesystem python3 python3-minimal perl-base
	libstdc++6 gcc-libs zlib1g zlib linux-image-generic
	linux kernel kernel-core grub-common grub2-common
	grub-pc grub-efi-amd64 busybox tar gzip
	sed grep findutils libselinux1 libpam0g pam`}

// runsPackage reports whether a wrapper, given its arguments, runs a
// package it may fetch (npx, and bun x, pnpm dlx, npm exec: a subcommand's).
func runsPackage(name string, args []string) bool {
	e, _ := catalog.Default().Lookup(name, args)
	return e != nil && e.Prop("runs-package") != ""
}

// viaArgs are the arguments of the k-th wrapper a command was found behind
// (c.Via[k]): the nearest command before it in the same pipeline stage by
// that name, or, for a command in code a wrapper's option or operand
// carries (flyctl ssh console -C 'printenv', sops exec-env F 'env'), the
// nearest such command one level out; or nil.
func (a *analysis) viaArgs(i int, c *shell.Command, k int) []string {
	for j := i - 1; j >= 0; j-- {
		d := &a.res.Commands[j]
		outer := d.Depth == c.Depth-1
		if !outer && (d.Pipeline != c.Pipeline || d.Stage != c.Stage) {
			if c.Depth == 0 || d.Depth < c.Depth {
				break
			}
			continue // an earlier command of the same code
		}
		if d.Name == c.Via[k] && len(d.Via) == k {
			return d.Args
		}
		if outer {
			break
		}
	}
	return nil
}

// destroyVerbs are the verbs by which cloud and cluster CLIs destroy what
// they manage.
var destroyVerbs = table.Map[string, bool]{Words: `delete destroy remove rm rb purge
	terminate uninstall reset prune wipe drop
	nuke del apps:destroy teardown decommission undeploy
	promote down detach`}

// compoundDestroyVerbs destroy only as part of a compound verb
// (disable-key, hosting:disable, env:unset, leave-organization,
// releases:rollback): alone they are often local settings.
var compoundDestroyVerbs = table.Map[string, bool]{Words: "disable unset leave rollback"}

// destroyVerb finds a destroying verb among a command's leading words (and
// its subcommand's own name): for a cloud CLI any word made of a destroying
// verb ("delete", "batch-delete-image", "service-instance-delete",
// "pg:reset"), and for any entry the verbs its "destroy-verbs" property
// lists ("drop", "clean", "publish*"). A dry run destroys nothing. Words
// from stop on, and command words, belong to a command it runs.
func destroyVerb(cl catalog.Classified, cloud bool, extra string, stop int) string {
	e := cl.Entry
	if e != nil && (cloud || e.Prop("sub-verb") != "") {
		if k := strings.LastIndexByte(e.Name, ' '); k > 0 && isDestroyWord(e.Name[k+1:], cloud, extra) {
			return e.Name[k+1:]
		}
	}
	n, prev := 0, ""
	for _, w := range cl.Words {
		if w.Option != "" {
			if w.Option == "--dry-run" {
				return ""
			}
			continue
		}
		if w.Index >= stop || w.Role == catalog.Command {
			continue // the words of a command it runs
		}
		n++
		if n > 4 {
			break
		}
		if isDestroyWord(w.Text, cloud, extra) {
			return w.Text
		}
		if prev != "" && extra != "" && strings.Contains(extra, "+") && listed(extra, prev+"+"+w.Text) {
			return prev + " " + w.Text // mix hex.owner add: a task and its action, listed together
		}
		if cloud && w.Text == "unset" && settingNouns.Get(prev) {
			return prev + " unset" // fly secrets unset: a service's secret or variable removed
		}
		prev = w.Text
	}
	return ""
}

// settingNouns are the words for a service's secrets and variables, whose
// unset removes them from the running service (not a local setting).
var settingNouns = table.Map[string, bool]{Words: "secrets secret env variables variable vars var environment"}

// isDestroyWord reports whether a word is a destroying verb: one of
// destroyVerbs, or a compound of one ("delete-stack", "batch-delete-image",
// "schedule-key-deletion", "apps:destroy") for a cloud CLI, or one of the
// entry's own extra verbs (a trailing * matches any rest).
func isDestroyWord(w string, cloud bool, extra string) bool {
	t := w
	if hasUpper(t) {
		t = strings.ToLower(t)
	}
	if cloud {
		if destroyVerbs.Get(t) {
			return true
		}
		if t != w && camelDestroys(w) {
			return true // an API operation's name: DeleteInstance, deleteSite
		}
		// The parts of a compound verb, without allocating.
		for rest := t; rest != "" && strings.ContainsAny(t, "-:_"); {
			k := strings.IndexAny(rest, "-:_")
			part := rest
			if k >= 0 {
				part, rest = rest[:k], rest[k+1:]
			} else {
				rest = ""
			}
			if destroyVerbs.Get(part) || part == "deletion" || compoundDestroyVerbs.Get(part) {
				return true
			}
		}
	}
	for rest := extra; rest != ""; {
		x, more, _ := strings.Cut(rest, ",")
		rest = more
		if x == t || strings.HasSuffix(x, "*") && strings.HasPrefix(t, x[:len(x)-1]) {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// helpOrDryRunOf is helpOrDryRun for a classified command: where the
// catalogue says the program's -h takes a value (pg_restore -h HOST,
// redis-cli -h HOST), -h names a host, not help; where its line marks -h
// "own-h" (p4 obliterate -h), -h is a flag of its own.
func helpOrDryRunOf(cl *catalog.Classified, args []string) bool {
	if cl.Mark("own-h") {
		// p4 obliterate -h: a flag of the program's own (the mark
		// "own-h" on its line), not a request for help
		return helpOrDryRunBut(args, "-h")
	}
	for _, w := range cl.Words {
		if w.Option == "-h" {
			return helpOrDryRunBut(args, "-h")
		}
	}
	return helpOrDryRunBut(args, "")
}

// helpOrDryRun reports whether a command only prints help, plans or
// checks permissions ("--help", "--dry-run=client", "auth can-i").
func helpOrDryRun(args []string) bool { return helpOrDryRunBut(args, "") }

// helpOrDryRunBut is helpOrDryRun with one word (a host's option) not
// taken for help.
func helpOrDryRunBut(args []string, not string) bool {
	for k, a := range args {
		if a == not {
			continue
		}
		if dryRunOption(a) {
			return true
		}
		switch {
		case a == "-h" || a == "--help" || a == "-help" || a == "help" || a == "can-i" || a == "--dry-run" ||
			strings.HasPrefix(a, "--dry-run=") && !catalog.SwitchedOff(a[len("--dry-run="):]), a == "--preview" || a == "--snapshot" || a == "--sql",
			// manage.py migrate --plan prints the plan; avn service update
			// --plan business-8 moves to a pricing plan
			a == "--plan" && (k+1 == len(args) || strings.HasPrefix(args[k+1], "-")),
			a == "--dryrun" || a == "--what-if" || a == "--whatif" || a == "--simulate" || a == "--noop" || a == "--diff-run":
			return true
		}
	}
	return false
}

// dryRunOption reports an option that asks for a rehearsal, in the
// spellings CLIs use: --dry-run, --dry_run (bq, gsutil's python kin),
// --dryrun, each with a value that does not switch it off.
func dryRunOption(a string) bool {
	for _, o := range [...]string{"--dry-run", "--dry_run", "--dryrun"} {
		if rest, ok := strings.CutPrefix(a, o); ok {
			if rest == "" {
				return true
			}
			if v, ok := strings.CutPrefix(rest, "="); ok {
				return !catalog.SwitchedOff(v)
			}
		}
	}
	return false
}

// dbWipeVerbs are the words of a framework task's name that drop or empty
// a database (rake db:drop:all, mix ecto.reset, artisan migrate:fresh,
// manage.py reset_db, rails db:seed:replant).
var dbWipeVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"drop": true, "dropall": true, "reset": true, "purge": true, "wipe": true, "flush": true, "fresh": true,
		"truncate": true, "nuke": true, "destroy": true, "replant": true, "clear": true, "rollback": false,
	}
}}

// migrateBack are the parts of a task that undo migrations; with "all"
// (db:migrate:undo:all) or a target before the first (migrate app zero,
// downgrade base, VERSION=0) they leave no table behind.
var migrateBack = table.Map[string, bool]{Words: "rollback undo down downgrade revert"}

// emptyTargets name the state before the first migration.
var emptyTargets = table.Map[string, bool]{Words: "zero base 0 version=0 @root --all -all --to=0 --target=0"}

// migrateToNothing returns the leading word of a task that migrates a
// database back to before its first migration (manage.py migrate shop
// zero, alembic downgrade base, rake db:migrate VERSION=0, sqitch revert
// --to @ROOT).
func migrateToNothing(cl catalog.Classified, args []string) string {
	verb := ""
	n := 0
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if n++; n > 3 {
			break
		}
		t := strings.ToLower(w.Text)
		for _, p := range strings.FieldsFunc(t, func(r rune) bool { return r == ':' || r == '.' || r == '_' || r == '-' }) {
			if migrateBack.Get(p) || p == "migrate" {
				verb = w.Text
			}
		}
		if verb != "" {
			break
		}
	}
	if verb == "" {
		return ""
	}
	// The words as written: a flag the catalogue does not know (-all) is
	// not split, and the word before a target says whose value it is.
	for j, a := range args {
		t := strings.ToLower(a)
		if !emptyTargets.Get(t) {
			continue
		}
		prev := ""
		if j > 0 {
			prev = strings.ToLower(args[j-1])
		}
		if strings.HasPrefix(t, "-") || !strings.HasPrefix(prev, "-") || strings.Contains(prev, "=") ||
			strings.Contains(prev, "to") || strings.Contains(prev, "target") || strings.Contains(prev, "version") {
			// --all, zero, base, VERSION=0, --to-version 0 (not --verbosity 0)
			return verb
		}
	}
	return ""
}

// dbContext are the words that say a task is about the database.
var dbContext = table.Map[string, bool]{Words: "db database schema ecto migrate migration migrations data tables"}

// dbWipeTask returns the first of a command's leading words that names a
// task dropping or emptying a database: a wipe verb among its parts
// (split at ':', '.', '_' and '-') with a database word beside it, or a
// bare "flush" (Django's). Schema loads that recreate every table
// (db:schema:load, db:structure:load) empty them too.
func dbWipeTask(cl catalog.Classified, args []string) string {
	if w := migrateToNothing(cl, args); w != "" {
		return w
	}
	tool := cl.Entry != nil && cl.Entry.Prop("db-tool") != ""
	n := 0
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if n++; n > 4 {
			break
		}
		t := strings.ToLower(w.Text)
		if t == "flush" {
			return w.Text
		}
		verb, ctx, undo, all := false, tool, false, false
		parts := strings.FieldsFunc(t, func(r rune) bool { return r == ':' || r == '.' || r == '_' || r == '-' })
		for k, p := range parts {
			verb = verb || dbWipeVerbs.Get(p) || p == "load" && k > 0 && (parts[k-1] == "schema" || parts[k-1] == "structure")
			ctx = ctx || dbContext.Get(p)
			undo = undo || migrateBack.Get(p)
			all = all || p == "all"
		}
		if (verb || undo && all) && ctx {
			return w.Text
		}
	}
	return ""
}

// camelDestroys reports whether a camel-case word (an API operation's
// name given as a CLI verb: aliyun ecs DeleteInstance, netlify api
// deleteSite) starts with a destroying verb.
func camelDestroys(w string) bool {
	end := 1
	for end < len(w) && !(w[end] >= 'A' && w[end] <= 'Z') {
		end++
	}
	if end == len(w) || end > 16 {
		return false // one word, or not a verb
	}
	return destroyVerbs.Get(strings.ToLower(w[:end]))
}

// pinnedByModule reports whether w, the package go run names, is a module
// path with no version that go resolves from the main module's go.mod and
// go.sum (go run github.com/99designs/gqlgen generate): a dependency the
// project already pins, or an error; nothing new is fetched. With -mod=mod
// (in the arguments or GOFLAGS) go may add a missing module at its latest
// version, so that spelling stays unpinned.
func pinnedByModule(e *catalog.Entry, c *shell.Command, w string) bool {
	if gopkgOf(e) != "run" || strings.Contains(w, "@") || strings.Contains(w, "://") {
		return false
	}
	for k, a := range c.Args {
		if a == w {
			break
		}
		if a == "-mod=mod" || a == "--mod=mod" || (a == "-mod" || a == "--mod") && k+1 < len(c.Args) && c.Args[k+1] == "mod" {
			return false
		}
	}
	for _, as := range c.Assigns {
		if strings.HasPrefix(as, "GOFLAGS=") && strings.Contains(as, "mod=mod") {
			return false
		}
	}
	return true
}

// remotePackageOf is remotePackage for a word of an entry's package role:
// an entry whose property "specifier" is "url" (deno run) names a module by
// URL, by a registry's prefix (npm:, jsr:) or by a local path, never by a
// repository shorthand, so scripts/check.ts there is a file of the project.
func remotePackageOf(e *catalog.Entry, w string) bool {
	if e != nil && e.Prop("specifier") == "url" {
		return strings.Contains(w, "://")
	}
	if e != nil && e.Prop("specifier") == "flake" {
		return flakeRemote(w) // nixexpr.go
	}
	if e != nil && e.Prop("specifier") == "mise" {
		return miseRemote(w)
	}
	if e != nil && e.Prop("specifier") == "repo" {
		// devpod up github.com/user/repo: a forge's repository named
		// by its host and path, with no scheme
		low := strings.ToLower(w)
		for _, p := range [...]string{"github.com/", "gitlab.com/", "bitbucket.org/", "codeberg.org/", "git@"} {
			if strings.HasPrefix(low, p) {
				return true
			}
		}
		return strings.Contains(w, "://")
	}
	return remotePackage(w, gopkgOf(e))
}

// miseRemote reports whether w, a tool mise installs (an entry's
// "specifier" is "mise"), comes straight from a repository or a URL:
// a backend that fetches a repository's release or plugin (ubi:, vfox:,
// github:, gitlab:, spm:, asdf:owner/repo) or a URL anywhere in it
// (cargo:https://…, pipx:git+https://…). Registries' backends (node@20,
// npm:, aqua:, pipx:NAME) are not.
func miseRemote(w string) bool {
	w = strings.ToLower(w)
	if strings.Contains(w, "://") {
		return true
	}
	backend, name, ok := strings.Cut(w, ":")
	if !ok {
		return false
	}
	switch backend {
	case "ubi", "vfox", "github", "gitlab", "spm":
		return true
	case "asdf":
		return strings.Contains(name, "/")
	}
	return false
}

// gopkgOf is an entry's "gopkg" property: "run" when it runs the module it
// names at once, "true" when it installs or adds it, "" for other entries.
func gopkgOf(e *catalog.Entry) string {
	if e == nil {
		return ""
	}
	return e.Prop("gopkg")
}

// knownRepoURL reports whether w, a package named by the URL of its
// repository, is one of the repositories knownpackages.txt lists for the
// entry's "url-registry" (asdf's plugins: github.com/asdf-community/): an
// https URL whose host and path, with no user, port or "..", begin so.
func knownRepoURL(e *catalog.Entry, w string) bool {
	reg := ""
	if e != nil {
		reg = e.Prop("url-registry")
	}
	if reg == "" || !strings.HasPrefix(strings.ToLower(w), "https://") || strings.Contains(w, "..") {
		return false
	}
	authority, _, _ := strings.Cut(w[len("https://"):], "/")
	u, ok := match.ParseURL(w)
	if !ok || u.Port != "" || strings.Contains(authority, "@") {
		return false
	}
	name := u.Host + u.Rest
	return strings.HasPrefix(u.Rest, "/") && knownPackages.Get()[reg].has(strings.ToLower(name))
}

// builtArchive reports whether w ends as a package archive a build makes
// (.whl, .tgz, .tar.gz, .tar, .gem, .egg): npm and pip read such a name as
// a file on disk, never as a repository shorthand.
func builtArchive(w string) bool {
	w = strings.ToLower(w)
	for _, s := range [...]string{".whl", ".tgz", ".tar.gz", ".tar", ".gem", ".egg"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// downloadedEarlier reports whether the package file w, which command i
// installs (pip install dist/x.whl, npm install ./x.tgz), is one an earlier
// command of the line wrote while contacting a host (curl -o dist/x.whl
// URL): code straight from a URL, whatever local name it was saved under.
// A glob (dist/*.whl) matches the files it could name.
func (a *analysis) downloadedEarlier(i int, w string) bool {
	if i == 0 || strings.Contains(w, "://") || !builtArchive(w) && !strings.Contains(w, "/") {
		return false
	}
	p := a.clean(w, i)
	for _, e := range a.out {
		if e.Kind != Write || e.Cmd < 0 || e.Cmd >= i {
			continue
		}
		if ok, _ := path.Match(p, e.Path); !ok && e.Path != p && !strings.HasPrefix(e.Path, p+"/") {
			continue
		}
		for _, n := range a.out {
			if n.Kind == Connect && n.Cmd == e.Cmd {
				return true
			}
		}
	}
	return false
}
