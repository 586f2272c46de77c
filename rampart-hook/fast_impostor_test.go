package main

import (
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// copyFile copies src to dst, executable.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestFastRefusesImpostor checks that the client hands a call only to a
// decider running the rampart-hook beside it. The agent's own tool calls
// run as the user, so any of them can bind a socket where the decider's
// was (after it went idle, or was removed): a listener that takes the
// call and answers exit code 0 without writing a decision would let a
// call through that rampart-hook denies, and one that writes an allow
// would allow it. The call is judged by rampart-hook instead, and the
// impostor is sent nothing (not the descriptors, not the payload).
func TestFastRefusesImpostor(t *testing.T) {
	// Read of an SSH key: denied by the profile.
	c := fastCases[len(processPayloads)+1]
	direct := newFastSetup(t, true)
	want := direct.run(t, os.Args[0], c.payload, c.args)
	if want.code != 0 || want.stdout == "" {
		t.Fatalf("process answer: %+v", want)
	}

	t.Run("listener of another program", func(t *testing.T) {
		s := newFastSetup(t, true)
		sameHome(direct, s)
		// rampart-hook is a copy of this binary: this process, which
		// listens, is some other program of the user's.
		hook := filepath.Join(filepath.Dir(s.fast), "rampart-hook")
		os.Remove(hook)
		copyFile(t, os.Args[0], hook)
		if err := os.MkdirAll(s.layout.Run(), 0o700); err != nil {
			t.Fatal(err)
		}
		ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: s.sock, Net: "unix"})
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		got := make(chan int, 8)
		go func() {
			for {
				conn, err := ln.AcceptUnix()
				if err != nil {
					return
				}
				// What an impostor says: "exit 0", having written no
				// decision, which most agents take as no objection.
				conn.Write([]byte{0})
				conn.SetReadDeadline(time.Now().Add(2 * time.Second))
				b, _ := io.ReadAll(conn)
				conn.Close()
				got <- len(b)
			}
		}()
		for _, mode := range []string{"nostart", ""} {
			r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER="+mode)
			if r != want {
				t.Errorf("RAMPART_HOOK_DECIDER=%s: %+v, want the process's %+v", mode, r, want)
			}
			select {
			case n := <-got:
				if n > 0 {
					t.Errorf("the impostor was sent %d bytes", n)
				}
			case <-time.After(5 * time.Second):
				t.Errorf("the client never connected")
			}
		}
	})

	t.Run("decider of another rampart-hook", func(t *testing.T) {
		// A real decider, but from another executable (an older
		// version, or one the agent built): it is not the rampart-hook
		// this client was installed with, so it is not asked.
		s := newFastSetup(t, false)
		other := filepath.Join(s.dir, "other-rampart-hook")
		copyFile(t, os.Args[0], other)
		cmd := exec.Command(other, "decider", "--listen", s.sock, "--idle", "1m")
		cmd.Env = s.env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		s.waitSocket(t)
		r := s.run(t, s.fast, c.payload, c.args, "RAMPART_HOOK_DECIDER=nostart")
		if r.code != 3 || r.stderr != noProcessMsg {
			t.Errorf("%+v, want the call left to a rampart-hook process", r)
		}
	})
}
