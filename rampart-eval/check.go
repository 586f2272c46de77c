package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/peterbourgon/ff/v3/ffcli"
)

func checkCmd(e env, stdout, stderr io.Writer) *ffcli.Command {
	var o options
	fs := flag.NewFlagSet("rampart-eval check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.register(fs)
	return &ffcli.Command{
		Name:       "check",
		ShortUsage: "rampart-eval check [FILE]",
		ShortHelp:  "validate a policy file (default: the configured policy)",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 1 {
				return fmt.Errorf("check takes at most one file")
			}
			if len(args) == 1 {
				o.config = args[0]
			}
			p, err := o.openPolicy(e)
			if err != nil {
				fmt.Fprintf(stderr, "%v\n", err)
				return errFailed
			}
			pol := p.Policy()
			fmt.Fprintf(stdout, "%s: ok (%d policies, %d tests, default %s)\n", p.Source(), pol.Count(), len(pol.Tests), pol.DefaultAction)
			for _, w := range pol.Warnings {
				fmt.Fprintf(stderr, "rampart-eval: warning: %s\n", w)
			}
			return nil
		},
	}
}
