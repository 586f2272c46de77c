package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/policy/compile"
)

func testCmd(e env, stdout, stderr io.Writer) *ffcli.Command {
	var o options
	fs := flag.NewFlagSet("rampart-eval test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.register(fs)
	var cwd string
	fs.StringVar(&cwd, "cwd", "", "working directory of tests that name none, whose project layer applies (default ~/project)")
	return &ffcli.Command{
		Name:       "test",
		ShortUsage: "rampart-eval test [FILE...]",
		ShortHelp:  "run a policy's inline tests, and test files against it",
		LongHelp: "A FILE with policies is tested against itself; a FILE with only tests is run\n" +
			"against the configured policy. With no FILE, the configured policy's own tests run.",
		FlagSet: fs,
		Exec: func(ctx context.Context, args []string) error {
			p, err := o.openPolicy(e)
			if err != nil {
				return err
			}
			if cwd == "" {
				// A test without cwd runs as if from a project under the
				// home directory.
				cwd = filepath.Join(e.userHome, "project")
			}
			// A suite with no policy of its own runs against the tiers in
			// force, as enforcement would judge it.
			type suite struct {
				pol   *policy.Policy
				tests []policy.Test
			}
			var suites []suite
			if len(args) == 0 {
				tiers, err := p.Tiers(cwd)
				if err != nil {
					return err
				}
				suites = append(suites, suite{nil, tiers[0].Policy.TestCases()})
			}
			for _, f := range args {
				tp, err := decide.ReadPolicy(f, compile.Parse)
				if err != nil {
					return err
				}
				if tp.Count() > 0 {
					suites = append(suites, suite{tp, tp.TestCases()})
				} else {
					suites = append(suites, suite{nil, tp.TestCases()})
				}
			}
			passed, failed := 0, 0
			for _, s := range suites {
				for _, t := range s.tests {
					if t.Call.Cwd == "" {
						t.Call.Cwd = cwd
					}
					var d call.Decision
					if s.pol != nil {
						d = engine.New(s.pol, engine.Env{Home: e.userHome}).Evaluate(t.Call)
					} else {
						d = p.Probe(t.Call)
					}
					if d.Decision == t.Expect {
						passed++
						continue
					}
					failed++
					fmt.Fprintf(stdout, "FAIL %s:%d: %s: %s %s: got %s, want %s", t.Origin, t.Line, t.Name, t.Call.Tool, subjectOf(t.Call), d.Decision, t.Expect)
					if len(d.MatchedPolicies) > 0 {
						fmt.Fprintf(stdout, " (by %v)", d.MatchedPolicies)
					}
					fmt.Fprintln(stdout)
				}
			}
			fmt.Fprintf(stdout, "%d passed, %d failed\n", passed, failed)
			if failed > 0 {
				return errFailed
			}
			return nil
		},
	}
}

func subjectOf(c call.Call) string {
	for _, k := range []string{"command", "path", "url"} {
		if s := c.Params.String(k); s != "" {
			return fmt.Sprintf("%q", s)
		}
	}
	return ""
}
