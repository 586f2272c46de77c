// Rampart-mcp is a policy-enforcing proxy for MCP servers on stdio. It runs
// the server, relays the newline-delimited JSON-RPC between the client (the
// process that started rampart-mcp: Claude Desktop, Cursor, Claude Code…)
// and the server, and judges every tools/call before the server sees it.
//
// Usage:
//
//	rampart-mcp [flags] -- SERVER [ARGS...]
//
// Flags:
//
//	-name NAME       the server's name in calls (params.server); default:
//	                 derived from the command, @modelcontextprotocol/server-filesystem → filesystem
//	-config FILE     policy file; default ~/.rampart/policy.yaml when present,
//	                 else the embedded profile
//	-profile P       embedded profile when no file is named: standard, paranoid, yolo
//	-mode M          enforce (default), or monitor: judge and record, block nothing
//	-hide-denied     remove from tools/list the tools the policy always denies
//	-fail-open       allow (flagged and audited) when the policy or audit trail fails
//	-grace D         after the client's end of input, time for the server to exit
//	                 before SIGTERM, then before SIGKILL (default 5s)
//
// Flags come from the command line only: no environment variable weakens
// enforcement (see pkg/decide's Resolve for those read).
//
// Each tools/call is judged as the Call
//
//	{"tool":"mcp","params":{"server":"filesystem","tool":"write_file","arguments":{…},"annotations":{…}}}
//
// where annotations are the tool's hints from the last tools/list. Allow and
// log forward the request untouched. Deny answers the client with a tool
// result carrying isError and the policy's message; the server never sees
// the call. Require_approval files an approval with a running rampart-serve
// and waits for `rampart approve ID`; with none running the call is denied
// with that hint. Every decision is in the audit trail before the client is
// answered (~/.rampart/audit, via "mcp").
//
// Everything else is relayed byte for byte, as soon as each line is
// complete: notifications, progress, cancellation, pings, the server's own
// requests (roots/list, sampling/createMessage, elicitation/create) and their
// answers, in both protocol revisions (initialize, and server/discover with
// per-request _meta). Credentials in tool results, resources and prompts are
// redacted before the client sees them. A client line that is not JSON is
// answered with a parse error rather than forwarded. The server's stderr is
// passed through to rampart-mcp's stderr. See docs/mcp.md.
//
// Exit status: the server's (128+N when signal N killed it); 2 for usage
// errors; 126 when the server could not be started, 127 when it was not
// found. SIGINT and SIGTERM are forwarded to the server. When the client
// closes its end, the server's input is closed, and it is sent SIGTERM after
// -grace and SIGKILL after another -grace if it has not exited; requests it
// never answered get a JSON-RPC error.
//
// Example, trying a new server in monitor mode and reading what would have
// been blocked:
//
//	rampart-mcp -mode monitor -- npx -y @modelcontextprotocol/server-filesystem ~/notes
//	rampart-audit search --decision deny --json | jq .params
package main
