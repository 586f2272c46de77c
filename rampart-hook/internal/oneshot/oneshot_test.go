package oneshot

import (
	"runtime"
	"testing"
)

// Importing the package leaves the process on one P.
func TestOneProcessor(t *testing.T) {
	if n := runtime.GOMAXPROCS(0); n != 1 {
		t.Fatalf("GOMAXPROCS = %d after init, want 1", n)
	}
}
