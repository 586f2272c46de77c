// Command rampart-hook-fast answers an agent's tool-call hook as
// rampart-hook does, with the same flags, the same answer and the same
// audit record, by handing the call to a long-running decider (the
// hidden `rampart-hook decider`) instead of loading the engine and the
// policy in a process of its own. It links little more than the Go
// runtime, so that starting it costs about what starting an empty program
// costs.
//
// For each call it connects to the decider's socket in the Rampart home
// ($RAMPART_HOME/run/hook.sock, else ~/.rampart/run/hook.sock), checks
// that the directory is this user's and private (mode 0700), that the
// socket is a socket of this user's, and that the process listening runs
// as this user or root (SO_PEERCRED), runs the rampart-hook beside this
// executable (/proc/PID/exe) and is not stopped, then sends its command line,
// working directory and environment with its stdin, stdout and stderr
// attached (see package hookwire). The decider runs rampart-hook's own
// code on them: it reads the payload, writes the audit record, writes the
// answer, and sends back the exit code, which this process exits with.
//
// When no decider answers (none listening, a socket that fails a check,
// RAMPART_HOOK_DECIDER=off, or a command line that is not a decision such
// as setup or -version), it runs rampart-hook, found beside its own
// executable, in its place (execve), with stdin untouched; when none was
// listening it first starts one, detached, for the calls that follow
// (unless RAMPART_HOOK_DECIDER=off or =nostart): it exits after ten
// minutes without a call, or within seconds of its executable being replaced. A
// decider that takes the call and then fails to answer (it died, or took
// longer than answerTimeout) leaves nothing this process can judge again,
// since the payload may have been read: the call is blocked, exit code 2
// with the reason on stderr, which every supported agent takes as a
// denial.
//
// Only Linux has the peer check this needs; elsewhere rampart-hook-fast
// always runs rampart-hook. On Linux it links the syscall package and not
// os (whose initialisation, with the packages it brings, costs about a
// third of an empty program's instructions and forty page faults): it
// reads its command line from /proc/self/cmdline and finds itself through
// /proc/self/exe.
package main

// deciderEnv turns the decider off ("off": neither asked nor started) or
// stops this process starting one ("nostart").
const deciderEnv = "RAMPART_HOOK_DECIDER"

// outcome is how asking the decider went.
type outcome int

const (
	absent   outcome = iota // nothing listening: start one, run rampart-hook
	refused                 // a check failed or the decider left it: run rampart-hook
	answered                // the decider answered with an exit code
	lost                    // the decider took the call and did not answer
)

// Messages on stderr for a call this process blocks.
const (
	msgLost   = "rampart-hook: error: the decider took the call and did not answer; the call was blocked: rampart fails closed\n"
	msgNoExec = "rampart-hook: error: cannot run rampart-hook beside rampart-hook-fast; the call was blocked: rampart fails closed\n"
	msgNoArgs = "rampart-hook: error: cannot read this process's command line; the call was blocked: rampart fails closed\n"
)

// isDecision reports whether args are a decision's command line (only
// flags), not setup, help or -version, which rampart-hook runs itself.
func isDecision(args []string) bool {
	for _, a := range args {
		if a == "setup" || a == "decider" {
			return false
		}
		if len(a) > 1 && a[0] == '-' {
			name := a[1:]
			if name[0] == '-' {
				name = name[1:]
			}
			for i := 0; i < len(name); i++ {
				if name[i] == '=' {
					name = name[:i]
					break
				}
			}
			if name == "h" || name == "help" || name == "version" {
				return false
			}
		}
	}
	return true
}

// besideSelf is the path of name in the directory of exe.
func besideSelf(exe, name string) string {
	for i := len(exe) - 1; i >= 0; i-- {
		if exe[i] == '/' {
			return exe[:i+1] + name
		}
	}
	return name
}
