package main

import (
	"bufio"
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

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// errFailed is returned when the thing checked failed (check, test).
var errFailed = errors.New("failed")

// options are the flags every verb shares.
type options struct {
	flags   decide.Flags
	listen  string
	version bool
}

func (o *options) register(fs *flag.FlagSet) {
	fs.StringVar(&o.flags.Config, "config", "", "policy file (default -profile, else ~/.rampart/policy.yaml, else the standard profile)")
	fs.StringVar(&o.flags.Profile, "profile", "", "embedded profile: standard, paranoid or yolo")
	fs.StringVar(&o.flags.Managed, "managed-policy", "", "managed system policy above the user's (default "+decide.ManagedPolicy+", used when it exists)")
	fs.StringVar(&o.flags.Mode, "mode", "enforce", "enforce, or monitor: decide and audit, never block")
	fs.BoolVar(&o.flags.FailOpen, "fail-open", false, "allow (flagged and audited) when the policy or audit log fails")
}

// env is what run reads from the process environment, once: only the
// variables pkg/decide and pkg/home document.
type env struct {
	home     home.Layout
	userHome string
	getenv   func(string) string
	stderr   io.Writer
}

func readEnv(stderr io.Writer) env {
	uh, _ := os.UserHomeDir()
	return env{home: home.Resolve(os.Getenv, uh), userHome: uh, getenv: os.Getenv, stderr: stderr}
}

func (o *options) decideConfig(e env) (decide.Config, error) {
	cfg, warns, err := decide.Resolve(o.flags, e.getenv, e.userHome)
	for _, w := range warns {
		fmt.Fprintf(e.stderr, "rampart-eval: warning: %s\n", w)
	}
	cfg.Via = audit.ViaEval
	cfg.Compile = compile.Parse
	return cfg, err
}

// openPolicy opens the decision point for verbs that only evaluate (check,
// explain, test): no audit trail.
func (o *options) openPolicy(e env) (*decide.Point, error) {
	cfg, err := o.decideConfig(e)
	if err != nil {
		return nil, err
	}
	cfg.NoAudit = true
	return decide.Open(cfg)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := readEnv(stderr)
	var o options
	fs := flag.NewFlagSet("rampart-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.register(fs)
	fs.StringVar(&o.listen, "listen", "", "serve on a unix socket (unix:PATH, or unix: for ~/.rampart/run/eval.sock)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	root := &ffcli.Command{
		Name:       "rampart-eval",
		ShortUsage: "rampart-eval [flags] < calls.jsonl > decisions.jsonl",
		UsageFunc:  usageFunc,
		ShortHelp:  "decide tool calls against a Rampart policy",
		FlagSet:    fs,
		Subcommands: []*ffcli.Command{
			checkCmd(e, stdout, stderr),
			explainCmd(e, stdout, stderr),
			testCmd(e, stdout, stderr),
			initCmd(e, stdout, stderr),
			compileCmd(stdin, stdout, stderr),
		},
		Exec: func(ctx context.Context, args []string) error {
			if o.version {
				fmt.Fprintln(stdout, "rampart-eval", version())
				return nil
			}
			if len(args) > 0 {
				return fmt.Errorf("unexpected argument %q (calls are read from standard input)", args[0])
			}
			cfg, err := o.decideConfig(e)
			if err != nil {
				return err
			}
			// the socket's clients (librampart) ask before every exec
			cfg.PerExec = o.listen != ""
			p, err := decide.Open(cfg)
			if err != nil {
				fmt.Fprintf(stderr, "rampart-eval: error: %v\n", err)
				fmt.Fprintf(stderr, "rampart-eval: hint: every call will be denied until this is fixed\n")
			}
			defer p.Close()
			if o.listen != "" {
				return listen(ctx, o.listen, p, stderr)
			}
			return stream(p, stdin, stdout)
		},
	}
	switch err := root.ParseAndRun(ctx, args); {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintf(stderr, "rampart-eval: error: %v\n", err)
		return 2
	}
}

// stream answers one Decision per Call line until EOF.
func stream(p *decide.Point, stdin io.Reader, stdout io.Writer) error {
	bw := bufio.NewWriter(stdout)
	w := call.NewWriter(bw)
	r := call.NewReader(stdin)
	for {
		c, err := r.Read()
		if err == io.EOF {
			return nil
		}
		var d call.Decision
		if err != nil {
			if !call.IsBadInput(err) {
				return err
			}
			d = p.Reject(call.Call{}, err.Error())
		} else {
			d = p.Decide(c)
		}
		if err := w.Write(d); err != nil {
			return err
		}
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
