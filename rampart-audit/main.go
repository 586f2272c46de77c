package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/home"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

var (
	// errBroken: the thing checked failed (a broken chain, no match).
	errBroken = errors.New("broken")
	// errUsage: bad flags or arguments, already explained.
	errUsage = errors.New("usage")
)

// env is what run reads from the process environment, once.
type env struct {
	home home.Layout
}

func readEnv() env {
	uh, _ := os.UserHomeDir()
	return env{home: home.Resolve(os.Getenv, uh)}
}

// app is what the verbs share: the streams and the environment.
type app struct {
	env    env
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{env: readEnv(), stdin: stdin, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("rampart-audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	root := &ffcli.Command{
		Name:       "rampart-audit",
		ShortUsage: "rampart-audit <tail|verify|checkpoint|stats|search> [flags] [FILE...]",
		UsageFunc:  usageFunc,
		ShortHelp:  "read, verify and search Rampart's audit trail",
		FlagSet:    fs,
		Subcommands: []*ffcli.Command{
			a.tailCmd(), a.verifyCmd(), a.checkpointCmd(), a.statsCmd(), a.searchCmd(), a.exportCmd(),
		},
		Exec: func(ctx context.Context, args []string) error {
			if *showVersion {
				fmt.Fprintln(stdout, "rampart-audit", version())
				return nil
			}
			if len(args) > 0 {
				fmt.Fprintf(stderr, "rampart-audit: error: unknown verb %q\n", args[0])
			}
			fmt.Fprintln(stderr, "usage: rampart-audit <tail|verify|checkpoint|stats|search> [flags] [FILE...]")
			return errUsage
		},
	}
	switch err := root.ParseAndRun(ctx, args); {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errBroken):
		return 1
	case errors.Is(err, errUsage):
		return 2
	default:
		fmt.Fprintf(stderr, "rampart-audit: error: %v\n", err)
		return 2
	}
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "devel"
}

// common are the flags every verb takes.
type common struct {
	file string
	json bool
	text bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.file, "file", "", "the log to read, with its rotated files (default $RAMPART_HOME/audit/audit.jsonl)")
	fs.BoolVar(&c.json, "json", false, "print JSON Lines even on a terminal")
	fs.BoolVar(&c.text, "text", false, "print text even when stdout is not a terminal")
}

// newFlags returns a verb's flag set with the common flags. Verbs take no
// values from RAMPART_ environment variables (ff's env prefix): rampart-shell
// sets RAMPART_AGENT, and adapters may set RAMPART_SESSION, for the programs
// an agent runs, and a -agent or -session filter must never come silently
// from there.
func (a *app) newFlags(verb string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet("rampart-audit "+verb, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	c.register(fs)
	return fs
}

// asJSON decides the output form: JSON Lines unless stdout is a terminal.
func (a *app) asJSON(c *common) (bool, error) {
	switch {
	case c.json && c.text:
		return false, fmt.Errorf("-json can't be used with -text")
	case c.json:
		return true, nil
	case c.text:
		return false, nil
	}
	return !isTerminal(a.stdout), nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return isTerminalFile(f)
}

func (a *app) warnf(format string, args ...any) {
	fmt.Fprintf(a.stderr, "rampart-audit: warning: "+format+"\n", args...)
}

func (a *app) notef(format string, args ...any) {
	fmt.Fprintf(a.stderr, "rampart-audit: note: "+format+"\n", args...)
}
