package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/engine"
)

func explainCmd(e env, stdout, stderr io.Writer) *ffcli.Command {
	var o options
	var tool, cwd, agent string
	var asJSON bool
	fs := flag.NewFlagSet("rampart-eval explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.register(fs)
	fs.StringVar(&tool, "tool", "exec", "tool of the call: exec, read, write, fetch, or any other name")
	fs.StringVar(&cwd, "cwd", "", "working directory of the call (default the current one)")
	fs.StringVar(&agent, "agent", "", "agent of the call")
	fs.BoolVar(&asJSON, "json", false, "print the trace as JSON")
	return &ffcli.Command{
		Name:       "explain",
		ShortUsage: "rampart-eval explain [--tool T] [--json] ARG",
		ShortHelp:  "show how a call is evaluated: the commands found, each rule considered, the deciding one",
		LongHelp:   "ARG is the command (exec), path (read, write) or URL (fetch).",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("explain needs the command, path or URL to evaluate")
			}
			arg := strings.Join(args, " ")
			if cwd == "" {
				cwd, _ = os.Getwd()
			}
			c := call.Call{Tool: tool, Agent: agent, Cwd: cwd, Params: call.Params{}}
			switch tool {
			case call.ToolExec:
				c.Params["command"] = arg
			case call.ToolRead, call.ToolWrite:
				c.Params["path"] = arg
			case call.ToolFetch:
				c.Params["url"] = arg
			default:
				if err := json.Unmarshal([]byte(arg), &c.Params); err != nil {
					return fmt.Errorf("for tool %q, ARG must be the params as a JSON object: %v", tool, err)
				}
			}
			p, err := o.openPolicy(e)
			if err != nil {
				return err
			}
			tiers, err := p.Tiers(cwd)
			if err != nil {
				return err
			}
			x := explanation{}
			var ds []call.Decision
			for _, tier := range tiers {
				t := engine.New(tier.Policy, engine.Env{Home: e.userHome}).Explain(c)
				x.Tiers = append(x.Tiers, tierTrace{Layer: tier.Layer, Source: tier.Source, Trace: t})
				ds = append(ds, t.Decision)
			}
			by := decide.Strongest(ds)
			x.Decision, x.Layer = ds[by], tiers[by].Layer
			if asJSON {
				return call.NewWriter(stdout).Write(x)
			}
			for _, t := range x.Tiers {
				if len(x.Tiers) > 1 {
					fmt.Fprintf(stdout, "--- %s layer\n", t.Layer)
				}
				printTrace(stdout, t.Source, t.Trace)
			}
			if len(x.Tiers) > 1 {
				fmt.Fprintf(stdout, "--- decided by the %s layer: %s\n", x.Layer, x.Decision.Decision)
			} else {
				fmt.Fprintf(stdout, "layer: %s\n", x.Layer)
			}
			return nil
		},
	}
}

// explanation is what explain prints: each tier's trace, and the
// decision enforcement would make with the tier that made it.
type explanation struct {
	Decision call.Decision `json:"decision"`
	Layer    string        `json:"layer"`
	Tiers    []tierTrace   `json:"tiers"`
}

type tierTrace struct {
	Layer  string       `json:"layer"`
	Source string       `json:"source"`
	Trace  engine.Trace `json:"trace"`
}

func printTrace(w io.Writer, source string, t engine.Trace) {
	fmt.Fprintf(w, "policy: %s\n", source)
	if len(t.Commands) > 0 {
		fmt.Fprintln(w, "simple commands:")
		for _, c := range t.Commands {
			fmt.Fprintf(w, "  %s\n", c)
		}
	}
	if t.Unparsed {
		fmt.Fprintln(w, "  (the command did not parse; judged on its raw text)")
	}
	fmt.Fprintln(w, "evaluation:")
	last := ""
	for _, s := range t.Steps {
		if s.Subject != last {
			fmt.Fprintf(w, "  %s\n", s.Subject)
			last = s.Subject
		}
		if s.Result == "default" {
			fmt.Fprintf(w, "    no rule decided: default action %s\n", s.Action)
			continue
		}
		mark := " "
		if strings.HasPrefix(s.Result, "matched") {
			mark = "*"
		}
		fmt.Fprintf(w, "   %s %s rule %d (line %d, %s): %s\n", mark, s.Policy, s.Rule, s.Line, s.Action, s.Result)
	}
	d := t.Decision
	fmt.Fprintf(w, "decision: %s", d.Decision)
	if len(d.MatchedPolicies) > 0 {
		fmt.Fprintf(w, " by %s", strings.Join(d.MatchedPolicies, ", "))
	}
	if d.Message != "" {
		fmt.Fprintf(w, ": %s", d.Message)
	}
	fmt.Fprintln(w)
	if d.Matched != "" {
		fmt.Fprintf(w, "matched: %s\n", d.Matched)
	}
}
