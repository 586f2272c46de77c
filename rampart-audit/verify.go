package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/peterbourgon/ff/v3/ffcli"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/audit/auditkey"
)

func (a *app) verifyCmd() *ffcli.Command {
	var c common
	fs := a.newFlags("verify", &c)
	cpFile := fs.String("checkpoint", "", "a checkpoint the log must still extend (from rampart-audit checkpoint)")
	partial := fs.Bool("partial", false, "accept a chain that starts after seq 1 (older files archived elsewhere)")
	strict := fs.Bool("strict", false, "also decode every record and require its canonical form (slower)")
	return &ffcli.Command{
		Name:       "verify",
		ShortUsage: "rampart-audit verify [-checkpoint FILE] [-partial] [-strict] [flags] [FILE...]",
		ShortHelp:  "check the hash chain, the head and a checkpoint",
		FlagSet:    fs,
		// No RAMPART_ environment variables: see newFlags.
		Exec: func(ctx context.Context, args []string) error {
			asJSON, err := a.asJSON(&c)
			if err != nil {
				return err
			}
			in, err := a.input(&c, args)
			if err != nil {
				return err
			}
			opts := audit.VerifyOptions{Partial: *partial, Strict: *strict}
			if *cpFile != "" {
				if opts.Checkpoint, err = a.loadCheckpoint(*cpFile); err != nil {
					return err
				}
			}
			var res audit.Result
			switch {
			case in.stdin != nil:
				res, err = audit.VerifyReader("stdin", in.stdin, opts)
			case in.log != "":
				res, err = audit.Verify(in.log, opts)
			default:
				res, err = audit.VerifyFiles(in.files, opts)
			}
			if err != nil {
				return err
			}
			return a.report(in, res, asJSON)
		},
	}
}

// loadCheckpoint reads a checkpoint and checks who signed it: this
// machine's audit key when there is one.
func (a *app) loadCheckpoint(path string) (*audit.Checkpoint, error) {
	b, err := readLimited(path, 4<<10)
	if err != nil {
		return nil, err
	}
	cp, err := auditkey.ParseCheckpoint(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	key, err := auditkey.LoadKey(a.env.home.AuditKey(), false)
	switch {
	case errors.Is(err, auditkey.ErrNoKey):
		a.notef("%s: no audit key here to pin the checkpoint's signer; it verifies against the key it names (%s)", path, cp.KeyID)
	case err != nil:
		return nil, err
	default:
		if pub := key.Public().(ed25519.PublicKey); !auditkey.SignedBy(cp, pub) {
			fmt.Fprintf(a.stderr, "rampart-audit: error: %s: signed by key %s, not this machine's audit key %s\n", path, cp.KeyID, auditkey.KeyID(pub))
			return nil, errBroken
		}
	}
	return cp, nil
}

func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		err = fmt.Errorf("%s: longer than %d bytes", path, max)
	}
	return b, err
}

// verifyResult is verify's JSON output.
type verifyResult struct {
	OK       bool     `json:"ok"`
	Records  int64    `json:"records"`
	First    uint64   `json:"first"`
	Last     uint64   `json:"last"`
	LastHash string   `json:"last_hash"`
	Bytes    int64    `json:"bytes"`
	Files    []string `json:"files"`
	Notes    []string `json:"notes"`
	Problem  string   `json:"problem,omitempty"`
}

func (a *app) report(in input, res audit.Result, asJSON bool) error {
	for _, n := range res.Notes {
		a.notef("%s", n)
	}
	if asJSON {
		v := verifyResult{OK: res.OK(), Records: res.Records, First: res.First, Last: res.Last, LastHash: res.LastHash,
			Bytes: res.Bytes, Files: res.Files, Notes: res.Notes}
		if v.Notes == nil {
			v.Notes = []string{}
		}
		if res.Problem != nil {
			v.Problem = res.Problem.Error()
		}
		if err := writeJSON(a.stdout, v); err != nil {
			return err
		}
	}
	if res.Problem != nil {
		fmt.Fprintf(a.stderr, "rampart-audit: error: %v\n", res.Problem)
		return errBroken
	}
	if !asJSON {
		span := "no records"
		if res.Records > 0 {
			span = fmt.Sprintf("%d records, seq %d to %d", res.Records, res.First, res.Last)
		}
		fmt.Fprintf(a.stdout, "%s: whole: %s in %d file(s)\n", in.name(), span, len(res.Files))
	}
	return nil
}
