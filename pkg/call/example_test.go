package call_test

import (
	"fmt"
	"os"
	"strings"

	"rampart.dev/pkg/call"
)

func ExampleReader() {
	in := strings.NewReader(`{"tool":"exec","params":{"command":"rm -rf /"},"agent":"claude-code"}
not json
`)
	r := call.NewReader(in)
	w := call.NewWriter(os.Stdout)
	for {
		c, err := r.Read()
		if err != nil {
			if call.IsBadInput(err) {
				w.Write(call.Decision{Decision: call.Deny, Message: err.Error()})
				continue
			}
			break
		}
		fmt.Println(c.Tool, c.Command(), c.Agent)
	}
	// Output:
	// exec rm -rf / claude-code
	// {"decision":"deny","message":"line 2: malformed call: invalid character 'o' in literal null (expecting 'u')","eval_ns":0}
}
