package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/peterbourgon/ff/v3"
	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/audit"
)

func (a *app) checkpointCmd() *ffcli.Command {
	var c common
	fs := a.newFlags("checkpoint", &c)
	return &ffcli.Command{
		Name:       "checkpoint",
		ShortUsage: "rampart-audit checkpoint [flags] > checkpoint.txt",
		ShortHelp:  "print a signed checkpoint of the log's newest record",
		LongHelp: "Checkpoint signs the seq and hash of the log's newest record with\n" +
			"$RAMPART_HOME/audit.key (created, 0600, on first use) and prints it.\n" +
			"Keep it where whoever might tamper with the log cannot reach it;\n" +
			"rampart-audit verify -checkpoint FILE then proves the log still extends it.",
		FlagSet: fs,
		Options: []ff.Option{ff.WithEnvVarPrefix("RAMPART")},
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("checkpoint takes no FILE arguments; name a log with -file")
			}
			path := c.file
			if path == "" {
				path = a.env.home.AuditLog()
			}
			if _, err := os.Stat(path); err != nil {
				return fmt.Errorf("no audit log at %s", path)
			}
			key, err := audit.LoadKey(a.env.home.AuditKey(), true)
			if err != nil {
				return err
			}
			// Open takes the writers' lock, so the head is read whole and a
			// crashed writer's leftovers are settled first.
			l, err := audit.Open(path, audit.Options{Now: time.Now})
			if err != nil {
				return err
			}
			defer l.Close()
			seq, hash, err := l.Head()
			if err != nil {
				return err
			}
			_, err = a.stdout.Write(audit.NewCheckpoint(key, seq, hash, time.Now()).Marshal())
			return err
		},
	}
}
