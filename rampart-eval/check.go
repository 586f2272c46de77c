package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/peterbourgon/ff/v3/ffcli"
)

func checkCmd(e env, stdout, stderr io.Writer) *ffcli.Command {
	var o options
	var cwd string
	fs := flag.NewFlagSet("rampart-eval check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.register(fs)
	fs.StringVar(&cwd, "cwd", "", "directory whose project layer (.rampart/policy.yaml, from it upward) is checked too (default the current one)")
	return &ffcli.Command{
		Name:       "check",
		ShortUsage: "rampart-eval check [--cwd DIR] [FILE]",
		ShortHelp:  "validate the policies in force: managed, the user's (or FILE), and the project's",
		LongHelp: "Every layer enforcement would use is loaded the same way: the managed policy,\n" +
			"the user's policy, and the project's .rampart/policy.yaml found from --cwd upward.\n" +
			"A project rule that cannot loosen the user's policy is warned about.",
		FlagSet: fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 1 {
				return fmt.Errorf("check takes at most one file")
			}
			if len(args) == 1 {
				o.flags.Config = args[0]
			}
			if cwd == "" {
				cwd, _ = os.Getwd()
			}
			p, err := o.openPolicy(e)
			if err != nil {
				fmt.Fprintf(stderr, "%v\n", err)
				return errFailed
			}
			pol := p.Policy()
			fmt.Fprintf(stdout, "%s: ok (%d policies, %d tests, default %s)\n", p.Source(), pol.Count(), len(pol.TestCases()), pol.DefaultAction)
			proj, err := p.ProjectPolicy(cwd)
			tiers, terr := p.Tiers(cwd)
			if err != nil || terr != nil {
				fmt.Fprintf(stderr, "%v\n", errors.Join(err, terr))
				return errFailed
			}
			for _, t := range tiers[1:] {
				fmt.Fprintf(stdout, "%s policy %s: ok (%d policies, default %s)\n", t.Layer, t.Source, t.Policy.Count(), t.Policy.DefaultAction)
			}
			if proj != "" {
				fmt.Fprintf(stdout, "project policy %s: ok (tightens the user's policy)\n", proj)
			}
			for _, w := range tiers[0].Policy.Warnings {
				fmt.Fprintf(stderr, "rampart-eval: warning: %s\n", w)
			}
			return nil
		},
	}
}
