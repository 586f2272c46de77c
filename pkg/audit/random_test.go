package audit

import (
	"bytes"
	"testing"
)

// TestSystemRandom checks that the IDs' source fills what it is asked for
// and does not repeat itself.
func TestSystemRandom(t *testing.T) {
	a, b := make([]byte, 64), make([]byte, 64)
	for _, buf := range [][]byte{a, b} {
		if n, err := systemRandom.Read(buf); n != len(buf) || err != nil {
			t.Fatalf("Read = %d, %v; want %d, nil", n, err, len(buf))
		}
	}
	if bytes.Equal(a, b) || bytes.Equal(a, make([]byte, 64)) {
		t.Error("two reads of 64 random bytes are equal, or zero")
	}
}
