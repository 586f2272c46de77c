//go:build unix

package proxy

import (
	"io"
	"syscall"
	"testing"
	"time"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/secret"
)

// engineJudge is the real engine on the standard profile, without audit.
type engineJudge struct{ e *engine.Engine }

func (j engineJudge) Decide(c call.Call) call.Decision { return j.e.Evaluate(c) }
func (j engineJudge) Probe(c call.Call) call.Decision  { return j.e.Evaluate(c) }
func (j engineJudge) Record(call.Call, call.Decision)  {}

type secretRedactor struct{}

func (secretRedactor) Value(v any) (any, []string) {
	out, fs := secret.RedactValue(v)
	var k []string
	for _, f := range fs {
		k = append(k, f.Kind)
	}
	return out, k
}

func (secretRedactor) Clean(s, key string, _ bool) bool { return secret.Clean(s, key) }

func (secretRedactor) Text(s string) (string, []string) {
	out, fs := secret.Redact(s)
	var k []string
	for _, f := range fs {
		k = append(k, f.Kind)
	}
	return out, k
}

// BenchmarkWork is the proxy's own CPU cost per message, without pipes or
// scheduling: judging a tools/call on the standard profile and forwarding
// it, scanning its result, and passing a notification.
func BenchmarkWork(b *testing.B) {
	p0, err := policy.Profile("standard")
	if err != nil {
		b.Fatal(err)
	}
	p := New(Config{Server: "filesystem", Judge: engineJudge{engine.New(p0, engine.Env{Home: "/home/u"})}, Redactor: secretRedactor{}, Cwd: "/home/u/p"}, io.Discard, io.Discard)
	for _, tc := range []struct {
		name       string
		fromClient bool
		line       string
	}{
		{"tools_call", true, `{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"/home/u/p/hello.txt"}}}` + "\n"},
		{"tools_call_meta", true, `{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"/home/u/p/hello.txt"},"_meta":{"progressToken":12}}}` + "\n"},
		{"tools_call_denied", true, `{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"~/.ssh/id_rsa"}}}` + "\n"},
		{"result", false, `{"result":{"content":[{"type":"text","text":"hello from probe\n"}],"structuredContent":{"content":"hello from probe\n"}},"jsonrpc":"2.0","id":10}` + "\n"},
		{"notification", true, `{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"t","progress":1,"total":2}}` + "\n"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			line := []byte(tc.line)
			b.ReportAllocs()
			cpu0 := cpuTime()
			n := 0
			for b.Loop() {
				if tc.fromClient {
					p.clientLine(line)
				} else {
					p.serverLine(line)
				}
				n++
			}
			// CPU time per message: unlike ns/op, it does not grow while
			// the benchmark waits for a busy machine's cores.
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(n), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
