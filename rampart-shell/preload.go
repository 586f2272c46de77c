package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/peterbourgon/ff/v3/ffcli"
)

const (
	// serverStart bounds the wait for a fresh rampart-eval to listen.
	serverStart = 10 * time.Second
	// serverStop is how long rampart-eval gets to finish its audit writes
	// after SIGTERM before it is killed.
	serverStop = 3 * time.Second
	// probe bounds the check that an existing socket answers.
	probe = time.Second
)

func preloadCmd(stdin *os.File, stderr io.Writer, code *int) *ffcli.Command {
	fs := flag.NewFlagSet("rampart-shell preload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var af agentFlags
	af.register(fs)
	socket := fs.String("socket", os.Getenv("RAMPART_SOCKET"), "use the rampart-eval already listening here (default $RAMPART_SOCKET, else start one for the session)")
	lib := fs.String("lib", os.Getenv("RAMPART_LIB"), "librampart.so (default $RAMPART_LIB, else ~/.rampart/lib/librampart.so, else ../lib/rampart/librampart.so beside this binary)")
	return &ffcli.Command{
		Name:       "preload",
		ShortUsage: "rampart-shell preload [-mode monitor] [-config F] [-socket PATH] [-lib SO] -- AGENT [ARG...]",
		ShortHelp:  "run an agent with librampart preloaded into every process it starts",
		LongHelp: "For agents that spawn commands directly (Python subprocess, Node child_process)\n" +
			"or through any shell: every exec of a dynamically linked process is judged.\n" +
			"Statically linked programs (Go binaries, Codex) are not reachable: use hooks.",
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			if err := af.check(args); err != nil {
				return err
			}
			so, err := findLib(*lib)
			if err != nil {
				return err
			}
			srv, err := startServer(*socket, af, stderr)
			if err != nil {
				return err
			}
			env := preloadEnv(os.Environ(), so, srv.socket, af, args[0])
			var sig syscall.Signal
			*code, sig = runAgent(args, env, stdin, stderr)
			srv.stop(stderr)
			reraise(sig)
			return nil
		},
	}
}

// preloadEnv is the agent's environment under preload.
func preloadEnv(env []string, so, socket string, af agentFlags, agent string) []string {
	preload := so
	for _, e := range env {
		if old, ok := strings.CutPrefix(e, "LD_PRELOAD="); ok && old != "" {
			preload = so + ":" + old
			if slices.Contains(strings.FieldsFunc(old, func(r rune) bool { return r == ':' || r == ' ' }), so) {
				preload = old
			}
		}
	}
	env = setEnv(env, "LD_PRELOAD", preload)
	env = setEnv(env, "RAMPART_SOCKET", socket)
	if af.mode == "monitor" {
		env = setEnv(env, "RAMPART_MODE", "monitor")
	} else {
		env = unsetEnv(env, "RAMPART_MODE")
	}
	return setEnv(env, "RAMPART_AGENT", af.agentName(agent))
}

// findLib locates librampart.so: flag (or $RAMPART_LIB), the Rampart home,
// then the one make install put beside this binary's prefix
// (PREFIX/bin/rampart-shell finds PREFIX/lib/rampart/librampart.so, so a
// system-wide install serves every user), then a source tree beside it.
func findLib(flagLib string) (string, error) {
	l, _ := layout()
	exeDir := ""
	if self, err := os.Executable(); err == nil {
		exeDir = filepath.Dir(self)
	}
	return findLibIn(flagLib, l.Lib(), exeDir)
}

// findLibIn is findLib with the home's lib directory and this binary's
// directory given ("" when unknown).
func findLibIn(flagLib, homeLib, exeDir string) (string, error) {
	cands := []string{flagLib, filepath.Join(homeLib, "librampart.so")}
	if exeDir != "" {
		cands = append(cands,
			filepath.Join(exeDir, "..", "lib", "rampart", "librampart.so"),
			filepath.Join(exeDir, "..", "librampart", "librampart.so"),
			filepath.Join(exeDir, "librampart.so"))
	}
	for i, c := range cands {
		if c == "" {
			continue
		}
		p, err := filepath.Abs(c)
		if err != nil {
			continue
		}
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		} else if i == 0 {
			return "", fmt.Errorf("librampart %s: %w", c, err)
		}
	}
	return "", fmt.Errorf("librampart.so not found in %s or beside this binary (../lib/rampart): run `make install` (or `make -C librampart` and pass -lib)", homeLib)
}

