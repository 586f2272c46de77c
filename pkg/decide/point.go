package decide

import (
	"errors"
	"fmt"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

// Decide evaluates c, records it, and returns the decision to enforce.
func (p *Point) Decide(c call.Call) call.Decision {
	start := p.cfg.Now()
	since := p.walks.polled()
	if c.Cwd == "" {
		c.Cwd = p.cfg.Cwd
	}
	var d call.Decision
	var space [tierSpace]Tier
	tiers, err := p.appendTiers(space[:0], c.Cwd)
	if err != nil {
		d = p.failure(err.Error())
	} else {
		d, _ = p.evaluate(tiers, c, since)
	}
	d.EvalNS = p.cfg.Now().Sub(start).Nanoseconds()
	return p.finish(c, d)
}

// Reject records a call that could not be judged (malformed input, an
// oversized payload) as a deny with the reason, and returns that deny. It
// is never relaxed by monitor mode or fail-open: bad input is not a call.
func (p *Point) Reject(c call.Call, reason string) call.Decision {
	d := call.Decision{Decision: call.Deny, Message: reason, Flags: []string{call.FlagBadInput}}
	if c.Tool == "" {
		c.Tool = "invalid"
	}
	if err := p.Record(c, d); err != nil {
		d.Message += "; and the audit record failed: " + err.Error()
	}
	return d
}

// Record appends a record for c and d to the audit trail, for adapters
// that learn more after the decision (a credential in a tool's output).
func (p *Point) Record(c call.Call, d call.Decision) error {
	if p.cfg.NoAudit {
		return nil
	}
	if p.log == nil {
		return fmt.Errorf("audit log unavailable: %v", p.openErr)
	}
	_, err := p.log.Append(audit.Entry{Call: c, Decision: d, Via: p.cfg.Via})
	return err
}

// failure is the decision when the point cannot judge: deny, or allow when
// the user chose fail-open.
func (p *Point) failure(reason string) call.Decision {
	if p.cfg.FailOpen {
		return call.Decision{Decision: call.Allow, Message: "fail-open: " + reason, Flags: []string{call.FlagFailOpen}}
	}
	return call.Decision{Decision: call.Deny, Message: reason}
}

// finish applies monitor mode, writes the audit record and fails closed
// when it cannot be written.
func (p *Point) finish(c call.Call, d call.Decision) call.Decision {
	recorded := d
	if p.cfg.Monitor {
		recorded.Flags = append(append([]string(nil), d.Flags...), call.FlagMonitor)
	}
	if err := p.Record(c, recorded); err != nil {
		f := p.failure(auditFailure(err))
		if !p.cfg.FailOpen {
			return f
		}
		d.Flags = append(d.Flags, call.FlagFailOpen)
	}
	if p.cfg.Monitor {
		out := call.Decision{Decision: call.Allow, MatchedPolicies: d.MatchedPolicies, Matched: d.Matched, EvalNS: d.EvalNS, Flags: recorded.Flags}
		if d.Decision != call.Allow {
			out.Message = "monitor mode: would " + d.Decision.String() + ": " + d.Message
		}
		return out
	}
	return d
}

// Probe evaluates c against every tier without recording it, for
// adapters that ask what would happen (an MCP proxy hiding tools that are
// always denied). With no policy loaded it answers allow, hiding nothing:
// calls are still judged by Decide.
func (p *Point) Probe(c call.Call) call.Decision {
	since := p.walks.polled()
	if c.Cwd == "" {
		c.Cwd = p.cfg.Cwd
	}
	tiers, err := p.Tiers(c.Cwd)
	if err != nil {
		return call.Decision{Decision: call.Allow}
	}
	d, _ := p.evaluate(tiers, c, since)
	return d
}

// evaluate runs the engine on every tier; the strongest decision wins, the
// first tier (the user's) on a tie. It returns the index of the deciding
// tier. A call judged lately by the same policies is answered from the
// memo while the file system answers the engine's questions as it did
// (memo.go); since is the number of polls of the point's watch begun
// before the call arrived (projectWalks.polled).
func (p *Point) evaluate(tiers []Tier, c call.Call, since uint64) (call.Decision, int) {
	if p.cfg.NoMemo {
		var rec recorder
		d, by, _ := p.evaluateTiers(tiers, c, &rec)
		return d, by
	}
	kb := keyBuffers.Get().(*[]byte)
	defer keyBuffers.Put(kb)
	key, keep := appendMemoKey((*kb)[:0], &c)
	key = appendTiersKey(key, tiers)
	if cap(key) <= 2*maxMemoKey {
		*kb = key[:0]
	}
	year := memoYear()
	if keep {
		if e := p.memo.get(tiers, year, key); e != nil && e.holds(&p.walks, p.cfg.RawLookups, since) {
			return e.decision(), e.by
		}
	}
	var rec recorder
	d, by, ok := p.evaluateTiers(tiers, c, &rec)
	if keep && ok && !rec.spoilt {
		e := &memoEntry{d: d, by: by, pols: policiesOf(tiers), lookups: rec.lookups}
		d = e.decision()
		p.memo.put(year, key, e)
	}
	return d, by
}

// evaluateTiers is evaluate's evaluation, every question to the file
// system noted in rec. A panic in the engine (a bug, or input nobody
// foresaw) is a deny with the reason, never a crash of the adapter and
// never an allow; ok is then false.
func (p *Point) evaluateTiers(tiers []Tier, c call.Call, rec *recorder) (d call.Decision, by int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			d, by, ok = p.failure(fmt.Sprintf("internal error evaluating the call: %v", r)), 0, false
		}
	}()
	for i, t := range tiers {
		en := env(p.cfg.UserHome, p.cfg.RawLookups)
		if p.cfg.PerExec {
			en.ScriptText = nil // each of the script's execs is asked as it runs
		}
		td := p.engines.engine(t.Policy, rec.watch(en)).Evaluate(c)
		if i == 0 || td.Decision > d.Decision {
			d, by = td, i
		}
	}
	return d, by, true
}

// Strongest returns the index of the decision that wins among ds (one per
// tier, in the order of Tiers): the strongest, the first on a tie.
func Strongest(ds []call.Decision) int {
	by := 0
	for i, d := range ds {
		if d.Decision > ds[by].Decision {
			by = i
		}
	}
	return by
}

// auditFailure says why an audit record could not be written, naming a
// full disk (or an exhausted quota) as such: it is the likeliest cause and
// the user's fix is not in Rampart.
func auditFailure(err error) string {
	switch {
	case isAny(err, diskFull):
		return "audit log could not be written: the disk is full (" + err.Error() + "); free space, then retry"
	case isAny(err, quotaExceeded):
		return "audit log could not be written: the disk quota is exhausted (" + err.Error() + ")"
	}
	return "audit log could not be written: " + err.Error()
}

// isAny reports whether err is any of errs.
func isAny(err error, errs []error) bool {
	for _, e := range errs {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
