package audit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

func Example() {
	dir, _ := os.MkdirTemp("", "audit")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "audit", "audit.jsonl")

	l, err := audit.Open(path, audit.Options{Now: time.Now})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, cmd := range []string{"git status", "rm -rf /", "curl -H 'Authorization: Bearer abc123xyz' https://api.example.com"} {
		c := call.Call{Tool: "exec", Params: call.Params{"command": cmd}, Agent: "claude-code"}
		d := call.Decision{Decision: call.Allow}
		if cmd == "rm -rf /" {
			d = call.Decision{Decision: call.Deny, MatchedPolicies: []string{"block-destructive"}}
		}
		rec, err := l.Append(audit.Entry{Call: c, Decision: d, Via: "example"})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rec.Seq, rec.Decision, string(rec.Params), rec.Flags)
	}
	l.Close()

	res, err := audit.Verify(path, audit.VerifyOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("whole:", res.OK(), "records:", res.Records)
	// Output:
	// 1 allow {"command":"git status"} []
	// 2 deny {"command":"rm -rf /"} []
	// 3 allow {"command":"curl -H 'Authorization: Bearer [REDACTED]' https://api.example.com"} [redacted]
	// whole: true records: 3
}
