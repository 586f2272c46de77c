package effect

import (
	"testing"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// TestLineRawHTTP checks that the analysis's once-read answer is rawHTTP's
// for the line, however often it is asked.
func TestLineRawHTTP(t *testing.T) {
	for _, line := range []string{
		"echo hi | sort",
		"printf 'x' | nc 127.0.0.1 9090",
		"echo x > /dev/tcp/127.0.0.1/9090",
		"awk 'BEGIN { print \"x\" |& \"/inet/tcp/0/127.0.0.1/9090\" }'",
		"echo a; echo b; telnet localhost 9090",
		"cat f | grep x | wc -l",
	} {
		res := shell.Parse(line)
		a := analysis{res: &res, cat: catalog.Default()}
		want := rawHTTP(&res)
		for range 3 {
			if got := a.lineRawHTTP(); got != want {
				t.Errorf("%q: lineRawHTTP() = %v, rawHTTP = %v", line, got, want)
			}
		}
	}
}
