package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/peterbourgon/ff/v3"
	"github.com/peterbourgon/ff/v3/ffcli"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = ""

// Exit statuses of wrap and preload when rampart-shell itself fails (the
// agent's own status is passed through otherwise).
const (
	exitUsage  = 2
	exitFailed = 125
)

func main() {
	os.Exit(run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches: a verb (wrap, preload) when the first argument names one
// and we are not running as an agent's $SHELL; otherwise the shell shim.
func run(ctx context.Context, argv []string, stdin *os.File, stdout, stderr io.Writer) int {
	args := argv[1:]
	if os.Getenv("RAMPART_SHIM") != "1" && len(args) > 0 {
		switch args[0] {
		case "wrap", "preload", "help", "-h", "-help", "--help", "-version", "--version":
			return verbs(ctx, args, stdin, stdout, stderr)
		}
	}
	return shim(argv[0], args, stdin, stderr)
}

func verbs(ctx context.Context, args []string, stdin *os.File, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rampart-shell", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	code := 0
	root := &ffcli.Command{
		Name:       "rampart-shell",
		ShortUsage: "rampart-shell -c COMMAND | rampart-shell wrap|preload [flags] -- AGENT [ARG...]",
		UsageFunc:  usageFunc,
		ShortHelp:  "a $SHELL that judges commands, and two ways to run an agent under Rampart",
		FlagSet:    fs,
		Subcommands: []*ffcli.Command{
			wrapCmd(stdin, stderr, &code),
			preloadCmd(stdin, stderr, &code),
		},
		Exec: func(ctx context.Context, args []string) error {
			if *showVersion {
				fmt.Fprintln(stdout, "rampart-shell", version())
				return nil
			}
			return flag.ErrHelp
		},
	}
	if args[0] == "help" {
		args = []string{"-h"}
	}
	switch err := root.ParseAndRun(ctx, args); {
	case err == nil:
		return code
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "rampart-shell: error: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "rampart-shell: error: %v\n", err)
		return exitFailed
	}
}

// errUsage marks a command line that cannot be run.
var errUsage = errors.New("usage")

// usageError is an error that is a usage mistake.
type usageError struct{ msg string }

func (e usageError) Error() string        { return e.msg }
func (e usageError) Is(target error) bool { return target == errUsage }

// agentFlags are the flags wrap and preload share.
type agentFlags struct {
	mode   string
	config string
	agent  string
}

func (a *agentFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&a.mode, "mode", "enforce", "enforce, or monitor: judge and audit, never block")
	fs.StringVar(&a.config, "config", "", "policy file for this session (default ~/.rampart/policy.yaml, else the standard profile)")
	fs.StringVar(&a.agent, "agent", "", "agent name recorded in the audit trail (default the program's name)")
}

// agentName is -agent, else the base name of the agent program.
func (a *agentFlags) agentName(program string) string {
	if a.agent != "" {
		return a.agent
	}
	return filepath.Base(program)
}

func (a *agentFlags) check(args []string) error {
	if a.mode != "enforce" && a.mode != "monitor" {
		return usageError{fmt.Sprintf("-mode must be enforce or monitor, not %q", a.mode)}
	}
	if len(args) == 0 {
		return usageError{"no agent given (rampart-shell VERB [flags] -- AGENT [ARG...])"}
	}
	return nil
}

// ffOptions are the flag options of the verbs: none read the environment,
// so no variable can weaken what the command line chose.
func ffOptions() []ff.Option { return nil }

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "dev"
}
