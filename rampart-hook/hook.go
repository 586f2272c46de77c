package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/rampart-hook/internal/agent"
)

// hook answers one hook payload.
type hook struct {
	cfg         config
	readTimeout time.Duration // --read-timeout: how long stdin may take
	format      string        // --format; "" to detect from the payload
	mode        string        // --mode: enforce or monitor
	open        func(config) (decider, error)
}

// errBadMode is a bad --mode value.
var errBadMode = errors.New(`bad --mode (want "enforce" or "monitor")`)

// run reads a payload from stdin and writes the answer on stdout. It
// returns 0 whenever an answer was written, deny included, and 2 only when
// not even a deny could be written (an agent then blocks on the exit code
// alone, with the reason on stderr).
func (h *hook) run(stdin io.Reader, stdout, stderr io.Writer) int {
	payload, readErr := readWithin(stdin, h.readTimeout)
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

// DefaultReadTimeout is how long the hook waits for its payload before it
// denies: well inside every agent's own hook timeout (Claude Code, Codex
// and Gemini CLI wait 60 s by default, Cursor and Copilot CLI about 30 s),
// some of which treat a hook that timed out as no objection. A payload
// arrives in milliseconds; a writer that never finishes gets a deny.
const DefaultReadTimeout = 10 * time.Second

// errReadTimeout is a payload that did not arrive in time.
var errReadTimeout = errors.New("no complete payload on stdin")

// readWithin is readPayload bounded by d (0: no bound). On a timeout the
// read is abandoned; the process exits after answering. A file (the
// process's stdin) is waited on with poll(2) on this thread (see
// readFileWithin); any other reader is read by a goroutine.
func readWithin(r io.Reader, d time.Duration) ([]byte, error) {
	if d <= 0 {
		return readPayload(r)
	}
	if f, ok := r.(*os.File); ok {
		if b, ok, err := readFileWithin(f, d); ok {
			return b, err
		}
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := readPayload(r)
		done <- result{b, err}
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case res := <-done:
		return res.b, res.err
	case <-t.C:
		return nil, fmt.Errorf("%w within %v", errReadTimeout, d)
	}
}

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
	var ev *agent.Event
	err := readErr
	switch detect := h.format == "" || fmtErr != nil; {
	case detect && err == nil:
		f, ev, err = agent.DetectParse(payload) // the payload decoded once
	case detect:
		f = agent.Detect(payload)
		ev = &agent.Event{Format: f, Kind: agent.Pre}
	case err == nil:
		ev, err = agent.Parse(f, payload)
	default:
		ev = &agent.Event{Format: f, Kind: agent.Pre}
	}
	what := "cannot read the hook payload"
	if h.mode == "" {
		h.mode = "enforce"
	}
	if fmtErr != nil || (h.mode != "enforce" && h.mode != "monitor") {
		what, err = "bad hook command", fmtErr
		if err == nil {
			err = errBadMode
		}
	}
	if err == nil && ev.Kind == agent.Other {
		return ev, agent.Answer{}
	}
	h.cfg.flags.Mode = h.mode
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
	if err := d.Record(ev.Calls[0], dec); err != nil && !h.cfg.flags.FailOpen {
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
// response_matches rules (pkg/decide's DecideResponse, which audits a
// finding). A finding blocks the output from the model, with a redacted
// copy where the agent takes one.
func (h *hook) post(d decider, ev *agent.Event) agent.Answer {
	c := ev.Calls[0]
	found := "the output of " + ev.Tool + " contains credentials (%s); it was withheld from the model"
	if ev.Kind == agent.Pre {
		found = c.Path() + " contains credentials (%s); it was not read"
	} else if !ev.Withholds() {
		found = "the output of " + ev.Tool + " contains credentials (%s); the agent does not let them be withheld: do not repeat or use them"
	}
	r := d.DecideResponse(c, ev.Output, found)
	if r.Decision.Decision < call.RequireApproval {
		return agent.Answer{}
	}
	ans := agent.Answer{Verdict: agent.Deny, Reason: reasonFor("", r.Decision)}
	if r.Found() {
		ans.Redacted = r.Redacted
	}
	return ans
}
