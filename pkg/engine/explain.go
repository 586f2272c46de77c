package engine

import (
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/shell"
)

// Trace is a human-readable account of one evaluation.
type Trace struct {
	Call     call.Call       `json:"call"`
	Commands []string        `json:"commands,omitempty"` // simple commands the normaliser found
	Unparsed bool            `json:"unparsed,omitempty"`
	Effects  []effect.Effect `json:"-"`
	// EffectList is Effects as text ("delete:recursive /home/dev"), for
	// explain and explain --json.
	EffectList []string      `json:"effects,omitempty"`
	Steps      []Step        `json:"steps"`
	Decision   call.Decision `json:"decision"`
}

// Step is one policy or rule considered for one subject.
type Step struct {
	Subject string      `json:"subject"` // e.g. "exec: rm -r -f /"
	Policy  string      `json:"policy,omitempty"`
	Rule    int         `json:"rule,omitempty"` // 1-based index within the policy
	Line    int         `json:"line,omitempty"`
	Result  string      `json:"result"` // "matched", "no match", "skipped: tool", "default"
	Action  call.Action `json:"action"`
	Message string      `json:"message,omitempty"`
}

// Explain evaluates c like Evaluate, without stopping at the first deny,
// and records every policy and rule considered.
func (e *Engine) Explain(c call.Call) Trace {
	t := &Trace{Call: c}
	if c.Tool == call.ToolExec {
		res := shell.ParseIn(c.Command(), shell.Place{Dir: c.Cwd, Home: e.env.Home})
		t.Unparsed = res.Unparsed
		for _, sc := range res.Commands {
			line := sc.Name
			for _, a := range sc.Args {
				line += " " + a
			}
			t.Commands = append(t.Commands, line)
		}
	}
	ev := evaluation{e: e, c: c, keepAll: true, trace: t}
	ev.run(t)
	if c.Tool == call.ToolMCP {
		ev.mcp()
	}
	if c.Tool == call.ToolFetch && hasRequest(c.Params) {
		ev.judgeFetchRequest(c.URL()) // fetchrequest.go, as Evaluate does
	}
	ev.judgeGraphQLLines()
	t.Decision = ev.decision()
	for _, ef := range t.Effects {
		t.EffectList = append(t.EffectList, ef.String())
	}
	return *t
}

func describe(s *subject) string { return s.tool + ": " + s.label() }

func (ev *evaluation) traceSkip(s *subject, ent *policy.Entry) {
	if ev.trace == nil {
		return
	}
	_ = ent // skipped policies are not listed: most policies name other tools
}

func (ev *evaluation) traceRule(s *subject, ent *policy.Entry, i int, r *policy.Rule, ok bool) {
	if ev.trace == nil {
		return
	}
	res := "no match"
	if ok {
		res = "matched"
		if ent.TightenOnly && r.Action <= call.Log {
			res = "matched (project rule cannot loosen; ends this policy)"
		}
	}
	ev.trace.Steps = append(ev.trace.Steps, Step{Subject: describe(s), Policy: ent.Name, Rule: i + 1, Line: r.Line, Result: res, Action: r.Action, Message: r.Message})
}

func (ev *evaluation) traceDefault(s *subject) {
	if ev.trace == nil {
		return
	}
	ev.trace.Steps = append(ev.trace.Steps, Step{Subject: describe(s), Result: "default", Action: ev.e.p.DefaultAction})
}

// EvaluateResponse judges a tool's output (PostToolUse, MCP results, HTTP
// execute results) by the response_matches rules of the policies that admit
// the call's tool. Credential scanning is package secret's job; this is the
// policy's own say. With no rule holding the answer is allow.
func (e *Engine) EvaluateResponse(c call.Call, output string) call.Decision {
	d := call.Decision{Decision: call.Allow}
	for _, ent := range e.p.Entries {
		if !ent.AppliesTo(c.Tool, c.Agent, c.Session) {
			continue
		}
		for _, r := range ent.Rules() {
			if len(r.Response) == 0 || !anyText(r.Response, output) {
				continue
			}
			if ent.TightenOnly && r.Action <= call.Log {
				break
			}
			if r.Action > d.Decision || !d.Explicit {
				d = call.Decision{Decision: r.Action, Message: r.Message, MatchedPolicies: ent.Names(), Explicit: true}
			}
			break
		}
	}
	return d
}
