// Command rampart-serve is Rampart's decision point over HTTP: agents ask it
// whether a tool call may run (and have it run the call), humans answer the
// calls the policy holds for approval, and dashboards follow the audit trail.
//
// Usage:
//
//	rampart-serve [-addr 127.0.0.1:9090] [-config FILE] [-profile P] [-approval-timeout 5m]
//	              [-exec-timeout 2m] [-mode enforce|monitor] [-fail-open]
//	              [-notify URL] [-notify-slack URL] [-notify-config FILE] [-public-url URL]
//	              [-openclaw ws://127.0.0.1:18789]
//	rampart-serve pending [-json] [-all] [-addr ADDR]
//	rampart-serve approve [-reason R] [-json] [-addr ADDR] ID
//	rampart-serve deny [-reason R] [-json] [-addr ADDR] ID
//
// With no verb it serves. It listens on loopback unless told otherwise
// (and warns when it is not), reads the policy from -config,
// -profile, ~/.rampart/policy.yaml or the embedded standard
// profile, in that order, reloads the policy file when it changes (keeping
// the last good one when the new file is bad, and saying so on stderr), and
// appends every decision to the audit trail before it answers. On first
// start it writes two bearer tokens into $RAMPART_HOME (mode 0600):
// agent.token, for agents, and admin.token, the only one that may resolve
// approvals. Pending approvals live in $RAMPART_HOME/approvals and survive a
// restart.
//
// Endpoints (docs/serve.md has the shapes and examples):
//
//	POST /v1/tool/{tool}                 judge, audit, and run exec, read, write or fetch when allowed
//	POST /v1/preflight/{tool}            judge and audit only
//	POST /v1/approvals                   hold a call judged elsewhere (approval.Client)
//	GET  /v1/approvals[?status=]         list approvals (pending by default)
//	GET  /v1/approvals/{id}[?wait=30s]   one approval, long-polled with wait
//	POST /v1/approvals/{id}/resolve      {"approved":true,"reason":"..."}: admin token only
//	GET  /v1/events                      server-sent events: audit records and approvals
//	GET  /healthz                        liveness, no token
//	GET  /metrics                        Prometheus metrics, no token
//
// A call the policy sends to a human waits until it is resolved or the
// approval timeout passes (a deny); with "Prefer: respond-async" the answer
// is 202 Accepted at once, with the approval id and a Location to poll.
//
// Each call held for approval is posted to the webhooks given by -notify
// (a JSON body), -notify-slack (Slack's incoming-webhook shape) and
// ~/.rampart/notify.yaml, with the approval id, the call (credentials
// masked) and how to resolve it. Posting is asynchronous, from a bounded
// queue per webhook, with a few retries: a dead or slow webhook never holds
// up a decision; a notification dropped or failed for good is counted in
// rampart_notifications_total and audited (flag notify_dropped).
//
// With -openclaw URL it also connects to that OpenClaw gateway as an
// operator and judges each exec approval the gateway raises: deny answers
// deny, allow answers allow-once, and a call that needs approval is held
// here like any other, for `rampart pending`/`approve`/`deny`, until the
// request expires (a deny). The gateway's token is read from
// $RAMPART_HOME/openclaw.token (0600; written from $OPENCLAW_GATEWAY_TOKEN on
// first use) and the device key from $RAMPART_HOME/openclaw-device.pem
// (created on first use). docs/openclaw.md has the set-up.
//
// The client verbs talk to the running server at -addr ($RAMPART_SERVE_ADDR,
// default 127.0.0.1:9090) with the admin token from $RAMPART_HOME. pending
// prints a table (or one JSON object per line with -json); approve and deny
// print the resolved approval.
//
// Flags may also be set as RAMPART_SERVE_<FLAG> environment variables
// (RAMPART_SERVE_ADDR, RAMPART_SERVE_APPROVAL_TIMEOUT ...).
//
// Exit status: 0 on success (and when the server stops on SIGINT or
// SIGTERM); 1 when approve or deny names an approval that is unknown or
// already resolved; 2 for usage errors and other trouble, such as no server.
//
// Example: approve every pending call from one agent, after a look.
//
//	rampart-serve pending -json | jq -r 'select(.call.agent=="deploy-bot") | .id' |
//		xargs -n1 rampart-serve approve -reason "release window"
package main
