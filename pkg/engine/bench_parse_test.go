package engine

import (
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
// waits for a core, the CPU time only the work.
type cpuClock struct {
	start int64
	ok    bool
}

func startCPU() cpuClock {
	n, ok := cpuNanos()
	return cpuClock{n, ok}
}

func (c cpuClock) report(b *testing.B) {
	if n, ok := cpuNanos(); ok && c.ok && b.N > 0 {
		b.ReportMetric(float64(n-c.start)/float64(b.N), "cpu-ns/op")
	}
}
