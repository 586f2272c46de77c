package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A program the catalogue does not know, told by its leading verb to
// destroy (mytool nuke ~, diskctl zero /dev/sdb, mytool clean --all
// /home/dev, mytool format /dev/sda), destroys what its operands name
// when they are paths: each path outside the working directory is a
// delete of that tree, judged as rm -rf of it is (the home, a disk, the
// system denied). Paths inside the project are left to the verb's own
// reading (unknownverbs.go): a tool cleaning its build output is its
// business. The verb is one the unknown readings take for destroying
// (strong or soft) or one of pathVerbs, which a tool names its
// destroying of a place with; deviceVerbs count for devices only. Only
// operands count, not options' values (--config=/etc/x.conf).

// pathVerbs are verbs that destroy the place an unknown program names,
// beyond the lexicon's destroy, reset and wipe verbs.
var pathVerbs = table.Map[string, bool]{Words: "clean clobber scrub prune shred reinit nuke zap"}

// deviceVerbs destroy a place only when it is a device (mytool format
// /dev/sda): a command-line tool's format of a directory is its code
// formatter's.
var deviceVerbs = table.Map[string, bool]{Words: "format reformat overwrite zero zeroize"}

// unknownPathDeletes adds the deletes an unknown program's destroying
// verb makes of the paths it names outside the working directory.
func (a *analysis) unknownPathDeletes(i int, c *shell.Command, cl *catalog.Classified) {
	if shell.CmdExeName(c.Name) {
		return // cmd /c del /q x: its line's commands are read (cmdexe.go), its switches are no paths
	}
	verb := ""
	leadingWords(cl, 2, func(w string) bool {
		if notVerbShaped(w) {
			return false
		}
		lw := verbWord(w)
		if pathVerbs.Get(lw) || deviceVerbs.Get(lw) || strongUnknownVerb(lw) || softUnknownVerb(lw) {
			verb = w
		}
		return verb != ""
	})
	opt := ""
	if verb == "" {
		// mytool --rm-rf ~, sweeper --purge-dir=/home/dev: an option
		// named for the destroying, its value or the operands what it
		// destroys
		if opt = destroyingOption(c.Args); opt == "" {
			return
		}
		verb = opt
	}
	cwd := a.env.Cwd
	if i < len(a.cwds) && a.cwds[i] != "" {
		cwd = a.cwds[i]
	}
	targets := cl.Words
	if opt != "" {
		for _, w := range c.Args {
			if name, v, ok := strings.Cut(w, "="); ok && name == opt && (pathShaped(v) || homeWord(v)) && !strings.Contains(v, "://") {
				a.add(Effect{Kind: Delete, Cmd: i, Path: a.clean(v, i), Recursive: true})
			}
		}
	}
	for _, w := range targets {
		if w.Role != catalog.None || w.Option != "" && w.Option != opt || w.Text == verb || !pathShaped(w.Text) && !homeWord(w.Text) || strings.Contains(w.Text, "://") {
			continue
		}
		p := a.clean(w.Text, i)
		if deviceVerbs.Get(verbWord(verb)) && !strings.HasPrefix(p, "/dev/") {
			continue
		}
		if cwd != "" && (p == cwd || strings.HasPrefix(p, cwd+"/")) {
			continue // the project's own: the verb's reading judges it
		}
		a.add(Effect{Kind: Delete, Cmd: i, Path: p, Recursive: true})
	}
}

// destroyingOption returns the name of an unknown program's long option
// named for destroying a place (--rm-rf, --delete-all, --purge-dir,
// --remove-recursive, --wipe, in any case: --RmRf, --deleteRecursive,
// --RMRF), or given as a setting (-o rm-rf=/home/dev, --set RmRf=~), or
// "": a part that is one of pathVerbs or a verb the unknown
// readings take for destroying, strong or soft.
func destroyingOption(args []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, setting := strings.Cut(a, "=")
		if !strings.HasPrefix(a, "--") && (!setting || strings.HasPrefix(a, "-")) || strings.HasPrefix(a, "--no-") {
			continue // (a setting's NAME=PATH counts too: mytool -o rm-rf=/home/dev)
		}
		found := false
		verbParts(dashedName(strings.TrimLeft(name, "-")), func(p string, _ int) {
			found = found || pathVerbs.Get(p) || strongUnknownVerb(p) || softUnknownVerb(p) || rmCluster(p)
		})
		if found {
			return name
		}
	}
	return ""
}

// rmCluster reports an option part spelled as rm with its flags run
// together (rmrf, rmfr, RmRf lower-cased): rm -rf by another name.
func rmCluster(p string) bool {
	return len(p) > 2 && strings.HasPrefix(p, "rm") && strings.Trim(p[2:], "rf") == ""
}

// dashedName returns an option's name in lower case with its words apart
// (RmRf: rm-rf, deleteRecursive: delete-recursive, WipeDir: wipe-dir): a
// word starts where a capital follows a small letter; rm and rf run
// together (rmrf, RMRF) are rm -rf's own.
func dashedName(name string) string {
	s := lowerTaskName(name) // production.go: RmRf is rm-rf, deleteRecursive delete-recursive
	if r, ok := strings.CutPrefix(s, "rmrf"); ok {
		s = "rm-rf" + r
	}
	return s
}

// homeWord reports a word that names the home through its variable
// ($HOME, ${HOME}, $HOME/x).
func homeWord(w string) bool {
	_, ok := match.HomeVar(w)
	return ok
}
