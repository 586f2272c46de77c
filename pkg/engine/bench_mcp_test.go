package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

// BenchmarkMCPCall times MCP tools/call decisions on the standard profile:
// a file read, a fetch whose URL argument is also judged as a request,
// and a query with SQL and a connection string.
func BenchmarkMCPCall(b *testing.B) {
	e := standard(b)
	for _, bc := range []struct{ name, params string }{
		{"read-file", `{"server":"filesystem","tool":"read_file","arguments":{"path":"src/main.go"}}`},
		{"fetch-url", `{"server":"fetch","tool":"fetch","arguments":{"url":"https://docs.python.org/3/library/json.html","max_length":5000}}`},
		{"sql-query", `{"server":"postgres","tool":"query","arguments":{"sql":"SELECT id, name FROM users WHERE active LIMIT 10","connection":"postgres://dev@localhost:5432/app"}}`},
	} {
		var p call.Params
		if err := json.Unmarshal([]byte(bc.params), &p); err != nil {
			b.Fatal(err)
		}
		c := call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: p}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				e.Evaluate(c)
			}
			cpu.report(b)
		})
	}
}
