package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
	"rampart.dev/pkg/verbs"
)

// What a program the catalogue does not know destroys, read from its words
// (destroy.go reads the strong verbs: delete, destroy, purge, drop, wipe):
//
//   - a softer verb a tool also uses for its own small state (rm, rmi,
//     remove, undefine, forget, gc, empty, clear, flush, del) destroys when
//     the command sweeps: an option or an operand that takes all of them
//     or a whole tree (--all, -a, all, --recursive, -r, an option
//     compounded with all: --remove-all-storage), or, when the verb follows a kind of resource
//     (nats stream rm, storectl volume rm), one that forces it (--force,
//     -f, --yes, --purge, --recursive). crictl rm -af, nats stream rm X -f,
//     virsh undefine VM --remove-all-storage; not ollama rm -f MODEL, a
//     local tool's own rm forced;
//   - an option named for a strong verb (kafka-topics.sh --delete --topic T).
//
// The same reading applies to a subcommand of a known program that the
// catalogue does not list (borg delete, restic forget --prune).

// unknownSoftVerbs are the verbs that destroy only with a sweeping option.
var unknownSoftVerbs = table.Map[string, bool]{Words: `rm rmi remove undefine forget gc
	empty clear flush expunge truncate
	unregister evict kill del`}

// softDestroyVerbs are the lexicon's destroy verbs (pkg/verbs) that a
// local tool also uses for its own small state, and so destroy only
// with a sweep, as unknownSoftVerbs do.
var softDestroyVerbs = table.Map[string, bool]{Words: `rm rmdir remove unlink uninstall kill
	trash discard scrap`}

// strongUnknownVerb reports a verb that says an unknown program destroys
// what it manages: one of unknownDestroyVerbs, or a verb of the shared
// lexicon's destroy or reset class that is not a soft one (deprovision,
// obliterate, reinitialize).
func strongUnknownVerb(p string) bool {
	if p == "" {
		return false
	}
	if unknownDestroyVerbs.Get(p) {
		return true
	}
	switch verbs.Class(p) {
	case "destroy", "reset":
		// format and reformat empty a volume an MCP tool names; a
		// command-line tool's format is its code formatter
		return !softDestroyVerbs.Get(p) && !unknownSoftVerbs.Get(p) && p != "format" && p != "reformat"
	}
	return false
}

// softUnknownVerb reports a verb that destroys only with a sweep: one of
// unknownSoftVerbs or softDestroyVerbs, or of the lexicon's wipe class
// (zap, recreate) that is not already a strong one. prune is none: a
// CLI's prune removes only what nothing uses (colima prune -af, a
// cache's downloads), as docker's, git's and npm's do.
func softUnknownVerb(p string) bool {
	if p == "" {
		return false
	}
	return unknownSoftVerbs.Get(p) || softDestroyVerbs.Get(p) || verbs.Class(p) == "wipe" && !unknownDestroyVerbs.Get(p) && p != "prune"
}

// lexiconVerbs calls fn with the verb parts of a word (verbParts), each
// in the lexicon's spelling (reinitialise, wipeout), and with the verb a
// part makes with the one before it (re-init, de-provision, tear-down),
// given the earlier part's index.
func lexiconVerbs(w string, fn func(part string, k int)) {
	prev := ""
	verbParts(w, func(p string, k int) {
		if k == 0 {
			prev = ""
		}
		if prev != "" {
			if v, ok := verbs.Join(prev, p); ok {
				fn(v, k-1)
			}
		}
		prev = p
		fn(verbs.Spelled(p), k)
	})
}

// unlistedSub reports a known program whose first positional names a
// subcommand the catalogue does not list: the entry is the program's own,
// waiting for one. A cloud CLI reads every verb already, and a program
// that runs an unlisted word as a package's program (sub-else) is left to
// that entry.
func unlistedSub(e *catalog.Entry) bool {
	return e.Sub && e.Prop("cloud") == "" && e.Prop("sub-else") == "" && e.Prop("destroy-verbs") == ""
}

