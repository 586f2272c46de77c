// The runtime settings below are those of a module before Go 1.25, as in the
// empty program scripts/bench-hook.sh compares the hook with: internal/oneshot
// fixes GOMAXPROCS at 1 for the whole process, so the goroutine that would
// follow the container's CPU limit has nothing to do, and naming every memory
// mapping for /proc/self/maps costs a prctl call per mapping in a process
// nobody inspects.

//go:debug containermaxprocs=0
//go:debug updatemaxprocs=0
//go:debug decoratemappings=0
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/decide"
	"rampart.dev/rampart-hook/internal/hookwire"
	_ "rampart.dev/rampart-hook/internal/oneshot" // first: one P for the whole process
)

// Version is set with -ldflags "-X main.Version=..."; otherwise the module
// version from the build info is printed.
var Version string

// oneShotMemoryLimit bounds the heap of one hook process, which judges one
// payload (at most 8 MiB) and exits: below it the garbage collector does not
// run at all, since collecting memory the exit returns anyway only delays
// the agent.
const oneShotMemoryLimit = 64 << 20

func main() {
	if n, err := strconv.Atoi(os.Getenv("GOMAXPROCS")); err == nil && n > 0 {
		runtime.GOMAXPROCS(n) // internal/oneshot set 1
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(oneShotMemoryLimit)
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// errRefused means a verb looked and declined to act, e.g. setup on a
// settings file that is not valid JSON.
var errRefused = errors.New("refused")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == deciderVerb {
		return runDecider(ctx, args[1:], stderr)
	}
	return runHook(ctx, args, stdin, stdout, stderr, processEnv())
}

// runHook runs rampart-hook's command line in e, the environment of the
// process that started it: this process, or a client the decider serves.
func runHook(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, e hookEnv) int {
	code := 0
	root := newRoot(stdin, stdout, stderr, &code, e)
	switch err := root.ParseAndRun(ctx, args); {
	case err == nil:
		return code
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errRefused):
		return 1
	case errors.Is(err, errNotServed):
		return hookwire.NotServed
	default:
		fmt.Fprintf(stderr, "rampart-hook: error: %v\n", err)
		return 2
	}
}

// env reads the environment; tests run in-process through testscript with
// the real environment, so this is os.Getenv.
var env = os.Getenv

// hookEnv is what a decision reads from the process that asked for it:
// its environment, its home directory, its working directory ("" for this
// process's), and how to open the decision point.
type hookEnv struct {
	getenv   func(string) string
	userHome string
	cwd      string
	open     func(config) (decider, error)
	// served is set when the decider answers for a client: the verbs
	// that are not a decision (setup, -version) are refused with
	// errNotServed, for the client to run them itself.
	served bool
}

// processEnv is this process's environment.
func processEnv() hookEnv {
	userHome, _ := os.UserHomeDir()
	return hookEnv{getenv: env, userHome: userHome, open: openDecider}
}

// errNotServed is a command line the decider leaves to the client.
var errNotServed = errors.New("not a decision: run by the client itself")

func newRoot(stdin io.Reader, stdout, stderr io.Writer, code *int, e hookEnv) *ffcli.Command {
	fs := flag.NewFlagSet("rampart-hook", flag.ContinueOnError)
	fs.SetOutput(stderr)
	h := &hook{open: e.open}
	fs.StringVar(&h.cfg.flags.Config, "config", "", "policy `file` (default -profile, else ~/.rampart/policy.yaml, else standard)")
	fs.StringVar(&h.cfg.flags.Profile, "profile", "", "embedded `profile` when -config is not given: standard, paranoid or yolo")
	fs.StringVar(&h.cfg.flags.Managed, "managed-policy", "", "managed system policy `file` above the user's (default "+decide.ManagedPolicy+", used when it exists)")
	fs.StringVar(&h.mode, "mode", "enforce", "`enforce` or monitor (judge and audit, never block)")
	fs.StringVar(&h.format, "format", "", "hook `format`: claude-code, codex, cline, gemini, cursor or copilot (default: detected from the payload)")
	fs.BoolVar(&h.cfg.flags.FailOpen, "fail-open", false, "when the policy or the audit trail fails, let calls through instead of denying them (flagged fail_open in the audit)")
	fs.DurationVar(&h.readTimeout, "read-timeout", DefaultReadTimeout, "deny when the payload has not arrived on stdin within this `duration` (before the agent's own hook timeout)")
	version := fs.Bool("version", false, "print the version and exit")

	return &ffcli.Command{
		Name:       "rampart-hook",
		ShortUsage: "rampart-hook [flags] < payload.json\n       rampart-hook setup AGENT [flags]",
		UsageFunc:  usageFunc,
		ShortHelp:  "answer an AI agent's tool-call hook from the Rampart policy",
		FlagSet:    fs,
		Subcommands: []*ffcli.Command{
			newSetup(stdout, stderr, e.served),
		},
		Exec: func(ctx context.Context, args []string) error {
			if *version && e.served {
				return errNotServed
			}
			if *version {
				fmt.Fprintln(stdout, versionString())
				return nil
			}
			if len(args) > 0 {
				return fmt.Errorf("unexpected argument %q (the payload is read from stdin)", args[0])
			}
			// An interrupt (the agent's terminal) does not cut a decision
			// short between its audit record and its answer. Ignoring it
			// costs nothing; catching it would start a goroutine and
			// park a thread for signals.
			// A request without an absolute working directory would
			// be judged from the decider's own.
			if e.served && (!sameInAnyDir(h.cfg.flags, e.getenv) || !filepath.IsAbs(e.cwd)) {
				return errNotServed
			}
			if !e.served {
				signal.Ignore(os.Interrupt)
			}
			h.cfg.userHome = e.userHome
			h.cfg.getenv = e.getenv
			h.cfg.cwd = e.cwd
			h.cfg.warn = func(w string) { fmt.Fprintf(stderr, "rampart-hook: warning: %s\n", w) }
			*code = h.run(stdin, stdout, stderr)
			return nil
		},
	}
}

// sameInAnyDir reports whether the files named by flags and the
// environment are found the same from any working directory (every path
// absolute), as the decider needs: it cannot take each client's working
// directory as its own.
func sameInAnyDir(f decide.Flags, getenv func(string) string) bool {
	for _, p := range []string{f.Config, f.Managed, getenv(decide.EnvPolicy), getenv("RAMPART_HOME"), getenv("HOME")} {
		if p != "" && p != "-" && !filepath.IsAbs(p) {
			return false
		}
	}
	return true
}

func versionString() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
