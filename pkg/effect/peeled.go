package effect

import "rampart.dev/pkg/catalog"

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