// unknownSweep returns the words that say an unknown program removes all
// it names: a soft verb among its three leading words with a sweeping
// option, forced after a kind of resource, or with a word (or an
// assignment on it, or exported before it) that names production; or an
// option named for a destroying verb.
func unknownSweep(c *shell.Command, cl *catalog.Classified, exported []string) string {
	verb := ""
	nested := false // a word before the verb: a kind of resource (stream rm)
	all := false
	n := 0
	leadingWords(cl, 3, func(w string) bool {
		n++
		if notVerbShaped(w) {
			return false
		}
		lw := verbWord(w)
		if lookVerbs.Get(lw) {
			return true
		}
		if lw == "all" {
			all = true
		}
		lexiconVerbs(lw, func(p string, k int) {
			// rmall, clearall, flushdb: the verb and its sweep in one
			// word, which the lexicon may also name as a verb of its own
			if verb == "" && k == 0 && softUnknownVerb(verbBeforeAll(p)) {
				verb, all = w, true
				nested = n > 1
			}
			if verb == "" && softUnknownVerb(p) {
				// app-remove: a kind of resource before the verb, in
				// the same word
				verb = w
				nested = n > 1 || k > 0
			}
		})
		return verb != ""
	})
	force, prod := false, false
	optVerb := ""
	for _, as := range append(c.Assigns[:len(c.Assigns):len(c.Assigns)], exported...) {
		// DEPLOY_ENV=production storectl volume rm data, export
		// STAGE=prod; storectl …: the target given the program through
		// its environment
		if name, v, ok := strings.Cut(as, "="); ok && targetVariable(name) && namesProduction(v) {
			prod = true
		}
	}
	for k, a := range c.Args {
		if a == "--" {
			break
		}
		if a == "all" && k > 0 {
			all = true
		}
		if len(a) < 2 || a[0] != '-' {
			prod = prod || namesProduction(a) // rbd rm prod-db-data, --target prod
			continue
		}
		name, _, _ := strings.Cut(a, "=")
		lname := strings.ToLower(name)
		switch lname {
		case "--all", "--everything":
			all = true
		case "--recursive":
			all = true // a whole tree of what it holds
		case "--force", "--purge", "--yes", "--no-confirm", "--noconfirm", "--confirm":
			force = true
		}
		if first, _, ok := strings.Cut(lname, "-"); ok && first == "" {
			// --yes-i-really-mean-it, --force-delete: a confirmation
			// spelled out
			if head, _, _ := strings.Cut(strings.TrimLeft(lname, "-"), "-"); head == "yes" || head == "force" {
				force = true
			}
		}
		if _, v, ok := strings.Cut(a, "="); ok && namesProduction(v) {
			prod = true // -dc=prod
		}
		if strings.HasPrefix(lname, "--no-") {
			continue // --no-delete keeps
		}
		if strings.HasPrefix(lname, "--") {
			verb, parts, cache := "", 0, false
			verbParts(lname[2:], func(p string, _ int) {
				all = all || p == "all"
				parts++
				cache = cache || p == "cache" || p == "caches"
				if verb == "" && unknownDestroyVerbs.Get(p) {
					verb = p
				}
			})
			if optVerb == "" && verb != "" && !(parts == 2 && cache && ownCacheVerbs.Get(verb)) {
				// --reset-cache, --delete-cache: the program's own cache,
				// made again on the next run (a service's cache is purged,
				// and a cache cluster is more than two words)
				optVerb = name
			}
			continue
		}
		if len(lname) <= 4 && isLetters(lname[1:]) {
			all = all || strings.ContainsAny(lname[1:], "arR")
			force = force || strings.ContainsAny(lname[1:], "fy")
		}
	}
	if verb != "" && (all || force && nested || prod) {
		// (a production resource named: removed by whatever verb)
		return verb
	}
	if optVerb != "" {
		// kafka-topics.sh --delete: the option is the verb
		return optVerb
	}
	return ""
}

// ownCacheVerbs are the destroying verbs that, in an unknown program's
// two-word option VERB-cache, empty the program's own cache (metro
// --reset-cache); purge is a content network's verb for its cache.
var ownCacheVerbs = table.Map[string, bool]{Words: "reset wipe delete erase"}

// isLetters reports a word of ASCII letters only.
func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// wrapsOnLine reports a command that runs another named by its words
// (xargs -0 rm -f, parallel rm): a program the shell's walk knows to run
// commands (shell.Runner), or one the catalogue lists as a wrapper. Its
// words are that command's, not its verbs; an unknown program's word that
// the walk only guessed might be a program (minioctl rm, nats stream rm)
// stays a verb.
func (a *analysis) wrapsOnLine(i int) bool {
	name := a.res.Commands[i].Name
	return shell.Runner(name) || a.cat.IsWrapper(name)
}

// targetVariable reports an environment variable's name that says it
// picks where a program acts: an environment, stage, target, cluster,
// profile or context (DEPLOY_ENV, STAGE, TARGET_CLUSTER, AWS_PROFILE).
func targetVariable(name string) bool {
	u := strings.ToUpper(name)
	for _, w := range [...]string{"ENV", "STAGE", "TARGET", "CLUSTER", "PROFILE", "CONTEXT"} {
		if strings.Contains(u, w) {
			return true
		}
	}
	return false
}

// exportsName reports the names of the commands exportedBefore reads:
// every other command exports nothing and leaves allexport as it was.
func exportsName(name string) bool {
	switch name {
	case "set", "", "export", "declare", "typeset":
		return true
	}
	return false
}

// exportedBefore returns the assignments that commands of the line before
// command i export to the programs after them (export STAGE=prod,
// declare -x STAGE=prod, and after set -a or set -o allexport every plain
// STAGE=prod until set +a), or nil.
func (a *analysis) exportedBefore(i int) []string {
	if a.exporters == 0 {
		// Found once per line (several passes ask of every command): a
		// command before the first that exports or sets allexport has
		// nothing exported to it.
		a.exporters = len(a.res.Commands) + 1
		for k := range a.res.Commands {
			if exportsName(a.res.Commands[k].Name) {
				a.exporters = k + 1
				break
			}
		}
	}
	return exportsBetween(a.res, a.exporters-1, i)
}

// exportsBetween is what commands from index from to before i export:
// exportedBefore's reading, from the first command that can export.
func exportsBetween(res *shell.Result, from, i int) []string {
	var out []string
	all := false
	for k := from; k < i && k < len(res.Commands); k++ {
		o := &res.Commands[k]
		switch o.Name {
		case "set":
			all = shell.AllExport(o.Args, all)
			continue
		case "":
			if all && o.Depth == 0 {
				out = append(out, o.Assigns...)
			}
			continue
		case "export":
		case "declare", "typeset":
			if !slices.ContainsFunc(o.Args, func(w string) bool { return strings.HasPrefix(w, "-") && strings.Contains(w, "x") }) {
				continue
			}
		default:
			continue
		}
		for _, w := range o.Args {
			if !strings.HasPrefix(w, "-") && strings.Contains(w, "=") {
				out = append(out, w)
			}
		}
	}
	return out
}
