package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// installed copies the rampart under test (the test binary, which acts as
// rampart when so named) into a new directory, with the given stand-in
// scripts beside it, and returns rampart's path.
func installed(t *testing.T, scripts map[string]string) string {
	t.Helper()
	self, err := exec.LookPath("rampart") // put on PATH by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := filepath.Join(dir, "rampart")
	if err := os.Link(self, dst); err != nil {
		copyFile(t, self, dst)
	}
	for name, body := range scripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestExitStatusPassesThrough(t *testing.T) {
	rampart := installed(t, map[string]string{"rampart-audit": `exit "$2"`})
	for _, code := range []int{0, 1, 3, 126} {
		cmd := exec.Command(rampart, "audit", "verify", strconv.Itoa(code))
		cmd.Env = []string{"PATH=/nonexistent"}
		err := cmd.Run()
		var ee *exec.ExitError
		got := 0
		if errors.As(err, &ee) {
			got = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if got != code {
			t.Errorf("rampart audit verify exiting %d: rampart exits %d", code, got)
		}
	}
}

// TestBecomesTheBinary shows that rampart execs rather than forks: the
// binary runs under rampart's own pid, so a signal sent to rampart reaches
// it with nothing in between.
func TestBecomesTheBinary(t *testing.T) {
	rampart := installed(t, map[string]string{"rampart-watch": `echo "$$"; exec sleep 30`})
	cmd := exec.Command(rampart, "watch")
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatal(err)
	}
	if pid, _ := strconv.Atoi(strings.TrimSpace(line)); pid != cmd.Process.Pid {
		t.Errorf("rampart-watch ran as pid %d, rampart was %d", pid, cmd.Process.Pid)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("wait: %v, want killed by SIGTERM", err)
	}
	if ws := ee.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("rampart ended with %v, want killed by SIGTERM", ws)
	}
}

func TestBesideItselfFirst(t *testing.T) {
	rampart := installed(t, map[string]string{"rampart-eval": `echo beside "$@"`})
	onPath := t.TempDir()
	os.WriteFile(filepath.Join(onPath, "rampart-eval"), []byte("#!/bin/sh\necho path\n"), 0o755)
	cmd := exec.Command(rampart, "policy", "check", "p.yaml")
	cmd.Env = []string{"PATH=" + onPath}
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "beside check p.yaml\n"; got != want {
		t.Errorf("rampart policy check p.yaml printed %q, want %q", got, want)
	}
}
