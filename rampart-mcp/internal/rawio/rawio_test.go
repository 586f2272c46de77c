package rawio

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// A pipe is read and written raw; a message larger than the pipe's buffer
// goes through whole (partial writes and waits for room), and the end of
// the stream reads as io.EOF.
func TestPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rr, ww := Reader(r), Writer(w)
	if runtime.GOOS == "linux" && (rr == io.Reader(r) || ww == io.Writer(w)) {
		t.Errorf("Reader, Writer(pipe) = %T, %T; want the raw ones", rr, ww)
	}
	msg := bytes.Repeat([]byte("0123456789abcdef"), 64<<10) // 1 MiB, 16 pipe buffers
	done := make(chan error, 1)
	go func() {
		n, err := ww.Write(msg)
		if err == nil && n != len(msg) {
			err = io.ErrShortWrite
		}
		w.Close()
		done <- err
	}()
	got, err := io.ReadAll(rr)
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Write: %v", err)
	}
	if !bytes.Equal(got, msg) {
		t.Errorf("read %d bytes, want the %d written", len(got), len(msg))
	}
	if n, err := rr.Read(make([]byte, 8)); n != 0 || err != io.EOF {
		t.Errorf("Read after the end = %d, %v; want 0, io.EOF", n, err)
	}
}

// Writing to a pipe whose reader is gone is an error, not a signal.
func TestBrokenPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r.Close()
	if _, err := Writer(w).Write([]byte("x\n")); err == nil {
		t.Error("Write to a pipe with no reader succeeded")
	}
}

// A regular file is not on the poller: it is read as it is.
func TestFileLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("hello\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if r := Reader(f); r != io.Reader(f) {
		t.Errorf("Reader(regular file) = %T, want the file itself", r)
	}
}

// A read waiting on a pipe that is closed meanwhile returns an error.
func TestClosedWhileReading(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rr := Reader(r)
	done := make(chan error, 1)
	go func() {
		_, err := rr.Read(make([]byte, 8))
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	r.Close()
	if err := <-done; err == nil || err == io.EOF {
		t.Errorf("Read on a pipe closed meanwhile = %v, want an error", err)
	}
}
