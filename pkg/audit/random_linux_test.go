package audit

import (
	"bytes"
	"testing"
)

// The fallback for kernels without getrandom(2) fills what it is asked for.
func TestReadURandom(t *testing.T) {
	b := make([]byte, 32)
	if n, err := readURandom(b); n != len(b) || err != nil {
		t.Fatalf("readURandom = %d, %v; want %d, nil", n, err, len(b))
	}
	if bytes.Equal(b, make([]byte, 32)) {
		t.Error("32 bytes from /dev/urandom are all zero")
	}
}
