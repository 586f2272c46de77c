package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// layout is the Rampart home from the environment.
func layout() (home.Layout, string) {
	uh, _ := os.UserHomeDir()
	return home.Resolve(os.Getenv, uh), uh
}

// decideCall judges c in-process, through pkg/decide's resolution: the
// flags are those of the wrap session (see sessionFlags), the environment
// may only tighten them; the audit record is written before the answer.
func decideCall(c call.Call, stderr io.Writer) call.Decision {
	l, uh := layout()
	flags, serr := sessionFlags(l, os.Getenv)
	if serr != nil {
		fmt.Fprintf(stderr, "rampart-shell: warning: %v\n", serr)
	}
	cfg, warns, rerr := decide.Resolve(flags, os.Getenv, uh)
	for _, w := range warns {
		fmt.Fprintf(stderr, "rampart-shell: warning: %s\n", w)
	}
	if rerr != nil {
		return deniedBadSettings(rerr)
	}
	cfg.Via = audit.ViaShell
	cfg.Compile = compile.Parse
	p, err := decide.Open(cfg)
	if err != nil {
		// Decide fails closed (or open) with the same reason.
		fmt.Fprintf(stderr, "rampart-shell: error: %v\n", err)
	}
	defer p.Close()
	return p.Decide(c)
}

// deniedBadSettings is the decision when the session's settings are not
// valid: fail closed.
func deniedBadSettings(err error) call.Decision {
	return call.Decision{Decision: call.Deny, Message: "rampart-shell settings: " + err.Error()}
}

// approve hands a require_approval decision to a running rampart-serve and
// waits for a human; with no server it denies and says how to start one.
func approve(c call.Call, d call.Decision, stderr io.Writer) bool {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	l, _ := layout()
	client, err := approval.Discover(ctx, l, os.Getenv)
	if errors.Is(err, approval.ErrNoServer) {
		deny(stderr, describe(d)+": requires approval, and no rampart-serve is running")
		fmt.Fprintf(stderr, "rampart-shell: hint: start rampart-serve, then approve with `rampart-serve approve ID`\n")
		return false
	}
	if err != nil {
		deny(stderr, fmt.Sprintf("%s: requires approval: %v", describe(d), err))
		return false
	}
	id, err := client.Request(ctx, c, d)
	if err != nil {
		deny(stderr, fmt.Sprintf("%s: requires approval: %v", describe(d), err))
		return false
	}
	fmt.Fprintf(stderr, "rampart-shell: waiting for approval %s: %s\n", id, describe(d))
	fmt.Fprintf(stderr, "rampart-shell: hint: rampart-serve approve %s (or deny %s)\n", id, id)
	ok, reason, err := client.Wait(ctx, id)
	switch {
	case err != nil:
		deny(stderr, fmt.Sprintf("approval %s: %v", id, err))
		return false
	case !ok:
		if reason == "" {
			reason = "not approved"
		}
		deny(stderr, fmt.Sprintf("approval %s: %s", id, reason))
		return false
	}
	return true
}