// server is the session's decision point.
type server struct {
	socket string
	cmd    *exec.Cmd // nil when an existing server is used
	dir    string    // private directory holding the socket
	exited chan error
}

// startServer returns a reachable eval socket: the one given (or in
// $RAMPART_SOCKET) when it answers, else a new rampart-eval listening in a
// private temporary directory.
func startServer(socket string, af agentFlags, stderr io.Writer) (*server, error) {
	if socket != "" {
		if reachable(socket) {
			if af.mode == "monitor" {
				fmt.Fprintf(stderr, "rampart-shell: hint: nothing is blocked, but the server on %s records decisions in its own mode\n", socket)
			}
			return &server{socket: socket}, nil
		}
		fmt.Fprintf(stderr, "rampart-shell: hint: no server answers on %s; starting one for this session\n", socket)
	}
	eval, err := findEval()
	if err != nil {
		return nil, err
	}
	dir, err := socketDir()
	if err != nil {
		return nil, err
	}
	s := &server{socket: filepath.Join(dir, "eval.sock"), dir: dir, exited: make(chan error, 1)}
	args := []string{"--listen", "unix:" + s.socket}
	if af.mode == "monitor" {
		args = append(args, "--mode", "monitor")
	}
	if af.config != "" {
		p, err := filepath.Abs(af.config)
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		args = append(args, "--config", p)
	}
	s.cmd = exec.Command(eval, args...)
	// The server is not judged by librampart, and keeps its own process
	// group: Ctrl-C at the agent's terminal must not stop the decision
	// point (every later exec would then be denied).
	env := unsetEnv(os.Environ(), "LD_PRELOAD")
	s.cmd.Env = unsetEnv(unsetEnv(env, "RAMPART_SOCKET"), "RAMPART_MODE")
	s.cmd.Stderr = stderr
	s.cmd.SysProcAttr = serverProcAttr()
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("start %s: %w", eval, err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	deadline := time.Now().Add(serverStart)
	for !reachable(s.socket) {
		select {
		case err := <-s.exited:
			os.RemoveAll(dir)
			return nil, fmt.Errorf("rampart-eval --listen exited before listening: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop(stderr)
			return nil, fmt.Errorf("rampart-eval did not listen on %s within %v", s.socket, serverStart)
		}
	}
	return s, nil
}

// socketDir makes the session's private socket directory (0700) in the
// temporary directory, or in /tmp when that path would be too long for a
// unix socket (sun_path holds 107 bytes; macOS's $TMPDIR alone is ~50).
func socketDir() (string, error) {
	base := os.TempDir()
	if len(base)+len("/rampart-preload-1234567890/eval.sock") > 107 {
		base = "/tmp"
	}
	return os.MkdirTemp(base, "rampart-preload-")
}

// stop ends a server this session started and removes its socket.
func (s *server) stop(stderr io.Writer) {
	if s.cmd == nil {
		return
	}
	defer os.RemoveAll(s.dir)
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(serverStop):
		fmt.Fprintf(stderr, "rampart-shell: error: rampart-eval did not stop in %v; killing it\n", serverStop)
		s.cmd.Process.Kill()
		<-s.exited
	}
}

func reachable(socket string) bool {
	c, err := net.DialTimeout("unix", socket, probe)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// findEval finds rampart-eval beside this binary, else on $PATH.
func findEval() (string, error) {
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), "rampart-eval")
		if st, err := os.Stat(p); err == nil && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	p, err := exec.LookPath("rampart-eval")
	if errors.Is(err, exec.ErrNotFound) {
		return "", fmt.Errorf("rampart-eval not found beside rampart-shell or on $PATH")
	}
	return p, err
}
