package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"rampart.dev/pkg/home"
	"rampart.dev/rampart-hook/internal/hookwire"
)

// deciderVerb is the hidden verb that runs the decider: `rampart-hook
// decider [--listen PATH] [--idle DURATION]`. rampart-hook-fast starts it,
// detached, when it finds none listening; it is not for people to run.
const deciderVerb = "decider"

// defaultDeciderIdle is how long a decider waits for its next request
// before it exits.
const defaultDeciderIdle = 10 * time.Minute

// runDecider serves hook requests (see package hookwire) on a unix socket
// until it has been idle for --idle, or its own executable changed (an
// upgrade: the next client starts the new one). Each request runs
// rampart-hook's command line, as a process started by the agent would,
// on the client's own stdin, stdout and stderr, with its environment and
// working directory; the decision point is kept between requests while
// the policy files it was opened from are unchanged (see pointCache).
func runDecider(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("rampart-hook decider", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listenPath := fs.String("listen", "", "unix socket `path` (default the Rampart home's run/"+hookwire.SocketName+")")
	idle := fs.Duration("idle", defaultDeciderIdle, "exit after this `duration` without a request")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "rampart-hook decider: error: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	// A long-lived process: main's setting for one decision (no
	// collection below a fixed limit) is undone. It keeps one P: a
	// request is handled by the goroutine that accepted it whenever it
	// can (see serveDecider), and more Ps would only wake more threads.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	runtime.MemProfileRate = 512 * 1024
	path := *listenPath
	if path == "" {
		userHome, _ := os.UserHomeDir()
		path = home.Resolve(env, userHome).Run() + "/" + hookwire.SocketName
	}
	if err := serveDecider(ctx, path, *idle, stderr); err != nil {
		fmt.Fprintf(stderr, "rampart-hook decider: error: %v\n", err)
		return 1
	}
	return 0
}

// requestEnv is the environment of a request as the hook reads it: the
// client's variables ("KEY=value", the first of a repeated key wins, as
// os.Getenv has it), its home directory ($HOME, as os.UserHomeDir has it
// on unix) and its working directory. A decision reads a handful of
// variables, so they are looked up in the list rather than indexed.
func requestEnv(r hookwire.Request, open func(config) (decider, error)) hookEnv {
	getenv := func(key string) string {
		for _, kv := range r.Env {
			if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
				return kv[len(key)+1:]
			}
		}
		return ""
	}
	return hookEnv{
		getenv:   getenv,
		userHome: getenv("HOME"),
		cwd:      r.Cwd,
		open:     open,
		served:   true,
	}
}

// exitByte is the answer byte for a hook's exit code.
func exitByte(code int) byte {
	if code < 0 || code > 255 {
		return 2
	}
	return byte(code)
}
