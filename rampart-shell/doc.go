// Command rampart-shell protects agents that have no hook system: it is a
// $SHELL that judges each command before a real shell runs it, and it runs
// an agent either with that $SHELL (wrap) or with librampart preloaded into
// every dynamically linked process it starts (preload).
//
// Usage:
//
//	rampart-shell -c COMMAND [NAME [ARG...]]    as a shell: judge, then exec the real shell
//	rampart-shell [SHELL-FLAGS] SCRIPT [ARG...] judge the script's text, then exec
//	rampart-shell                               interactive (a terminal): exec the real shell
//	rampart-shell wrap [-mode monitor] [-config F] [-agent NAME] -- AGENT [ARG...]
//	rampart-shell preload [-mode monitor] [-config F] [-socket PATH] [-lib SO] -- AGENT [ARG...]
//
// # The shell
//
// Flags are those of sh and bash and are passed through unchanged: -c, -l,
// -i, -e, -x, clusters such as -lc and -ec, -o OPTION, --login. The command
// string (or the script's text, or standard input when it is not a terminal)
// is evaluated as an exec call; allowed, the real shell is exec'd with the
// same arguments, so exit status, signals and job control are the real
// shell's own. Denied: the reason goes to stderr, the exit status is 126,
// and nothing runs. require_approval asks a running rampart-serve and waits
// for a human; with no server it denies and says how to start one.
//
// The real shell is $RAMPART_REAL_SHELL, else the user's login shell from
// /etc/passwd, else /bin/sh; never rampart-shell itself.
//
// # wrap
//
// Runs AGENT with SHELL set to this binary (and RAMPART_SHIM=1, so that
// every later invocation is a shell even with an argument named like a
// verb). The agent's own $SHELL becomes RAMPART_REAL_SHELL. Signals sent to
// rampart-shell are forwarded; the agent's exit status is passed through.
//
// # preload
//
// Starts `rampart-eval --listen` on a socket in a private temporary
// directory (or uses the server at -socket or $RAMPART_SOCKET when one
// answers), runs AGENT with LD_PRELOAD naming librampart.so and
// RAMPART_SOCKET naming the socket, and stops the server when the agent
// exits. librampart.so is -lib, else $RAMPART_LIB, else
// ~/.rampart/lib/librampart.so, else ../lib/rampart/librampart.so beside this
// binary (where make install puts it, for every user), else
// ../librampart/librampart.so beside it (a source tree). rampart-eval is found beside this binary, else on
// $PATH.
//
// # Environment
//
//	RAMPART_POLICY      a policy file added as a layer that can only tighten
//	RAMPART_HOME        Rampart's directory (default ~/.rampart)
//	RAMPART_PROFILE     a profile added as a layer that can only tighten
//	RAMPART_MODE        only "enforce" is honoured; "monitor" is ignored
//	RAMPART_FAIL_OPEN   ignored: fail-open comes from a command line only
//	RAMPART_WRAP_SESSION  the settings file wrap wrote (-mode, -config)
//	RAMPART_REAL_SHELL  the shell that runs allowed commands
//	RAMPART_AGENT, RAMPART_SESSION  recorded in the audit trail
//
// # Exit status
//
// As a shell: the real shell's, or 126 when the command was denied, or 127
// when no real shell could be run. wrap and preload: the agent's (128+N
// when signal N ended it, and the same signal is raised again so a parent
// shell sees it), 127 when the agent cannot be found, 125 when
// rampart-shell itself failed (no librampart, no rampart-eval), 2 for a
// usage error.
//
// # Example
//
//	rampart-shell wrap -- aider --model gpt-4o
//	rampart-shell preload -mode monitor -- python3 my_agent.py
//	rampart-audit tail --follow
package main
