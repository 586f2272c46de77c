package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// TestMCPFileDeletesAgreeWithRm checks that an MCP tool deleting files of
// this machine is judged as rm is with the same paths: the agent's own
// outputs pass, the home and the system do not, and the project or a source
// file in it keeps the verb's judgement.
func TestMCPFileDeletesAgreeWithRm(t *testing.T) {
	e := standard(t)
	for _, tc := range []struct {
		args string
		want call.Action
	}{
		{`{"server":"filesystem","tool":"delete_directory","arguments":{"path":"/home/dev/project/dist"}}`, call.Allow},
		{`{"server":"fs","tool":"delete_directory","arguments":{"path":"node_modules","recursive":"true"}}`, call.Allow},
		{`{"server":"fs","tool":"delete_file","arguments":{"paths":["/home/dev/project/.cache/a","/tmp/x"]}}`, call.Allow},
		{`{"server":"fs","tool":"delete_directory","arguments":{"path":"/home/dev/project"}}`, call.Deny},
		{`{"server":"fs","tool":"delete_directory","arguments":{"path":"/home/dev","recursive":true}}`, call.Deny},
		{`{"server":"fs","tool":"delete_file","arguments":{"path":"/home/dev/project/src/a.ts"}}`, call.Deny},
		{`{"server":"fs","tool":"delete_file","arguments":{"paths":["/home/dev/project/dist/a","/home/dev/project/src/b.go"]}}`, call.Deny},
		{`{"server":"github","tool":"delete_file","arguments":{"owner":"acme","repo":"app","path":"dist/app.js"}}`, call.Deny},
	} {
		var p call.Params
		if err := json.Unmarshal([]byte(tc.args), &p); err != nil {
			t.Fatal(err)
		}
		d := e.Evaluate(call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: p})
		if d.Decision != tc.want {
			t.Errorf("%s = %v (%s), want %v", tc.args, d.Decision, d.Message, tc.want)
		}
	}
}

// TestWholeProjectContentsAsk checks that deleting everything the working
// directory holds asks however the target is spelled, while a build
// output's contents under the same spellings pass.
func TestWholeProjectContentsAsk(t *testing.T) {
	e := standard(t)
	for line, want := range map[string]call.Action{
		`rm -rf /home/dev/project/*`:         call.RequireApproval,
		`rm -rf "$PWD"/*`:                    call.RequireApproval,
		`rm -rf "$(pwd)"/*`:                  call.RequireApproval,
		`rm -rf ~/project/*`:                 call.RequireApproval,
		`rm -rf ../project/*`:                call.RequireApproval,
		`rm -rf /home/dev/project/dist/*`:    call.Allow,
		`rm -rf "$PWD"/build`:                call.Allow,
		`cd /tmp/build && rm -rf $PWD/*`:     call.Allow,
		`cd dist && rm -rf "$PWD"/*`:         call.Allow,
		`cd /home/dev/project && rm -rf ./*`: call.RequireApproval,
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, line)); d.Decision != want {
			t.Errorf("%q = %v (%s), want %v", line, d.Decision, d.Message, want)
		}
	}
}
