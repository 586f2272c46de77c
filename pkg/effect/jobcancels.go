package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A batch scheduler's queue is shared by everyone on the cluster. Cancelling
// a job by its id, or one's own jobs narrowed by a name, a state or a
// partition, is everyday work (scancel 4412877, scancel -u $USER
// --state=PENDING, qselect -u dev -s Q | xargs qdel); cancelling another
// user's jobs (scancel -u alice, bkill -u bob 0, qselect -u alice | xargs
// qdel), every user's jobs a filter selects (sudo scancel -p gpu, bkill -u
// all 0), every job of one's own at once (scancel -u $USER), or jobs whose
// ids a listing of the whole queue computes (squeue -h -o %i | xargs
// scancel) ends work a person should confirm. Such a command is a Destroy
// effect of kind "jobs".

// jobUserOptions are the options of scancel, qselect, squeue, bkill and
// bjobs whose value selects jobs by their owner.
var jobUserOptions = table.Map[string, bool]{Words: "-u --user -U"}

// jobValueOptions are the options of those programs that take a value (the
// next word, or after "="), other than the owner; each narrows the jobs
// selected except the signal, the cluster and a listing's format.
var jobValueOptions = table.Map[string, bool]{Words: `-A --account -p --partition -t --state -n
	--name --jobname -w --nodelist -q --qos -R --reservation -M --clusters -s --signal --wckey
	--sibling -o -O --format -S -E -j --jobs -N -l -P -J -g -m -L --states -W`}

// jobNotNarrowing are the valued options that select no jobs of their own.
// (qselect's -s is a state, which narrows.)
var jobNotNarrowing = table.Map[string, bool]{Words: "-s --signal -M --clusters -o -O --format -W"}

// jobSelfWords are the spellings of the user's own name a line may use
// before the shell has resolved them.
var jobSelfWords = table.Map[string, bool]{Words: "$USER ${USER} $LOGNAME ${LOGNAME} $(whoami) `whoami` $(id -un) $(id -u -n)"}

// jobSelection is what a job command's options select.
type jobSelection struct {
	user      string // the owner named, "" when none
	self      bool   // the owner named is the user, or --me
	narrowed  bool   // a name, state, partition, node or the like narrows it
	ids       []string
	allUsers  bool // -u all (LSF), qdel all
	computeds bool // an id word is computed at run time
}

// selfName is the user's own account name: the last segment of the home
// directory.
func (a *analysis) selfName() string {
	h := a.env.Home
	if h == "" || h == "/" {
		return ""
	}
	return path.Base(h)
}

// readJobSelection reads a scancel, qdel, bkill, qselect or squeue
// command's selection.
func (a *analysis) readJobSelection(c *shell.Command) jobSelection {
	var s jobSelection
	self := a.selfName()
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		opt, val, hasVal := strings.Cut(w, "=")
		if !hasVal && len(w) > 2 && w[0] == '-' && w[1] != '-' && (jobUserOptions.Get(w[:2]) || jobValueOptions.Get(w[:2])) {
			opt, val, hasVal = w[:2], w[2:], true // -ualice, -tPENDING
		}
		switch {
		case w == "--me":
			s.self = true
		case jobUserOptions.Get(opt):
			if !hasVal && k+1 < len(c.Args) {
				k++
				val = c.Args[k]
			}
			s.user = val
			s.self = val == self || jobSelfWords.Get(val)
			s.allUsers = val == "all"
		case jobValueOptions.Get(opt):
			if !hasVal {
				k++
			}
			if !jobNotNarrowing.Get(opt) || opt == "-s" && c.Name == "qselect" {
				s.narrowed = true
			}
		case strings.HasPrefix(w, "-"):
			// a flag: -f, -i, -Q, -v, -W force
		default:
			if w == "all" || w == "ALL" {
				s.allUsers = true
				continue
			}
			if strings.Contains(w, "$") && !strings.HasPrefix(strings.Trim(w, `"{$`), "SLURM_") && !strings.HasPrefix(strings.Trim(w, `"{$`), "PBS_") && !strings.HasPrefix(strings.Trim(w, `"{$`), "LSB_") {
				s.computeds = true
			}
			s.ids = append(s.ids, w)
		}
	}
	return s
}

// cancelsJobs reports why command i cancels jobs a person should confirm
// (see above), or "".
func (a *analysis) cancelsJobs(i int, c *shell.Command) string {
	switch c.Name {
	case "scancel", "qdel", "bkill":
	case "condor_rm":
		return a.condorRemoves(c)
	case "scontrol":
		return a.scontrolEnds(c)
	default:
		return ""
	}
	s := a.readJobSelection(c)
	switch {
	case s.allUsers:
		return c.Name + " cancels every user's jobs"
	case s.user != "" && !s.self:
		return c.Name + " cancels another user's jobs (" + s.user + ")"
	}
	if c.Name == "bkill" && len(s.ids) == 1 && s.ids[0] == "0" {
		// bkill 0: every job of the user (or, with -u, of the one named)
		if s.narrowed {
			return ""
		}
		return "bkill 0 cancels every job of the user"
	}
	if a.jobIDsListed(c) {
		return a.listedJobs(c)
	}
	if len(s.ids) == 0 {
		if a.jobIDsFed(c) {
			return a.listedJobs(c)
		}
		if c.Name != "scancel" {
			return ""
		}
		switch {
		case !s.self && s.user == "":
			return "scancel cancels the jobs of every user its filters select"
		case !s.narrowed:
			return "scancel cancels every job of the user"
		}
		return ""
	}
	if s.computeds {
		return a.listedJobs(c)
	}
	return ""
}

