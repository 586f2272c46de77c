// Rampart-eval is Rampart's decision point: tool calls in, decisions out.
//
// It reads Calls as JSON Lines on standard input and writes one Decision per
// line, in order, flushed per line, until end of input. Each decision is
// recorded in the audit trail before it is written. A malformed or
// oversized line gets a deny decision with the reason, and the stream goes
// on. With --listen it serves the same protocol on a unix socket.
//
// Usage:
//
//	rampart-eval [--config FILE] [--profile P] [--mode enforce|monitor] [--fail-open] [--listen unix:PATH]
//	rampart-eval check [FILE]
//	rampart-eval explain [--tool T] [--cwd DIR] [--json] ARG
//	rampart-eval test [FILE...]
//	rampart-eval init [--profile P] [--force]
//
// The policy is --config, else --profile, else $RAMPART_HOME/policy.yaml
// (default ~/.rampart/policy.yaml), else the embedded standard profile;
// $RAMPART_POLICY and $RAMPART_PROFILE add layers that can only tighten.
//
// Exit status: 0 on success; 1 when check or test found a problem; 2 for
// usage errors and other trouble.
//
// Example:
//
//	echo '{"tool":"exec","params":{"command":"rm -rf /"}}' | rampart-eval
//	{"decision":"deny","message":"Destructive command blocked","matched_policies":["block-destructive"],...}
package main
