// Rampart is the one command people remember: rampart VERB ARGS... runs the
// Rampart binary that owns VERB, the way git runs its external commands.
//
// The binary is looked for beside rampart itself first (the directory of
// the running executable, so an installed set uses its own siblings), then
// in the absolute directories of PATH. rampart then execs it: the process
// becomes that binary, so its exit status, its signals, its stdin, stdout
// and stderr are rampart's, with nothing in between.
//
// Usage:
//
//	rampart setup AGENT [--remove]     rampart-hook setup AGENT
//	rampart hook                       rampart-hook
//	rampart wrap -- AGENT...           rampart-shell wrap -- AGENT...
//	rampart preload -- AGENT...        rampart-shell preload -- AGENT...
//	rampart shell -c CMD               rampart-shell -c CMD
//	rampart mcp -- SERVER...           rampart-mcp -- SERVER...
//	rampart init --profile P           rampart-eval init --profile P
//	rampart eval                       rampart-eval
//	rampart policy check|explain|test  rampart-eval check|explain|test
//	rampart serve                      rampart-serve
//	rampart pending|approve|deny       rampart-serve pending|approve|deny
//	rampart audit tail|verify|stats|search|checkpoint
//	                                   rampart-audit tail|verify|...
//	rampart watch                      rampart-watch
//	rampart version                    rampart's version and each binary's --version
//	rampart help [VERB [SUB]]          the verb table, or the binary's own -h
//
// Any other VERB made of lower-case letters, digits, '-', '_' and '.' runs
// rampart-VERB if one exists beside rampart or on PATH, so new commands can
// be added without changing rampart. The built-in verbs cannot be shadowed.
//
// Exit status: whatever the binary that ran exits with; when rampart cannot
// run it, 2 for an unknown verb or a usage error (with the closest verb as a
// hint), 127 when no binary owns the verb on this machine, and 126 when it
// was found but could not be started (the same codes as sh(1)).
//
// Example, the same pipeline with or without the dispatcher:
//
//	rampart audit search --decision deny --json | jq .tool
//	rampart-audit search --decision deny --json | jq .tool
package main
