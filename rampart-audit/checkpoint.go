package main

import (
	"context"
	"fmt"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/audit/auditkey"
)

func (a *app) checkpointCmd() *ffcli.Command {
	var c common
	fs := a.newFlags("checkpoint", &c)
	partial := fs.Bool("partial", false, "accept a chain that starts after seq 1 (older files archived elsewhere)")
	return &ffcli.Command{
		Name:       "checkpoint",
		ShortUsage: "rampart-audit checkpoint [flags] > checkpoint.txt",
		ShortHelp:  "print a signed checkpoint of the log's newest record",
		LongHelp: "Checkpoint verifies the log, then signs the seq and hash of its newest\n" +
			"record with $RAMPART_HOME/audit.key (created, 0600, on first use) and prints it.\n" +
			"Keep it where whoever might tamper with the log cannot reach it;\n" +
			"rampart-audit verify -checkpoint FILE then proves the log still extends it.",
		FlagSet: fs,
		// No RAMPART_ environment variables: see newFlags.
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("checkpoint takes no FILE arguments; name a log with -file")
			}
			path := c.file
			if path == "" {
				path = a.env.home.AuditLog()
			}
			if files, _ := audit.Files(path); len(files) == 0 {
				return fmt.Errorf("no audit log at %s", path)
			}
			// Vouch only for what verifies: the chain is checked first,
			// and the checkpoint names its verified end.
			res, err := audit.Verify(path, audit.VerifyOptions{Partial: *partial})
			if err != nil {
				return err
			}
			for _, n := range res.Notes {
				a.notef("%s", n)
			}
			if res.Problem != nil {
				fmt.Fprintf(a.stderr, "rampart-audit: error: %v\n", res.Problem)
				fmt.Fprintln(a.stderr, "rampart-audit: hint: a checkpoint is only signed for a log that verifies")
				return errBroken
			}
			key, err := auditkey.LoadKey(a.env.home.AuditKey(), true)
			if err != nil {
				return err
			}
			_, err = a.stdout.Write(auditkey.NewCheckpoint(key, res.Last, res.LastHash, time.Now()).Marshal())
			return err
		},
	}
}
