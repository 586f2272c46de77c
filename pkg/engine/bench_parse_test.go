package engine

import (
	"flag"
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
// (Linux, with -threadcpu) is the benchmark goroutine's own thread,
// locked to it while the clock runs: the work and the collection it is
// made to assist, steadier under load. Locking is asked for, not done by
// default, so that the wall times stay those of an unlocked goroutine.
type cpuClock struct {
	start, thread int64
	ok, threadOK  bool
}

// threadCPU asks the benchmarks for thread-ns/op (scripts/bench-engine.sh
// passes it).
var threadCPU = flag.Bool("threadcpu", false, "report thread-ns/op, the benchmark goroutine's own thread's CPU time (Linux; locks the goroutine to its thread)")

func startCPU() cpuClock {
	var t int64
	tok := false
	if *threadCPU {
		runtime.LockOSThread()
		t, tok = threadNanos()
	}
	n, ok := cpuNanos()
	return cpuClock{n, t, ok, tok}
}

func (c cpuClock) report(b *testing.B) {
	var t int64
	tok := false
	if *threadCPU {
		t, tok = threadNanos()
		defer runtime.UnlockOSThread()
	}
	n, ok := cpuNanos()
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
