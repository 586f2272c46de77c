package engine

import (
	"sync"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
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

	// A pipeline's commands in stage order, while it is judged, and the
	// stages it judges under another name.
	js      []int
	stages  []*match.Argv
	renamed []match.Argv
	// pipeN counts the line's commands by pipeline id (pipeSizes).
	pipeN []int

	// res is the line's parse; effs holds its effects while they are
	// judged.
	res  shell.Result
	effs []effect.Effect

	// probe answers effect.Env.Sensitive for the line (see exec); probeFn
	// is sensitiveRead's method value, made once per scratch. reads are
	// the paths it was asked about, with the rules that hold for reading
	// them (readmemo.go), in firsts' array.
	probe   evaluation
	probeFn func(string) bool
	reads   []readNote
	firsts  []int32

	// readAdmits, by index into Policy.Entries: whether the policy admits
	// reads for the call (noteRead asks once per evaluation).
	readAdmits []bool
	protFn     func(string) bool // answers effect.Env.Protected, from the same probe
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
	clear(sc.stages)
	clear(sc.renamed[:cap(sc.renamed)])
	sc.renamed = sc.renamed[:0]
	clear(sc.effs)
	sc.effs = sc.effs[:0]
	sc.res = shell.Result{}
	sc.js, sc.stages = sc.js[:0], sc.stages[:0]
	sc.probe = evaluation{}
	clear(sc.reads)
	sc.reads, sc.firsts, sc.readAdmits = sc.reads[:0], sc.firsts[:0], sc.readAdmits[:0]
	sc.argv, sc.cwd = sc.argv[:0], sc.cwd[:0]
	sc.buf.Reset()
	if cap(sc.argv) > maxScratch || cap(sc.effs) > maxScratch {
		return
	}
	scratches.Put(sc)
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

// pipeSizes returns how many of cmds each pipeline has, indexed by its id
// less lo, the least id, in an array kept for the next line.
func (sc *execScratch) pipeSizes(cmds []shell.Command) (sizes []int, lo int) {
	if len(cmds) == 0 {
		return nil, 0
	}
	lo, hi := cmds[0].Pipeline, cmds[0].Pipeline
	for i := range cmds {
		lo, hi = min(lo, cmds[i].Pipeline), max(hi, cmds[i].Pipeline)
	}
	n := hi - lo + 1
	if cap(sc.pipeN) < n {
		sc.pipeN = make([]int, n)
	}
	sizes = sc.pipeN[:n]
	clear(sizes)
	for i := range cmds {
		sizes[cmds[i].Pipeline-lo]++
	}
	return sizes, lo
}

// stageList returns an empty array with room for n stages. The subject
// judged with it is done before the next pipeline takes it.
func (sc *execScratch) stageList(n int) []*match.Argv {
	if cap(sc.stages) < n {
		sc.stages = make([]*match.Argv, 0, n)
	}
	return sc.stages[:0]
}

// renamedList returns an empty array with room for n stages. Like
// stageList, it serves one pipeline at a time.
func (sc *execScratch) renamedList(n int) []match.Argv {
	if cap(sc.renamed) < n {
		sc.renamed = make([]match.Argv, 0, n)
	}
	return sc.renamed[:0]
}

// sensitive sets the scratch's probe to a copy of ev and returns its
// answer to effect.Env.Sensitive (sensitiveRead) as a function.
func (sc *execScratch) sensitive(ev *evaluation) func(string) bool {
	sc.probe = evaluation{e: ev.e, c: ev.c}
	if sc.probeFn == nil {
		sc.probeFn = sc.sensitiveRead
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
