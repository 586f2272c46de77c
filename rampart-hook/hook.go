package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/secret"
	"rampart.dev/rampart-hook/internal/agent"
)

// hook answers one hook payload.
type hook struct {
	cfg    config
	format string // --format; "" to detect from the payload
	mode   string // --mode: enforce or monitor
	open   func(config) (decider, error)
}

// errBadMode is a bad --mode value.
var errBadMode = errors.New(`bad --mode (want "enforce" or "monitor")`)

// run reads a payload from stdin and writes the answer on stdout. It
// returns 0 whenever an answer was written, deny included, and 2 only when
// not even a deny could be written (an agent then blocks on the exit code
// alone, with the reason on stderr).
func (h *hook) run(stdin io.Reader, stdout, stderr io.Writer) int {
	payload, readErr := readPayload(stdin)
	ev, ans := h.answer(payload, readErr, stderr)
	out := agent.Render(ev, ans)
	if len(out) == 0 {
		return 0
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintf(stderr, "rampart-hook: error: cannot write the answer: %v\n", err)
		if ans.Verdict >= agent.Ask {
			fmt.Fprintln(stderr, ans.Reason)
		}
		return 2
	}
	return 0
}

// maxDrain bounds how much of an oversized payload is read and dropped
// (so that the agent's write does not fail) before the hook answers
// anyway: a writer that never stops cannot hold the hook forever.
const maxDrain = 256 << 20

// readPayload reads all of stdin, up to agent.MaxPayload. A longer payload
// is drained and refused.
func readPayload(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, agent.MaxPayload+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read stdin: %w", err)
	}
	if len(b) > agent.MaxPayload {
		_, _ = io.CopyN(io.Discard, r, maxDrain)
		return nil, agent.ErrTooBig
	}
	return b, nil
}

// answer decides one payload. Input that cannot be judged is denied
// and audited; a policy or audit trail that fails denies too, unless
// --fail-open was chosen (pkg/decide applies that rule).
func (h *hook) answer(payload []byte, readErr error, stderr io.Writer) (*agent.Event, agent.Answer) {
	f := agent.Claude
	var fmtErr error
	if h.format != "" {
		f, fmtErr = agent.ParseFormat(h.format)
	}
	if h.format == "" || fmtErr != nil {
		f = agent.Detect(payload)
	}
	var ev *agent.Event
	err := readErr
	if err == nil {
		ev, err = agent.Parse(f, payload)
	} else {
		ev = &agent.Event{Format: f, Kind: agent.Pre}
	}
	what := "cannot read the hook payload"
	if fmtErr != nil || (h.mode != "enforce" && h.mode != "monitor") {
		what, err = "bad hook command", fmtErr
		if err == nil {
			err = errBadMode
		}
	}
	if err == nil && ev.Kind == agent.Other {
		return ev, agent.Answer{}
	}
	h.cfg.monitor = h.mode == "monitor"
	d, openErr := h.open(h.cfg)
	if openErr != nil {
		fmt.Fprintf(stderr, "rampart-hook: error: %v\n", openErr)
	}
	defer d.Close()
	if err != nil {
		fmt.Fprintf(stderr, "rampart-hook: error: %s: %v\n", what, err)
		c := call.Call{Params: call.Params{"format": ev.Format.String(), "error": err.Error()}, Agent: ev.Format.String()}
		if len(ev.Calls) > 0 {
			c = ev.Calls[0]
		}
		dec := d.Reject(c, what+": "+err.Error())
		return ev, agent.Answer{Verdict: agent.Deny, Reason: reasonFor("", dec) + " (the call was blocked: rampart fails closed)"}
	}
	if ev.Kind == agent.Post {
		return ev, h.post(d, ev)
	}
	return ev, h.pre(d, ev)
}

// pre decides the calls of a Pre event; the strongest decision answers. An
// allow is explicit only when every call was allowed by a rule.
func (h *hook) pre(d decider, ev *agent.Event) agent.Answer {
	var worst call.Decision
	for i, c := range ev.Calls {
		dec := d.Decide(c)
		if i == 0 || dec.Decision > worst.Decision {
			worst = dec
		} else if dec.Decision == worst.Decision && !dec.Explicit {
			worst.Explicit = false
		}
	}
	ans := answerFor(worst)
	if ans.Verdict < agent.Ask && ev.AskReason != "" {
		return h.askAnyway(d, ev)
	}
	if ans.Verdict < agent.Ask && ev.Output != nil {
		// Content the agent is about to read (Cursor's beforeReadFile).
		if post := h.post(d, ev); post.Verdict == agent.Deny {
			post.Redacted = nil
			return post
		}
	}
	return ans
}

