package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/policy/compile"
)

func initCmd(e env, stdout, stderr io.Writer) *ffcli.Command {
	var profile string
	var force bool
	fset := flag.NewFlagSet("rampart-eval init", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.StringVar(&profile, "profile", policy.DefaultProfile, "profile to write: standard, paranoid or yolo")
	fset.BoolVar(&force, "force", false, "overwrite an existing policy file")
	return &ffcli.Command{
		Name:       "init",
		ShortUsage: "rampart-eval init [--profile P] [--force]",
		ShortHelp:  "write an embedded profile to ~/.rampart/policy.yaml to edit, naming the policy schema for editors",
		FlagSet:    fset,
		Exec: func(ctx context.Context, args []string) error {
			src, err := policy.ProfileSource(profile)
			if err != nil {
				return err
			}
			dst := e.home.Policy()
			if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(dst, flags, 0o600)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists (use -force to overwrite it)", dst)
			}
			if err != nil {
				return err
			}
			if _, err := f.Write(withSchemaLine(src)); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote the %s profile to %s\n", profile, dst)
			return nil
		},
	}
}

// withSchemaLine puts the yaml-language-server modeline naming the policy
// schema (compile.SchemaLine) first, so editors with the YAML language server
// validate and complete the file; a source that already names a schema is
// kept as it is.
func withSchemaLine(src []byte) []byte {
	if bytes.HasPrefix(src, []byte("# yaml-language-server:")) {
		return src
	}
	return append([]byte(compile.SchemaLine+"\n"), src...)
}
