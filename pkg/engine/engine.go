// Package engine decides a Call against a compiled policy.
//
// It is pure: no I/O, no clock, no environment. Callers pass what it needs
// (the user's home directory) in Env, and time the evaluation themselves if
// they want Decision.EvalNS.
//
// # Subjects
//
// A call is judged as one or more subjects, each with the tool name the
// policies match on:
//
//   - exec: every simple command the shell normaliser reaches (package
//     shell), every pipeline of two or more commands, and, derived from the
//     commands, the paths they read or write (tools read and write), the
//     URLs and hosts they reach (tool fetch) and SQL they run (tool sql);
//   - read and write: the path, cleaned against cwd and home;
//   - fetch: the normalised URL and host;
//   - mcp: the MCP tool with its arguments, and, derived from the arguments,
//     commands (exec), paths (read or write by the tool's verb), URLs (fetch)
//     and SQL (sql);
//   - any other tool: judged as given.
//
// # Evaluation order
//
// For each subject, the policies whose match block admits it are taken in
// priority order; within a policy the first rule whose conditions all hold
// decides for that policy. Across policies and subjects the strongest action
// wins: deny > require_approval > log > allow, so deny always wins. A
// primary subject (the call itself, or each of its simple commands) that no
// rule decides gets the default action; derived subjects only ever add
// decisions. An allow is explicit (Decision.Explicit) only when a rule
// allowed every primary subject.
//
// Allow rules never match on a command's raw text, only on its simple
// commands, so `cat x && rm -rf ~` is not allowed by `cat *`.
package engine

