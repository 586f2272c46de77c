// Package openclaw connects rampart-serve to an OpenClaw gateway as an
// operator and judges the gateway's exec approvals with Rampart's policy.
//
// # Protocol
//
// The gateway speaks JSON frames over a WebSocket (see [Frame]). It opens
// with a connect.challenge event; the client answers with a connect
// request (protocol 4, role operator, the scopes and caps in [Scopes] and
// [Caps], the shared token, and an Ed25519 device identity whose signature
// covers [PayloadV3]) and gets hello-ok back. From then on the gateway
// sends exec.approval.requested events; exec.approval.list returns the ones
// pending from before the connection, and exec.approval.resolve answers one
// with allow-once or deny.
//
// # Judging
//
// Each request becomes an exec [call.Call] (agent openclaw, the request's
// session key and cwd) that the decision point judges and audits: deny
// answers deny, allow and log answer allow-once, and require_approval holds
// the call with an [Approver] (rampart-serve's approval store) until a
// person resolves it or the request expires, which denies. The answer sent
// is audited too (flag openclaw_answer). A lost connection is retried with
// backoff; judgements in flight survive it and answer on the next one.
package openclaw
