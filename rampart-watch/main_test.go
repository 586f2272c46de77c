package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

func TestMain(m *testing.M) { testscript.Main(m, map[string]func(){"rampart-watch": main}) }

var update = flag.Bool("u", false, "update testscript output files")

// TestScript runs testdata/script, in UTC, each script with a Rampart home
// of its own and the mkaudit command (see cmdMkaudit).
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "UTC")
			env.Setenv("RAMPART_HOME", env.WorkDir+"/home")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"mkaudit": cmdMkaudit},
	})
}

// cmdMkaudit writes an audit log with the real writer:
//
//	mkaudit [-maxsize BYTES] [-delete N] ENTRIES LOG
//
// Each line of ENTRIES is {"call":{...},"decision":{...},"via":"..."}; the
// records are stamped 10:00:01, 10:00:02 ... on 2 January 2026 (UTC).
// -maxsize rotates the log past that size; -delete N then removes line N
// of the active file, as someone covering their tracks would.
func cmdMkaudit(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! mkaudit")
	}
	fs := flag.NewFlagSet("mkaudit", flag.ContinueOnError)
	maxSize := fs.Int64("maxsize", -1, "rotate past this size")
	del := fs.Int("delete", 0, "delete this line afterwards")
	ts.Check(fs.Parse(args))
	if fs.NArg() != 2 {
		ts.Fatalf("usage: mkaudit [-maxsize BYTES] [-delete N] ENTRIES LOG")
	}
	entries, log := fs.Arg(0), ts.MkAbs(fs.Arg(1))
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	l, err := audit.Open(log, audit.Options{MaxSize: *maxSize, Now: func() time.Time { now = now.Add(time.Second); return now }})
	ts.Check(err)
	sc := bufio.NewScanner(bytes.NewReader([]byte(ts.ReadFile(entries))))
	for sc.Scan() {
		var e struct {
			Call     call.Call     `json:"call"`
			Decision call.Decision `json:"decision"`
			Via      string        `json:"via"`
		}
		ts.Check(json.Unmarshal(sc.Bytes(), &e))
		_, err := l.Append(audit.Entry{Call: e.Call, Decision: e.Decision, Via: e.Via})
		ts.Check(err)
	}
	ts.Check(l.Close())
	if *del > 0 {
		b, err := os.ReadFile(log)
		ts.Check(err)
		lines := bytes.SplitAfter(b, []byte("\n"))
		lines = append(lines[:*del-1], lines[*del:]...)
		ts.Check(os.WriteFile(log, bytes.Join(lines, nil), 0o600))
	}
}
