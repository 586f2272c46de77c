package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/decide/watch"
	"rampart.dev/pkg/home"
	"rampart.dev/rampart-serve/internal/server"
)

// shutdownGrace is how long in-flight requests get to finish on SIGINT or
// SIGTERM; held calls still waiting then are canceled.
const shutdownGrace = 5 * time.Second

// env is what the verbs read from the outside world, once.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	userHome       string
	layout         home.Layout
}

func newEnv(stdout, stderr io.Writer) *env {
	uh, _ := os.UserHomeDir()
	e := &env{stdout: stdout, stderr: stderr, getenv: os.Getenv, userHome: uh}
	e.layout = home.Resolve(e.getenv, uh)
	return e
}

func defaultAddr(getenv func(string) string) string {
	if a := getenv("RAMPART_SERVE_ADDR"); a != "" {
		return a
	}
	return approval.DefaultAddr
}

type serveFlags struct {
	addr, config, profile, mode  string
	managed                      string
	approvalTimeout, execTimeout time.Duration
	failOpen, version            bool
	notify, notifySlack          stringList
	notifyConfig, publicURL      string
	openclaw                     openclawFlags
}

func newRoot(ctx context.Context, e *env) *ffcli.Command {
	fs := flag.NewFlagSet("rampart-serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var f serveFlags
	fs.StringVar(&f.addr, "addr", defaultAddr(e.getenv), "listen `address`; keep it on loopback")
	fs.StringVar(&f.config, "config", "", "policy `file` (default $RAMPART_POLICY, else -profile, else ~/.rampart/policy.yaml, else standard)")
	fs.StringVar(&f.profile, "profile", "", "embedded `profile` to use instead of ~/.rampart/policy.yaml: standard, paranoid or yolo")
	fs.StringVar(&f.managed, "managed-policy", "", "managed system policy `file` above the user's (default "+decide.ManagedPolicy+", used when it exists)")
	fs.StringVar(&f.mode, "mode", "enforce", "enforce, or monitor: judge and audit everything, block nothing")
	fs.DurationVar(&f.approvalTimeout, "approval-timeout", approval.DefaultTimeout, "how long a held call waits for a human before it is denied")
	fs.DurationVar(&f.execTimeout, "exec-timeout", server.DefaultExecTimeout, "default timeout of exec and fetch calls")
	fs.BoolVar(&f.failOpen, "fail-open", false, "allow calls when the audit log cannot be written (audited as fail_open)")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	fs.Var(&f.notify, "notify", "post each call held for approval to this webhook `URL` as JSON (repeatable)")
	fs.Var(&f.notifySlack, "notify-slack", "post each call held for approval to this Slack-compatible incoming webhook `URL` (repeatable)")
	fs.StringVar(&f.notifyConfig, "notify-config", filepath.Join(e.layout.Dir, "notify.yaml"), "webhooks `file` (YAML; missing is fine)")
	fs.StringVar(&f.publicURL, "public-url", "", "this server's `URL` as those notified reach it, for the resolve endpoint (default http://ADDR)")
	f.openclaw.register(fs, e)
	return &ffcli.Command{
		Name:       "rampart-serve",
		ShortUsage: "rampart-serve [flags] | rampart-serve pending|approve|deny ...",
		UsageFunc:  usageFunc,
		ShortHelp:  "the Rampart decision point over HTTP, with human approvals",
		FlagSet:    fs,
		Subcommands: []*ffcli.Command{
			newPending(e), newResolve(e, true), newResolve(e, false),
		},
		Exec: func(ctx context.Context, args []string) error {
			if f.version {
				fmt.Fprintln(e.stdout, version())
				return nil
			}
			if len(args) > 0 {
				return fmt.Errorf("unknown verb %q (want pending, approve or deny)", args[0])
			}
			return serve(ctx, e, f)
		},
	}
}

// gcPercent is the garbage collector's target unless $GOGC says otherwise.
// The live heap is a few MiB while each request allocates ~10 KiB, so the
// default (100) collects dozens of times a second under load; 400 costs a
// few MiB more and takes GC pauses and assists out of the latency tail.
const gcPercent = 400

func serve(ctx context.Context, e *env, f serveFlags) error {
	if f.mode != "enforce" && f.mode != "monitor" {
		return fmt.Errorf("-mode must be enforce or monitor, not %q", f.mode)
	}
	if e.getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	notify, err := notifyConfig(f.notifyConfig, f.notify, f.notifySlack, f.publicURL, f.addr)
	if err != nil {
		return err
	}
	agent, admin, err := server.LoadTokens(e.layout)
	if err != nil {
		return err
	}
	point, err := openPoint(e, f)
	if err != nil {
		return err
	}
	defer point.Close()
	srv, err := server.New(server.Config{
		Point:       point,
		AgentToken:  agent,
		AdminToken:  admin,
		Approvals:   e.layout.Approvals(),
		AuditLog:    e.layout.AuditLog(),
		Timeout:     f.approvalTimeout,
		ExecTimeout: f.execTimeout,
		UserHome:    e.userHome,
		Log:         e.stderr,
		Notify:      notify,
	})
	if err != nil {
		return err
	}
	defer srv.Close()
	stopOpenClaw, err := startOpenClaw(ctx, e, f.openclaw, point, srv)
	if err != nil {
		return err
	}
	defer stopOpenClaw()

	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	if !loopback(ln.Addr()) {
		fmt.Fprintf(e.stderr, "rampart-serve: warning: listening on %s, which is not loopback; anyone who can reach it and holds a token can run commands here\n", ln.Addr())
	}
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	report := func(err error) {
		if err != nil {
			fmt.Fprintf(e.stderr, "rampart-serve: error: policy reload: %v; keeping the last good policy\n", err)
		} else {
			fmt.Fprintf(e.stderr, "rampart-serve: policy reloaded from %s\n", point.Source())
		}
	}
	if err := watch.Policy(wctx, point, report); err != nil {
		fmt.Fprintf(e.stderr, "rampart-serve: warning: the policy is not reloaded on change: %v\n", err)
	}

	hs := srv.HTTPServer()
	fmt.Fprintf(e.stderr, "rampart-serve: listening on http://%s (tokens in %s)\n", ln.Addr(), e.layout.Dir)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// hint suggests a way out of common errors.
func hint(err error) string {
	switch {
	case errors.Is(err, approval.ErrNoServer):
		return "start one with `rampart-serve`, or set RAMPART_SERVE_ADDR"
	case errors.Is(err, approval.ErrForbidden):
		return "the client verbs read the admin token from $RAMPART_HOME/admin.token"
	case errors.Is(err, errNoOpenClawToken):
		return "put the gateway's token (gateway.auth.token) in that file with mode 0600, or set OPENCLAW_GATEWAY_TOKEN once"
	}
	return ""
}
