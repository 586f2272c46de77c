// Command rampart-hook answers an AI coding agent's tool-call hook from the
// Rampart policy: Claude Code, Codex, Cline, Gemini CLI, Cursor and GitHub
// Copilot CLI run it before (and after) every tool call.
//
// Usage:
//
//	rampart-hook [-format AGENT] [-config FILE] [-profile NAME] [-mode enforce|monitor] [-fail-open] [-read-timeout D] < payload.json
//	rampart-hook setup AGENT [-scope user|project|local] [-dir DIR] [-path PATH] [-mode monitor] [-config FILE] [-remove]
//	rampart-hook -version
//
// # Answering a hook
//
// rampart-hook reads one hook payload (at most 8 MiB) on stdin, in the
// format of -format (claude-code, codex, cline, gemini, cursor, copilot) or,
// without it, the format its fields show. It maps the agent's tool onto a
// Rampart call (Claude Code's Bash is exec; Read, Grep and Glob are read;
// Write, Edit, MultiEdit and NotebookEdit are write; WebFetch is fetch;
// mcp__server__tool is mcp; Agent and Task are agent; any other tool keeps
// its name), decides it with the policy, writes the audit record, and
// answers on stdout in the agent's own format:
//
//   - deny: the agent's deny, with the policy's message as the reason the
//     model sees;
//   - require_approval: the agent's own approval prompt (Claude Code,
//     Copilot CLI, Gemini CLI, Cursor's shell and MCP events); an agent with none gets a
//     deny that says approval is needed;
//   - an allow decided by a rule: allow (not for Codex, which accepts deny
//     only);
//   - anything else (the default action, a log rule): no output, so the
//     agent's own permission rules still apply.
//
// After a tool ran (PostToolUse, AfterTool, ...), its output is scanned for
// credentials (private keys, cloud keys, tokens) and judged by the policy's
// response_matches rules; a finding is audited and the output is blocked
// from the model, replaced by a redacted copy where the agent allows it.
//
// The policy is -config, else -profile, else
// ~/.rampart/policy.yaml, else the embedded standard profile, under the
// managed policy (/etc/rampart/policy.yaml, or -managed-policy) when it
// exists; a project's .rampart/policy.yaml, found from the call's cwd
// upward, can tighten it (pkg/decide's Resolve). A policy file the user
// or a project controls is compiled once per content and loaded from its
// snapshot in $RAMPART_HOME/cache/policy afterwards; the managed policy,
// beyond the user's reach, is compiled every time. The audit trail is
// $RAMPART_HOME/audit/audit.jsonl (~/.rampart by default). Flags come from
// the command line only, the one setup wrote: no environment variable
// weakens enforcement (RAMPART_MODE=monitor and RAMPART_FAIL_OPEN are
// ignored with a warning; RAMPART_PROFILE adds a profile that can only
// tighten).
//
// The payload must arrive on stdin within -read-timeout (10 s): a hook that
// hangs would be killed by the agent's own timeout, which some agents treat
// as no objection, so the hook denies first.
//
// rampart-hook never fails open. Input it cannot read (empty, malformed,
// oversized, no tool), a policy that does not load and an audit record that
// cannot be written are each answered with a deny, in the agent's format,
// with the reason; the reason also goes to stderr. With -fail-open, a
// policy or audit failure lets the call through instead, flagged fail_open
// in the audit trail where it can be written. -mode monitor judges and
// audits everything and blocks nothing; the records say what would have
// been blocked.
//
// # Setup
//
// setup writes the agent's hook configuration so that it runs this
// rampart-hook (its absolute path, or -path) before every tool call and
// after it:
//
//	claude-code  ~/.claude/settings.json (-scope project: .claude/settings.json,
//	             local: .claude/settings.local.json), PreToolUse,
//	             PostToolUse and PostToolUseFailure for every tool, with
//	             "onFailure": "block" and "|| exit 2"
//	codex        ~/.codex/hooks.json ($CODEX_HOME; project: .codex/hooks.json),
//	             with "|| exit 2"; setup then asks Codex whether it trusts
//	             the hooks (Codex skips untrusted hooks silently)
//	gemini       ~/.gemini/settings.json (project: .gemini/settings.json),
//	             BeforeTool and AfterTool
//	cursor       ~/.cursor/hooks.json (project: .cursor/hooks.json),
//	             beforeShellExecution, beforeMCPExecution, beforeReadFile,
//	             with "failClosed": true
//	copilot      ~/.copilot/hooks/rampart.json ($COPILOT_HOME; project:
//	             .github/hooks/rampart.json), preToolUse and postToolUse
//	cline        ~/Documents/Cline/Hooks/PreToolUse and PostToolUse
//	             (project: .clinerules/hooks/), scripts that run rampart-hook
//	             and print a cancel when it cannot run
//
// Every other key and hook in the file stays as it was, in its place.
// Running setup again changes nothing; with a new -path or -mode it updates
// rampart-hook's entries where they stand. The first change to a file
// copies it to FILE.rampart-backup. A file that is not valid JSON is left
// alone, with the line and column of the problem. -remove takes out
// rampart-hook's entries only; when nothing else changed since setup, the
// backup's bytes are put back exactly, and a file setup created is deleted.
// setup prints what it changed and the command that undoes it.
//
// # The decider and rampart-hook-fast
//
// Most of a hook's time is starting this program: it links the engine,
// the policy compiler and the audit trail, and initialises them, before it
// reads a byte. rampart-hook-fast (built from ./fast) is a small client
// that takes the same flags and gives the same answers: it hands each call
// to a long-running decider, the hidden verb
//
//	rampart-hook decider [-listen PATH] [-idle DURATION]
//
// which listens on $RAMPART_HOME/run/hook.sock (~/.rampart/run/, mode 0700,
// the socket 0600; a lock file beside it, holding the decider's pid, keeps
// it to one). For each call the client sends its command line, working
// directory and environment, with its stdin, stdout and stderr (package
// hookwire); the decider runs this command on them, so the payload, the
// policy resolution, the audit record (written before the answer), the
// answer and the exit code are this command's own. It keeps the decision
// point between calls only while every policy file it was opened from
// (the user's or where it would be, the managed one, RAMPART_POLICY's) has
// the same content, reading them again for each call; a project's layer
// is judged per call from its file's identity, size and time, as in every
// long-running Rampart process. It exits after -idle (10 minutes) without
// a call, and within seconds of its own executable being replaced.
//
// The client trusts the socket only when its directory is the user's and
// private, the socket is the user's, and the process listening runs as
// the user or root (SO_PEERCRED; Linux only, elsewhere it never asks),
// runs the very rampart-hook beside the client (/proc/PID/exe, so that no
// other listener of the user's, nor a decider of another or replaced
// binary, is handed a call) and is not stopped. It waits at most half a
// second to connect, so a decider whose queue is full costs a fallback,
// not the agent's hook timeout.
// Otherwise, with no decider listening, with RAMPART_HOOK_DECIDER=off, and
// for setup, help and -version, it runs the rampart-hook beside it in its
// place, with stdin untouched; when none was listening it first starts a
// decider, detached, for the next call (not with
// RAMPART_HOOK_DECIDER=nostart). A decider that takes the call and does not
// answer within 25 s (it died, or hangs) leaves a call that cannot be
// judged again, since its payload may have been read: the client blocks
// it, exit status 2 with the reason on stderr.
//
// # Exit status
//
// 0 when an answer was written, deny included; 2 when not even a deny
// could be written (Claude Code and Gemini CLI then block on the exit code,
// with the reason on stderr) and for usage errors. setup exits 1 when it
// refuses to touch a file, 2 on other errors.
//
// # Example
//
//	echo '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf ~"}}' | rampart-hook
//	{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"rampart: Destructive command blocked (policy block-destructive)"}}
//
// docs/hooks.md describes each agent's setup, what the user sees when a
// call is blocked, and how to undo it.
package main
