package decide

import "rampart.dev/pkg/call"

// FlagPolicyReload marks the audit record of a policy reload that failed.
const FlagPolicyReload = "policy_reload"

// recordReloadFailure writes a failed reload to the audit trail.
func (p *Point) recordReloadFailure(err error, none bool) {
	c := call.Call{Tool: "rampart.policy", Params: call.Params{"event": "reload", "error": err.Error()}}
	msg := "policy reload failed: " + err.Error() + "; keeping the last good policy"
	if none {
		msg = "policy reload failed: " + err.Error() + "; every call is denied"
	}
	_ = p.Record(c, call.Decision{Decision: call.Log, Message: msg, Flags: []string{FlagPolicyReload}})
}