// askAnyway asks for a call the policy let through but the agent would
// follow with input no hook sees (ev.AskReason); the ask is audited.
func (h *hook) askAnyway(d decider, ev *agent.Event) agent.Answer {
	dec := call.Decision{Decision: call.RequireApproval, Message: strings.TrimPrefix(ev.AskReason, "rampart: approval required: "), Explicit: true, Flags: []string{flagUnjudgedInput}}
	if err := d.Record(ev.Calls[0], dec); err != nil && !h.cfg.failOpen {
		return agent.Answer{Verdict: agent.Deny, Reason: fmt.Sprintf("rampart: cannot audit the call: %v (the call was blocked: rampart fails closed)", err)}
	}
	return agent.Answer{Verdict: agent.Ask, Reason: ev.AskReason}
}

// flagUnjudgedInput marks the audit record of an ask for a call that would
// take input no hook sees.
const flagUnjudgedInput = "unjudged_input"

// answerFor turns a decision into the hook's verdict: deny and approval
// stop the call, an explicit allow allows it, and anything else leaves it
// to the agent.
func answerFor(d call.Decision) agent.Answer {
	switch {
	case d.Decision == call.Deny:
		return agent.Answer{Verdict: agent.Deny, Reason: reasonFor("", d)}
	case d.Decision == call.RequireApproval:
		return agent.Answer{Verdict: agent.Ask, Reason: reasonFor("approval required: ", d)}
	case d.Decision == call.Allow && d.Explicit:
		return agent.Answer{Verdict: agent.Allow}
	}
	return agent.Answer{}
}

// reasonFor is the text the model (deny) or the user (ask) sees: the
// policy's message and the policy that decided.
func reasonFor(prefix string, d call.Decision) string {
	msg := d.Message
	if msg == "" {
		msg = d.Decision.String() + " by policy"
	}
	names := strings.Join(d.MatchedPolicies, ", ")
	if names != "" && !strings.HasSuffix(msg, "by policy "+names) {
		msg += " (policy " + names + ")"
	}
	return "rampart: " + prefix + msg
}

// post judges a tool's output: credentials in it, and the policy's
// response_matches rules. A finding is audited and the output is blocked
// from the model, with a redacted copy where the agent takes one.
func (h *hook) post(d decider, ev *agent.Event) agent.Answer {
	if err := d.Err(); err != nil && !h.cfg.failOpen {
		return agent.Answer{Verdict: agent.Deny, Reason: fmt.Sprintf("rampart: %v (the output was withheld: rampart fails closed)", err)}
	}
	redacted, findings := secret.RedactValue(ev.Output)
	c := ev.Calls[0]
	dec := responseDecision(d.Policy(), h.cfg.userHome, c, flatten(ev.Output))
	if len(findings) > 0 {
		kinds := kindsOf(findings)
		msg := fmt.Sprintf("the output of %s contains credentials (%s); it was withheld from the model", ev.Tool, strings.Join(kinds, ", "))
		if ev.Kind == agent.Pre {
			msg = fmt.Sprintf("%s contains credentials (%s); it was not read", c.Path(), strings.Join(kinds, ", "))
		} else if !ev.Withholds() {
			msg = fmt.Sprintf("the output of %s contains credentials (%s); the agent does not let them be withheld: do not repeat or use them", ev.Tool, strings.Join(kinds, ", "))
		}
		dec = call.Decision{
			Decision: call.Deny,
			Message:  msg,
			Matched:  strings.Join(kinds, ","),
			Explicit: true,
		}
	}
	if dec.Decision == call.Allow {
		return agent.Answer{}
	}
	dec.Flags = append(dec.Flags, flagResponse)
	if h.cfg.monitor {
		dec.Flags = append(dec.Flags, call.FlagMonitor)
	}
	if err := d.Record(c, dec); err != nil && !h.cfg.failOpen {
		return agent.Answer{Verdict: agent.Deny, Reason: fmt.Sprintf("rampart: cannot audit a finding in the tool's output: %v (the output was withheld: rampart fails closed)", err)}
	}
	if h.cfg.monitor || dec.Decision < call.RequireApproval {
		return agent.Answer{}
	}
	ans := agent.Answer{Verdict: agent.Deny, Reason: reasonFor("", dec)}
	if len(findings) > 0 {
		ans.Redacted = redacted
	}
	return ans
}

// flagResponse marks the audit record of a decision about a tool's output
// rather than its call.
const flagResponse = "response"
