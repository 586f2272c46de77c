package engine

import (
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/policy"
)

// diskEngine is the standard profile's engine reading the files of disk
// from a map of absolute paths to texts.
func diskEngine(t *testing.T, disk map[string]string) *Engine {
	t.Helper()
	p, err := policy.Profile("standard")
	if err != nil {
		t.Fatal(err)
	}
	return New(p, Env{Home: testHome, ScriptText: func(p string) (string, ScriptFound) {
		if s, ok := disk[p]; ok {
			return s, ScriptRead
		}
		return "", ScriptNone
	}})
}

// TestDiskSQLFile checks that a file of SQL on disk given to a program the
// catalogue does not know is judged by its statements, under any option's
// spelling or on its input, and that a file of reads passes.
func TestDiskSQLFile(t *testing.T) {
	e := diskEngine(t, map[string]string{
		"/home/dev/project/fix.sql":    "BEGIN;\nDROP TABLE users;\nCOMMIT;\n",
		"/home/dev/project/report.sql": "SELECT count(*) FROM users;\n",
	})
	for line, want := range map[string]call.Action{
		`dbq --dsn postgres://db.acme.net/app --file fix.sql`:    call.RequireApproval,
		`dbq --dsn postgres://db.acme.net/app -f ./fix.sql`:      call.RequireApproval,
		`dbq --dsn=postgres://db.acme.net/app --sql=@fix.sql`:    call.RequireApproval,
		`dbq --dsn postgres://db.acme.net/app < fix.sql`:         call.RequireApproval,
		`dbq --dsn postgres://db.acme.net/app --file report.sql`: call.Allow,
		`dbq --dsn postgres://db.acme.net/app --file none.sql`:   call.Allow,
		`sqlfluff lint fix.sql`:                                  call.Allow,
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, line)); d.Decision != want {
			t.Errorf("%q = %v (%s), want %v", line, d.Decision, d.Message, want)
		}
	}
}
