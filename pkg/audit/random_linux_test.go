package audit

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
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

// Read asks without waiting first; while the generator is not seeded
// (EAGAIN) it waits through the scheduler, and a short read or an
// interrupted call is carried on from where it stopped.
func TestGetrandomWaitsOnlyWhenNotSeeded(t *testing.T) {
	now, wait := getrandomNow, getrandomWait
	defer func() { getrandomNow, getrandomWait = now, wait }()
	var calls []string
	getrandomNow = func(b []byte) (int, unix.Errno) {
		calls = append(calls, "now")
		return 0, unix.EAGAIN
	}
	waited := 0
	getrandomWait = func(b []byte) (int, unix.Errno) {
		calls = append(calls, "wait")
		waited++
		if waited == 1 {
			return 0, unix.EINTR
		}
		b[0] = 7
		return 1, 0
	}
	b := make([]byte, 3)
	if n, err := systemRandom.Read(b); n != 3 || err != nil {
		t.Fatalf("Read = %d, %v; want 3, nil", n, err)
	}
	if got := strings.Join(calls, " "); got != "now wait wait wait wait" {
		t.Errorf("calls = %q; want one call without waiting, then waiting ones", got)
	}
	if !bytes.Equal(b, []byte{7, 7, 7}) {
		t.Errorf("b = %v; want what the calls gave", b)
	}

	calls = nil
	getrandomNow = func(b []byte) (int, unix.Errno) {
		calls = append(calls, "now")
		b[0] = 1
		return 1, 0
	}
	if n, err := systemRandom.Read(b); n != 3 || err != nil || strings.Join(calls, " ") != "now now now" {
		t.Errorf("seeded: Read = %d, %v with calls %q; want 3, nil and no waiting call", n, err, calls)
	}
}
