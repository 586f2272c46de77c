package oneshot

import (
	"runtime"
	"testing"
)

// Importing the package leaves the process on one P, without allocation
// sampling.
func TestOneProcessor(t *testing.T) {
	if n := runtime.GOMAXPROCS(0); n != 1 {
		t.Fatalf("GOMAXPROCS = %d after init, want 1", n)
	}
	if runtime.MemProfileRate != 0 {
		t.Fatalf("MemProfileRate = %d after init, want 0", runtime.MemProfileRate)
	}
}
