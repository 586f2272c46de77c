package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// What a program the catalogue does not know destroys, read from its words
// (destroy.go reads the strong verbs: delete, destroy, purge, drop, wipe):
//
//   - a softer verb a tool also uses for its own small state (rm, rmi,
//     remove, undefine, forget, gc, empty, prune, clear, flush) destroys
//     when the command sweeps: an option that takes all of them or forces
//     it (--all, -a, --force, -f, --purge, --prune, --yes, an option
//     compounded with all: --remove-all-storage), or a verb compounded
//     with all (remove-all-but-n-full); crictl rm -af, nats stream rm X -f,
//     virsh undefine VM --remove-all-storage;
//   - an option named for a strong verb, where the program has no
//     subcommand to carry it (kafka-topics.sh --delete --topic T).
//
// The same reading applies to a subcommand of a known program that the
// catalogue does not list (borg delete, restic forget --prune).

// unknownSoftVerbs are the verbs that destroy only with a sweeping option.
var unknownSoftVerbs = map[string]bool{
	"rm": true, "rmi": true, "remove": true, "undefine": true, "forget": true, "gc": true,
	"empty": true, "prune": true, "clear": true, "flush": true, "expunge": true, "truncate": true,
	"unregister": true, "evict": true, "kill": true, "del": true,
}

// sweepOptions are the options that make a soft verb sweep. Clustered
// short flags count by letter (-af).
var sweepOptions = map[string]bool{
	"--all": true, "--force": true, "--purge": true, "--prune": true, "--yes": true,
	"--recursive": true, "--everything": true, "--no-confirm": true, "--noconfirm": true,
	"--confirm": true, "--delete": true, "--remove": true,
}

// sweepLetters are the short flags that sweep: all, force, yes, recursive.
const sweepLetters = "afyrR"

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
// option, or an option named for a destroying verb.
func unknownSweep(c *shell.Command, cl *catalog.Classified) string {
	verb := ""
	all := false
	leadingWords(cl, 3, func(w string) bool {
		if strings.ContainsAny(w, "/.=@ ") {
			return false
		}
		lw := strings.ToLower(w)
		if lookVerbs[lw] {
			return true
		}
		verbParts(lw, func(p string, _ int) {
			if verb == "" && unknownSoftVerbs[p] {
				verb = w
			}
			all = all || p == "all"
		})
		return verb != ""
	})
	sweep := all
	optVerb := ""
	for _, a := range c.Args {
		if a == "--" {
			break
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, _, _ := strings.Cut(a, "=")
		lname := strings.ToLower(name)
		if sweepOptions[lname] {
			sweep = true
		}
		if strings.HasPrefix(lname, "--no-") {
			continue // --no-delete keeps
		}
		if strings.HasPrefix(lname, "--") {
			verbParts(lname[2:], func(p string, _ int) {
				sweep = sweep || p == "all" || p == "force"
				if optVerb == "" && unknownDestroyVerbs[p] {
					optVerb = name
				}
			})
			continue
		}
		if strings.ContainsAny(lname[1:], sweepLetters) && isLetters(lname[1:]) && len(lname) <= 4 {
			sweep = true
		}
	}
	if verb != "" && sweep {
		return verb
	}
	if optVerb != "" {
		// kafka-topics.sh --delete: the option is the verb
		return optVerb
	}
	return ""
}

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