// jobIDsFed reports whether a command's job ids reach it from an earlier
// pipeline stage (squeue -h -o %i | xargs scancel).
func (a *analysis) jobIDsFed(c *shell.Command) bool {
	for _, v := range c.Via {
		if v == "xargs" || v == "parallel" {
			return true
		}
	}
	return false
}

// jobIDsListed reports whether a command's words hold what a job listing
// prints (scancel $(squeue -h -o %i), qdel $(qselect -u alice)).
func (a *analysis) jobIDsListed(c *shell.Command) bool {
	cmds := a.res.Commands
	for _, j := range c.Inputs {
		if j >= 0 && j < len(cmds) && jobListers.Get(cmds[j].Name) {
			return true
		}
	}
	return false
}

// jobListers are the programs that print job ids.
var jobListers = table.Map[string, bool]{Words: "squeue qselect qstat bjobs sacct"}

// listedJobs reports why a cancel whose job ids are computed cancels what a
// person should confirm: unless the listing that computes them selects the
// user's own jobs, narrowed, every job it lists may be anyone's.
func (a *analysis) listedJobs(c *shell.Command) string {
	cmds := a.res.Commands
	var lister *shell.Command
	for _, j := range c.Inputs {
		if j >= 0 && j < len(cmds) && jobListers.Get(cmds[j].Name) {
			lister = &cmds[j]
		}
	}
	if lister == nil {
		for stage := c.Stage - 1; stage >= 0 && lister == nil; stage-- {
			p := stageAt(cmds, c.Pipeline, stage, c.Depth)
			if p == nil {
				break
			}
			if jobListers.Get(p.Name) {
				lister = p
			}
		}
	}
	if lister == nil {
		return c.Name + " cancels jobs whose ids are computed"
	}
	s := a.readJobSelection(lister)
	if s.self && s.narrowed {
		return ""
	}
	if s.user != "" && !s.self {
		return c.Name + " cancels another user's jobs (" + s.user + ", as " + lister.Name + " lists them)"
	}
	if !s.self {
		return c.Name + " cancels every job " + lister.Name + " lists, whoever's"
	}
	return c.Name + " cancels every job of the user " + lister.Name + " lists"
}

// condorValueOptions are condor_rm's options that take the next word and
// select no jobs: the scheduler, the pool, the reason.
var condorValueOptions = table.Map[string, bool]{Words: "-name -pool -addr -reason -n -p -a"}

// condorRemoves reports why HTCondor's condor_rm removes jobs a person
// should confirm, or "": its operands are job ids (4412, 4412.0) or
// owners' names; -all is every job of the user (every user's, for an
// administrator), and -constraint any job its expression matches.
func (a *analysis) condorRemoves(c *shell.Command) string {
	self := a.selfName()
	for k := 0; k < len(c.Args); k++ {
		w := c.Args[k]
		switch {
		case w == "-all":
			return "condor_rm removes every job of the user"
		case w == "-constraint" || w == "-const":
			return "condor_rm removes every job its constraint matches, whoever's"
		case condorValueOptions.Get(w):
			k++
		case strings.HasPrefix(w, "-"):
		case strings.Contains(w, "$"):
			return a.listedJobs(c)
		case strings.Trim(w, "0123456789.") != "":
			if w == self || jobSelfWords.Get(w) {
				return "condor_rm removes every job of the user"
			}
			return "condor_rm removes another user's jobs (" + w + ")"
		}
	}
	return ""
}

// scontrolJobVerbs are scontrol's verbs that stop running jobs.
var scontrolJobVerbs = table.Map[string, bool]{Words: "requeue requeuehold suspend"}

// scontrolEnds reports why scontrol requeue (or suspend) stops jobs a
// person should confirm: jobs whose ids a listing computes, as for
// scancel (listedJobs), or "".
func (a *analysis) scontrolEnds(c *shell.Command) string {
	pos := positionals(c.Args)
	if len(pos) < 2 || !scontrolJobVerbs.Get(pos[0]) {
		return ""
	}
	for _, w := range pos[1:] {
		if strings.Contains(w, "$") || strings.Contains(w, "`") {
			return a.listedJobs(c)
		}
	}
	if a.jobIDsListed(c) || a.jobIDsFed(c) {
		return a.listedJobs(c)
	}
	return ""
}