import (
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// Env is what the engine needs to know about the machine.
type Env struct {
	Home string // the user's home directory, for ~ and $HOME

	// Resolve, when set, returns the path p names once symbolic links are
	// followed, with ok false when it cannot tell. The engine does no I/O:
	// a caller that may look at the file system supplies it (package
	// decide does). A path is judged as written and as resolved; see
	// paths.go.
	Resolve func(p string) (real string, ok bool)
	// FoldCase compares paths without regard to case, for file systems
	// that ignore it (macOS, Windows): paths and patterns are both folded.
	FoldCase bool

	// Private, when set, reports whether the file at the absolute path p
	// exists and its owner keeps it from others: no read for other, or a
	// directory on the way that this user may not search. It
	// is asked only about a person's hidden settings and files under /etc
	// (homesettings.go), never about a project's files; package decide
	// supplies it with one stat.
	Private func(p string) bool

	// ScriptText, when set, returns the text of the regular file at the
	// absolute path p and what was found there: ScriptRead with its text,
	// ScriptTooLarge when it is larger than a script is (package decide
	// reads at most 256 KiB), ScriptBinary when it is a compiled program
	// (whatever its size), ScriptNone when there is no regular file to
	// read. It is asked only about a script a command line runs that the
	// line did not write (diskscripts.go).
	ScriptText func(p string) (text string, found ScriptFound)
}

// ScriptFound is what Env.ScriptText found at a path.
type ScriptFound uint8

const (
	ScriptNone     ScriptFound = iota // no regular file to read
	ScriptRead                        // a script, read whole
	ScriptTooLarge                    // a regular file too large to read: what it runs is not known
	ScriptBinary                      // a compiled program: its first line holds a NUL byte (as bash tells one)
)

// Engine evaluates calls against one policy. It is safe for concurrent use.
type Engine struct {
	p   *policy.Policy
	env Env
	*tables
}

// tables are what an engine works out about its policy on first use and
// keeps: they depend on the policy and on Env.Home only.
type tables struct {
	cands  candidateTable // candidates.go
	pipes  pipelineTable  // candidates.go
	named  namedReads     // search.go
	admits admissionTable // admissions.go
	paths  pathRuleTable  // pathrules.go
}

// New returns an Engine for p.
func New(p *policy.Policy, env Env) *Engine { return &Engine{p: p, env: env, tables: &tables{}} }

// WithEnv returns an Engine for e's policy with env. It shares what e has
// worked out about the policy when env has e's Home (the tables depend on
// nothing else), so that an adapter whose Env is made per call (a symbolic
// link resolver with its own cache) keeps them from call to call.
func (e *Engine) WithEnv(env Env) *Engine {
	if env.Home != e.env.Home {
		return New(e.p, env)
	}
	return &Engine{p: e.p, env: env, tables: e.tables}
}

// Policy returns the policy the engine evaluates.
func (e *Engine) Policy() *policy.Policy { return e.p }

// Evaluate decides c.
func (e *Engine) Evaluate(c call.Call) call.Decision {
	if c.Tool == call.ToolMCP {
		ev := &evaluation{e: e, c: c}
		ev.mcp()
		ev.judgeGraphQLLines()
		d := ev.decision()
		ev.release()
		return d
	}
	if c.Tool == call.ToolFetch && hasRequest(c.Params) {
		// fetchrequest.go: its method, headers and body, judged apart so
		// that a plain fetch's evaluation stays on the stack
		ev := &evaluation{e: e, c: c}
		ev.run(nil)
		if !ev.denied() {
			ev.judgeFetchRequest(c.URL())
		}
		ev.judgeGraphQLLines()
		d := ev.decision()
		ev.release()
		return d
	}
	ev := evaluation{e: e, c: c}
	ev.run(nil)
	if len(ev.gqlLines) > 0 || len(ev.codeReqs) > 0 {
		return graphqlAfter(ev) // graphqlcalls.go, off this evaluation's stack
	}
	d := ev.decision()
	ev.release()
	return d
}

// result is one policy's decision about one subject.
type result struct {
	action  call.Action
	entry   *policy.Entry // nil for the default action
	rule    *policy.Rule
	ruleIdx int
	text    string
	argv    *match.Argv // the command whose line is the text, when text is ""
	unknown bool        // the subject was an unknown effect (what could not be resolved)
	effect  string      // the subject's effect descriptor (destroy:history), "" for a command's own line
}

// label is what Decision.Matched shows: the text, or the command's line,
// built only for the result that decides.
func (r *result) label() string {
	if r.text == "" && r.argv != nil {
		return r.argv.String()
	}
	return r.text
}

type evaluation struct {
	e        *Engine
	c        call.Call
	flags    []string
	best     result
	have     bool
	all      []result // every decided result, kept only when explaining
	keepAll  bool
	defaults bool // a primary subject fell through to the default action
	trace    *Trace
	sc       *execScratch // arrays of the command line being judged (scratch.go)
	gqlLines []string     // command lines whose curl sends a GraphQL mutation, judged after the run (graphqlcalls.go)
	codeReqs []string     // curl lines of the requests inline code sends with a method, judged after the run (coderequests.go)
	argvs    []match.Argv // the argvs of the command line being judged, which an effect's Cmd indexes (subject.go)
	// lineForwards: the command line being judged opens a port leading
	// to another machine (effect.ForwardsOnLine), set with argvs
	lineForwards bool
	adm          *admission // the policies admitting admTool for the call (admissions.go), the last asked
	admTool      string
	// diskDepth and diskRead count the scripts on disk being judged and
	// read for the call (diskscripts.go).
	diskDepth, diskRead int
	// windowsPass is set while a line is judged a second time as
	// Windows' shells read it (windowslines.go).
	windowsPass bool
	// laterLines are the command lines a file runs later being judged
	// now (judgeLater): a line that writes the file it came from (a
	// source written and run, shell/sourcelangs.go) is not judged again
	// inside itself.
	laterLines []string
	// lineEffs are the effects of the command line being judged, while
	// they are (testmaterial.go: a file the line writes is no test
	// material).
	lineEffs []effect.Effect
	// q is the path qPath made ready for matching with the engine's home
	// and working directory qCwd, when hasQ (pathQuery).
	q           match.PathQuery
	qPath, qCwd string
	hasQ        bool
}

func (ev *evaluation) add(r result) {
	if ev.keepAll {
		ev.all = append(ev.all, r)
	}
	if !ev.have || r.action > ev.best.action {
		ev.best, ev.have = r, true
	}
}

func (ev *evaluation) decision() call.Decision {
	p := ev.e.p
	if !ev.have {
		return call.Decision{Decision: p.DefaultAction, Message: defaultMessage(p), Flags: ev.flags}
	}
	b := ev.best
	d := call.Decision{Decision: b.action, Matched: b.label(), Flags: ev.flags}
	if b.entry == nil {
		d.Message = defaultMessage(p)
		return d
	}
	d.Explicit = b.action != call.Allow || !ev.defaults
	d.MatchedPolicies = b.entry.Names()
	d.Message = b.rule.Message
	if strings.Contains(d.Message, "{matched}") {
		d.Message = strings.ReplaceAll(d.Message, "{matched}", d.Matched)
	}
	if d.Message == "" && b.action != call.Allow {
		d.Message = b.action.String() + " by policy " + b.entry.Name
	}
	if ev.keepAll {
		d.MatchedPolicies = nil
		seen := map[string]bool{}
		for _, r := range ev.all {
			if r.action == b.action && r.entry != nil && !seen[r.entry.Name] {
				seen[r.entry.Name] = true
				d.MatchedPolicies = append(d.MatchedPolicies, r.entry.Name)
			}
		}
	}
	return d
}

func defaultMessage(p *policy.Policy) string {
	if p.DefaultAction == call.Allow {
		return ""
	}
	return "no rule decided this call; default action is " + p.DefaultAction.String()
}

// judge evaluates one subject against every policy that admits it.
func (ev *evaluation) judge(s *subject) {
	c := &ev.c
	decided := false
	entries, checked := ev.e.p.Entries, false
	var at []int // index into Policy.Entries of each of entries, when a subset
	var a *admission
	if ev.trace == nil {
		// admissions.go: the policies that admit the tool, asked once per
		// engine (a trace lists those that do not), and kept for the
		// subjects after this one under the same tool
		a = ev.adm
		if a == nil || ev.admTool != s.tool {
			a = ev.e.admitted(s.tool, c.Agent, c.Session)
			ev.adm, ev.admTool = a, s.tool
		}
		if a != nil {
			entries, checked, at = a.entries, true, a.at
		}
	}
	var cands *candidates
	if s.sql == "" && ev.trace == nil {
		// candidates.go; (matchCommand reads stages before argv)
		if s.stages != nil {
			cands = ev.e.pipelineCandidates()
		} else if s.argv != nil {
			cands = ev.e.candidatesFor(s.argv.Name)
		}
	}
	// live: the positions in entries of the policies with a candidate
	// rule for the subject, when the candidates keep them for a
	// (candidates.go); the others hold no rule for it
	var live []int32
	n, isLive := len(entries), false
	bare := s.effect == ""                                      // no rule with effect_matches holds (candidates.go)
	pathOnly := cands == nil && ev.trace == nil && s.barePath() // pathrules.go
	if cands != nil && a != nil {
		if live, isLive = cands.liveInFor(a, bare); isLive {
			n = len(live)
		}
	}
	for j := 0; j < n; j++ {
		k := j
		if isLive {
			k = int(live[j])
		}
		ent := entries[k]
		if !checked && !ent.AppliesTo(s.tool, c.Agent, c.Session) {
			ev.traceSkip(s, ent)
			continue
		}
		var i int
		var r *policy.Rule
		var text string
		if cands != nil {
			idx := k
			if at != nil {
				idx = at[k]
			}
			rules, pats := cands.ofFor(idx, bare)
			if len(rules) == 0 {
				continue // no rule of the policy can hold for the program
			}
			i, r, text = ev.firstCandidate(ent, s, rules, pats)
		} else if pathOnly {
			idx := k
			if at != nil {
				idx = at[k]
			}
			i, r, text = ev.firstOf(ent, idx, s)
		} else {
			i, r, text = ev.firstRule(ent, s)
		}
		if r == nil {
			continue
		}
		if ent.TightenOnly && r.Action <= call.Log {
			continue
		}
		decided = true
		ev.add(result{action: r.Action, entry: ent, rule: r, ruleIdx: i, text: text, argv: s.argv, unknown: strings.HasPrefix(s.effect, "unknown:"), effect: s.effect})
		if r.Action == call.Deny && !ev.keepAll {
			return
		}
	}
	if !decided && s.primary {
		ev.defaults = true
		ev.add(result{action: ev.e.p.DefaultAction, text: s.text, argv: s.argv})
		ev.traceDefault(s)
	}
}

func (ev *evaluation) firstRule(ent *policy.Entry, s *subject) (int, *policy.Rule, string) {
	for i, r := range ent.Rules() {
		ok, text := ev.holds(r, s)
		ev.traceRule(s, ent, i, r, ok)
		if ok {
			return i, r, text
		}
	}
	return -1, nil, ""
}

// firstCandidate is firstRule over the rules of ent that can hold for the
// subject's program (candidates.go); untraced only.
func (ev *evaluation) firstCandidate(ent *policy.Entry, s *subject, rules []int32, pats []namePatterns) (int, *policy.Rule, string) {
	for k, i := range rules {
		r := ent.Rule(int(i)) // laid out when first reached (policy.Entry.Rule)
		var p *namePatterns
		if k < len(pats) && pats[k].ok {
			p = &pats[k]
		}
		if ok, text := ev.holdsFor(r, s, p); ok {
			return int(i), r, text
		}
	}
	return -1, nil, ""
}

// denied reports whether the best decision so far is a deny, so the
// remaining subjects cannot change the outcome.
func (ev *evaluation) denied() bool { return ev.have && ev.best.action == call.Deny && !ev.keepAll }
