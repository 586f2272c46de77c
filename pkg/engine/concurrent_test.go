package engine

import (
	"reflect"
	"sync"
	"testing"

	"rampart.dev/pkg/call"
)

// TestEvaluateConcurrent judges every row of the family tables from
// several goroutines at once, one engine shared as rampart-serve shares
// it, and holds each decision to the one made alone: the pooled arrays
// an evaluation fills (scratch.go, shell.Release, effect's scratch) must
// never be shared between two evaluations. Run it with -race.
func TestEvaluateConcurrent(t *testing.T) {
	e := standard(t)
	var calls []call.Call
	for _, name := range effectsTables {
		for _, r := range readTable(t, name) {
			calls = append(calls, tableCall(t, r))
		}
	}
	calls = append(calls, mkCall(call.ToolExec, longPipeline()))
	want := make([]call.Decision, len(calls))
	for i, c := range calls {
		want[i] = e.Evaluate(c)
	}
	const workers = 4
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range calls {
				i := (k + w*len(calls)/workers) % len(calls) // each worker starts elsewhere
				if got := e.Evaluate(calls[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- calls[i].Command() + ": concurrent decision differs from the one made alone"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
	if len(calls) < 100 {
		t.Fatalf("only %d calls read from the tables", len(calls))
	}
}
