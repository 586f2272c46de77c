package server

import "rampart.dev/pkg/call"

// Point is the decision point the server asks, pkg/decide's *decide.Point.
// Decide judges a call and appends its audit record before it returns;
// Reject records a request that could not be read as a deny; Record appends
// a record for an outcome decided outside the policy (an approval's
// resolution, credentials redacted from a result); Reload re-reads the
// policy and keeps the last good one when the new file is bad;
// DecideResponseRules judges (and records) a result's text by the
// response_matches rules of every layer in force for the call's cwd.
type Point interface {
	Decide(call.Call) call.Decision
	DecideResponseRules(c call.Call, text string) call.Decision
	Reject(c call.Call, reason string) call.Decision
	Record(call.Call, call.Decision) error
	Reload() error
	Close() error
}
