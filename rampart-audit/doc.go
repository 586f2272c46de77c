// Rampart-audit reads Rampart's hash-chained audit trail: it shows the newest
// records, follows the log as it grows, verifies the chain, signs
// checkpoints, counts and searches.
//
// Usage:
//
//	rampart-audit tail [-n N] [-follow] [flags] [FILE...]
//	rampart-audit verify [-checkpoint FILE] [-partial] [-strict] [flags] [FILE...]
//	rampart-audit checkpoint [-partial] [flags]
//	rampart-audit stats [-since D] [-until D] [-by decision|tool|agent|policy|via|session] [flags] [FILE...]
//	rampart-audit search [-tool T] [-agent A] [-session S] [-decision D] [-policy P]
//	                     [-via V] [-since D] [-until D] [-grep TEXT] [flags] [FILE...]
//	rampart-audit export -to URL [-follow] [-cursor FILE] [-ca FILE] [-payload json|cef]
//	                     [-encoding proto|json] [-header NAME=VALUE] [flags]
//
// # Input
//
// By default each verb reads the configured log, $RAMPART_HOME/audit/audit.jsonl
// (~/.rampart/audit/audit.jsonl), with its rotated files audit.jsonl.1,
// audit.jsonl.2 ... oldest first. -file PATH names another log, read the
// same way (rotated files, head file). FILE arguments are plain files read
// in the order given as one chain; "-" is standard input. With neither, when
// standard input is a file or a pipe, it is read instead:
//
//	rampart-audit verify < audit.jsonl
//
// # Output
//
// On a terminal, records and counts are printed as aligned text, with
// control characters made visible. Otherwise (or with -json) stdout carries
// JSON Lines: tail and search print each record's line exactly as stored,
// stats one object per group, verify one result object. -text forces the
// text form. Diagnostics go to standard error.
//
// # Verbs
//
// tail prints the last N records (10); with -follow it then waits for new
// ones, across rotations, until interrupted.
//
// verify checks every record's hash, that each seq follows the one before
// and each prev is the hash before it, across rotated files; that the head
// file agrees with the end of the log (so records cut from the end are
// noticed); and, with -checkpoint, that the log still extends a checkpoint
// saved earlier, signed by this machine's key ($RAMPART_HOME/audit.key) when
// there is one. Irregularities that leave the chain whole (a torn last line
// from a killed writer, a head that lags) are explained on standard error.
//
// checkpoint verifies the log, then prints a checkpoint of its newest record,
// signed with $RAMPART_HOME/audit.key (created, 0600, on first use); a log
// that does not verify gets no checkpoint. Keep the output where whoever
// might tamper with the log cannot reach it.
//
// stats counts records by decision (or by -by), search prints the records
// that match every filter given. -since and -until take a duration back from
// now (90m, 24h, 7d) or a time (2025-01-02, 2025-01-02T15:04:05Z). Filters
// -tool, -agent, -session, -policy and -via take globs (mcp*); -decision
// takes deny, require_approval (ask), log (watch) or allow; -grep matches
// text anywhere in the stored line.
//
// export sends the records to a collector, in order, at least once:
// syslog+tcp://HOST:PORT and syslog+tls://HOST:6514 (RFC 5424, octet-counting
// framing, the record's line or -payload cef as the message), or
// otlp+http://HOST:4318 and otlp+https:// (OpenTelemetry logs over OTLP/HTTP,
// -encoding proto or json, -header for authentication). A cursor file
// ($RAMPART_HOME/export/…, or -cursor) names the last record the collector
// acknowledged and is replaced atomically after each batch, so an export
// resumes after a crash or an outage; a batch is resent with exponential
// backoff up to -retries times, then export exits 2. -follow goes on with new
// records until interrupted. docs/audit.md has the message formats.
//
// # Exit status
//
// 0 on success; 1 when verify finds the log broken or search finds nothing;
// 2 for usage errors and other trouble.
//
// # Example
//
// Denials of the last day, as JSON, into jq:
//
//	rampart-audit search -decision deny -since 24h | jq -r .params.command
package main
