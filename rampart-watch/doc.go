// Rampart-watch is a live terminal dashboard of what agents are doing: it
// follows the audit trail and shows each call as it is decided, newest on
// top.
//
// It reads the audit log ($RAMPART_HOME/audit/audit.jsonl, or --file) from
// its first line and then follows it like tail -F, across rotation
// (audit.jsonl → audit.jsonl.1 ...) and truncation. With --server URL it
// reads a rampart-serve event stream (GET /v1/events, with the agent token)
// instead, which carries every adapter's records from the moment it
// connects. It writes nothing but the screen; resolving an approval is a
// request to rampart-serve.
//
// Usage:
//
//	rampart-watch [--file LOG | --server URL] [--config POLICY] [--deny] [--tool T] [--search TEXT]
//	rampart-watch --once [--width N] [--rows N] [same flags]
//
// The screen, top to bottom:
//
//	header   mode (enforce, or monitor when the newest record was judged in
//	         monitor mode or --mode says so), the policy in force and how many
//	         policies it has, and the state of the hash chain: "verified to
//	         seq N" once audit.Verify passed on the whole log (rotated files
//	         and head file included) and every record since checked out, or
//	         "BROKEN at FILE:LINE: reason"
//	filter   what is shown, which rows, the source's news; "● live" or
//	         "❚❚ paused (+N)"
//	rows     one per call: ✗ deny, ? require_approval, • log, ✓ allow (and
//	         their colours), time, tool, the command, path or URL, the policy
//	         that decided, else the cause (redaction, policy failed to load,
//	         audit failed, bad input, policy reload), else "default"
//	details  the selected row's decision, message, agent, session, adapter
//	totals   calls by decision
//	pending  approvals waiting at rampart-serve, when one is reachable
//	keys     the key help
//
// Keys: ↑ ↓ (j k) select, PgUp PgDn page, g G newest and oldest; d deny
// only; t cycles the tool filter through the tools seen; / searches tool,
// call, agent, session, policy and message (Enter applies, Esc cancels, Esc
// again clears); c clears the filters; p or space pauses (new records are
// held and counted, not lost); tab picks the next pending approval, a
// approves it, r denies it; q quits.
//
// Approvals are listed from the rampart-serve at --server, else
// $RAMPART_SERVE_ADDR, else 127.0.0.1:9090, with admin.token from the
// Rampart home when it can be read (then a and r work) or else agent.token
// (the list only).
//
// The policy named in the header is --config, else policy.yaml in the
// Rampart home, else the embedded standard profile, as the adapters choose
// it; a change to the file is picked up within a second.
//
// NO_COLOR set to anything turns colour off; the icons carry the meaning.
// --once prints one frame as plain text (no colour, no escape codes) and
// exits: the records of the active file and, with --server, the pending
// approvals. Its width is --width, else $COLUMNS, else 100.
//
// Flags come from the command line only; of the environment only
// RAMPART_HOME and RAMPART_SERVE_ADDR are read.
//
// Exit status: 0 when the user quits or after --once; 2 for a usage error,
// or when stdout is not a terminal (use --once).
//
// Example, the denials so far as plain text, for a script or a mail:
//
//	rampart-watch --once --deny --width 120 | mail -s "rampart denials" me
package main
