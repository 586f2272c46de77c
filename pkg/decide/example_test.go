package decide_test

import (
	"fmt"
	"os"
	"path/filepath"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

func Example() {
	dir, _ := os.MkdirTemp("", "rampart-example")
	defer os.RemoveAll(dir)
	p, err := decide.Open(decide.Config{Home: home.Layout{Dir: filepath.Join(dir, ".rampart")}, UserHome: dir, Via: "example", Compile: compile.Parse})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	d := p.Decide(call.Call{Tool: "exec", Params: call.Params{"command": "sudo env /bin/rm -fr /"}, Cwd: dir})
	fmt.Println(d.Decision, d.MatchedPolicies, d.Message)
	// Output: deny [block-destructive] Destructive command blocked
}
