//go:build unix

package proxy

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/engine"
	"rampart.dev/pkg/home"
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

// pointJudge is package decide's decision point, as rampart-mcp's own
// judge wraps it: every decision recorded in the audit log.
type pointJudge struct{ p *decide.Point }

func (j pointJudge) Decide(c call.Call) call.Decision    { return j.p.Decide(c) }
func (j pointJudge) Probe(c call.Call) call.Decision     { return j.p.Probe(c) }
func (j pointJudge) Record(c call.Call, d call.Decision) { j.p.Record(c, d) }
func (j pointJudge) HasResponseRules(cwd string) bool    { return j.p.HasResponseRules(cwd) }
func (j pointJudge) DecideResponse(c call.Call, out string) call.Decision {
	return j.p.DecideResponseRules(c, out)
}

// BenchmarkWorkPoint is the proxy's own work for one tools/call and its
// result, as bench-mcp.sh's client makes them (read_text_file of a file
// in the project), through the real decision point and audit log on the
// standard profile, without pipes or scheduling. "apart" spaces the
// calls 600 µs (the pauses untimed), as a client waiting for each result
// does: each audit append then takes the log's lock and checks the head,
// and code and data are cold; "back_to_back" keeps the lock between
// appends. Run it with -cpu 1, as rampart-mcp runs.
func BenchmarkWorkPoint(b *testing.B) {
	for _, bc := range []struct {
		name  string
		pause time.Duration
	}{{"apart", 600 * time.Microsecond}, {"back_to_back", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			project := filepath.Join(dir, "home", "project")
			if err := os.MkdirAll(project, 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(project, "hello.txt"), []byte("hello from the sandbox\n"), 0o644); err != nil {
				b.Fatal(err)
			}
			pt, err := decide.Open(decide.Config{Profile: "standard", Home: home.Layout{Dir: filepath.Join(dir, "rampart")}, UserHome: filepath.Dir(project), Via: audit.ViaMCP, RawLookups: true})
			if err != nil {
				b.Fatal(err)
			}
			defer pt.Close()
			p := New(Config{Server: "filesystem", Judge: pointJudge{pt}, Redactor: secretRedactor{}, Cwd: project, Session: "bench"}, io.Discard, io.Discard)
			req := []byte(`{"method":"tools/call","params":{"name":"read_text_file","arguments":{"path":"` + project + `/hello.txt"}},"jsonrpc":"2.0","id":1}` + "\n")
			res := []byte(`{"result":{"content":[{"type":"text","text":"hello from the sandbox\n"}],"structuredContent":{"content":"hello from the sandbox\n"}},"jsonrpc":"2.0","id":1}` + "\n")
			b.ReportAllocs()
			var idle time.Duration
			cpu0 := cpuTime()
			for b.Loop() {
				if bc.pause > 0 {
					b.StopTimer()
					t := time.Now()
					time.Sleep(bc.pause)
					idle += time.Since(t)
					b.StartTimer()
				}
				p.clientLine(req)
				p.serverLine(res)
			}
			// CPU per call, the sleeps' own included (the timer's wake-up).
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
