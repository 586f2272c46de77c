//go:build unix

package decide

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPolicyNamedPipe checks that a named pipe at a policy's path is an
// error at once, not a read that waits for a writer (and holds the
// decision past the agent's hook timeout).
func TestPolicyNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "policy.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadPolicy(fifo, nil); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("ReadPolicy(fifo) = %v, want not a regular file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadPolicy(fifo) is waiting for a writer")
	}
}
