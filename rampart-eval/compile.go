package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/policy/compile"
)

// compileCmd is the policy compiler of processes that do not link one
// (decide.ExecCompiler; rampart-hook runs the rampart-eval beside it): it
// compiles the policy source on stdin and writes its snapshot to stdout.
// -fingerprint is the reader's policy.Fingerprint; a reader of another
// build (other embedded profiles, another snapshot layout) is refused (see
// compile.SnapshotFor).
func compileCmd(stdin io.Reader, stdout, stderr io.Writer) *ffcli.Command {
	var name, fingerprint string
	fset := flag.NewFlagSet("rampart-eval "+decide.CompileVerb, flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.StringVar(&name, "name", "policy.yaml", "the file's `path`, for error positions and the policy's source")
	fset.StringVar(&fingerprint, "fingerprint", "", "the reader's policy fingerprint; refused when it is not this binary's")
	return &ffcli.Command{
		Name:       decide.CompileVerb,
		ShortUsage: "rampart-eval " + decide.CompileVerb + " [-name PATH] [-fingerprint F] < policy.yaml > policy.snap",
		ShortHelp:  "compile a policy file to the snapshot rampart-hook loads",
		FlagSet:    fset,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unexpected argument %q (the policy is read from standard input)", args[0])
			}
			src, err := io.ReadAll(io.LimitReader(stdin, policy.MaxFile+1))
			if err != nil {
				return err
			}
			if len(src) > policy.MaxFile {
				return fmt.Errorf("%s: %w", name, policy.ErrTooLarge)
			}
			snap, err := compile.SnapshotFor(name, src, fingerprint)
			if err != nil {
				return err
			}
			_, err = stdout.Write(snap)
			return err
		},
	}
}
