package engine

import (
	"sync"
	"sync/atomic"

	"rampart.dev/pkg/policy"
)

// Policies admitting a subject, by tool, agent and session.
//
// Every subject a call is judged as (each simple command, each path it
// reads or writes, each host, each effect under its own tool name) is
// held against the policies whose match block admits its tool for the
// call's agent and session. Which those are depends only on the policy
// and those three names, yet each subject asked every policy again
// (policy.Entry.AppliesTo, a glob match per name). The engine notes the
// answer once per tool, agent and session, in policy order, and judge
// walks the list.
//
// The table is built as keys are met, up to maxAdmissions keys per engine
// (agents and sessions are named by the caller, without end in a
// long-lived process); past that a subject asks each policy, as before.
// A traced evaluation always asks each policy, so that the trace lists
// the ones that did not admit the subject.

// maxAdmissions bounds the tool, agent and session triples an engine
// keeps the admitting policies of.
const maxAdmissions = 512

// admitKey is what a policy's match block is held against.
type admitKey struct{ tool, agent, session string }

// admission is the policies that admit one key, in policy order, with
// the index into Policy.Entries of each. Shared by every evaluation: read
// only.
type admission struct {
	entries []*policy.Entry
	at      []int
}

// admissionTable is an engine's admissions by key: a map read without a
// lock, copied with each key added.
type admissionTable struct {
	byKey atomic.Pointer[map[admitKey]*admission]
	mu    sync.Mutex // held to add a key
}

// admitted returns the policies that admit tool for agent and session, or
// nil when the table is full.
func (e *Engine) admitted(tool, agent, session string) *admission {
	k := admitKey{tool, agent, session}
	t := &e.admits
	if m := t.byKey.Load(); m != nil {
		if a, ok := (*m)[k]; ok {
			return a
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	old := t.byKey.Load()
	n := 0
	if old != nil {
		if a, ok := (*old)[k]; ok {
			return a
		}
		if n = len(*old); n >= maxAdmissions {
			return nil
		}
	}
	a := &admission{entries: []*policy.Entry{}, at: []int{}}
	for i, ent := range e.p.Entries {
		if ent.AppliesTo(tool, agent, session) {
			a.entries = append(a.entries, ent)
			a.at = append(a.at, i)
		}
	}
	m := make(map[admitKey]*admission, n+1)
	if old != nil {
		for k, v := range *old {
			m[k] = v
		}
	}
	m[k] = a
	t.byKey.Store(&m)
	return a
}
