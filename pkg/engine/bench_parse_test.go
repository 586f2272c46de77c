package engine

import (
	"runtime"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// BenchmarkLongPipelineParseOnly runs the shell parser alone, one reused
// syntax.Parser, on the text BenchmarkLongPipeline evaluates: the floor the
// engine's judgement of that line is held against
// (scripts/bench-engine.sh prints the ratio).
func BenchmarkLongPipelineParseOnly(b *testing.B) {
	src := longPipeline()
	p := syntax.NewParser(syntax.Variant(syntax.LangBash))
	r := strings.NewReader(src)
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		r.Reset(src)
		if _, err := p.Parse(r, ""); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}

// cpuClock reports a benchmark's CPU time per operation beside its wall
// time: on a machine shared with other work the wall time counts the
// waits for a core, the CPU time only the work. cpu-ns/op is every thread
// of the process, the collector's background workers too; thread-ns/op
// (Linux) is the benchmark goroutine's own thread, locked to it while the
// clock runs: the work and the collection it is made to assist, steadier
// under load and closer to what a caller waits for on an idle machine.
type cpuClock struct {
	start, thread int64
	ok, threadOK  bool
}

func startCPU() cpuClock {
	runtime.LockOSThread()
	n, ok := cpuNanos()
	t, tok := threadNanos()
	return cpuClock{n, t, ok, tok}
}

func (c cpuClock) report(b *testing.B) {
	t, tok := threadNanos()
	n, ok := cpuNanos()
	runtime.UnlockOSThread()
	if b.N == 0 {
		return
	}
	if ok && c.ok {
		b.ReportMetric(float64(n-c.start)/float64(b.N), "cpu-ns/op")
	}
	if tok && c.threadOK {
		b.ReportMetric(float64(t-c.thread)/float64(b.N), "thread-ns/op")
	}
}
