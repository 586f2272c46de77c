package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/approval"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/secret"
)

// clientFlags are shared by the client verbs.
type clientFlags struct {
	addr    string
	json    bool
	timeout time.Duration
}

func (c *clientFlags) register(fs *flag.FlagSet, e *env) {
	fs.StringVar(&c.addr, "addr", defaultAddr(e.getenv), "`address` of the running rampart-serve")
	fs.BoolVar(&c.json, "json", false, "print JSON instead of a table")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Second, "give up on the server after this long")
}

// client returns an approval client holding the admin token.
func (c *clientFlags) client(e *env) (*approval.Client, error) {
	tok, err := approval.ReadToken(e.layout.AdminToken())
	if err != nil {
		return nil, fmt.Errorf("%w: reading the admin token: %v", approval.ErrNoServer, err)
	}
	return &approval.Client{Addr: c.addr, Token: tok}, nil
}

// serverErr turns a failure to reach the server into ErrNoServer.
func serverErr(err error) error {
	var se *approval.StatusError
	if errors.As(err, &se) {
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return fmt.Errorf("%w: %v", approval.ErrNoServer, err)
	}
	return fmt.Errorf("%w: %v", approval.ErrNoServer, err)
}

func newPending(e *env) *ffcli.Command {
	fs := flag.NewFlagSet("rampart-serve pending", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var cf clientFlags
	cf.register(fs, e)
	all := fs.Bool("all", false, "also list resolved approvals the server still keeps")
	return &ffcli.Command{
		Name:       "pending",
		ShortUsage: "rampart-serve pending [-json] [-all] [-addr ADDR]",
		ShortHelp:  "list the calls waiting for a human",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("pending takes no arguments")
			}
			c, err := cf.client(e)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(ctx, cf.timeout)
			defer cancel()
			status := ""
			if *all {
				status = "all"
			}
			list, err := c.List(ctx, status)
			if err != nil {
				return serverErr(err)
			}
			if cf.json {
				w := call.NewWriter(e.stdout)
				for _, a := range list {
					if err := w.Write(a); err != nil {
						return err
					}
				}
				return nil
			}
			printTable(e.stdout, list, time.Now())
			return nil
		},
	}
}

func newResolve(e *env, approve bool) *ffcli.Command {
	name := "deny"
	if approve {
		name = "approve"
	}
	fs := flag.NewFlagSet("rampart-serve "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var cf clientFlags
	cf.register(fs, e)
	reason := fs.String("reason", "", "why, shown to the agent and written to the audit trail")
	return &ffcli.Command{
		Name:       name,
		ShortUsage: "rampart-serve " + name + " [-reason R] [-json] ID",
		ShortHelp:  name + " a pending call",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("%s takes one approval id", name)
			}
			c, err := cf.client(e)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(ctx, cf.timeout)
			defer cancel()
			a, err := c.Resolve(ctx, args[0], approve, *reason)
			switch {
			case errors.Is(err, approval.ErrResolved):
				if got, gerr := c.Get(ctx, args[0], 0); gerr == nil {
					return checkedError{fmt.Sprintf("%s was already resolved: %s", args[0], got.Describe())}
				}
				return checkedError{fmt.Sprintf("%s was already resolved", args[0])}
			case errors.Is(err, approval.ErrNotFound):
				return checkedError{fmt.Sprintf("no pending approval %s", args[0])}
			case err != nil:
				return serverErr(err)
			}
			if cf.json {
				return call.NewWriter(e.stdout).Write(a)
			}
			fmt.Fprintf(e.stdout, "%s %s: %s\n", a.Status, a.ID, summary(a.Call))
			return nil
		},
	}
}

// printTable writes approvals as a table for people.
func printTable(w io.Writer, list []approval.Approval, now time.Time) {
	if len(list) == 0 {
		fmt.Fprintln(w, "no pending approvals")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tAGE\tEXPIRES\tAGENT\tTOOL\tCALL\tPOLICY")
	for _, a := range list {
		exp := "-"
		if a.Status == approval.Pending {
			exp = "in " + ago(a.Expires.Sub(now))
		}
		agent := a.Call.Agent
		if agent == "" {
			agent = "-"
		}
		pol := strings.Join(a.Decision.MatchedPolicies, ",")
		if pol == "" {
			pol = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Status, ago(now.Sub(a.Created)), exp, agent, a.Call.Tool, summary(a.Call), pol)
	}
	tw.Flush()
}

func ago(d time.Duration) string {
	switch {
	case d < 0:
		return "0s"
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}

// maxSummary bounds the call column so a long command keeps the table
// readable; --json has it whole.
const maxSummary = 72

// summary is the one thing a person needs to judge a call: the command,
// path or URL, with credentials masked and control characters escaped so a
// crafted command cannot repaint the terminal.
func summary(c call.Call) string {
	var s string
	switch {
	case c.Command() != "":
		s = c.Command()
	case c.Path() != "":
		s = c.Path()
	case c.URL() != "":
		s = c.URL()
	default:
		b, _ := json.Marshal(c.Params)
		s = string(b)
	}
	s, _ = secret.Redact(s)
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > maxSummary {
		s = string(r[:maxSummary-1]) + "…"
	}
	return s
}
