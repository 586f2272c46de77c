package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/decide/watch"
	"rampart.dev/rampart-mcp/internal/proxy"
	"rampart.dev/rampart-mcp/internal/rawio"
	"rampart.dev/rampart-mcp/internal/stdio"
)

// Version is set at build time with -ldflags "-X main.Version=v1.2.3".
var Version string

// Exit statuses of the proxy itself; otherwise it exits with the server's.
const (
	exitUsage    = 2   // bad flags, no server command
	exitCantExec = 126 // the server was found but could not be started (as sh(1))
	exitNotFound = 127 // no such server program (as sh(1))
)

func main() {
	oneProc()
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	std := stdio.Open()
	code := run(context.Background(), os.Args[1:], sigs, rawio.Reader(std.In), rawio.Writer(std.Out), os.Stderr)
	std.Close()
	os.Exit(code)
}

// oneProc runs Go code on one thread at a time unless GOMAXPROCS says
// otherwise. The relay handles one message at a time in each direction,
// each in far less than the time it takes to wake a second thread: with a
// thread per core, every message also woke idle threads that spun looking
// for work and handed the scheduler between them (futex and sysmon wake-ups
// in every call), which on two cores cost more CPU per tools/call than the
// judging (scripts/bench-mcp.sh). Blocking system calls still get threads
// of their own.
func oneProc() {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}

// options are the command-line flags.
type options struct {
	name       string
	config     string
	profile    string
	managed    string
	mode       string
	hideDenied bool
	failOpen   bool
	grace      time.Duration
	version    bool
}

func newFlags(stderr io.Writer) (*flag.FlagSet, *options) {
	o := &options{}
	fs := flag.NewFlagSet("rampart-mcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.name, "name", "", "the server's name in calls and policies (default: derived from the command)")
	fs.StringVar(&o.config, "config", "", "policy file (default: ~/.rampart/policy.yaml when present, else the profile)")
	fs.StringVar(&o.profile, "profile", "", "embedded profile when no policy file is found: standard, paranoid or yolo")
	fs.StringVar(&o.managed, "managed-policy", "", "managed system policy above the user's (default "+decide.ManagedPolicy+", used when it exists)")
	fs.StringVar(&o.mode, "mode", "enforce", "enforce, or monitor: judge and record everything, block nothing")
	fs.BoolVar(&o.hideDenied, "hide-denied", false, "remove tools the policy would always deny from tools/list")
	fs.BoolVar(&o.failOpen, "fail-open", false, "allow calls when the policy cannot be loaded (audited)")
	fs.DurationVar(&o.grace, "grace", 5*time.Second, "after the client's end of input, how long the server has to exit before SIGTERM, then before SIGKILL")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.Usage = func() { fmt.Fprint(stderr, usageText(fs)) }
	return fs, o
}

// run parses args, starts the server and relays until it exits; it returns
// the exit status.
func run(ctx context.Context, args []string, sigs <-chan os.Signal, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, o := newFlags(stderr)
	// Flags come from the command line only: no environment variable can
	// weaken enforcement (see decide.Resolve for the ones that tighten).
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitUsage
	}
	if o.version {
		fmt.Fprintln(stdout, version())
		return 0
	}
	argv := fs.Args()
	if len(argv) == 0 {
		fmt.Fprintln(stderr, "rampart-mcp: error: no server command")
		fmt.Fprintln(stderr, "rampart-mcp: hint: rampart-mcp [flags] -- npx -y @modelcontextprotocol/server-filesystem DIR")
		return exitUsage
	}
	if o.mode != "enforce" && o.mode != "monitor" {
		fmt.Fprintf(stderr, "rampart-mcp: error: -mode %q: want enforce or monitor\n", o.mode)
		return exitUsage
	}
	userHome, _ := os.UserHomeDir()
	dc, warns, err := decide.Resolve(decide.Flags{Config: o.config, Profile: o.profile, Managed: o.managed, Mode: o.mode, FailOpen: o.failOpen}, os.Getenv, userHome)
	if err != nil {
		fmt.Fprintf(stderr, "rampart-mcp: error: %v\n", err)
		return exitUsage
	}
	for _, w := range warns {
		fmt.Fprintf(stderr, "rampart-mcp: warning: %s\n", w)
	}
	dc.Via = audit.ViaMCP
	// The relay judges one message at a time and is idle in between: its
	// path lookups go raw, like its reads and writes (package rawio).
	dc.RawLookups = true
	judge, err := openJudge(dc, stderr)
	if err != nil {
		// The proxy still runs: the decision point denies every call with
		// this reason, which the model and the audit trail both see.
		fmt.Fprintf(stderr, "rampart-mcp: error: %v\n", err)
		if o.failOpen {
			fmt.Fprintln(stderr, "rampart-mcp: hint: -fail-open: calls are allowed and flagged until this is fixed")
		} else {
			fmt.Fprintln(stderr, "rampart-mcp: hint: every tool call is denied until this is fixed")
		}
	}
	defer judge.Close()
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	if err := watch.Policy(wctx, judge.p, func(err error) {
		if err != nil {
			fmt.Fprintf(stderr, "rampart-mcp: error: policy reload: %v; keeping the last good policy\n", err)
		} else {
			fmt.Fprintln(stderr, "rampart-mcp: policy reloaded")
		}
	}); err != nil {
		fmt.Fprintf(stderr, "rampart-mcp: warning: the policy is not reloaded on change: %v\n", err)
	}
	name := o.name
	if name == "" {
		name = serverName(argv)
	}
	cwd, _ := os.Getwd()
	cfg := proxy.Config{
		Server:     name,
		Judge:      judge,
		Approver:   serveApprover{layout: dc.Home, getenv: os.Getenv, log: stderr},
		Redactor:   secretRedactor{},
		HideDenied: o.hideDenied,
		Monitor:    dc.Monitor,
		Session:    newSession(),
		Cwd:        cwd,
		Log:        stderr,
	}
	return serve(ctx, cfg, argv, o.grace, sigs, stdin, stdout, stderr)
}

// newSession names this proxy run in the audit trail.
func newSession() string {
	var b [6]byte
	rand.Read(b[:])
	return "mcp-" + hex.EncodeToString(b[:])
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "dev"
}
