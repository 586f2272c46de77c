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
)

// atStop runs as the process exits normally (profiles, with -tags profile).
var atStop []func()

// Version is set at build time with -ldflags "-X main.Version=v1.2.3".
var Version string

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	for _, f := range atStop {
		f()
	}
	os.Exit(code)
}

// errChecked is a failure of the thing asked about (an approval already
// resolved, or unknown), as opposed to trouble: exit 1, not 2.
var errChecked = errors.New("checked")

// checkedError wraps a message so run exits 1.
type checkedError struct{ msg string }

func (e checkedError) Error() string { return e.msg }
func (e checkedError) Is(t error) bool {
	return t == errChecked
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := newEnv(stdout, stderr)
	root := newRoot(ctx, env)
	err := root.Parse(args)
	if err == nil {
		err = root.Run(ctx)
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errChecked):
		fmt.Fprintf(stderr, "rampart-serve: %v\n", err)
		return 1
	default:
		fmt.Fprintf(stderr, "rampart-serve: error: %v\n", err)
		if h := hint(err); h != "" {
			fmt.Fprintf(stderr, "rampart-serve: hint: %s\n", h)
		}
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
	return "dev"
}
