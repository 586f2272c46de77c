package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// deciderRun is a `rampart-hook decider` started for one run, so that
// rampart-hook-fast hands the agent's calls to it.
type deciderRun struct {
	pid      int
	baseline int // its write system calls once it listened
}

// startDecider starts the decider in the workspace's Rampart home with
// the workspace's environment, waits for its socket, and stops it when
// the test ends.
func startDecider(t *testing.T, w *workspace) *deciderRun {
	t.Helper()
	sock := filepath.Join(w.Home, ".rampart", "run", "hook.sock")
	cmd := exec.Command(filepath.Join(binDir, "rampart-hook"), "decider", "--listen", sock, "--idle", "10m")
	cmd.Env = w.Env
	cmd.Dir = w.Work
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Logf("decider stderr: %s", stderr.String())
		}
	})
	for range 400 {
		if fi, err := os.Lstat(sock); err == nil && fi.Mode().Type() == os.ModeSocket {
			// Whatever the decider writes while it starts is done once it
			// listens; let its lock file's write settle all the same.
			time.Sleep(100 * time.Millisecond)
			n, err := writeCalls(cmd.Process.Pid)
			if err != nil {
				t.Fatalf("the decider's I/O counters: %v", err)
			}
			return &deciderRun{pid: cmd.Process.Pid, baseline: n}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("no decider socket at %s; stderr: %s", sock, stderr.String())
	return nil
}

// writeCalls is a process's count of write system calls (/proc/PID/io):
// an idle decider makes none, one that answered a call wrote its audit
// record and the answer.
func writeCalls(pid int) (int, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/io")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "syscw: "); ok {
			return strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return 0, fmt.Errorf("no syscw in /proc/%d/io", pid)
}

// served reports whether the decider answered a call since it listened.
func (d *deciderRun) served() bool {
	n, err := writeCalls(d.pid)
	return err == nil && n > d.baseline
}
