package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A wrapper the shell walk reads itself (sudo, doas, env, nice, nohup,
// timeout, time, stdbuf, xargs...) has no catalogue entry: the walk peels
// it and reports the command it runs right after it, behind it (Via). Its
// words are that command's, read there with its own entry; read again as
// an unknown program's verbs (sudo reboot as a CLI "sudo" whose verb is
// "reboot") they would only say again, less exactly, what the wrapped
// command says. So the readings of an unknown program's verbs skip it, as
// they skip a catalogue wrapper (taskset, systemd-run), whose entry they
// find.

// wrapsNext reports whether command i is a wrapper the walk peeled: the
// next command on the line is the one it runs, found behind it in the
// same stage of the same pipeline.
func (a *analysis) wrapsNext(i int) bool {
	cmds := a.res.Commands
	if i+1 >= len(cmds) {
		return false
	}
	c, n := &cmds[i], &cmds[i+1]
	return c.Name != "" && len(n.Via) == len(c.Via)+1 && n.Via[len(c.Via)] == c.Name &&
		n.Pipeline == c.Pipeline && n.Stage == c.Stage
}

// readsVerbs reports whether command i, classified as cl, is read as a
// program the catalogue does not know, or a subcommand of a known one it
// does not list: its leading words taken for its verbs. A wrapper the walk
// peeled is not (see above).
func (a *analysis) readsVerbs(i int, cl *catalog.Classified) bool {
	if cl.Entry != nil {
		return unlistedSub(cl.Entry)
	}
	return !a.per[i].peeled
}

// peeledOwn returns the words of wrapper c that are its own, before the
// command it runs (n, the next command) starts: env -C DIR of env -C DIR
// ls ~/.ssh. The rest are n's words, judged there with n's entry and in
// the directory the wrapper gives it; read again as an unknown program's
// operands they would be files read from the wrong place (env -C
// ~/.ssh ls read as reading ~/.ssh). When n's words are not c's last ones
// as written (env -S 'a b' split, sh -c text), all of c's are kept. The
// directory env -C or sudo -D gives is dropped either way (withoutChdir).
func peeledOwn(c, n *shell.Command) []string {
	k := len(c.Args) - len(n.Args) - 1
	if k < 0 || c.Args[k] != n.Program {
		return withoutChdir(c.Name, c.Args)
	}
	for j, w := range n.Args {
		if c.Args[k+1+j] != w {
			return withoutChdir(c.Name, c.Args)
		}
	}
	return withoutChdir(c.Name, c.Args[:k:k])
}

// withoutChdir returns a wrapper's own words without the directory env -C
// DIR (--chdir) or sudo -D DIR gives its command: where that command runs
// (the engine follows it), not a file the wrapper reads.
func withoutChdir(name string, own []string) []string {
	if name != "env" && name != "sudo" {
		return own
	}
	for j := 0; j < len(own); j++ {
		w := own[j]
		n := 0
		switch {
		case w == "--chdir" || name == "env" && w == "-C" || name == "sudo" && w == "-D":
			n = 2
		case strings.HasPrefix(w, "--chdir=") || len(w) > 2 && (name == "env" && w[:2] == "-C" || name == "sudo" && w[:2] == "-D"):
			n = 1
		}
		if n > 0 {
			return append(own[:j:j], own[min(j+n, len(own)):]...)
		}
	}
	return own
}
