package server

import (
	"context"
	"time"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
)

// KindOpenClaw marks an approval held for an OpenClaw gateway's exec
// approval: rampart-serve itself waits on it and answers the gateway.
const KindOpenClaw = "openclaw"

// Hold keeps a call that the policy sent to a person pending in the
// server's store, where `rampart pending`, `rampart approve`, `rampart deny`
// and rampart-watch see it, until it is resolved, it times out (timeout;
// 0 means the server's), or ctx ends, which cancels it. It reports whether
// the person approved, and why not otherwise. Like every approval, its
// resolution is audited before anyone sees it.
func (s *Server) Hold(ctx context.Context, c call.Call, d call.Decision, timeout time.Duration) (bool, string, error) {
	a, err := s.store.Create(approval.Request{Call: c, Decision: d, Kind: KindOpenClaw, Timeout: timeout})
	if err != nil {
		return false, "", err
	}
	s.published(a)
	a, err = s.store.Wait(ctx, a.ID, nil)
	if err != nil && !a.Done() {
		if ca, cerr := s.store.Cancel(a.ID, "rampart-serve stopped waiting"); cerr == nil {
			a = ca
		}
	}
	if !a.Done() {
		return false, "", err
	}
	return a.Status == approval.Approved, a.Describe(), nil
}
