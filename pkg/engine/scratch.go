package engine

import (
	"sync"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// execScratch holds the arrays one command line's judgement fills: each
// command prepared for matching, its working directory, and the shared
// arrays behind their words. Subjects and the best result point into
// them until the decision is made; Evaluate then hands them back to
// scratches, cleared, for the next call (rampart-serve judges many at
// once, and each call takes its own).
type execScratch struct {
	argv []match.Argv
	cwd  []string
	buf  match.ArgvBuf

	// applies are the policies that admit appliesTool for this call's
	// agent and session, in order: every command of the line is judged
	// under that tool, and asking each policy once is enough.
	applies     []*policy.Entry
	appliesAt   []int // index into Policy.Entries of each of applies
	appliesTool string

	// A pipeline's commands in stage order, while it is judged.
	js     []int
	stages []*match.Argv

	// probe answers effect.Env.Sensitive for the line (see exec); probeFn
	// is its method value, made once per scratch.
	probe   evaluation
	probeFn func(string) bool
	protFn  func(string) bool // answers effect.Env.Protected, from the same probe
}

var scratches = sync.Pool{New: func() any { return new(execScratch) }}

// maxScratch bounds the commands a kept scratch has room for.
const maxScratch = 256

// scratch returns the evaluation's scratch. Only the first command line
// of an evaluation takes one from the pool; another (a second command in
// MCP arguments) gets arrays of its own, since the first line's subjects
// may still be pointed at.
func (ev *evaluation) scratch() *execScratch {
	if ev.sc != nil {
		return new(execScratch)
	}
	ev.sc = scratches.Get().(*execScratch)
	return ev.sc
}

// release hands the scratch back once the decision no longer needs it.
func (ev *evaluation) release() {
	sc := ev.sc
	if sc == nil {
		return
	}
	ev.sc = nil
	ev.best = result{} // it may point at a command in sc.argv
	clear(sc.argv)
	clear(sc.cwd)
	clear(sc.applies)
	clear(sc.stages)
	sc.js, sc.stages = sc.js[:0], sc.stages[:0]
	sc.probe = evaluation{}
	sc.applies, sc.appliesAt, sc.appliesTool = sc.applies[:0], sc.appliesAt[:0], ""
	sc.argv, sc.cwd = sc.argv[:0], sc.cwd[:0]
	sc.buf.Reset()
	if cap(sc.argv) > maxScratch {
		return
	}
	scratches.Put(sc)
}

// admit notes the policies that admit tool for the call, unless the
// evaluation is traced (a trace lists what each policy did).
func (ev *evaluation) admit(sc *execScratch, tool string) {
	if sc != ev.sc || ev.trace != nil {
		return
	}
	c := &ev.c
	sc.applies, sc.appliesAt = sc.applies[:0], sc.appliesAt[:0]
	for i, ent := range ev.e.p.Entries {
		if ent.AppliesTo(tool, c.Agent, c.Session) {
			sc.applies = append(sc.applies, ent)
			sc.appliesAt = append(sc.appliesAt, i)
		}
	}
	sc.appliesTool = tool
	if sc.applies == nil {
		sc.applies, sc.appliesAt = []*policy.Entry{}, []int{} // none admit it: still known
	}
}

// argvs returns n zeroed Argv.
func (sc *execScratch) argvs(n int) []match.Argv {
	if cap(sc.argv) < n {
		sc.argv = make([]match.Argv, n)
	}
	sc.argv = sc.argv[:n]
	return sc.argv
}

// cwds returns n empty strings.
func (sc *execScratch) cwds(n int) []string {
	if cap(sc.cwd) < n {
		sc.cwd = make([]string, n)
	}
	sc.cwd = sc.cwd[:n]
	return sc.cwd
}

// ints returns an empty array with room for n.
func (sc *execScratch) ints(n int) []int {
	if cap(sc.js) < n {
		sc.js = make([]int, 0, n)
	}
	return sc.js[:0]
}

// stageList returns an empty array with room for n stages. The subject
// judged with it is done before the next pipeline takes it.
func (sc *execScratch) stageList(n int) []*match.Argv {
	if cap(sc.stages) < n {
		sc.stages = make([]*match.Argv, 0, n)
	}
	return sc.stages[:0]
}

// sensitive returns the scratch's probe, a copy of ev, as a function.
func (sc *execScratch) sensitive(ev *evaluation) func(string) bool {
	sc.probe = evaluation{e: ev.e, c: ev.c}
	if sc.probeFn == nil {
		sc.probeFn = sc.probe.sensitive
	}
	return sc.probeFn
}

// protected returns the probe's protected as a function; sensitive set
// the probe up for the line.
func (sc *execScratch) protected() func(string) bool {
	if sc.protFn == nil {
		sc.protFn = sc.probe.protected
	}
	return sc.protFn
}
